import Testing

@testable import DialogueEngine

/// The conversation as a state machine: order, `when:`, `next:`, `go: end`, the end of a plan, `action: export`.
@Suite struct ConversationTests {
    typealias T = TestSupport

    static let linear = """
        - id: name
          ask: What shall I call you?
          answer: text
        - id: hello
          say: Hello {name|there}.
        - id: mood
          ask: How are you, {name}?
          answer: text
        - id: thanks
          say: Thank you.
        """

    @Test func linearFlow() throws {
        var c = Conversation(script: try T.script(Self.linear), today: T.today)
        let opening = c.start()
        guard case .intro(let title, _, _)? = opening.events.first else {
            Issue.record("the opening starts with the intro")
            return
        }
        #expect(title == "Test")
        #expect(opening.events.contains(.section(number: 1, of: 1, title: "Part one")))
        #expect(opening.events.askedSteps == ["name"])
        #expect(opening.changes.isEmpty)

        let first = c.answer("Sam")
        #expect(first.changes == [.answered(step: "name", value: .text("Sam"))])
        #expect(first.events.said == ["Hello Sam."])
        guard case .asked(let p)? = first.events.last else {
            Issue.record("the next question is asked")
            return
        }
        #expect(p.step == "mood")
        #expect(p.text == "How are you, Sam?")
        #expect(p.progress.question == 2 && p.progress.questions == 2)

        let last = c.answer("Fine")
        #expect(last.events.said == ["Thank you."])
        #expect(last.events.isFinished)
        #expect(c.isFinished)
        #expect(c.currentStep == nil)
        #expect(c.planAnswers == ["name": .text("Sam"), "mood": .text("Fine")])
    }

    @Test func emptyAnswerIsRefusedKindly() throws {
        var c = try T.conversation(Self.linear)
        let turn = c.answer("   ")
        #expect(turn.changes.isEmpty)
        #expect(turn.events.invalidMessages == ["Please type an answer, or type /skip to leave this one for now."])
        #expect(c.currentID == "name")
    }

    @Test func fallbackFillsAMissingAnswer() throws {
        var c = try T.conversation(Self.linear)
        let turn = c.skip()
        #expect(turn.events.said == ["Hello there."])
        guard case .asked(let p)? = turn.events.last else { return }
        #expect(p.text == "How are you?")
    }

    // MARK: when: and next:

    static let branching = """
        - id: relationship
          ask: How are you connected?
          answer: pick-one
          options:
            parent: A parent
            other: Something else
        - id: relationship-other
          when: relationship == "other"
          ask: How would you describe it?
          answer: text
        - id: energy
          ask: How much energy do you have?
          answer: scale
          range: [0, 10]
          next:
            - if: energy <= 3
              go: low
            - if: energy >= 9
              go: end
            - go: plans
        - id: low
          say: That sounds hard.
        - id: support
          ask: Who could help?
          answer: text
        - id: plans
          ask: What are your plans?
          answer: text
        """

    @Test func whenSkipsAStep() throws {
        var c = try T.conversation(Self.branching)
        c.type("1")
        #expect(c.currentID == "energy")
        var d = try T.conversation(Self.branching)
        d.type("other")
        #expect(d.currentID == "relationship-other")
    }

    @Test func nextBranches() throws {
        var low = try T.conversation(Self.branching)
        let turn = low.answer("1")
        #expect(turn.events.askedSteps == ["energy"])
        let branch = low.answer("2")
        #expect(branch.events.said == ["That sounds hard."])
        #expect(branch.events.askedSteps == ["support"])
        low.type("A friend")
        #expect(low.currentID == "plans")

        var middle = try T.conversation(Self.branching)
        middle.type("1", "5")
        #expect(middle.currentID == "plans")
        #expect(!middle.plan.contains { $0.step.id == "support" })
    }

    @Test func goEndFinishes() throws {
        var c = try T.conversation(Self.branching)
        let turn = c.answer("1")
        #expect(!turn.events.isFinished)
        let end = c.type("10")
        #expect(end == [.answered(step: "energy", value: .number(10))])
        #expect(c.isFinished)
        #expect(c.plan.map(\.step.id) == ["relationship", "energy"])
    }

    @Test func sayAndIntroNeverWait() throws {
        let c = try T.conversation("""
            - id: a
              say: One.
            - id: b
              say: Two.
            - id: q
              ask: Question?
              answer: text
            """)
        #expect(c.currentID == "q")
    }

    @Test func aDialogueOfMessagesFinishesAtOnce() throws {
        var c = Conversation(script: try T.script("- id: a\n  say: Only this."), today: T.today)
        let turn = c.start()
        #expect(turn.events.said == ["Only this."])
        #expect(turn.events.isFinished)
    }

    // MARK: The end

    @Test func finishedStaysOpen() throws {
        var c = try T.conversation(Self.linear)
        c.type("Sam", "Fine")
        let more = c.answer("hello?")
        #expect(more.changes.isEmpty)
        #expect(more.events.notices.first?.contains("/review") == true)
        #expect(c.isFinished)
        guard case .review(let items, _, _)? = c.review().events.first else {
            Issue.record("review shows the answers")
            return
        }
        #expect(items.map(\.answer) == ["Sam", "Fine"])
        #expect(c.progressTurn().events.isFinished)
        #expect(c.skip().events.notices.first?.contains("no question to skip") == true)
        _ = c.change("mood")
        c.type("Better")
        #expect(c.isFinished)
        #expect(c.planAnswers["mood"] == .text("Better"))
    }

    @Test func exportAction() throws {
        let steps = """
            - id: name
              ask: Name?
              answer: text
            - id: show
              ask: Would you like to see your plan?
              answer: yes-no
              action: export
            """
        var c = try T.conversation(steps)
        c.type("Sam")
        let yes = c.answer("yes")
        guard case .export(let format, _)? = yes.events.first(where: { if case .export = $0 { true } else { false } }) else {
            Issue.record("answering yes shows the plan")
            return
        }
        #expect(format == .text)
        #expect(yes.events.isFinished)
        // The session writes the plan in, once.
        var session = Session(conversation: try T.conversation(steps), support: .fallback)
        session.accept(session.start())
        session.accept(session.handle("Sam"))
        let shown = session.handle("yes").events.compactMap { if case .export(_, let text) = $0 { text } else { nil } }
        #expect(shown.count == 1)
        #expect(shown.first?.contains("Sam") == true)

        var d = try T.conversation("- id: show\n  ask: See it?\n  answer: yes-no\n  action: export")
        let no = d.answer("no")
        #expect(!no.events.contains { if case .export = $0 { true } else { false } })
    }

    @Test func whyAndProgress() throws {
        var c = try T.conversation("""
            - id: a
              ask: A?
              answer: text
              why: Because it helps.
            - id: b
              ask: B?
              answer: text
            """)
        #expect(c.why().events == [.why("Because it helps.")])
        c.type("x")
        guard case .why(let fallback)? = c.why().events.first else { return }
        #expect(fallback.contains("/skip"))
        guard case .progress(let p)? = c.progressTurn().events.first else { return }
        #expect(p.question == 2 && p.questions == 2 && p.answered == 1 && p.part == 1 && p.parts == 1)
    }
}
