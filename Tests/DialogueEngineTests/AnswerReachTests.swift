import Testing

@testable import DialogueEngine

/// Which questions may have been answered before a step: the checker warns when a condition reads
/// a question that no path to it asks. Kept as bits per step, so a long dialogue checks in linear
/// memory (a set of ids per step grew as the square: 10,000 steps took 1.2 GB).
@Suite struct AnswerReachTests {
    let jumpPast = """
        - id: first
          ask: Go on?
          answer: yes-no
          next:
            - if: first == true
              go: third
            - go: second
        - id: second
          ask: Second?
          answer: text
          next:
            - go: fifth
        - id: third
          ask: Third?
          answer: text
        - id: fourth
          when: second == "x"
          ask: Fourth?
          answer: text
        - id: fifth
          when: third == "x"
          ask: Fifth?
          answer: text
        """

    @Test func aConditionOnAQuestionNoPathAsksIsAWarning() {
        let found = TestSupport.diagnostics(jumpPast)
        let unasked = found.filter { $0.message.contains("no path to here asks") }
        #expect(unasked.map(\.message) == ["no path to here asks \"second\", so this always treats it as not answered"])
        #expect(unasked.first?.severity == .warning)
        #expect(unasked.first?.location.line == 17 + TestSupport.stepsLineOffset)
    }

    @Test func reachFollowsJumpsAndSkippedSteps() throws {
        let result = TestSupport.load(TestSupport.yaml(jumpPast))
        let script = try #require(result.script)
        let checker = Checker(script: script, source: SourceText(file: "inline", text: TestSupport.yaml(jumpPast)))
        let reach = AnswerReach(script: script, successors: checker.successors)
        let i = { (id: String) in script.index(of: id)! }
        #expect(reach.mayBeAnswered(i("first"), before: i("third")))
        #expect(reach.mayBeAnswered(i("third"), before: i("fourth")))
        #expect(!reach.mayBeAnswered(i("second"), before: i("fourth")), "second always jumps past fourth")
        #expect(!reach.mayBeAnswered(i("fourth"), before: i("fourth")), "a step is not answered before itself")
        #expect(reach.mayBeAnswered(i("second"), before: i("fifth")))
        #expect(reach.mayBeAnswered(i("third"), before: i("fifth")), "a when: step that is skipped still passes on")
    }

    /// A long dialogue (2,500 steps, questions past the first 64-bit word) reads far-back answers.
    @Test func aLongDialogueReachesFarBack() throws {
        var steps = ""
        for k in 1...2_500 {
            steps += k % 2 == 0
                ? "- id: q\(k)\n  when: q1 == \"a\"\n  ask: Step \(k)?\n  answer: text\n"
                : "- id: q\(k)\n  ask: Step \(k)?\n  answer: pick-one\n  options: {a: Yes, b: No}\n"
        }
        let result = TestSupport.load(TestSupport.yaml(steps))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.prefix(3).map(DiagnosticRenderer.text))")
        let script = try #require(result.script)
        let checker = Checker(script: script, source: SourceText(file: "inline", text: ""))
        let reach = AnswerReach(script: script, successors: checker.successors)
        #expect(reach.mayBeAnswered(0, before: 2_499))
        #expect(reach.mayBeAnswered(2_000, before: 2_499))
        #expect(!reach.mayBeAnswered(2_499, before: 2_000))
    }
}
