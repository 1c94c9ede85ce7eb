import Testing

@testable import DialogueEngine

/// "skip", "help", "urgent" typed without the slash, as people type them: the command, not an
/// answer ("skip" went into the plan as what a carer said she does) and not a plan's name.
@Suite struct CommandWordsWithoutSlashTests {
    static let steps = """
        - id: name
          ask: Name?
          answer: text
        - id: doing
          ask: What do you do?
          answer: text
        - id: helps
          ask: What helps?
          answer: list
        - id: mood
          ask: Mood?
          answer: scale
        """

    /// "skip" typed at a text question went into the plan as the answer "skip".
    @Test(arguments: ["skip", "Skip", "skip.", " SKIP "])
    func skipWithoutTheSlashSkips(_ typed: String) throws {
        var s = Session(conversation: Conversation(script: try TestSupport.script(Self.steps), today: TestSupport.today), support: .fallback)
        _ = s.take("/skip")
        let events = s.take(typed)
        #expect(s.conversation.state.answers["doing"] == nil)
        #expect(s.conversation.state.skipped.contains("doing"))
        #expect(events.askedSteps == ["helps"])
    }

    @Test func otherCommandWordsWithoutTheSlash() throws {
        var s = Session(conversation: Conversation(script: try TestSupport.script(Self.steps), today: TestSupport.today), support: .fallback)
        _ = s.take("Sam")
        _ = s.take("driving")
        #expect(s.take("help").contains(.help(finished: false)))
        #expect(s.take("urgent!").contains { if case .support = $0 { true } else { false } })
        _ = s.take("walks")
        // "back" in a list takes out the last thing, as /back does; it is never an item.
        _ = s.take("back")
        #expect((s.conversation.state.drafts["helps"]?.items ?? []).isEmpty)
        _ = s.take("baths")
        _ = s.take("")
        #expect(s.conversation.state.answers["helps"] == .list(["baths"]))
        // Words with the command word in them are answers.
        #expect(s.take("skip it all").invalidMessages == ["Please type a whole number from 1 to 10."])
        let end = s.take("quit")
        #expect(end.contains { if case .goodbye = $0 { true } else { false } })
        #expect(s.isClosed)
    }

    /// "quit" or "pause" on their own may be the answer where a question asks for words ("What
    /// would you like to change?" "quit"): kept there; /quit still stops.
    @Test func quitAtATextQuestionIsTheAnswer() throws {
        var s = Session(conversation: Conversation(script: try TestSupport.script(Self.steps), today: TestSupport.today), support: .fallback)
        _ = s.take("Sam")
        _ = s.take("Quit")
        #expect(s.conversation.state.answers["doing"] == .text("Quit"))
        #expect(!s.isClosed)
        _ = s.take("pause")
        #expect(s.conversation.state.drafts["helps"]?.items == ["pause"])
        _ = s.take("/quit")
        #expect(s.isClosed)
    }

    @Test func aTextAnswerWithACommandWordInItIsKept() throws {
        var s = Session(conversation: Conversation(script: try TestSupport.script(Self.steps), today: TestSupport.today), support: .fallback)
        _ = s.take("Sam")
        _ = s.take("help with his meds")
        #expect(s.conversation.state.answers["doing"] == .text("help with his meds"))
    }

    /// At the menu, "help" was told 'There is no plan called "help"'.
    @Test func helpUrgentAndQuitAtTheMenu() throws {
        let lobby = Lobby(library: DialogueLibrary(directory: "memory", scripts: [try TestSupport.script(Self.steps)], support: .fallback))
        var checkIns = CheckInState()
        guard case .stay(let help) = lobby.handle("help", checkIns: &checkIns) else { Issue.record("stays"); return }
        #expect(help.notices.first?.hasPrefix("Type the number of a plan to start it.") == true)
        #expect(help.invalidMessages.isEmpty)
        guard case .stay(let urgent) = lobby.handle("Urgent", checkIns: &checkIns) else { Issue.record("stays"); return }
        #expect(urgent.contains { if case .support = $0 { true } else { false } })
        guard case .leave = lobby.handle("quit", checkIns: &checkIns) else { Issue.record("leaves"); return }
    }

    /// In a group room a word on its own is said to the group: the host's "back" is the group's
    /// answer, not a step back.
    @Test func notInAGroupRoom() throws {
        let session = Session(conversation: Conversation(script: try TestSupport.script(Self.steps), today: TestSupport.today), support: .fallback)
        var room = Room(code: "K7QM-4TZD", session: session, host: .init(id: "h", name: "Sam"))
        _ = room.open()
        _ = room.handle("back", from: "h")
        #expect(room.session.conversation.state.answers["name"] == .text("back"))
    }
}
