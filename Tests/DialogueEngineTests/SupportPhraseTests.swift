import Testing

@testable import DialogueEngine

/// The check-in phrase search, rewritten for speed without Foundation: the same answers as before.
@Suite("Check-in phrases")
struct SupportPhraseTests {
    static let support = SupportDirectory.fallback

    @Test("found through case, punctuation, curly quotes and dashes", arguments: [
        "I WANT to die.", "sometimes i want to die", "Self\u{2010}harm, mostly", "self\u{2013}harm", "I've thought about suicide!", "(kill myself)",
        "maybe  end   my life", "Ich will nicht... want to die, ja",
    ])
    func found(_ text: String) {
        #expect(Self.support.mentionsRisk(text))
    }

    @Test("not found inside other words or across lines", arguments: [
        "I wanted to diet", "selfharming", "suicidepreventionday", "want to", "", "kill my self-esteem", "endmylife",
    ])
    func notFound(_ text: String) {
        #expect(!Self.support.mentionsRisk(text))
    }

    @Test("normalised text: words between single spaces, a space at each end")
    func normalise() {
        #expect(SupportDirectory.normalise("  Hello,  WORLD!  ") == " hello world ")
        #expect(SupportDirectory.normalise("") == "  ")
        #expect(SupportDirectory.normalise("It\u{2019}s café-time") == " it's café-time ")
        #expect(SupportDirectory.normalise("e\u{301}t\u{e9} 2") == " e\u{301}t\u{e9} 2 ")
    }
}
