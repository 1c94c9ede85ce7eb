import Testing

@testable import DialogueEngine

/// A date typed in words or numbers is said back as the day it was read as, so a wrong reading
/// ("next friday", "3/1", "end of the month") can be changed at once.
@Suite struct DateEchoTests {
    let steps = """
        - id: when
          ask: When shall we look again?
          answer: date
        - id: done
          ask: Anything else?
          answer: text
        """

    func notices(_ turn: Conversation.Turn) -> [String] {
        turn.events.compactMap { if case .notice(let m) = $0 { m } else { nil } }
    }

    // Today is Monday 4 January 2027 (TestSupport.today).
    @Test(arguments: [
        ("next friday", "That is Friday 8 January 2027."),
        ("3/1/2027", "That is Sunday 3 January 2027."),
        ("in 2 weeks", "That is Monday 18 January 2027."),
        ("end of the month", "That is Sunday 31 January 2027."),
        // Said on a Monday, "next tuesday" is taken as tomorrow: some mean the week after, so it says so.
        ("next tuesday", "That is tomorrow, Tuesday 5 January 2027."),
        ("on tue", "That is tomorrow, Tuesday 5 January 2027."),
        ("tonight", "That is today, Monday 4 January 2027."),
        ("tomorrow", "That is Tuesday 5 January 2027."),
        ("tmrw", "That is Tuesday 5 January 2027."),
        ("Tomorrow night", "That is Tuesday 5 January 2027."),
    ])
    func saysWhichDay(_ typed: String, _ said: String) throws {
        var c = try TestSupport.conversation(steps)
        let turn = c.answer(typed)
        #expect(notices(turn) == [said])
        // Said before the next question.
        let note = turn.events.firstIndex { if case .notice = $0 { true } else { false } }
        let asked = turn.events.firstIndex { if case .asked = $0 { true } else { false } }
        #expect(note != nil && asked != nil && note! < asked!)
    }

    @Test func aDateInARecordIsSaidBackToo() throws {
        var c = try TestSupport.conversation("""
            - id: visits
              ask: Who will visit, and when?
              answer: records
              fields:
                - {id: who, ask: Who, answer: text}
                - {id: when, ask: When, answer: date}
            """)
        #expect(notices(c.answer("Sam")).isEmpty)
        let turn = c.answer("tomorrow")
        #expect(notices(turn) == ["That is Tuesday 5 January 2027."])
    }

    @Test func anISODateAndAWrongOneAreNotSaidBack() throws {
        var c = try TestSupport.conversation(steps)
        #expect(notices(c.answer("someday")).isEmpty)
        #expect(notices(c.answer("2027-01-20")).isEmpty)
        #expect(c.planAnswers["when"] == .date(SimpleDate(year: 2027, month: 1, day: 20)!))
    }
}
