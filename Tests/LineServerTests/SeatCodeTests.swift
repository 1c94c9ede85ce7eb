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
            seen.insert(code)
        }
        #expect(seen.count > 490, "random: \(seen.count) different of 500")
    }

    @Test("typed in any case, with or without the dash; a name is not a seat code", arguments: [
        ("kq7-4mt", "KQ7-4MT"), ("KQ74MT", "KQ7-4MT"), ("kq74mt", "KQ7-4MT"),
        ("Asha", nil), ("Ben", nil), ("KQ7-4M", nil), ("KQ7-4MTX", nil), ("ACDEFG", nil), ("346797", nil), ("KO7-4MT", nil),
    ] as [(String, String?)])
    func read(typed: String, expected: String?) {
        #expect(SeatCode.read(typed) == expected)
    }
}
