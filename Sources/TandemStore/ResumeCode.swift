/// Resume codes and plan ids: random, in Crockford base32, easy to read aloud and type.
///
/// A resume code is 60 random bits from `SystemRandomNumberGenerator` (the operating system's secure
/// source), shown as three groups of four: `K7QM-3XRT-9PAE`. Typing is forgiving: any case, with or
/// without dashes or spaces, and the look-alikes `I`, `L` (read as 1) and `O` (read as 0).
/// A plan id is 40 random bits, eight lowercase characters: `k7qm3xrt`.
///
/// The store keeps only a code's SHA-256 hash. A code is a key to someone's plan; the file that holds
/// the plan should not also hold working keys to it (a copied or backed-up store, or a server's
/// store, must not hand anyone a way in through `/resume`). The cost: a code cannot be shown again
/// from the store, so a plan opened by its id gets a fresh code (`PlanStorage.open(id:)`).
public enum ResumeCode {
    /// Days a resume code keeps working without use (every store keeps to this).
    public static let lifetimeDays = 180

    /// Crockford's base32 digits: no I, L, O or U.
    public static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    /// Characters in a code, without dashes.
    public static let length = 12
    /// Characters in a plan id.
    public static let idLength = 8

    /// A fresh code, e.g. `K7QM-3XRT-9PAE`.
    public static func make() -> String {
        grouped(randomDigits(length))
    }

    /// A fresh code of `digits` characters (five random bits each, at most 12), in groups of four:
    /// eight give a group room's join code, `K7QM-3XRT` (40 bits).
    public static func make(digits: Int) -> String {
        grouped(randomDigits(min(max(digits, 1), 12)))
    }

    /// A fresh plan id, e.g. `k7qm3xrt`.
    public static func makeID() -> String {
        randomDigits(idLength).lowercased()
    }

    /// `count` digits from one draw of 64 bits from the system's secure source (five bits per
    /// digit; count <= 12, so 60 bits at most). `UInt64.random(in:)` rather than a
    /// `SystemRandomNumberGenerator` passed `inout`: ThreadSanitizer crashes on the latter
    /// (swiftlang/swift#66099), and `scripts/sanitize` runs the store under it.
    static func randomDigits(_ count: Int) -> String {
        var bits = UInt64.random(in: .min ... .max)
        var out = ""
        for _ in 0..<count {
            out.append(alphabet[Int(bits & 31)])
            bits >>= 5
        }
        return out
    }

    /// `K7QM3XRT9PAE` as `K7QM-3XRT-9PAE`.
    public static func grouped(_ digits: String) -> String {
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && i % 4 == 0 { out.append("-") }
            out.append(c)
        }
        return out
    }

    /// What a person typed, as canonical digits without dashes, or nil when it cannot be a code or an id.
    /// Spaces and dashes are ignored; `I`/`L` read as 1 and `O` as 0.
    public static func canonical(_ typed: String) -> String? {
        var out = ""
        for c in typed.uppercased() {
            switch c {
            case "-", " ", "\t": continue
            case "I", "L": out.append("1")
            case "O": out.append("0")
            default:
                guard alphabet.contains(c) else { return nil }
                out.append(c)
            }
        }
        return out.isEmpty ? nil : out
    }
}
