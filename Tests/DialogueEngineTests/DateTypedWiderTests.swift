import Testing

@testable import DialogueEngine

/// "When would you like to look at this plan again?" answered in ways Tandem did not read: "this
/// week", "next weekend", "in march", "1 / 3 / 2027" (spaces around the slashes), full-width
/// digits from a phone keyboard ("１/３/2027", "２ weeks"), "next christmas", "the 1st of next
/// month", "friday next week". Each was told "I could not read that as a date".
@Suite struct DateTypedWiderTests: ParsesAnswers {
    /// Monday 4 January 2027.
    let today = TestSupport.today
    let parser = AnswerParser(today: TestSupport.today)

    @Test(arguments: [
        ("this week", "2027-01-08"), ("sometime this week", "2027-01-08"), ("later this week", "2027-01-08"),
        ("next weekend", "2027-01-16"), ("the weekend", "2027-01-09"), ("at the weekend", "2027-01-09"),
        ("by the weekend", "2027-01-09"), ("this weekend", "2027-01-09"),
        ("friday next week", "2027-01-15"), ("monday next week", "2027-01-11"), ("wednesday this week", "2027-01-06"),
        ("the friday after next", "2027-01-15"), ("sometime next week", "2027-01-11"), ("nxt week", "2027-01-11"),
    ])
    func weeksAndWeekends(input: String, expected: String) {
        #expect(DateParser.parse(input, today: today)?.iso == expected, "\(input)")
    }

    /// A month on its own is its 1st, the next one to come; this month's is its last day (the 1st
    /// is past). A year after it is that year's.
    @Test(arguments: [
        ("march", "2027-03-01"), ("in march", "2027-03-01"), ("by march", "2027-03-01"), ("March.", "2027-03-01"),
        ("in feb", "2027-02-01"), ("next march", "2027-03-01"), ("this march", "2027-03-01"), ("sometime in march", "2027-03-01"),
        ("in march 2028", "2028-03-01"), ("march 2028", "2028-03-01"), ("march next year", "2028-03-01"),
        ("early march", "2027-03-01"), ("late march", "2027-03-31"), ("in december", "2027-12-01"),
        ("january", "2027-01-31"), ("in jan", "2027-01-31"), ("by january", "2027-01-31"),
    ])
    func aMonthByItsName(input: String, expected: String) {
        #expect(DateParser.parse(input, today: today)?.iso == expected, "\(input)")
    }

    @Test(arguments: [
        ("the 1st of next month", "2027-02-01"), ("1st of next month", "2027-02-01"), ("the 20th of next month", "2027-02-20"),
        ("the 15th of this month", "2027-01-15"), ("end of the month", "2027-01-31"), ("the end of the month", "2027-01-31"),
        ("next christmas", "2027-12-25"), ("this christmas", "2027-12-25"), ("at christmas", "2027-12-25"),
        ("over christmas", "2027-12-25"), ("in the new year", "2028-01-01"), ("easter", "2027-03-28"),
        ("next easter", "2027-03-28"), ("easter sunday", "2027-03-28"), ("easter 2028", "2028-04-16"),
    ])
    func daysOfTheMonthAndNamedDays(input: String, expected: String) {
        #expect(DateParser.parse(input, today: today)?.iso == expected, "\(input)")
    }

    @Test(arguments: [
        ("1 / 3 / 2027", "2027-03-01"), ("1/ 3/ 2027", "2027-03-01"), ("1 /3 /27", "2027-03-01"), ("15 / 3", "2027-03-15"),
        ("1 3 2027", "2027-03-01"), ("01 03 2027", "2027-03-01"),
        ("１/３/2027", "2027-03-01"), ("１／３／２０２７", "2027-03-01"), ("２ weeks", "2027-01-18"), ("in ２ weeks", "2027-01-18"),
        ("１５th march", "2027-03-15"), ("2moro", "2027-01-05"), ("tomoro", "2027-01-05"),
    ])
    func figuresAsTyped(input: String, expected: String) {
        #expect(DateParser.parse(input, today: today)?.iso == expected, "\(input)")
    }

    /// Typed in a hurry: short forms after "next", a number and its unit with no space, and the
    /// misspellings of days and months people type most.
    @Test(arguments: [
        ("next wk", "2027-01-11"), ("next mth", "2027-02-04"), ("6wks", "2027-02-15"), ("in 6wks", "2027-02-15"),
        ("2weeks", "2027-01-18"), ("3months", "2027-04-04"), ("febuary", "2027-02-01"), ("1st febuary", "2027-02-01"),
        ("wensday", "2027-01-06"), ("next wedensday", "2027-01-06"), ("nye", "2027-12-31"), ("tomorrrow", "2027-01-05"),
    ])
    func typedInAHurry(input: String, expected: String) {
        #expect(DateParser.parse(input, today: today)?.iso == expected, "\(input)")
    }

    /// A season is its first day, the next one to come; said in that season, it is not read
    /// (this one or the next is theirs to say), unless it is "next".
    @Test func seasons() {
        #expect(DateParser.parse("in the summer", today: today)?.iso == "2027-06-01")
        #expect(DateParser.parse("spring", today: today)?.iso == "2027-03-01")
        #expect(DateParser.parse("next autumn", today: today)?.iso == "2027-09-01")
        #expect(DateParser.parse("summer 2028", today: today)?.iso == "2028-06-01")
        #expect(DateParser.parse("in the winter", today: today) == nil)
        #expect(DateParser.parse("next winter", today: today)?.iso == "2027-12-01")
        #expect(DateParser.parse("summer", today: SimpleDate(year: 2027, month: 7, day: 1)!) == nil)
        #expect(DateParser.parse("next summer", today: SimpleDate(year: 2027, month: 7, day: 1)!)?.iso == "2028-06-01")
        #expect(DateParser.parse("winter", today: SimpleDate(year: 2027, month: 11, day: 30)!)?.iso == "2027-12-01")
    }

    /// After the 1st of a month, "in" that month is still that month, not a year on.
    @Test func thisMonthAfterItsFirstDay() {
        let mid = SimpleDate(year: 2027, month: 3, day: 10)!
        #expect(DateParser.parse("in march", today: mid)?.iso == "2027-03-31")
        #expect(DateParser.parse("next march", today: mid)?.iso == "2028-03-01")
        #expect(DateParser.parse("april", today: mid)?.iso == "2027-04-01")
        #expect(DateParser.parse("easter", today: SimpleDate(year: 2027, month: 4, day: 1)!)?.iso == "2028-04-16")
    }

    /// Next weekend is the weekend of next week: on a Friday, a week on Saturday; on a Saturday,
    /// a week on.
    @Test func nextWeekendThroughTheWeek() {
        #expect(DateParser.parse("next weekend", today: SimpleDate(year: 2027, month: 1, day: 8)!)?.iso == "2027-01-16")
        #expect(DateParser.parse("next weekend", today: SimpleDate(year: 2027, month: 1, day: 9)!)?.iso == "2027-01-16")
        #expect(DateParser.parse("next weekend", today: SimpleDate(year: 2027, month: 1, day: 10)!)?.iso == "2027-01-16")
    }

    /// Still no date: a month with something else, three numbers that are no date, a number alone.
    @Test(arguments: ["march or april", "1 3", "40 3 2027", "6wksx", "3rdweek", "2x", "1 / 3 / 2027 / 4", "may be", "in may or june", "3 5 7"])
    func stillNoDate(input: String) {
        #expect(DateParser.parse(input, today: today) == nil, "\(input)")
    }

    /// A past date is still refused where the question wants a later one.
    @Test func aPastMonthIsRefused() {
        #expect(refusal("march 2026", .date(after: .today, before: nil)) == "That day, Sunday 1 March 2026, has passed. Please choose a day after today, like next friday or in 2 weeks.")
        #expect(value("in march", .date(after: .today, before: nil)) == .date(SimpleDate(year: 2027, month: 3, day: 1)!))
    }

    @Test func takenInAPlanAndSaidBack() throws {
        var c = try TestSupport.conversation("- id: review\n  ask: When would you like to look at this plan again?\n  answer: date\n  after: today\n")
        let turn = c.answer("in march")
        #expect(c.planAnswers["review"] == .date(SimpleDate(year: 2027, month: 3, day: 1)!))
        #expect(turn.events.contains(.notice("That is Monday 1 March 2027.")), "\(turn.events)")
    }

    /// Typed in these words only, the answer holds nothing of the person's own.
    @Test(arguments: ["in march", "next weekend", "this week", "next christmas", "friday next week", "easter"])
    func closedWords(line: String) {
        #expect(ClosedAnswer.holdsNoOwnWords(line, as: .date(after: nil, before: nil), today: today), "\(line)")
    }
}
