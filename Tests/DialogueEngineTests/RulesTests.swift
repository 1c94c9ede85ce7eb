import Testing

@testable import DialogueEngine

/// Rules across answers: limits from earlier answers (`after: meeting-date`, `max: how-many`) and
/// a question's own `check:` with `message:`.
@Suite struct RulesTests {
    typealias T = TestSupport

    static let dates = """
        - id: meeting-date
          ask: When is the meeting?
          answer: date
        - id: review-date
          ask: When shall we look at this again?
          answer: date
          after: meeting-date
          before: 2030-01-01
        """

    @Test func aDateMustFollowAnEarlierDate() throws {
        var c = try T.conversation(Self.dates)
        _ = c.answer("10/3/2027")
        let early = c.answer("1/3/2027")
        #expect(early.events.contains(.invalid("Please choose a date after Wednesday 10 March 2027.")))
        #expect(c.currentStep?.id == "review-date")
        let same = c.answer("10/3/2027")
        #expect(same.events.contains { if case .invalid = $0 { true } else { false } }, "after means later, not the same day")
        _ = c.answer("11/3/2027")
        #expect(c.isFinished)
        #expect(c.state.answers["review-date"] == .date(SimpleDate(year: 2027, month: 3, day: 11)!))
    }

    @Test func aLimitWithNoAnswerBlocksNothing() throws {
        var c = try T.conversation(Self.dates)
        _ = c.skip()
        _ = c.answer("1/1/2027")
        #expect(c.isFinished)
    }

    @Test func theFixedLimitBesideARuleStillHolds() throws {
        var c = try T.conversation(Self.dates)
        _ = c.answer("10/3/2027")
        let late = c.answer("1/1/2031")
        #expect(late.events.contains(.invalid("Please choose a date before Tuesday 1 January 2030.")))
    }

    static let counts = """
        - id: how-many
          ask: How many people are coming?
          answer: number
          range: [0, 50]
        - id: names
          ask: What are their names?
          answer: list
          max: how-many
          check: count(names) >= 2 or how-many < 2
          message: You said {how-many} are coming. Please give at least two names.
        - id: done
          say: Thank you.
        """

    @Test func aListTakesNoMoreThanAnEarlierNumber() throws {
        var c = try T.conversation(Self.counts)
        _ = c.answer("2")
        _ = c.answer("Asha")
        let full = c.answer("Ben")
        #expect(c.state.answers["names"] == .list(["Asha", "Ben"]), "the list ends itself at the most it can hold")
        #expect(full.events.contains { if case .said("Thank you.") = $0 { true } else { false } })
    }

    @Test func aFailedCheckSaysItsMessageAndKeepsWhatWasTyped() throws {
        var c = try T.conversation(Self.counts)
        _ = c.answer("3")
        _ = c.answer("Asha")
        let short = c.answer("")
        #expect(short.events == [.invalid("You said 3 are coming. Please give at least two names.")])
        #expect(c.currentStep?.id == "names")
        #expect(c.state.drafts["names"]?.items == ["Asha"], "what was typed is kept")
        _ = c.answer("Ben")
        _ = c.answer("")
        #expect(c.state.answers["names"] == .list(["Asha", "Ben"]))
        #expect(c.isFinished)
    }

    @Test func aCheckCanCompareWithAnEarlierAnswer() throws {
        var c = try T.conversation("""
            - id: budget
              ask: How much can you spend a week, in pounds?
              answer: number
            - id: spend
              ask: How much will this cost a week?
              answer: number
              check: spend <= budget
              message: That is more than the {budget} pounds you said you can spend. Try a smaller plan.
            """)
        _ = c.answer("20")
        let over = c.answer("35")
        #expect(over.events.contains(.invalid("That is more than the 20 pounds you said you can spend. Try a smaller plan.")))
        #expect(c.state.answers["spend"] == nil)
        _ = c.answer("15")
        #expect(c.isFinished)
    }

    @Test func theCheckerKnowsWhatARuleMayName() {
        func codes(_ steps: String) -> [Diagnostic.Code] { T.diagnostics(steps).map(\.code) }
        // Later, unknown, a message, the wrong kind, itself.
        #expect(codes("""
            - id: review
              ask: When?
              answer: date
              after: meeting
            - id: meeting
              ask: When is the meeting?
              answer: date
            """).contains(.badRuleReference))
        #expect(codes("- id: names\n  ask: Who?\n  answer: list\n  max: nobody\n").contains(.badRuleReference))
        #expect(codes("- id: hello\n  say: Hi.\n- id: names\n  ask: Who?\n  answer: list\n  max: hello\n").contains(.badRuleReference))
        #expect(codes("- id: when\n  ask: When?\n  answer: date\n- id: names\n  ask: Who?\n  answer: list\n  max: when\n").contains(.badRuleReference))
        #expect(codes("- id: names\n  ask: Who?\n  answer: list\n  max: names\n").contains(.badRuleReference))
        #expect(codes("- id: n\n  ask: How many?\n  answer: scale\n- id: names\n  ask: Who?\n  answer: list\n  max: n\n").isEmpty)
        // A check is typed like a condition, and needs its message (and the other way round).
        #expect(codes("- id: n\n  ask: How many?\n  answer: number\n  check: n + 1\n  message: No.\n").contains(.expressionSyntax) ||
                codes("- id: n\n  ask: How many?\n  answer: number\n  check: n + 1\n  message: No.\n").contains(.typeError))
        #expect(codes("- id: n\n  ask: How many?\n  answer: number\n  check: n\n  message: No.\n").contains(.typeError))
        #expect(codes("- id: n\n  ask: How many?\n  answer: number\n  message: No.\n").contains(.checkWithoutMessage))
        #expect(codes("- id: n\n  ask: How many?\n  answer: number\n  check: n > later\n  message: No.\n- id: later\n  ask: Later?\n  answer: number\n").contains(.unknownName))
        #expect(codes("- id: hi\n  say: Hello.\n  check: true\n  message: No.\n").contains(.wrongValue))
    }
}
