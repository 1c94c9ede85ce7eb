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

    /// A terminal without bracketed paste, or a pipe, hands over a list copied from notes line by
    /// line: each line's bullet or number goes as it would in one paste ("- - walking the dog"
    /// was exported). A dash that is part of the words stays.
    @Test func aBulletTypedOrPastedLineByLineIsTheListsToShow() throws {
        var s = try session()
        for line in ["- walking the dog", "• Music", "2) a bath", "-5 degrees out is too cold", "1.5 hours of sleep more", "- "] {
            s.handle(line)
        }
        s.handle("")
        #expect(s.conversation.planAnswers["calm"] == .list(["walking the dog", "Music", "a bath", "-5 degrees out is too cold", "1.5 hours of sleep more", "-"]))
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

    @Test(arguments: [
        ("- Tea\n- A walk\n- Music", ["Tea", "A walk", "Music"]),
        ("• Tea\n• A walk", ["Tea", "A walk"]),
        ("1. Tea\n2. A walk\n10) Music", ["Tea", "A walk", "Music"]),
        ("* Tea\n*  A walk", ["Tea", "A walk"]),
        // Only when every line has one: these are the words.
        ("- Tea\nA walk", ["- Tea", "A walk"]),
        ("2 eggs\n3 slices of toast", ["2 eggs", "3 slices of toast"]),
        ("-5 degrees out\n-2 inside", ["-5 degrees out", "-2 inside"]),
        ("1.5 litres of water\n2.5 hours outside", ["1.5 litres of water", "2.5 hours outside"]),
    ])
    func bulletsAndNumbersOfACopiedListGo(_ paste: String, _ expected: [String]) throws {
        var s = try session()
        s.handle(paste)
        s.handle("")
        #expect(s.conversation.planAnswers["calm"] == .list(expected))
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
        #expect(events.notices.contains("That list was full, so these lines were not used: \"Kim\", \"Lee\"."))
        // Nothing pasted answered the next question.
        #expect(s.conversation.currentID == "done")
        #expect(s.conversation.planAnswers["done"] == nil)
    }

    static let people = """
        - id: people
          ask: Who can help?
          answer: records
          fields:
            - {id: who, ask: Name, answer: text}
            - {id: when, ask: From when, answer: date}
        - id: done
          ask: Anything else?
          answer: text
        """

    func peopleSession() throws -> TestDoor {
        var s = TestDoor(Session(conversation: Conversation(script: try T.script(Self.people), today: T.today), support: .fallback), journal: MemoryJournal())
        s.start()
        return s
    }

    @Test func recordsTakeEachLineAsTheNextField() throws {
        var s = try peopleSession()
        s.handle("Sam\n2027-01-05\nKim")
        #expect(s.conversation.currentID == "people")
        s.handle("2027-02-01")
        s.handle("")
        guard case .records(let records)? = s.conversation.planAnswers["people"] else { Issue.record("no records"); return }
        #expect(records.map { $0["who"] } == [.text("Sam"), .text("Kim")])
    }

    @Test func aLineNotTakenStopsThePasteAndNamesTheRest() throws {
        var s = try peopleSession()
        let events = s.handle("Sam\nnot a date at all\nKim\n2027-01-05")
        #expect(!events.invalidMessages.isEmpty)
        #expect(events.notices.contains("So I stopped there, and these lines were not used yet: \"Kim\", \"2027-01-05\"."))
        // The notice comes before the field is asked again.
        let notice = try #require(events.firstIndex { if case .notice(let n) = $0 { n.hasPrefix("So I stopped") } else { false } })
        let asked = events.lastIndex { if case .field = $0 { true } else { false } }
        #expect(asked.map { $0 > notice } ?? true)
        #expect(s.conversation.currentID == "people")
    }

    @Test func elsewhereLinesStayOneAnswer() throws {
        var s = try TestDoor(Session(conversation: Conversation(script: try T.script(Self.steps), today: T.today), support: .fallback))
        s.start()
        s.handle("Jo\n\n  Smith \r\n")
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
