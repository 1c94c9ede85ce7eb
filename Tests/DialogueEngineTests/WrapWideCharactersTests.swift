import Testing

@testable import DialogueEngine

/// An emoji or a Chinese, Japanese or Korean character takes two columns in a terminal. Wrapping
/// counts columns, not characters, so a line with one never runs past the window, where the
/// terminal would break a word in half.
@Suite struct WrapWideCharactersTests {
    @Test func anEmojiTakesTwoColumns() {
        let text = "i hope to get back to work 😊 and see my grandchildren more often, maybe go to café with Zoë"
        let lines = Wrap.lines(text, width: 80, indent: "      ", firstIndent: "      ")
        for line in lines { #expect(Wrap.columns(line) <= 80, "\(line)") }
        #expect(lines == [
            "      i hope to get back to work 😊 and see my grandchildren more often, maybe",
            "      go to café with Zoë",
        ])
    }

    @Test func columnsOfCharacters() {
        #expect(Wrap.columns("abc") == 3)
        #expect(Wrap.columns("café") == 4)
        #expect(Wrap.columns("cafe\u{301}") == 4)
        #expect(Wrap.columns("😊") == 2)
        #expect(Wrap.columns("👍🏽") == 2)
        #expect(Wrap.columns("👨‍👩‍👧") == 2)
        #expect(Wrap.columns("❤️") == 2)
        #expect(Wrap.columns("日本") == 4)
        #expect(Wrap.columns("한국") == 4)
        #expect(Wrap.columns("Llanfair ŵ ŷ") == 12)
    }

    @Test func wideWordsWrapByColumns() {
        let lines = Wrap.lines("😊😊😊😊😊 😊😊😊😊😊 😊😊😊😊😊", width: 20)
        #expect(lines == ["😊😊😊😊😊", "😊😊😊😊😊", "😊😊😊😊😊"])
    }
}
