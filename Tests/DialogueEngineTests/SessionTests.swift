import Testing

@testable import DialogueEngine

/// What every door shares: commands at every prompt, the journal before the words, check-ins.
@Suite struct SessionTests {
    typealias T = TestSupport

    static let steps = """
        - id: name
          ask: What shall I call you?
          answer: text
        - id: calm
          ask: What helps?
          answer: list
        - id: people
          ask: Who can help?
          answer: records
          fields:
            - {id: who, ask: Name, answer: text}
            - {id: how, ask: How to reach them, answer: text}
        - id: done
          ask: Anything else?
          answer: text
        """

    func session(journal: MemoryJournal? = nil) throws -> TestDoor {
        let conversation = Conversation(script: try T.script(Self.steps), today: T.today)
        var s = TestDoor(Session(conversation: conversation, support: .fallback), journal: journal)
        s.start()
        return s
    }

    @Test func aNewPlanInAStoreSaysItsCodeAtTheStartInEveryDoor() throws {
        var s = TestDoor(Session(conversation: Conversation(script: try T.script(Self.steps), today: T.today), support: .fallback), journal: MemoryJournal())
        let opening = s.start()
        #expect(opening.count > 1 && opening[1] == .keptAs(code: "ABCD-1234"))
        #expect(TextRenderer(resumeCommand: "/resume").render(.keptAs(code: "ABCD-1234")).joined(separator: " ").contains("(/resume ABCD-1234)"))
        // In a terminal, the way back asks for the code: on a command line it shows in ps and the shell's history.
        for event in [Event.keptAs(code: "ABCD-1234"), .paused(code: "ABCD-1234", saved: true), .goodbye(code: "ABCD-1234", finished: false, saved: true)] {
            let said = TextRenderer(resumeCommand: "tandem resume").render([event]).joined(separator: " ")
            #expect(said.contains("(type tandem resume, then the code)") && !said.contains("tandem resume ABCD"), "\(said)")
        }
        #expect(JSONRenderer.decode(JSONRenderer.encode(.keptAs(code: "ABCD-1234"))) == .keptAs(code: "ABCD-1234"))
        var unsaved = TestDoor(Session(conversation: Conversation(script: try T.script(Self.steps), today: T.today), support: .fallback))
        #expect(!unsaved.start().contains { if case .keptAs = $0 { true } else { false } })
    }

    func hasSupport(_ events: [Event]) -> Bool {
        events.contains { if case .support = $0 { true } else { false } }
    }

    func lastField(_ events: [Event]) -> String? {
        events.compactMap { if case .field(let f) = $0 { f.field } else { nil } }.last
    }

    @Test func urgentAtEveryPrompt() throws {
        var s = try session()
        // At a question.
        var events = s.handle("/urgent")
        #expect(events.first == .support(.fallback))
        #expect(events.askedSteps == ["name"])
        // In the middle of a list.
        s.handle("Sam")
        s.handle("Music")
        events = s.handle("/URGENT")
        #expect(hasSupport(events))
        #expect(s.conversation.state.drafts["calm"]?.items == ["Music"])
        // In the middle of a record.
        s.handle("")
        s.handle("Jo")
        events = s.handle("/sos")
        #expect(hasSupport(events))
        #expect(lastField(events) == "how")
        // After the end.
        s.handle("Call")
        s.handle("")
        s.handle("No")
        #expect(s.conversation.isFinished)
        events = s.handle("/support")
        #expect(events == [.support(.fallback)])
    }

    @Test func urgentChangesNothing() throws {
        var s = try session()
        let before = s.conversation.state
        _ = s.handle("/urgent")
        #expect(s.conversation.state == before)
    }

    @Test func unknownCommandSuggestsTheClosest() throws {
        var s = try session()
        #expect(s.handle("/bakc").invalidMessages == ["I do not know the command /bakc. Did you mean /back? Type /help to see them all."])
        #expect(s.handle("/zzzzzz").invalidMessages == ["I do not know the command /zzzzzz. Type /help to see them all."])
        #expect(s.conversation.currentID == "name")
    }

    @Test func aSlashAloneIsAnAnswer() throws {
        var s = try session()
        s.handle("/")
        #expect(s.conversation.state.answers["name"] == .text("/"))
    }

    @Test func checkInFirstThenAShortReminderForEveryLaterLine() throws {
        var s = try session()
        _ = s.handle("Sam")
        let events = s.handle("I want to die")
        guard case .checkIn(let message, let support, let about)? = events.first else {
            Issue.record("the check-in comes first")
            return
        }
        #expect(message == SupportDirectory.fallback.checkIn.person)
        #expect(support == .fallback)
        #expect(about == .person)
        // The answer is still kept (here, the list's first item), and the conversation goes on.
        #expect(s.conversation.state.drafts["calm"]?.items == ["I want to die"])
        #expect(s.conversation.currentID == "calm")
        #expect(s.checkInShown)
        // A later line: a short reminder with the numbers that matter most.
        let later = s.handle("Thinking about suicide")
        #expect(later.first == .checkInReminder(message: SupportDirectory.fallback.checkIn.reminder, about: .person))
        #expect(SupportDirectory.fallback.checkIn.reminder.contains("999") && SupportDirectory.fallback.checkIn.reminder.contains("116 123"))
        #expect(SupportDirectory.fallback.checkIn.reminder.contains("111") && SupportDirectory.fallback.checkIn.reminder.contains("/urgent"))
        // At the same question too: a later line may be the more urgent one. Never silence.
        let again = s.handle("I want to kill myself tonight")
        #expect(again.first == .checkInReminder(message: SupportDirectory.fallback.checkIn.reminder, about: .person))
        #expect(!again.contains { if case .checkIn = $0 { true } else { false } }, "the full check-in only once")
        // At the next question, again a reminder; and a line with none brings nothing.
        _ = s.handle("")
        let next = s.handle("kms")
        #expect(next.contains { if case .checkInReminder = $0 { true } else { false } })
        #expect(!s.handle("a walk by the river").contains { if case .checkInReminder = $0 { true } else { false } })
    }

    @Test("Words of distress typed as a name: the check-in, and the name question again; they never greet the person or head the plan")
    func distressIsNotAName() throws {
        var s = try session()
        let events = s.handle("i want to die")
        #expect(events.first.map { if case .checkIn = $0 { true } else { false } } == true)
        #expect(events.contains { if case .asked(let p) = $0 { p.step == "name" } else { false } }, "asked again")
        #expect(s.conversation.state.answers["name"] == nil)
        #expect(s.conversation.currentID == "name")
        let again = s.handle("kms")
        #expect(again.first.map { if case .checkInReminder = $0 { true } else { false } } == true)
        #expect(again.contains { if case .asked(let p) = $0 { p.step == "name" } else { false } })
        _ = s.handle("Robin")
        #expect(s.conversation.state.answers["name"] == .text("Robin"))
        #expect(s.conversation.currentID == "calm")
    }

    @Test func aFinishedPlanStillHearsEveryLine() throws {
        var s = try session()
        for _ in 0..<20 where !s.conversation.isFinished { _ = s.handle("/skip") }
        #expect(s.conversation.isFinished)
        #expect(s.handle("I want to die").first.map { if case .checkIn = $0 { true } else { false } } == true)
        for line in ["please help me i am going to kill myself tonight", "kms", "I want to end it all"] {
            #expect(s.handle(line).first.map { if case .checkInReminder = $0 { true } else { false } } == true, "\(line)")
        }
    }

    @Test func wordsAboutSomeoneElseSpeakOfThem() throws {
        var s = try session()
        let events = s.handle("my son says he wants to kill himself")
        #expect(events.first == .checkIn(message: SupportDirectory.fallback.checkIn.someoneElse, support: .fallback, about: .someoneElse))
        #expect(SupportDirectory.fallback.checkIn.someoneElse.contains("someone"))
        _ = s.handle("Walks")
        let later = s.handle("my daughter is self harming")
        #expect(later.first == .checkInReminder(message: SupportDirectory.fallback.checkIn.reminderSomeoneElse, about: .someoneElse))
    }

    @Test func theCheckInNeverSaysSomeoneIsWatchingOrWillCome() {
        let words = SupportDirectory.fallback.checkIn
        for text in [words.person, words.someoneElse, words.reminder, words.reminderSomeoneElse] {
            let lower = text.lowercased()
            #expect(!lower.contains("we will") && !lower.contains("someone will come") && !lower.contains("we have told"))
        }
        #expect(words.person.contains("cannot send help") && words.person.contains("does not tell anyone about this"))
    }

    @Test func knownCommandsAreNotHeardButUnknownOnesAre() throws {
        var s = try session()
        #expect(!s.handle("/urgent").contains { if case .checkIn = $0 { true } else { false } })
        let unknown = s.handle("/iwanttodie")
        #expect(unknown.contains { if case .checkIn = $0 { true } else { false } })
    }

    @Test func checkInEvenWhenTheAnswerDoesNotFit() throws {
        let conversation = Conversation(script: try T.script("- id: ok\n  ask: Are you OK?\n  answer: yes-no"), today: T.today)
        var s = TestDoor(Session(conversation: conversation, support: .fallback))
        s.start()
        let events = s.handle("I want to kill myself")
        #expect(events.first == .checkIn(message: SupportDirectory.fallback.checkIn.person, support: .fallback, about: .person))
        // Not told off for it: no "Please type yes or no." after the contacts; the question again.
        #expect(events.invalidMessages.isEmpty)
        #expect(events.last.map { if case .asked = $0 { true } else { false } } == true)
        #expect(s.conversation.currentID == "ok")
        // A plain wrong answer is still told what is accepted.
        #expect(s.handle("maybe later").invalidMessages.count == 1)
    }

    /// Every door's lines come through `Session`, which cleans them: what is kept (and so every
    /// export and every later screen) holds the words without escape sequences or controls.
    @Test("Answers are kept cleaned: escape sequences go whole, the words stay")
    func answersAreCleanedAsTheyComeIn() throws {
        let steps = "- id: name\n  ask: Your name?\n  answer: text\n- id: helps\n  ask: What helps?\n  answer: list\n- id: last\n  ask: Anything else?\n  answer: text"
        let journal = MemoryJournal()
        var s = TestDoor(Session(conversation: Conversation(script: try T.script(steps), today: T.today), support: .fallback), journal: journal)
        s.start()
        s.handle("hope \u{1B}[31mRED\u{1B}[0m \u{1B}]0;TITLE\u{07} bell\u{07}\u{01}\u{08}")
        s.handle(answer: .list([.text("Siân 👩🏽‍🦰\u{1B}[1m"), .text("te\u{301}a\u{9B}2J")]))
        s.handle(answer: .text("a\u{1B}]52;c;aGk=\u{07}b"))
        #expect(s.conversation.state.answers["name"] == .text("hope RED  bell"))
        #expect(s.conversation.state.answers["helps"] == .list(["Siân 👩🏽‍🦰", "te\u{301}a"]))
        #expect(s.conversation.state.answers["last"] == .text("ab"))
        #expect(journal.changes.contains(.answered(step: "name", value: .text("hope RED  bell"))), "the store is given the cleaned answer")
    }

    @Test func aPlanShownByAQuestionCarriesTheContacts() throws {
        let conversation = Conversation(script: try T.script("- id: show\n  ask: See your plan?\n  answer: yes-no\n  action: export"), today: T.today)
        var s = TestDoor(Session(conversation: conversation, support: .fallback))
        s.start()
        let events = s.handle("yes")
        let text = events.compactMap { if case .export(_, let t) = $0 { t } else { nil } }.first ?? ""
        #expect(text.contains("Samaritans: Call 116 123."))
        #expect(text.contains("Emergency services: Call 999"))
    }

    @Test func noCheckInForOrdinaryWords() throws {
        var s = try session()
        let events = s.handle("Sam")
        #expect(!events.contains { if case .checkIn = $0 { true } else { false } })
        #expect(!s.checkInShown)
    }

    @Test func journalHearsEveryChangeFirst() throws {
        let journal = MemoryJournal()
        var s = try session(journal: journal)
        s.handle("Sam")
        s.handle("Music")
        s.handle("/back")
        s.handle("Tea")
        s.handle("")
        s.handle("/skip")
        #expect(journal.changes == [
            .answered(step: "name", value: .text("Sam")),
            .draft(step: "calm", value: Draft(items: ["Music"])),
            .draft(step: "calm", value: nil),
            .draft(step: "calm", value: Draft(items: ["Tea"])),
            .answered(step: "calm", value: .list(["Tea"])),
            .skipped(step: "people"),
        ])
        let replayed = Conversation(script: s.conversation.script, changes: journal.changes, today: T.today)
        #expect(replayed.state == s.conversation.state)
        #expect(replayed.currentID == s.conversation.currentID)
    }

    @Test func aJournalThatFailsLosesNothing() throws {
        let journal = MemoryJournal()
        var s = try session(journal: journal)
        s.handle("Sam")
        journal.failing = true
        let before = s.conversation.state
        let events = s.handle("Music")
        guard case .failure(let message)? = events.first else {
            Issue.record("a failure is shown")
            return
        }
        #expect(message.contains("have not moved on"))
        // The state does not move on: nothing is acknowledged that was not kept.
        #expect(s.conversation.state == before)
        #expect(s.conversation.state.drafts["calm"] == nil)
        #expect(events.askedSteps == ["calm"])
        #expect(!events.contains { if case .itemAdded = $0 { true } else { false } })
        let refused = s.handle("/skip")
        #expect(refused.first.map { if case .failure = $0 { true } else { false } } == true)
        #expect(s.conversation.state == before)
        #expect(s.conversation.currentID == "calm")
        journal.failing = false
        s.handle("Music")
        #expect(s.conversation.state.drafts["calm"]?.items == ["Music"])
        #expect(journal.changes.count == 2)
    }

    @Test func pauseQuitAndEndOfInputClose() throws {
        let journal = MemoryJournal()
        var paused = try session(journal: journal)
        #expect(paused.handle("/pause") == [.paused(code: "ABCD-1234", saved: true)])
        #expect(paused.isClosed)
        #expect(paused.handle("Sam").isEmpty)

        var quit = try session()
        #expect(quit.handle("/quit") == [.goodbye(code: nil, finished: false, saved: false)])
        #expect(quit.endOfInput().isEmpty)

        var ended = try session(journal: journal)
        #expect(ended.endOfInput() == [.paused(code: "ABCD-1234", saved: true)])
        #expect(ended.isClosed)
    }

    @Test func exportShowsThePlanSoFar() throws {
        var s = try session()
        s.handle("Sam")
        let events = s.handle("/export markdown")
        guard case .export(let format, let text)? = events.first else {
            Issue.record("the plan is shown")
            return
        }
        #expect(format == .markdown)
        #expect(text.contains("Sam"))
        let saved = s.handle("/export text plan.txt")
        #expect(saved.first == .notice("Saving to a file is not possible here, so here is your plan instead."))
        #expect(s.handle("/export pdf").invalidMessages == ["I can show your plan as text, markdown or json, like /export markdown. To save it in a file, add the file's name, like /export text my-plan.txt."])
    }

    /// People type a file name straight after /export: its ending says the format.
    @Test func helpReviewProgressAndWhyRepeatTheQuestion() throws {
        var s = try session()
        #expect(s.handle("/help").first == .help(finished: false))
        #expect(s.handle("/help").askedSteps == ["name"])
        #expect(s.handle("/review").askedSteps == ["name"])
        #expect(s.handle("/progress").askedSteps == ["name"])
        guard case .why? = s.handle("/why").first else {
            Issue.record("/why explains")
            return
        }
    }

    @Test func resumeSaysWhereThePlanIs() throws {
        var s = try session()
        s.handle("Sam")
        let events = s.resume()
        #expect(events.first == .notice("Welcome back. Your answers are all here."))
        #expect(events.askedSteps == ["calm"])
    }

    /// Someone who comes back to a list they had started (after a crash, or another day), or
    /// asks for the question again, sees what they typed, not only how many.
    @Test func aListStartedBeforeShowsItsItemsWhenAskedAgain() throws {
        var s = try session()
        s.handle("Sam")
        s.handle("walks")
        s.handle("music 🎵")
        for events in [s.resume(), s.handle("/review"), s.handle("/help")] {
            let prompt = events.compactMap { if case .asked(let p) = $0 { p } else { nil } }.last
            #expect(prompt?.soFar == ["walks", "music 🎵"])
        }
        let shown = TextRenderer().render(s.resume()).joined(separator: "\n")
        #expect(shown.contains("Already in your plan:\n    - walks\n    - music 🎵"))
        // Asked again through /change, part-way through a new entry: the answer is shown once, as
        // "Your answer now", not again as the items so far.
        s.handle("")
        s.handle("Jo")
        s.handle("0770")
        s.handle("")
        s.handle("/change 3")
        s.handle("Ali")
        let helped = s.handle("/change 3")
        let again = helped.compactMap { if case .asked(let p) = $0 { p } else { nil } }.last
        #expect(again?.current != nil, "\(helped)")
        #expect(again?.soFar == nil)
        // At the start, nothing is shown.
        var fresh = try session()
        fresh.handle("Sam")
        let asked = fresh.handle("/help").compactMap { if case .asked(let p) = $0 { p } else { nil } }.last
        #expect(asked?.soFar == nil)
    }
}
