/// Seat codes: what each person in a group room is given, privately, when they join, to come back
/// to their seat (and an answer they gave) if their connection drops (`Room+Seats.swift`).
///
/// Six characters from the system's secure random source, shown as two groups of three, `KQ7-4MT`:
/// letters and digits that do not look like each other (no 0 or O, 1, I or L, 5 or S, 8 or B, 2 or
/// Z, U or V), with at least one of each, so a seat code is not read as a name (`/join K7QM-3XRT
/// KQ7-4MT`). About 27 bits: guessing one is slowed like any code, and a room stops giving seats
/// back after `Room.maxWrongSeats` wrong ones. Never logged, never shown to anyone else.
public enum SeatCode {
    static let letters = Array("ACDEFGHJKMNPQRTWXY")
    static let digits = Array("34679")
    static let alphabet = letters + digits
    static let length = 6

    /// A fresh seat code, like `KQ7-4MT`.
    public static func make() -> String {
        while true {
            // `Int.random(in:)` draws from `SystemRandomNumberGenerator`, the system's secure source.
            let chars = (0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count)] }
            guard chars.contains(where: digits.contains), chars.contains(where: letters.contains) else { continue }
            return String(chars.prefix(3)) + "-" + String(chars.suffix(3))
        }
    }

    /// What someone typed, as a seat code (`KQ7-4MT`), or nil when it cannot be one (a name):
    /// any case, with or without the dash.
    public static func read(_ typed: String) -> String? {
        let chars = Array(typed.uppercased().filter { $0 != "-" })
        guard chars.count == length, chars.allSatisfy(alphabet.contains),
              chars.contains(where: digits.contains), chars.contains(where: letters.contains) else { return nil }
        return String(chars.prefix(3)) + "-" + String(chars.suffix(3))
    }
}
