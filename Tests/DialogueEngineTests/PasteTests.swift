import Testing

@testable import DialogueEngine

/// Several lines pasted at once (a terminal's bracketed paste hands them over as one line).
@Suite struct PasteTests {
    typealias T = TestSupport

    static let steps = """
        - id: name
          ask: What shall I call you?
          answer: text
        - id: calm
          ask: What helps?
          answer: list
        - id: three
          ask: Three people?
          answer: list
          max: 2
        - id: done
          ask: Anything else?
          answer: text
        """

    func session(journal: MemoryJournal? = MemoryJournal()) throws -> TestDoor {
        var s = TestDoor(Session(conversation: Conversation(script: try T.script(Self.steps), today: T.today), support: .fallback), journal: journal)
        s.start()
        s.handle("Jo")
        return s
    }

    @Test(arguments: ["Tea, with toast\nA walk\nMusic", "Tea, with toast\r\nA walk\r\n\r\nMusic\r\n", "  Tea, with toast \n\n A walk\n\tMusic  \n"])
    func eachPastedLineIsOneThingOnAList(_ paste: String) throws {
        var s = try session()
        let events = s.handle(paste)
        #expect(s.conversation.currentID == "calm", "an empty pasted line does not end the list")
        #expect(events.notices.contains("Added 3 things, one for each line. Press Enter on an empty line when you have finished."))
        s.handle("")
        #expect(s.conversation.planAnswers["calm"] == .list(["Tea, with toast", "A walk", "Music"]))
        #expect(s.conversation.currentID == "three")
    }

    @Test func addsToWhatIsThereAndIsSavedAsTyped() throws {
        let journal = MemoryJournal()
        var s = try session(journal: journal)
        s.handle("Sleep")
        s.handle("Friends\nCooking")
        s.handle("")
        #expect(s.conversation.planAnswers["calm"] == .list(["Sleep", "Friends", "Cooking"]))
        // What was saved replays to the same plan.
        let replayed = Conversation(script: try T.script(Self.steps), changes: journal.changes, today: T.today)
        #expect(replayed.planAnswers == s.conversation.planAnswers)
    }

    @Test func aFullListNamesWhatWasNotAdded() throws {
        var s = try session()
        s.handle("Calm")
        s.handle("")
        let events = s.handle("Sam\nAli\nKim\nLee")
        #expect(s.conversation.planAnswers["three"] == .list(["Sam", "Ali"]))
        #expect(events.notices.contains("That list was full, so these were not added: \"Kim\", \"Lee\"."))
        // Nothing pasted answered the next question.
        #expect(s.conversation.currentID == "done")
        #expect(s.conversation.planAnswers["done"] == nil)
    }

    @Test func elsewhereLinesStayOneAnswer() throws {
        var s = try TestDoor(Session(conversation: Conversation(script: try T.script(Self.steps), today: T.today), support: .fallback))
        s.start()
        s.handle("Jo\nSmith")
        #expect(s.conversation.planAnswers["name"] == .text("Jo Smith"))
        // A paste holding a command is taken as it always was: one line.
        s.handle("Walks\n/review")
        s.handle("")
        #expect(s.conversation.planAnswers["calm"] == .list(["Walks /review"]))
    }

    @Test func thePasteIsHeardOnce() throws {
        var s = try session()
        let events = s.handle("Walks\nI want to end my life\nMusic")
        #expect(events.contains { if case .checkIn = $0 { true } else { false } })
        #expect(events.filter { if case .checkIn = $0 { true } else if case .checkInReminder = $0 { true } else { false } }.count == 1)
        #expect(s.conversation.currentID == "calm")
    }
}
