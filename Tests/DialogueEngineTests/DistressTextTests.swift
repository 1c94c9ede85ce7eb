import Testing

@testable import DialogueEngine

extension DistressText {
    /// The line's words as the check-in reads them, for tests.
    var wordStrings: [String] { words.indices.map { String(decoding: bytes(of: $0), as: UTF8.self) } }
}

/// How the check-in reads a line: plain words, in sentences.
@Suite struct DistressTextTests {
    func words(_ s: String) -> [String] { DistressText(s).wordStrings }

    func sentences(_ s: String) -> [Int] { DistressText(s).words.map(\.sentence) }

    @Test func plainWords() {
        #expect(words("I CAN'T go on") == ["i", "cant", "go", "on"])
        #expect(words("I can\u{2019}t, I won\u{2019}t") == ["i", "cant", "i", "wont"])
        #expect(words("self-harm / self\u{2013}harm") == ["self", "harm", "self", "harm"])
        #expect(words("sooooo kiiill") == ["so", "kill"])
        #expect(words("k1ll su1c1de") == ["kill", "suicide"])
        #expect(words("want 2 die, u r") == ["want", "to", "die", "you", "are"])
        #expect(words("I want too die") == ["i", "want", "to", "die"])
        #expect(words("took 30 tablets in 2019") == ["took", "many", "tablets", "in", "2019"])
        #expect(words("Dw i\u{2019}n hoffi cerdded, ŵyr") == ["dw", "in", "hoffi", "cerdded", "wyr"])
        #expect(words("café naïve") == ["cafe", "naive"])
        #expect(words("kill\u{200B}myself") == ["killmyself"])
        #expect(words("k i l l myself") == ["kill", "myself"])
        #expect(words("😭💔 die!!!") == ["die"])
        #expect(words("") == [])
    }

    @Test func lettersHiddenOrSwappedForSymbols() {
        #expect(words("k!ll myself") == ["kill", "myself"], "! between letters reads as i")
        #expect(words("su|cide") == ["suicide"])
        #expect(words("wow!!! love it") == ["wow", "love", "it"])
        #expect(sentences("I am well! I am fine") == [0, 0, 0, 1, 1, 1], "! then a space still ends a sentence")
        #expect(words("k*ll s**cide *hugs*") == ["k*ll", "s**cide", "hugs"], "* inside a word hides a letter")
        #expect(DistressText("k*ll").words.map(\.masked) == [true])
        #expect(DistressText("kill").words.map(\.masked) == [false])
    }

    @Test func sentencesEndAtAStopAndASpace() {
        #expect(sentences("I want to die. I am fine") == [0, 0, 0, 0, 1, 1, 1])
        #expect(sentences("want.to.die") == [0, 0, 0])
        #expect(sentences("Kill. Myself.") == [0, 0], "one or two words run on")
        #expect(sentences("I feel bad today\nI want to die") == [0, 0, 0, 0, 1, 1, 1, 1])
    }
}
