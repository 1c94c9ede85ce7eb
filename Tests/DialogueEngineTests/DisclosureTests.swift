import Testing

@testable import DialogueEngine

/// What `/share` lets a host see: only what is given after sharing began, whatever shape it takes.
@Suite struct DisclosureTests {
    typealias T = TestSupport

    static let steps = """
        - id: mood
          ask: How are you today?
          answer: scale
          range: [1, 10]
        - id: helps
          ask: What helps?
          answer: list
        - id: people
          ask: Who can help?
          answer: records
          fields:
            - {id: who, ask: Their name, answer: text}
            - {id: how, ask: How to reach them, answer: text}
        """

    /// Types lines and returns what a watching host sees of them.
    func type(_ c: inout Conversation, _ d: inout Disclosure, _ lines: String...) -> [Disclosure.Shown] {
        var shown: [Disclosure.Shown] = []
        for line in lines {
            let before = c.state
            _ = line.hasPrefix("/") ? (line == "/back" ? c.back() : line == "/skip" ? c.skip() : c.change(String(line.dropFirst(8)))) : c.answer(line)
            shown += d.reveal(from: before, to: c.state, in: c.script)
        }
        return shown
    }

    @Test func itemsTypedBeforeSharingStayPrivateWhenTheListEndsAfter() throws {
        var c = try T.conversation(Self.steps)
        _ = c.answer("7")
        _ = c.answer("PRIVATE walk")
        var d = Disclosure(privateUntilNow: c.state)
        let shown = type(&c, &d, "Music", "")
        #expect(shown == [Disclosure.Shown(step: "helps", value: .list(["Music"]), withheld: true)])
    }

    @Test func anAnswerKeptWithEnterShowsNothingANewOneShowsAll() throws {
        var c = try T.conversation(Self.steps)
        _ = c.answer("7")
        var d = Disclosure(privateUntilNow: c.state)
        #expect(type(&c, &d, "/change mood", "").isEmpty)
        #expect(type(&c, &d, "/change mood", "8") == [Disclosure.Shown(step: "mood", value: .number(8), withheld: false)])
    }

    @Test func aListChangedAfterSharingShowsOnlyTheNewItemsEvenTheSecondTime() throws {
        var c = try T.conversation(Self.steps)
        _ = c.answer("7")
        _ = c.answer("PRIVATE one")
        _ = c.answer("")
        var d = Disclosure(privateUntilNow: c.state)
        #expect(type(&c, &d, "/change helps", "Tea", "") == [Disclosure.Shown(step: "helps", value: .list(["Tea"]), withheld: true)])
        #expect(type(&c, &d, "/change helps", "Cake", "") == [Disclosure.Shown(step: "helps", value: .list(["Tea", "Cake"]), withheld: true)])
    }

    @Test func anItemTakenOutAndTypedAgainAfterSharingIsShown() throws {
        var c = try T.conversation(Self.steps)
        _ = c.answer("7")
        _ = c.answer("Walk")
        var d = Disclosure(privateUntilNow: c.state)
        let shown = type(&c, &d, "/back", "Walk", "")
        #expect(shown == [Disclosure.Shown(step: "helps", value: .list(["Walk"]), withheld: false)])
    }

    @Test func fieldsOfARecordBegunBeforeSharingStayPrivate() throws {
        var c = try T.conversation(Self.steps)
        _ = c.answer("7")
        _ = c.answer("Walk")
        _ = c.answer("")
        _ = c.answer("PRIVATE Ann")
        var d = Disclosure(privateUntilNow: c.state)
        let shown = type(&c, &d, "07700 900123", "Ben", "Text him", "")
        #expect(shown == [Disclosure.Shown(step: "people", value: .records([["how": .text("07700 900123")], ["who": .text("Ben"), "how": .text("Text him")]]), withheld: true)])
    }

    @Test func sharingFromTheStartShowsEverythingAndSkipsSayNothing() throws {
        var c = try T.conversation(Self.steps)
        var d = Disclosure()
        let shown = type(&c, &d, "7", "/skip")
        #expect(shown == [Disclosure.Shown(step: "mood", value: .number(7), withheld: false), Disclosure.Shown(step: "helps", value: nil, withheld: false)])
    }
}
