/// The facilitator's secret: 128 random bits, written as 32 hex digits.
public enum HostToken {
    /// A fresh token from the system's secure random source.
    public static func make() -> String {
        var rng = SystemRandomNumberGenerator()
        var out = ""
        for _ in 0..<2 {
            let word = rng.next() as UInt64
            let hex = String(word, radix: 16)
            out += String(repeating: "0", count: 16 - hex.count) + hex
        }
        return out
    }

    /// Compares a typed token with the real one in time that does not depend on where they differ
    /// (only on the typed length), so timing says nothing about the secret.
    public static func matches(_ typed: String, _ secret: String) -> Bool {
        let a = Array(typed.utf8), b = Array(secret.utf8)
        guard !b.isEmpty else { return false }
        var difference = UInt8(a.count == b.count ? 0 : 1)
        for i in 0..<a.count {
            difference |= a[i] ^ b[i % b.count]
        }
        return difference == 0
    }

    /// Whether a token is long enough to be a secret: at least 16 characters.
    public static func isStrong(_ token: String) -> Bool { token.count >= 16 }
}
