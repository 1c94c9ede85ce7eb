import Crypto
import TandemStore

extension ResumeCode {
    /// The hash the store keeps for a code (canonical digits, so any way of typing it matches), in
    /// lower-case hex.
    static func hash(canonical digits: String) -> String {
        let digest = SHA256.hash(data: Array(("tandem-resume-code:" + digits).utf8))
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        // Written byte by byte: `String(format: "%02x")` went through Foundation for each of the 32.
        return String(unsafeUninitializedCapacity: 2 * SHA256.byteCount) { out in
            var i = 0
            for byte in digest {
                out[i] = hex[Int(byte >> 4)]
                out[i + 1] = hex[Int(byte & 0x0F)]
                i += 2
            }
            return i
        }
    }
}
