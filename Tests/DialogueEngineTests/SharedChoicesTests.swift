import Testing

@testable import DialogueEngine

/// Shared option lists (`choices:`, used by name) and options from an earlier answer
/// (`options: {from: step}`): only what was chosen, in its order.
@Suite struct SharedChoicesTests {
    static func dialogue(_ steps: String, choices: String = "") -> String {
        let body = steps.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "      " + $0 }.joined(separator: "\n")
        return "dialogue: shared\nversion: 1\ntitle: Shared\n" + choices + "sections:\n  - id: part\n    title: Part\n    steps:\n" + body + "\n"
    }

    static let areas = """
        choices:
          areas:
            sleep: Sleep
            food: Food
            friends: Friends
            work: Work

        """

    static let pickThenFocus = """
        - id: picked
          ask: Which areas?
          answer: pick-many
          options: areas
        - id: first
          ask: Which first?
          answer: pick-one
          options: {from: picked}
        - id: also
          ask: Which others?
          answer: pick-many
          options: {from: picked}
        - id: done
          ask: Anything else?
          answer: text
        """

    func conversation(_ steps: String, choices: String = areas) throws -> Conversation {
        let result = ScriptLoader.load(text: Self.dialogue(steps, choices: choices), file: "inline")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(DiagnosticRenderer.text))")
        var c = Conversation(script: try #require(result.script), today: TestSupport.today)
        _ = c.start()
        return c
    }

    func lastPrompt(_ events: [Event]) -> Prompt? {
        events.compactMap { if case .asked(let p) = $0 { p } else { nil } }.last
    }

    @Test func aNamedListGivesItsOptions() throws {
        let c = try conversation(Self.pickThenFocus)
        let q = try #require(c.currentStep?.question)
        #expect(q.answer.options.map(\.key) == ["sleep", "food", "friends", "work"])
        #expect(q.answer.options.map(\.label) == ["Sleep", "Food", "Friends", "Work"])
    }

    @Test func onlyWhatWasChosenIsOfferedInItsOrder() throws {
        var c = try conversation(Self.pickThenFocus)
        let turn = c.answer("4, 1")
        let p = try #require(lastPrompt(turn.events))
        #expect(p.step == "first")
        #expect(p.options.map(\.label) == ["Sleep", "Work"])
        #expect(p.options.map(\.number) == [1, 2])
        let wrong = c.answer("3")
        #expect(wrong.events.contains(.invalid("Please type the number of your choice, from 1 to 2.")))
        _ = c.answer("2")
        #expect(c.state.answers["first"] == .choice("work"))
        _ = c.answer("Sleep")
        #expect(c.state.answers["also"] == .choices(["sleep"]))
    }

    @Test func aTypedAnswerIsCheckedAgainstWhatIsOffered() throws {
        var c = try conversation(Self.pickThenFocus)
        _ = c.answer("sleep, food")
        let refused = c.answer(AnswerInput.text("work"))
        #expect(c.state.answers["first"] == nil, "\(refused.events)")
        _ = c.answer(AnswerInput.text("food"))
        #expect(c.state.answers["first"] == .choice("food"))
    }

    @Test func withNothingChosenTheQuestionIsPassedOver() throws {
        var c = try conversation(Self.pickThenFocus)
        let turn = c.skip()
        #expect(lastPrompt(turn.events)?.step == "done", "both from: questions are passed over")
    }

    @Test func changingTheEarlierAnswerAsksAgainWhatNoLongerFits() throws {
        var c = try conversation(Self.pickThenFocus)
        _ = c.answer("1, 2")
        _ = c.answer("2")  // first: food
        _ = c.answer("1")  // also: sleep
        #expect(c.currentStep?.id == "done")
        // Change the areas to sleep and work: "food" is no longer offered, so "first" is asked again.
        var d = Conversation(script: c.script, changes: [
            .answered(step: "picked", value: .choices(["sleep", "food"])),
            .answered(step: "first", value: .choice("food")),
            .answered(step: "also", value: .choices(["sleep"])),
            .answered(step: "picked", value: .choices(["sleep", "work"])),
        ], today: TestSupport.today)
        _ = d.start()
        #expect(d.currentStep?.id == "first")
        // Asked again, it does not offer to keep "food" (no longer a choice), and Enter does not keep it.
        let asked = try #require(lastPrompt(d.repeatQuestion()))
        #expect(asked.current == nil, "\(String(describing: asked.current))")
        var e = c
        _ = e.change("picked")
        _ = e.answer("1, 4")  // sleep, work
        #expect(e.currentStep?.id == "first")
        #expect(lastPrompt(e.repeatQuestion())?.current == nil)
        let enter = e.answer("")
        #expect(!enter.events.contains(.notice("Kept your answer.")))
        #expect(e.currentStep?.id == "first")
        _ = e.answer("2")
        #expect(e.state.answers["first"] == .choice("work"))
    }

    @Test func aListsItemsBecomeTheOptions() throws {
        var c = try conversation("""
            - id: people
              ask: Who helps you?
              answer: list
            - id: closest
              ask: Who is the first to call?
              answer: pick-one
              options: {from: people}
            """, choices: "")
        _ = c.answer("Sam")
        _ = c.answer("Priya")
        _ = c.answer("Sam")
        let turn = c.answer("")
        #expect(lastPrompt(turn.events)?.options.map(\.label) == ["Sam", "Priya"], "each item once, in order")
        _ = c.answer("2")
        #expect(c.state.answers["closest"] == .choice("Priya"))
        #expect(c.plan.last.map { AnswerText.inline($0.value!, spec: $0.step.question!.answer) } == "Priya")
        // Replayed (a resumed plan), the answer still fits.
        let again = Conversation(script: c.script, replaying: [
            .answered(step: "people", value: .list(["Sam", "Priya"])), .answered(step: "closest", value: .choice("Priya")),
        ], today: TestSupport.today)
        #expect(again.state.answers["closest"] == .choice("Priya"))
        #expect(again.isFinished)
    }

    @Test("what from: and choices: refuse", arguments: [
        ("- id: a\n  ask: A?\n  answer: pick-one\n  options: {from: b}\n- id: b\n  ask: B?\n  answer: pick-many\n  options: {x: X, y: Y}", "comes later"),
        ("- id: a\n  ask: A?\n  answer: text\n- id: b\n  ask: B?\n  answer: pick-one\n  options: {from: a}", "a text question"),
        ("- id: a\n  say: Hello\n- id: b\n  ask: B?\n  answer: pick-one\n  options: {from: a}", "a message"),
        ("- id: a\n  ask: A?\n  answer: list\n- id: b\n  ask: B?\n  answer: pick-one\n  options: {from: aa}", "did you mean \"a\"?"),
        ("- id: a\n  ask: A?\n  answer: pick-one\n  options: areaz", "did you mean \"areas\"?"),
        ("- id: a\n  ask: A?\n  answer: list\n- id: b\n  ask: B?\n  answer: records\n  fields:\n    - {id: f, ask: F?, answer: pick-one, options: {from: a}}", "a field's options"),
    ])
    func refused(_ steps: String, _ words: String) {
        let result = ScriptLoader.load(text: Self.dialogue(steps, choices: Self.areas), file: "inline")
        let text = result.diagnostics.map { "\($0.message) \($0.help ?? "")" }.joined(separator: "\n")
        #expect(result.script == nil)
        #expect(text.contains(words), "\(text)")
    }
}
