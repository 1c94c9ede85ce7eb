/// Seat codes: what each person in a group room is given, privately, when they join, to come back
/// to their seat (and an answer they gave) if their connection drops (`Room+Seats.swift`).
///
/// Six characters from the system's secure random source, shown as two groups of three, `KQ7-4MT`:
/// letters and digits that do not look like each other (no 0 or O, 1, I or L, 5 or S, 8 or B, 2 or
/// Z, U or V), with at least one of each, mixed (never all the letters before the digits, or all
/// after them, as in `Jack47`), so a seat code is not read as a name, nor a name as a seat code
/// (`/join K7QM-3XRT KQ7-4MT`). About 26 bits: guessing one is slowed like any code, and a room stops giving seats
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
            guard chars.contains(where: digits.contains), chars.contains(where: letters.contains), !nameShaped(chars) else { continue }
            return String(chars.prefix(3)) + "-" + String(chars.suffix(3))
        }
    }

    /// What someone typed, as a seat code (`KQ7-4MT`), or nil when it cannot be one (a name):
    /// any case, with the dash in the middle or without it. Without the dash, letters then digits
    /// (`Jack47`, `Kate99`) or digits then letters (`47Kate`) are read as a name, never a code:
    /// seat codes are no longer made in those shapes (`make`), so a name with a number in it is
    /// not taken for one. A code made before that, in one of them, still works with its dash.
    public static func read(_ typed: String) -> String? {
        let upper = Array(typed.uppercased())
        let dashes = upper.indices.filter { upper[$0] == "-" }
        guard dashes.isEmpty || dashes == [3] else { return nil }
        let chars = upper.filter { $0 != "-" }
        guard chars.count == length, chars.allSatisfy(alphabet.contains),
              chars.contains(where: digits.contains), chars.contains(where: letters.contains) else { return nil }
        if dashes.isEmpty, nameShaped(chars) { return nil }
        return String(chars.prefix(3)) + "-" + String(chars.suffix(3))
    }

    /// The seat code at the end of what follows a join code (`KQ7-4MT`, `Asha KQ7-4MT`, or with a
    /// space for its dash, `kq7 4mt`, as a join code may be typed), and the words before it; nil
    /// when the end cannot be a seat code (it is a name). A code typed with a space was read as a
    /// name ("kq7 4mt"), so its person joined as someone new, and the group was shown their code.
    public static func atEnd(of typed: String) -> (seat: String, before: String)? {
        var words = typed.split(separator: " ").map(String.init)
        guard let last = words.popLast() else { return nil }
        if let seat = read(last) { return (seat, words.joined(separator: " ")) }
        guard last.count == 3, let first = words.last, first.count == 3, let seat = read(first + "-" + last) else { return nil }
        words.removeLast()
        return (seat, words.joined(separator: " "))
    }

    /// Letters then digits, or digits then letters, with one change between them: how a name or
    /// word with a number in it is written (`JACK47`).
    static func nameShaped(_ chars: [Character]) -> Bool {
        let kinds = chars.map(digits.contains)
        let changes = zip(kinds, kinds.dropFirst()).filter { $0 != $1 }.count
        return changes <= 1
    }
}
