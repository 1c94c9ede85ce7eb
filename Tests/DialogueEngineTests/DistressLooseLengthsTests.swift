import Testing

@testable import DialogueEngine

/// A misspelt word is compared only with the words of the lengths it can be near
/// (``DistressCode/looseLengths(near:)``): a length left out must be one where no word could pass.
@Suite struct DistressLooseLengthsTests {
    @Test func everyLengthThatCanBeNearIsCompared() {
        var narrowed = 0, checked = 0
        for matcher in [DistressMatcherTests.matcher, DistressMatcher.builtIn] {
            let c = matcher.compiled
            for code in [c.raising, c.harmless, c.context, c.who] {
                let words = code.looseStarts.map(\.member).filter { !$0.prefix }
                for count in 0...64 {
                    let lengths = code.looseLengths(near: count)
                    #expect(lengths.contains(count))
                    for m in words where abs(count - m.count) <= m.fuzz {
                        checked += 1
                        #expect(lengths.contains(m.count), "a word of \(count) letters can be near one of \(m.count) (\(m.fuzz) wrong)")
                    }
                    if lengths.count < 2 * code.maxFuzz + 1 { narrowed += 1 }
                }
            }
        }
        // The shipped words do allow fewer lengths, and many words were compared.
        #expect(narrowed > 100)
        #expect(checked > 1000)
    }

    /// Words of 9 letters (two may be wrong) and 7 (one): a word of 7 letters is compared with
    /// both, one of 6 with the 7 only, and a length no word has is not compared.
    @Test func aLongWordWidensTheLengths() throws {
        let code = DistressCode([try DistressPattern("overwhelm", groups: [:]), try DistressPattern("tablets", groups: [:])])
        #expect(code.looseLengths(near: 7) == 7...9)
        #expect(code.looseLengths(near: 6) == 6...7)
        #expect(code.looseLengths(near: 11) == 9...11)
        #expect(code.looseLengths(near: 12) == 12...12)
    }
}
