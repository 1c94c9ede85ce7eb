import Testing

@testable import DialogueEngine

/// A terminal narrower than 30 columns: the words are wrapped to it, whole, rather than cut by
/// the terminal in the middle of a word.
@Suite struct NarrowWidthTests {
    typealias T = TestSupport

    @Test func aNarrowTerminalIsWrappedToItsOwnWidth() {
        #expect(TextRenderer(width: 20).width == 20)
        #expect(TextRenderer(width: 5).width == TextRenderer.narrowest)
    }

    @Test func everyLineFitsTwentyColumns() throws {
        let renderer = TextRenderer(width: 20)
        var c = try T.conversation("""
            - id: pet
              ask: Which of these would you like to have at home with you?
              answer: pick-one
              options:
                cats: A cat that sleeps on the sofa all day
                dogs: A dog that needs a long walk
            """)
        let events = c.repeatQuestion() + [
            .intro(title: "Looking after me too", text: "A plan for family, friends and carers.", minutes: 20),
            .section(number: 1, of: 7, title: "About you and the person"),
        ]
        let out = renderer.render(events)
        #expect(out.contains { $0.contains("sofa") })
        for line in out { #expect(line.count <= 20, "too wide: \(line)") }
    }

    @Test func helpOnANarrowWindowPutsWhatEachCommandDoesUnderIt() {
        let out = TextRenderer(width: 24).render([.help(finished: false)])
        #expect(out.contains("  /help"))
        #expect(out.contains("    show these commands"))
        for line in out {
            #expect(line.count <= 24, "too wide: \(line)")
            #expect(!line.hasPrefix("         "), "a column too deep for the width: \(line)")
        }
        #expect(TextRenderer(width: 80).render([.help(finished: false)]).contains { $0.hasPrefix("  /help       show") })
    }
}
