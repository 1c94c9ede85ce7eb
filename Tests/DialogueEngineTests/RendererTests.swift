import Testing

@testable import DialogueEngine

/// The words every door shows: numbered options, what is accepted, progress, and nothing that steers a terminal.
@Suite struct RendererTests {
    typealias T = TestSupport
    let renderer = TextRenderer(width: 60)

    func lines(_ steps: String, _ inputs: String...) throws -> [String] {
        var c = try T.conversation(steps)
        var events: [Event] = []
        for input in inputs { events = c.answer(input).events }
        if inputs.isEmpty { events = c.repeatQuestion() }
        return renderer.render(events)
    }

    @Test func optionsAreNumbered() throws {
        let out = try lines("""
            - id: pet
              ask: Cats or dogs?
              answer: pick-one
              options:
                cats: Cats
                dogs: Dogs
            """)
        #expect(out.contains("Cats or dogs?"))
        #expect(out.contains("  1. Cats"))
        #expect(out.contains("  2. Dogs"))
        #expect(out.contains { $0.contains("number") })
    }

    @Test func scaleSaysItsRangeAndLabels() throws {
        let out = try lines("""
            - id: energy
              ask: How much energy?
              answer: scale
              range: [0, 10]
              labels: {0: none at all, 10: plenty}
            """)
        #expect(out.contains { $0.contains("0 to 10") && $0.contains("0 = none at all") && $0.contains("10 = plenty") })
    }

    @Test(arguments: [
        ("answer: yes-no", "yes or no"),
        ("answer: date", "1/3/2027"),
        ("answer: list", "empty line"),
        ("answer: pick-many\n  options:\n    a: A\n    b: B", "1, 3"),
        ("answer: number\n  range: [1, 5]", "from 1 to 5"),
    ])
    func eachTypeSaysWhatToType(_ shape: String, _ words: String) throws {
        let out = try lines("- id: q\n  ask: Q?\n  " + shape)
        #expect(out.contains { $0.contains(words) }, "\(out)")
    }

    @Test func progressReads() {
        let p = Progress(part: 2, parts: 3, partTitle: "Support", question: 4, questions: 9, answered: 5, skipped: 1)
        let text = renderer.render(.progress(p)).joined(separator: " ")
        #expect(text.contains("part 2 of 3"))
        #expect(text.contains("question 4 of 9"))
        #expect(text.contains("answered 5"))
    }

    @Test func sectionHeading() {
        #expect(renderer.render(.section(number: 2, of: 3, title: "Support")).contains("-- Part 2 of 3: Support --"))
    }

    @Test func controlCodesNeverReachTheScreen() {
        let nasty = "red\u{1B}[31m text\u{07} and \u{202E}reversed\u{9B}"
        let out = renderer.render([.said(nasty), .notice(nasty), .invalid(nasty), .export(format: .text, text: nasty)])
        for line in out {
            #expect(!line.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\u{202E}" || $0 == "\u{9B}" })
        }
        #expect(out.contains { $0.contains("red text and reversed") }, "the escape sequence goes whole, not only its ESC")
    }

    @Test func textWrapsAtTheWidth() {
        let long = Array(repeating: "word", count: 40).joined(separator: " ")
        let out = renderer.render(.said(long))
        #expect(out.count > 2)
        #expect(out.allSatisfy { $0.count <= 60 })
        #expect(TextRenderer(width: 5).width == TextRenderer.narrowest)
    }

    /// A narrow window (a phone held upright, a split screen) gets whole words on each line: every
    /// line of every dialogue's opening, its support contacts and help fits, unless one word is
    /// wider than the window.
    @Test(arguments: [20, 24, 29])
    func narrowWindowsGetWholeWords(width: Int) throws {
        let library = try DialogueLibrary.load(directory: T.packageRoot.appendingPathComponent("dialogues").path)
        let narrow = TextRenderer(width: width)
        #expect(narrow.width == width)
        for script in library.scripts {
            let session = Session(conversation: Conversation(script: script, today: T.today), support: library.support)
            var events = session.start().events + session.handle("/help").events + session.handle("/urgent").events
            events += [.menu(library.entries)]
            for line in narrow.render(events) where line.count > width {
                let words = line.split(separator: " ")
                #expect(words.count == 1, "\(script.id) at \(width): \"\(line)\"")
            }
        }
    }

    @Test func reviewShowsWhatIsNotAnsweredYet() {
        let items = [
            ReviewItem(number: 1, step: "a", part: "One", question: "A?", answer: "Yes", skipped: false),
            ReviewItem(number: 2, step: "b", part: "One", question: "B?", answer: nil, skipped: true),
        ]
        let out = renderer.render(.review(items))
        #expect(out.contains("  1. A?"))
        #expect(out.contains("     (not answered yet)"))
        #expect(out.contains { $0.contains("/change 1") })
        #expect(renderer.render(.review([])).contains("You have not answered any questions yet."))
    }

    @Test func reviewShowsEachEntryOnItsOwnLine() {
        let items = [
            ReviewItem(number: 1, step: "helps", part: "One", question: "What helps?", answer: "Tea, toast and jam; A walk", skipped: false,
                       entries: ["Tea, toast and jam", "A walk"]),
            ReviewItem(number: 2, step: "name", part: "One", question: "Your name?", answer: "Jo", skipped: false),
        ]
        let out = renderer.render(.review(items))
        #expect(out.contains("     - Tea, toast and jam"))
        #expect(out.contains("     - A walk"))
        #expect(!out.contains { $0.contains("; ") })
        #expect(out.contains("     Jo"))
    }

    @Test func supportListsEveryContact() {
        let out = renderer.render(.support(.fallback)).joined(separator: "\n")
        #expect(out.contains("999"))
        #expect(out.contains("116 123"))
        #expect(!out.lowercased().contains("we are watching"))
    }

    @Test func finishedSaysWhatCanBeDone() {
        let out = renderer.render(.finished(Summary(title: "My plan", answered: 3, skipped: 1))).joined(separator: " ")
        #expect(out.contains("My plan"))
        #expect(out.contains("/review"))
        #expect(out.contains("/export"))
    }

    @Test func helpListsEveryCommand() {
        let out = renderer.render(.help(finished: false)).joined(separator: "\n")
        for (command, _) in Command.descriptions { #expect(out.contains(command)) }
    }

    @Test func menuShowsTitlesAndMinutes() {
        let entry = DialogueEntry(number: 1, id: "a", title: "Looking after me too", summary: "For carers.", audience: ["family", "carer"], minutes: 20)
        let out = renderer.render(.menu([entry])).joined(separator: "\n")
        #expect(out.contains("1. Looking after me too (about 20 minutes)"))
        #expect(out.contains("family or carers"))
    }

    /// A server keeps the menu once rendered at each width: what is shown is what rendering gives,
    /// at every width, and a different list of dialogues (a library reloaded) is rendered anew.
    @Test func aKeptMenuIsTheMenu() throws {
        let library = try DialogueLibrary.load(directory: T.packageRoot.appendingPathComponent("dialogues").path)
        let menus = MenuCache()
        var renamed = library.entries
        renamed[0].title = "A plan of my own"
        for round in 0..<2 {
            for width in [30, 44, 60, 80, 120, 200] {
                var kept = TextRenderer(width: width)
                kept.menus = menus
                let plain = TextRenderer(width: width)
                #expect(kept.render(.menu(library.entries)) == plain.render(.menu(library.entries)), "width \(width), round \(round)")
                #expect(kept.render(.menu(renamed)) == plain.render(.menu(renamed)), "width \(width), round \(round)")
                #expect(kept.render(.menu(renamed)).joined().contains("A plan of my own"))
            }
        }
    }

    @Test func sanitizeKeepsNewlinesAndTabs() {
        #expect(Sanitize.text("a\tb\nc") == "a\tb\nc")
        #expect(Sanitize.line("a\tb\nc\u{1B}") == "a b c")
    }

    @Test("The full check-in ends with the numbers that matter most, in text and through JSON, so a small screen keeps them")
    func checkInEndsWithTheNumbers() throws {
        for about in [DistressMatch.Concern.person, .someoneElse] {
            let event = Event.checkIn(message: SupportDirectory.fallback.checkIn.message(for: about), support: .fallback, about: about)
            let closing = renderer.wrap(SupportDirectory.fallback.checkIn.reminder(for: about))
            let direct = renderer.render([event])
            #expect(Array(direct.suffix(closing.count)) == closing, "\(about)")
            #expect(direct.suffix(closing.count).joined(separator: " ").contains("116 123"))
            let decoded = try #require(JSONRenderer.decode(try JSONValue.parse(JSONRenderer.encode(event).serialized())))
            #expect(Array(renderer.render([decoded]).suffix(closing.count)) == closing, "the same through JSON (tandem connect)")
        }
    }
}
