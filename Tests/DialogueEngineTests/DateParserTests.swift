import Testing

@testable import DialogueEngine

@Suite struct DateParserTests {
    /// Monday 4 January 2027.
    let today = SimpleDate(year: 2027, month: 1, day: 4)!

    @Test(arguments: [
        ("2027-03-01", "2027-03-01"), ("1/3/2027", "2027-03-01"), ("01/03/27", "2027-03-01"), ("1.3.2027", "2027-03-01"),
        ("today", "2027-01-04"), ("Tomorrow", "2027-01-05"), ("in 2 weeks", "2027-01-18"), ("in a month", "2027-02-04"),
        ("in three days", "2027-01-07"), ("next monday", "2027-01-11"), ("friday", "2027-01-08"), ("1 March 2027", "2027-03-01"),
        ("1st mar 2027", "2027-03-01"), ("March 1, 2027", "2027-03-01"), ("next week", "2027-01-11"),
        // Without a year: the next such day, today included.
        ("3rd March", "2027-03-03"), ("25 December", "2027-12-25"), ("Dec 25", "2027-12-25"), ("december 25th", "2027-12-25"),
        ("the 1st of March", "2027-03-01"), ("1st of march 2027", "2027-03-01"), ("1/3", "2027-03-01"), ("4/1", "2027-01-04"),
        ("3/1", "2028-01-03"), ("2 jan", "2028-01-02"), ("29 feb", "2028-02-29"), ("1.3", "2027-03-01"),
        ("in 2 weeks time", "2027-01-18"), ("in two weeks' time", "2027-01-18"), ("yesterday", "2027-01-03"),
        ("weds", "2027-01-06"), ("next thurs", "2027-01-07"),
    ])
    func readsDatesPeopleType(input: String, expected: String) {
        #expect(DateParser.parse(input, today: today)?.iso == expected)
    }

    /// How Tandem says a date ("Monday 1 March 2027") can be typed back, with or without the day's
    /// name; a year of two digits is this century, as in 01/03/27; a day on its own ("the 14th")
    /// is the next such day; and the usual misspellings of tomorrow are read.
    @Test(arguments: [
        ("Monday 1 March 2027", "2027-03-01"), ("monday, 1st march 2027", "2027-03-01"), ("Mon 1 Mar", "2027-03-01"),
        ("Mon 1st March 27", "2027-03-01"), ("Monday March 1", "2027-03-01"), ("Friday 8 January", "2027-01-08"),
        ("1 March 27", "2027-03-01"), ("14 Dec 26", "2026-12-14"), ("March 1 27", "2027-03-01"),
        ("the 14th", "2027-01-14"), ("on the 3rd", "2027-02-03"), ("4th", "2027-01-04"), ("31st", "2027-01-31"),
        ("tomorow", "2027-01-05"), ("tommorow", "2027-01-05"), ("tommorrow", "2027-01-05"), ("tmrw", "2027-01-05"),
    ])
    func readsDatesAsTandemSaysThem(input: String, expected: String) {
        #expect(DateParser.parse(input, today: today)?.iso == expected)
    }

    /// How people in the UK put a day a week on, a couple or a few of something, a date written
    /// year first with slashes, and a day's name before a short date.
    @Test(arguments: [
        ("monday week", "2027-01-18"), ("Friday week", "2027-01-15"), ("a week on friday", "2027-01-15"),
        ("a week on Monday", "2027-01-18"), ("week on tuesday", "2027-01-12"), ("a week tomorrow", "2027-01-12"),
        ("tomorrow week", "2027-01-12"), ("in a couple of weeks", "2027-01-18"), ("in a few days", "2027-01-07"),
        ("in couple of months", "2027-03-04"), ("a couple of months", "2027-03-04"), ("few days", "2027-01-07"), ("in a few weeks' time", "2027-01-25"),
        ("2027/3/1", "2027-03-01"), ("2027.03.01", "2027-03-01"),
        ("Friday 8/1/2027", "2027-01-08"), ("fri 8/1", "2027-01-08"), ("friday the 8th", "2027-01-08"),
    ])
    func readsWeeksOnAndCouples(input: String, expected: String) {
        #expect(DateParser.parse(input, today: today)?.iso == expected)
    }

    /// A day's name that does not fit the date: asked again, never a quiet choice of one of them.
    @Test func aDayNameThatDoesNotFitTheDateIsAskedAbout() {
        let mismatch = DateParser.dayNameMismatch("Sunday 8 January 2027", today: today)
        #expect(mismatch?.named == "Sunday")
        #expect(mismatch?.date.iso == "2027-01-08")
        #expect(DateParser.dayNameMismatch("tues 8/1", today: today)?.named == "Tuesday")
        #expect(DateParser.dayNameMismatch("Friday 8 January", today: today) == nil)
        #expect(DateParser.dayNameMismatch("8 January", today: today) == nil)
        #expect(DateParser.dayNameMismatch("monday week", today: today) == nil)
        let parsed = AnswerParser(today: today).parse("sunday 8th jan 2027", as: .date(after: nil, before: nil))
        guard case .rejected(let why) = parsed else { Issue.record("a day that does not fit is not taken: \(parsed)"); return }
        #expect(why.hasPrefix("8 January 2027 is a Friday, not a Sunday."))
    }

    /// "End of January", "the end of the month", "start of March": the last or first day.
    @Test(arguments: [
        ("end of jan", "2027-01-31"), ("the end of January", "2027-01-31"), ("end of feb", "2027-02-28"),
        ("end of the month", "2027-01-31"), ("end of month", "2027-01-31"), ("end of next month", "2027-02-28"),
        ("end of the year", "2027-12-31"), ("start of March", "2027-03-01"), ("beginning of feb", "2027-02-01"),
        ("start of next month", "2027-02-01"), ("end of December 2027", "2027-12-31"), ("start of jan", "2028-01-01"),
    ])
    func readsTheEndOfAMonth(input: String, expected: String) {
        #expect(DateParser.parse(input, today: today)?.iso == expected)
    }

    /// "2 weeks", "two weeks from now", "a week today", and the days of the year people name.
    @Test(arguments: [
        ("2 weeks", "2027-01-18"), ("two weeks from now", "2027-01-18"), ("3 days from today", "2027-01-07"),
        ("a week today", "2027-01-11"), ("a month from now", "2027-02-04"), ("6 months", "2027-07-04"),
        ("Christmas", "2027-12-25"), ("christmas day", "2027-12-25"), ("Xmas", "2027-12-25"), ("christmas eve", "2027-12-24"),
        ("boxing day", "2027-12-26"), ("New Year's Day", "2028-01-01"), ("new years eve", "2027-12-31"), ("new year", "2028-01-01"),
    ])
    func readsMoreWaysOfSayingWhen(input: String, expected: String) {
        #expect(DateParser.parse(input, today: today)?.iso == expected)
    }

    @Test(arguments: ["14", "monday monday", "32nd", "0th", "monday 1 march 2027 2027", "ages ago", "weeks", "many weeks from now"])
    func refusesMoreThatIsNotADate(input: String) {
        #expect(DateParser.parse(input, today: today) == nil)
    }

    @Test(arguments: ["31/2/2027", "2027-13-01", "someday", "", "in many weeks", "32/1/2027", "31/2", "1/13", "the", "in time", "3 marchy", "marchy"])
    func refusesWhatIsNotADate(input: String) {
        #expect(DateParser.parse(input, today: today) == nil)
    }

    @Test func spokenDates() {
        #expect(SimpleDate(year: 2027, month: 3, day: 1)!.spoken == "Monday 1 March 2027")
    }
}

/// Dates typed as people end a sentence, or say a span of time without "in".
@Suite struct DateParserEverydayTests {
    /// Monday 4 January 2027.
    let today = SimpleDate(year: 2027, month: 1, day: 4)!

    @Test(arguments: [
        ("Tomorrow!", "2027-01-05"), ("next week.", "2027-01-11"), ("9 sept.", "2027-09-09"), ("friday?", "2027-01-08"),
        ("tomorrow!!", "2027-01-05"), ("a fortnight", "2027-01-18"), ("2 weeks", "2027-01-18"), ("6 months", "2027-07-04"),
        ("three days", "2027-01-07"), ("a month.", "2027-02-04"),
    ])
    func readsDatesPeopleType(input: String, expected: String) {
        #expect(DateParser.parse(input, today: today)?.iso == expected)
    }

    @Test(arguments: ["!", ".", "many weeks", "2 marchy", "weeks"])
    func refusesWhatIsNotADate(input: String) {
        #expect(DateParser.parse(input, today: today) == nil)
    }
}
