import Testing

@testable import DialogueEngine

/// "When will you take this step?" took "1/1/2020" and "yesterday" as the day someone WILL take a
/// step: the question had no `after:`, and `after: today` would have refused "today", a fine
/// answer to it. `after: yesterday` takes today or a later day, and a day gone is told so kindly.
@Suite struct DateStillToComeTests {
    /// Monday 4 January 2027.
    static let step = """
        - id: step-date
          ask: When will you take this step?
          answer: date
          after: yesterday
        - id: review
          ask: When would you like to look at this plan again?
          answer: date
          after: today
        """

    @Test(arguments: ["today", "now", "tomorrow", "next friday"])
    func todayOrLaterIsTaken(_ typed: String) throws {
        var c = try TestSupport.conversation(Self.step)
        _ = c.answer(typed)
        #expect(c.currentID == "review", "\(typed)")
    }

    @Test(arguments: [
        ("1/1/2020", "That day, Wednesday 1 January 2020, has passed. Please choose today or a later day, like next friday or in 2 weeks."),
        ("yesterday", "That day, Sunday 3 January 2027, has passed. Please choose today or a later day, like next friday or in 2 weeks."),
        ("2026-12-29", "That day, Tuesday 29 December 2026, has passed. Please choose today or a later day, like next friday or in 2 weeks."),
    ])
    func aDayGoneIsToldKindly(_ typed: String, _ reply: String) throws {
        var c = try TestSupport.conversation(Self.step)
        let turn = c.answer(typed)
        #expect(turn.events.contains(.invalid(reply)), "\(turn.events)")
        #expect(c.currentID == "step-date")
        #expect(c.planAnswers["step-date"] == nil)
    }

    /// A day gone is read ("2 weeks ago" was not a date, nor "last tuesday"): a question about the
    /// past takes it, and one about a day still to come says that it has passed.
    @Test(arguments: [
        ("last tuesday", "2026-12-29"), ("last monday", "2026-12-28"), ("last week", "2026-12-28"), ("last month", "2026-12-04"),
        ("last year", "2026-01-04"), ("2 weeks ago", "2026-12-21"), ("a week ago", "2026-12-28"), ("three days ago", "2027-01-01"),
        ("the day before yesterday", "2027-01-02"), ("a fortnight ago", "2026-12-21"),
    ])
    func aDayGoneIsRead(input: String, expected: String) throws {
        #expect(DateParser.parse(input, today: TestSupport.today)?.iso == expected, "\(input)")
        var c = try TestSupport.conversation("- id: started\n  ask: When did this start?\n  answer: date\n")
        _ = c.answer(input)
        #expect(c.planAnswers["started"] == .date(SimpleDate(iso: expected)!), "\(input)")
    }

    @Test func lastTuesdayForAStepStillToTake() throws {
        var c = try TestSupport.conversation(Self.step)
        let turn = c.answer("last tuesday")
        #expect(turn.events.contains(.invalid("That day, Tuesday 29 December 2026, has passed. Please choose today or a later day, like next friday or in 2 weeks.")), "\(turn.events)")
    }

    /// `after: today`: a day gone is told so; today itself, as before.
    @Test func aDayToLookAgain() throws {
        var c = try TestSupport.conversation(Self.step)
        _ = c.answer("today")
        var turn = c.answer("1/1/2020")
        #expect(turn.events.contains(.invalid("That day, Wednesday 1 January 2020, has passed. Please choose a day after today, like next friday or in 2 weeks.")), "\(turn.events)")
        turn = c.answer("today")
        #expect(turn.events.contains(.invalid("Please choose a date after today.")), "\(turn.events)")
    }

    /// `after: yesterday` is a limit `tandem check` takes, in a question and in a record's field.
    @Test func yesterdayIsALimit() throws {
        let script = try TestSupport.script("""
            - id: actions
              ask: What actions have we agreed?
              answer: records
              fields:
                - {id: action, ask: "What will be done?", answer: text}
                - {id: by-when, ask: "By when?", answer: date, after: yesterday}
            """)
        var c = Conversation(script: script, today: TestSupport.today)
        _ = c.answer("Ask two people to join")
        let turn = c.answer("1/1/2020")
        #expect(turn.events.contains(.invalid("That day, Wednesday 1 January 2020, has passed. Please choose today or a later day, like next friday or in 2 weeks.")), "\(turn.events)")
        _ = c.answer("today")
        _ = c.answer("")
        #expect(c.planAnswers["actions"] == .records([["action": .text("Ask two people to join"), "by-when": .date(TestSupport.today)]]))
    }

    /// The dialogues' questions about a day still to come do not take a day gone; none of them
    /// asks about the past.
    @Test func theDialoguesAskForADayToCome() throws {
        let library = try DialogueLibrary.load(directory: TestSupport.packageRoot.appendingPathComponent("dialogues").path, checkIn: false)
        for script in library.scripts {
            for step in script.steps {
                guard let q = step.question else { continue }
                if case .date(let after, _) = q.answer {
                    #expect(after != nil, "\(script.id) \(step.id)")
                }
                if case .records(let fields, _, _) = q.answer {
                    for field in fields {
                        if case .date(let after, _) = field.answer { #expect(after != nil, "\(script.id) \(step.id).\(field.id)") }
                    }
                }
            }
        }
    }
}
