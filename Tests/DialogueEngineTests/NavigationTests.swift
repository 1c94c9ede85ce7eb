import Testing

@testable import DialogueEngine

/// Moving about a plan: `/back`, `/skip`, `/change` (which re-routes), and replaying the changes.
@Suite struct NavigationTests {
    typealias T = TestSupport

    // MARK: /back

    @Test func backAsksThePreviousQuestionWithItsAnswer() throws {
        var c = try T.conversation(ConversationTests.linear)
        c.type("Sam")
        let back = c.back()
        #expect(back.changes.isEmpty)
        guard case .asked(let p)? = back.events.last else {
            Issue.record("the previous question is asked again")
            return
        }
        #expect(p.step == "name")
        #expect(p.current == "Sam")
        #expect(c.currentID == "name")

        let keep = c.answer("")
        #expect(keep.changes.isEmpty)
        #expect(keep.events.notices.contains("Kept your answer."))
        #expect(c.currentID == "mood")

        c.back()
        let changed = c.answer("Alex")
        #expect(changed.changes == [.answered(step: "name", value: .text("Alex"))])
        #expect(changed.events.notices.contains("Changed."))
        guard case .asked(let again)? = changed.events.last else { return }
        #expect(again.text == "How are you, Alex?")
    }

    @Test func backAtTheFirstQuestion() throws {
        var c = try T.conversation(ConversationTests.linear)
        let turn = c.back()
        #expect(turn.events.notices == ["This is the first question, so there is nothing to go back to."])
        #expect(turn.events.askedSteps == ["name"])
    }

    @Test func backTwiceAndBackAfterTheEnd() throws {
        var c = try T.conversation(ConversationTests.branching)
        c.type("other", "Neighbour", "5")
        #expect(c.currentID == "plans")
        c.back()
        #expect(c.currentID == "energy")
        c.back()
        #expect(c.currentID == "relationship-other")
        c.type("", "")
        #expect(c.currentID == "plans")
        c.type("Rest")
        #expect(c.isFinished)
        c.back()
        #expect(c.currentID == "plans")
    }

    @Test func backThenAChangeReRoutes() throws {
        var c = try T.conversation(ConversationTests.branching)
        c.type("1", "5")
        #expect(c.currentID == "plans")
        c.back()
        let turn = c.answer("2")
        #expect(turn.events.askedSteps == ["support"])
        #expect(c.currentID == "support")
    }

    @Test func backSkipsPassedOverQuestions() throws {
        var c = try T.conversation(ConversationTests.branching)
        c.type("1", "5")
        c.back()
        c.back()
        // relationship-other was passed over, so /back goes to relationship.
        #expect(c.currentID == "relationship")
    }

    // MARK: /skip

    @Test func skipLeavesAQuestionForNow() throws {
        var c = try T.conversation(ConversationTests.linear)
        let turn = c.skip()
        #expect(turn.changes == [.skipped(step: "name")])
        #expect(turn.events.notices.first?.hasPrefix("Skipped for now.") == true)
        #expect(c.currentID == "mood")
        #expect(c.plan.map(\.step.id) == ["name"])
        #expect(c.plan.first?.value == nil)
    }

    @Test func requiredCannotBeSkipped() throws {
        var c = try T.conversation("- id: a\n  ask: A?\n  answer: text\n  required: true")
        let turn = c.skip()
        #expect(turn.changes.isEmpty)
        #expect(turn.events.invalidMessages == ["This question is needed to go on, so it cannot be skipped."])
        #expect(c.currentID == "a")
        #expect(c.answer("").events.invalidMessages == ["Please type an answer. This one is needed to go on."])
    }

    @Test func aSkippedAnswerEqualsNothing() throws {
        var c = try T.conversation("""
            - id: pet
              ask: Cats or dogs?
              answer: pick-one
              options:
                cats: Cats
                dogs: Dogs
            - id: not-cats
              when: pet != "cats"
              ask: Why not cats?
              answer: text
            - id: cats
              when: pet == "cats"
              ask: Why cats?
              answer: text
            """)
        c.skip()
        #expect(c.currentID == "not-cats")
        c.skip()
        #expect(c.isFinished)
    }

    // MARK: /change

    static let reRoute = """
        - id: has-helpers
          ask: Is there someone you can turn to?
          answer: yes-no
          next:
            - if: has-helpers == false
              go: alone
            - go: helpers
        - id: helpers
          ask: Who can you turn to?
          answer: list
          next:
            - go: mood
        - id: alone
          ask: What would help you feel less alone?
          answer: text
        - id: mood
          ask: How are you today?
          answer: text
        """

    @Test func changeThatReRoutes() throws {
        var c = try T.conversation(Self.reRoute)
        c.type("yes", "Sam", "Jo", "", "OK")
        #expect(c.isFinished)
        #expect(c.planAnswers["helpers"] == .list(["Sam", "Jo"]))

        let open = c.change("has-helpers")
        #expect(open.events.askedSteps == ["has-helpers"])
        let turn = c.answer("no")
        // The answer off the new path drops out, and the newly reached question is asked.
        #expect(turn.changes == [.answered(step: "has-helpers", value: .bool(false)), .cleared(step: "helpers")])
        #expect(turn.events.askedSteps == ["alone"])
        #expect(c.currentID == "alone")
        #expect(c.state.answers["helpers"] == nil)

        let after = c.answer("A group")
        #expect(after.events.isFinished)
        #expect(c.planAnswers == ["has-helpers": .bool(false), "alone": .text("A group"), "mood": .text("OK")])
    }

    @Test func changeByReviewNumber() throws {
        var c = try T.conversation(Self.reRoute)
        c.type("no", "Walks", "Fine")
        let items = c.reviewItems
        #expect(items.map(\.step) == ["has-helpers", "alone", "mood"])
        #expect(items.map(\.number) == [1, 2, 3])
        #expect(items[0].answer == "No")
        c.change("2")
        #expect(c.currentID == "alone")
        let turn = c.answer("Talking")
        #expect(turn.events.notices.contains("Changed."))
        #expect(c.isFinished)
        #expect(c.planAnswers["alone"] == .text("Talking"))
    }

    @Test func reviewKeepsEachListItemApart() throws {
        var c = try T.conversation(Self.reRoute)
        c.type("yes", "Sam, my brother", "Jo", "", "OK")
        let items = c.reviewItems
        #expect(items[1].entries == ["Sam, my brother", "Jo"])
        #expect(items[0].entries == nil)
        #expect(items[2].entries == nil)
        let lines = TextRenderer(width: 60).render(c.review().events)
        #expect(lines.contains("     - Sam, my brother"))
        #expect(lines.contains("     - Jo"))
    }

    @Test func changeRefusesWhatIsNotThere() throws {
        var c = try T.conversation(Self.reRoute)
        c.type("no")
        let missing = c.change("9")
        #expect(missing.events.invalidMessages.first?.contains("The numbers go from 1 to 1.") == true)
        #expect(missing.events.askedSteps == ["alone"])
        let name = c.change("helpers")
        #expect(!name.events.invalidMessages.isEmpty)
        let empty = c.change("  ")
        #expect(empty.events.invalidMessages.first?.contains("/change 3") == true)
    }

    @Test func aSkippedQuestionCanBeAnsweredLater() throws {
        var c = try T.conversation(ConversationTests.linear)
        c.skip()
        c.type("Fine")
        #expect(c.isFinished)
        #expect(c.reviewItems.first?.skipped == true)
        c.change("1")
        let turn = c.answer("Sam")
        #expect(turn.changes == [.answered(step: "name", value: .text("Sam"))])
        #expect(c.isFinished)
        #expect(c.planAnswers["name"] == .text("Sam"))
    }

    // MARK: Replay

    @Test func replayGivesTheSameStateAndQuestion() throws {
        let script = try T.script(Self.reRoute)
        var c = Conversation(script: script, today: T.today)
        _ = c.start()
        var changes: [Change] = []
        changes += c.type("no", "Walks", "OK")
        changes += c.change("has-helpers").changes
        changes += c.type("yes")
        changes += c.back().changes
        changes += c.type("")
        changes += c.type("Kim")
        #expect(c.currentID == "helpers")

        let replayed = Conversation(script: script, changes: changes, today: T.today)
        #expect(replayed.state == c.state)
        #expect(replayed.currentID == c.currentID)
        #expect(replayed.state.drafts["helpers"]?.items == ["Kim"])
        #expect(replayed.resume().events == c.resume().events)
    }
}

/// Progress is counted by the walk as it goes (``Conversation/Walk``): it must always agree with
/// the plan itself, whatever is answered, skipped, changed or taken back.
@Suite struct ProgressCountTests {
    @Test func progressAgreesWithThePlan() throws {
        let library = try DialogueLibrary.load(directory: TestSupport.packageRoot.appendingPathComponent("dialogues").path)
        var generator = SystemRandomNumberGenerator()
        for script in library.scripts {
            for _ in 0..<8 {
                var c = Conversation(script: script, today: TestSupport.today)
                _ = c.start()
                for _ in 0..<120 {
                    let plan = c.plan
                    let progress = c.progress()
                    #expect(progress.answered == plan.filter { $0.value != nil }.count, "\(script.id)")
                    #expect(progress.skipped == plan.filter { $0.value == nil }.count, "\(script.id)")
                    guard let question = c.currentStep?.question else { break }
                    switch Int.random(in: 0..<10, using: &generator) {
                    case 0: _ = c.skip()
                    case 1: _ = c.back()
                    case 2 where !plan.isEmpty: _ = c.change(plan.randomElement(using: &generator)!.step.id)
                    default:
                        let line: String
                        switch question.answer {
                        case .text, .list, .records: line = "Walks by the river"
                        case .pickOne, .pickMany: line = "\(Int.random(in: 1...2, using: &generator))"
                        case .yesNo: line = Bool.random(using: &generator) ? "yes" : "no"
                        case .number, .scale: line = "\(Int.random(in: 1...5, using: &generator))"
                        case .date: line = "in 2 weeks"
                        }
                        _ = c.answer(.text(line))
                        if question.answer.isMultiLine { _ = c.answer(.text("")) }
                    }
                }
            }
        }
    }
}
