import Testing

@testable import DialogueEngine

/// "About how many hours do you sleep, most nights?" answered "7 hours a night": the words after
/// the number are the question's own, so the number is taken. Words of the person's own are not.
@Suite struct NumberWithUnitsTests {
    let steps = """
        - id: hours
          ask: About how many hours do you sleep, most nights?
          answer: number
          range: [0, 24]
        - id: visits
          ask: Who visits, and how often?
          answer: records
          fields:
            - {id: who, ask: Who?, answer: text}
            - {id: times, ask: How many times a month?, answer: number}
        """

    @Test(arguments: [("7 hours", 7.0), ("7 hours a night", 7), ("about 6.5 hours", 6.5), ("seven hours", 7), ("8 hours most nights", 8),
                      ("5 hrs", nil), ("7 hours if im lucky", nil), ("7 or 8 hours", nil)])
    func theQuestionsOwnWords(_ typed: String, _ n: Double?) throws {
        var c = try TestSupport.conversation(steps)
        let turn = c.answer(typed)
        if let n {
            #expect(c.planAnswers["hours"] == .number(n), "\(typed)")
        } else {
            #expect(c.planAnswers["hours"] == nil, "\(typed)")
            #expect(turn.events.invalidMessages.count == 1, "\(typed)")
        }
    }

    @Test func aFieldOfARecordToo() throws {
        var c = try TestSupport.conversation(steps)
        _ = c.answer("7")
        _ = c.answer("my sister")
        _ = c.answer("2 times a month")
        _ = c.answer("")
        #expect(c.planAnswers["visits"] == .records([["who": .text("my sister"), "times": .number(2)]]))
    }
}
