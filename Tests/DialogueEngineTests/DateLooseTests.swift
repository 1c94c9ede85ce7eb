import Testing

@testable import DialogueEngine

/// "When would you like to look at this plan again?" answered as people say it: "about 2 weeks",
/// "in a month or so" and "next friday pls" were asked for "just the date, like 2 weeks" (what
/// they had typed), "mid jan" was not read at all, and "this time next week" was not read and
/// brought the check-in about not being safe.
@Suite struct DateLooseTests {
    /// Monday 4 January 2027.
    let today = TestSupport.today

    @Test(arguments: [
        ("about 2 weeks", "2027-01-18"), ("in about 2 weeks", "2027-01-18"), ("roughly a month", "2027-02-04"),
        ("in a month or so", "2027-02-04"), ("around christmas", "2027-12-25"), ("next friday pls", "2027-01-08"),
        ("2 weeks or so", "2027-01-18"), ("2 weeksish", "2027-01-18"), ("friday please", "2027-01-08"),
        ("approx 3 months", "2027-04-04"), ("in roughly six weeks' time", "2027-02-15"),
    ])
    func aDateWithWordsThatChangeNothing(input: String, expected: String) {
        #expect(DateParser.parse(input, today: today)?.iso == expected, "\(input)")
    }

    @Test(arguments: [
        ("mid jan", "2027-01-15"), ("mid january", "2027-01-15"), ("the middle of feb", "2027-02-15"),
        ("middle of next month", "2027-02-15"), ("mid month", "2027-01-15"), ("mid march 2028", "2028-03-15"),
        ("this time next week", "2027-01-11"), ("same time next month", "2027-02-04"),
    ])
    func theMiddleOfAMonthAndThisTimeNextWeek(input: String, expected: String) {
        #expect(DateParser.parse(input, today: today)?.iso == expected, "\(input)")
    }

    /// Past the 15th, the middle of the month is next month's.
    @Test func midMonthAfterTheMiddle() {
        #expect(DateParser.parse("mid month", today: SimpleDate(year: 2027, month: 1, day: 20)!)?.iso == "2027-02-15")
    }

    /// A hedge alone, or two dates with one, is still no date.
    @Test(arguments: ["about", "mid", "maybe", "about the 4th or the 11th", "mid something", "this time next", "roughly whenever"])
    func stillNoDate(input: String) {
        #expect(DateParser.parse(input, today: today) == nil, "\(input)")
    }

    /// Typed in these words only, the answer holds nothing of the person's own for the weighed
    /// words to weigh.
    @Test(arguments: ["this time next week", "in a month or so", "mid jan", "about 2 weeks"])
    func closedWords(line: String) {
        #expect(ClosedAnswer.holdsNoOwnWords(line, as: .date(after: nil, before: nil), today: today), "\(line)")
    }

    @Test func takenInAPlanAndSaidBack() throws {
        var c = try TestSupport.conversation("- id: review\n  ask: When would you like to look at this plan again?\n  answer: date\n  after: today\n")
        let turn = c.answer("in a month or so")
        #expect(c.planAnswers["review"] == .date(SimpleDate(year: 2027, month: 2, day: 4)!))
        #expect(turn.events.contains(.notice("That is Thursday 4 February 2027.")), "\(turn.events)")
    }
}
