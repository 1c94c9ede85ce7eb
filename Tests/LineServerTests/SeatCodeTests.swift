import Testing

import TandemDoors

/// Seat codes as made and as read back from what people type.
@Suite("Seat codes")
struct SeatCodeTests {
    @Test("made from letters and digits that do not look alike, at least one of each, as two groups of three")
    func made() {
        var seen = Set<String>()
        for _ in 0..<500 {
            let code = SeatCode.make()
            #expect(code.wholeMatch(of: /[ACDEFGHJKMNPQRTWXY34679]{3}-[ACDEFGHJKMNPQRTWXY34679]{3}/) != nil, "\(code)")
            #expect(code.contains { $0.isNumber } && code.contains { $0.isLetter }, "\(code)")
            #expect(SeatCode.read(code) == code)
            #expect(SeatCode.read(code.lowercased().replacing("-", with: "")) == code, "read without its dash: \(code)")
            seen.insert(code)
        }
        #expect(seen.count > 490, "random: \(seen.count) different of 500")
    }

    @Test("typed in any case, with or without the dash; a name, one with a number in it too, is not a seat code", arguments: [
        ("kq7-4mt", "KQ7-4MT"), ("KQ74MT", "KQ7-4MT"), ("kq74mt", "KQ7-4MT"),
        ("Asha", nil), ("Ben", nil), ("KQ7-4M", nil), ("KQ7-4MTX", nil), ("ACDEFG", nil), ("346797", nil), ("KO7-4MT", nil),
        // Names and words with a number in them, as people write them: names, never seat codes.
        ("Jack47", nil), ("jack47", nil), ("JACK47", nil), ("kate93", nil), ("47Jack", nil), ("Mary7", nil), ("Jack-47", nil), ("JA-CK47", nil),
        // A code made before codes were mixed, in one of those shapes, still works with its dash.
        ("JAC-K47", "JAC-K47"), ("jac-k47", "JAC-K47"), ("k7q-4mt", "K7Q-4MT"), ("K7Q4MT", "K7Q-4MT"), ("7KQ-M4T", "7KQ-M4T"),
    ] as [(String, String?)])
    func read(typed: String, expected: String?) {
        #expect(SeatCode.read(typed) == expected)
    }

    @Test("at the end of a /join line: with a space for its dash too, as a join code may be typed; a name before it is kept; names are never codes", arguments: [
        ("KQ7-4MT", "KQ7-4MT", ""), ("kq7 4mt", "KQ7-4MT", ""), ("Asha kq7 4mt", "KQ7-4MT", "Asha"), ("Asha KQ74MT", "KQ7-4MT", "Asha"),
        ("Asha", nil, ""), ("Amy Lee", nil, ""), ("Jack 47", nil, ""), ("Jo Ann", nil, ""), ("kq7 4m", nil, ""),
    ] as [(String, String?, String)])
    func atEnd(typed: String, seat: String?, before: String) {
        let read = SeatCode.atEnd(of: typed)
        #expect(read?.seat == seat)
        if seat != nil { #expect(read?.before == before) }
    }
}
