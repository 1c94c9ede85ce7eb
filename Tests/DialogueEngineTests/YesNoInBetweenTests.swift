import Testing

@testable import DialogueEngine

/// A yes or no question answered "sort of", "kind of", "a bit", "yes and no", "maybe" or "not
/// really sure" was told "Please type yes or no." (or "Please type just yes or no."), as if they
/// had not answered. They are told either is fine, and, where the question can be left, that
/// /skip leaves it for now; in a group, that /skip passes on it.
@Suite struct YesNoInBetweenTests: ParsesAnswers {
    let parser = AnswerParser(today: TestSupport.today)
    let kind = "Either yes or no is fine. Please type the one that is closest to how it is for you."
    let skip = " If you are not sure, you can type /skip to leave this one for now."

    static let typed = [
        "sort of", "kind of", "a bit", "yes and no", "maybe", "not really sure", "sorta", "kinda", "yeah sort of",
        "a little bit", "sometimes", "it depends", "a bit of both", "Yes and no.", "50/50", "not sure", "probably not",
        "in between", "kind of yes", "not too sure", "more or less", "hmm, maybe",
    ]

    @Test(arguments: typed)
    func toldEitherIsFine(_ input: String) {
        #expect(value(input, .yesNo) == nil, "\(input)")
        #expect(refusal(input, .yesNo) == kind, "\(input)")
    }

    /// A plain yes or no is still taken; "not really" is a no.
    @Test(arguments: [("yes", true), ("no", false), ("not really", false), ("yeah", true), ("i think so", true)])
    func aYesOrANoIsStillTaken(_ input: String, _ yes: Bool) {
        #expect(value(input, .yesNo) == .bool(yes), "\(input)")
    }

    /// Other words are told as before.
    @Test func otherWordsAsBefore() {
        #expect(refusal("purple", .yesNo) == "Please type yes or no.")
        #expect(refusal("yes he is my son", .yesNo) == "Please type just yes or no.")
    }

    @Test(arguments: typed)
    func inAPlanTheyAreToldAboutSkip(_ input: String) throws {
        var c = try TestSupport.conversation("- id: help\n  ask: Would you like help?\n  answer: yes-no\n")
        #expect(c.answer(input).events.invalidMessages == [kind + skip], "\(input)")
        #expect(c.planAnswers["help"] == nil)
        _ = c.skip()
        #expect(c.currentStep == nil)
    }

    /// A question that is needed cannot be skipped: they are not told they can.
    @Test func aNeededQuestionIsNotSkipped() throws {
        var c = try TestSupport.conversation("- id: ok\n  ask: Is it OK to go on?\n  answer: yes-no\n  required: true\n")
        #expect(c.answer("sort of").events.invalidMessages == [kind])
    }

    /// At a question of another kind, a bit of both also hears about /skip.
    @Test func atAScaleToo() throws {
        var c = try TestSupport.conversation("- id: mood\n  ask: Mood?\n  answer: scale\n")
        #expect(c.answer("sort of").events.invalidMessages == ["Please type a whole number from 1 to 10." + skip])
    }

    /// In a group, at a question everyone answers for themselves: /skip passes on it.
    @Test func inAGroupSkipPasses() throws {
        let rooms = RoomTests()
        let steps = """
            - id: joined
              ask: Have you been to a group like this before?
              answer: yes-no
              who: everyone
            """
        let session = Session(conversation: Conversation(script: try TestSupport.script(steps), today: TestSupport.today), support: .fallback,
                              plan: PlanInfo(id: "testplan", code: MemoryJournal.code))
        var room = Room(code: "K7QM-4TZD", session: session, host: .init(id: "h", name: "Sam"))
        _ = room.open()
        _ = room.join(id: "a", name: "Asha")
        let told = room.handle("kind of", from: "a")
        #expect(rooms.events(told, for: "a").invalidMessages == [kind + " If you are not sure, you can type /skip to pass on this one."])
        #expect(rooms.events(told, for: "h").isEmpty)
        let plain = room.handle("purple", from: "a")
        #expect(rooms.events(plain, for: "a").invalidMessages == ["Please type yes or no."])
    }
}
