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
        // Typed as a tired person on a phone types: "prob in a week or two" was asked for "just the date".
        ("prob in a week or two", "2027-01-18"), ("in a month or two id say", "2027-03-04"), ("next friday i think", "2027-01-08"),
        ("hopefully next week tbh", "2027-01-11"), ("like 2 weeks", "2027-01-18"), ("probs end of the month lol", "2027-01-31"), ("sometime next week maybe", "2027-01-11"),
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

/// "the day after tomorrow" was asked for "just the date, like tomorrow": a day they did not
/// mean, offered back to them. So was "after christmas" ("like christmas").
@Suite struct DateAroundTheWeekTests: ParsesAnswers {
    /// Monday 4 January 2027.
    let today = TestSupport.today
    let parser = AnswerParser(today: TestSupport.today)

    @Test(arguments: [
        ("the day after tomorrow", "2027-01-06"), ("day after tomorrow", "2027-01-06"), ("the week after next", "2027-01-18"),
        ("end of the week", "2027-01-08"), ("by the end of the week", "2027-01-08"), ("end of this week", "2027-01-08"),
        ("end of next week", "2027-01-15"), ("start of next week", "2027-01-11"), ("beginning of next week", "2027-01-11"),
        ("within a week", "2027-01-11"), ("within 2 weeks", "2027-01-18"), ("in the next few days", "2027-01-07"),
        ("over the next few days", "2027-01-07"), ("in the next week", "2027-01-11"),
    ])
    func read(input: String, expected: String) {
        #expect(DateParser.parse(input, today: today)?.iso == expected, "\(input)")
    }

    /// The end of the week on a Friday is today; on a Saturday, the next Friday.
    @Test func endOfTheWeekOnAFridayAndASaturday() {
        #expect(DateParser.parse("end of the week", today: SimpleDate(year: 2027, month: 1, day: 8)!)?.iso == "2027-01-08")
        #expect(DateParser.parse("end of the week", today: SimpleDate(year: 2027, month: 1, day: 9)!)?.iso == "2027-01-15")
        #expect(DateParser.parse("start of next week", today: SimpleDate(year: 2027, month: 1, day: 10)!)?.iso == "2027-01-11")
    }

    /// A date after "after", "before" or "past" is not the one meant: it is not offered back.
    @Test(arguments: ["after christmas", "the week before christmas", "sometime after the 4th", "just past new year"])
    func aDayNotMeantIsNotOffered(_ typed: String) {
        let reply = refusal(typed, .date(after: nil, before: nil)) ?? ""
        #expect(!reply.hasPrefix("Please type just the date"), "\(typed): \(reply)")
    }

    @Test func aDateInTheirOwnWordsIsStillOffered() {
        #expect(refusal("after my leave, so the 4th jan", .date(after: nil, before: nil)) == "Please type just the date, like the 4th jan.")
        #expect(refusal("until friday i guess", .date(after: nil, before: nil)) == "Please type just the date, like friday.")
    }
}

/// "christmas 2027" was asked for "just the date, like christmas": the next Christmas, a year
/// before the one they typed.
@Suite struct NamedDayInAYearTests: ParsesAnswers {
    let parser = AnswerParser(today: TestSupport.today)

    @Test(arguments: [("christmas 2027", "2027-12-25"), ("Christmas 2028", "2028-12-25"), ("new year's eve 2027", "2027-12-31"),
                      ("boxing day 28", "2028-12-26"), ("new years day 2028", "2028-01-01")])
    func read(_ typed: String, _ iso: String) {
        #expect(DateParser.parse(typed, today: TestSupport.today)?.iso == iso, "\(typed)")
    }

    @Test func aYearAfterTheDateIsNotLeftOut() {
        let reply = refusal("christmas in 2028", .date(after: nil, before: nil)) ?? ""
        #expect(!reply.hasPrefix("Please type just the date"), "\(reply)")
    }
}
