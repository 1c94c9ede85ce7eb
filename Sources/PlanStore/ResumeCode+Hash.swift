import Crypto
import TandemStore

extension ResumeCode {
    /// The hash the store keeps for a code (canonical digits, so any way of typing it matches).
    static func hash(canonical digits: String) -> String {
        SHA256.hash(data: Array(("tandem-resume-code:" + digits).utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
