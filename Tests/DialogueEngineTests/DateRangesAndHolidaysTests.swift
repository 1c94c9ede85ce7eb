import Testing

@testable import DialogueEngine

/// "in a week or two", "in 2 or 3 weeks" and "in a day or two" were not read as dates; nor were
/// "next bank holiday", "bank holiday monday" or "the may bank holiday". A time given as two ends
/// is read as the later end; a bank holiday as the next one in England and Wales (a holiday at a
/// weekend moves to the weekday after, as the real ones do). Both are said back to the person.
@Suite struct DateRangesAndHolidaysTests: ParsesAnswers {
    /// Monday 4 January 2027.
    let today = TestSupport.today
    let parser = AnswerParser(today: TestSupport.today)

    @Test(arguments: [
        ("in a week or two", "2027-01-18"), ("in 2 or 3 weeks", "2027-01-25"), ("in a day or two", "2027-01-06"),
        ("a week or two", "2027-01-18"), ("2-3 weeks", "2027-01-25"), ("in 1 - 2 weeks", "2027-01-18"),
        ("in two to three weeks", "2027-01-25"), ("a month or two", "2027-03-04"), ("1 week or 2 weeks", "2027-01-18"),
        ("a week or a month", "2027-02-04"), ("a month or 2 weeks", "2027-02-04"), ("next week or the week after", "2027-01-18"),
        ("in a week or two pls", "2027-01-18"), ("In a Week or Two.", "2027-01-18"), ("about 2 or 3 weeks", "2027-01-25"),
        ("this week or next", "2027-01-11"), ("in 2–3 weeks", "2027-01-25"), ("today or tomorrow", "2027-01-05"),
        ("tomorrow or the day after", "2027-01-06"),
    ])
    func theLaterEndOfTwo(_ typed: String, _ expected: String) {
        #expect(DateParser.parse(typed, today: today)?.iso == expected, "\(typed)")
    }

    @Test(arguments: [
        ("next bank holiday", "2027-03-26"), ("the next bank holiday", "2027-03-26"), ("bank holiday", "2027-03-26"),
        ("bank holiday monday", "2027-03-29"), ("next bank holiday monday", "2027-03-29"), ("the may bank holiday", "2027-05-03"),
        ("early may bank holiday", "2027-05-03"), ("late may bank holiday", "2027-05-31"), ("spring bank holiday", "2027-05-31"),
        ("whitsun", "2027-05-31"), ("august bank holiday", "2027-08-30"), ("summer bank hol", "2027-08-30"),
        ("easter bank holiday", "2027-03-29"), ("christmas bank holiday", "2027-12-27"), ("boxing day bank holiday", "2027-12-28"),
        ("new years day bank holiday", "2028-01-03"), ("Next Bank Holiday Weekend", "2027-03-26"),
        // Named days that already read, checked here beside them.
        ("christmas", "2027-12-25"), ("boxing day", "2027-12-26"), ("new years day", "2028-01-01"), ("easter", "2027-03-28"),
        ("good friday", "2027-03-26"), ("easter monday", "2027-03-29"),
        // Found typing as a tired carer would: these were "I could not read that" or "like of feb".
        ("valentines day", "2027-02-14"), ("mothers day", "2027-03-07"), ("mother's day", "2027-03-07"), ("halloween", "2027-10-31"),
        ("first week of feb", "2027-02-01"), ("last week of march", "2027-03-31"), ("jan sometime", "2027-01-31"),
        ("idk like a month", "2027-02-04"), ("bonfire night", "2027-11-05"),
    ])
    func bankHolidaysAndNamedDays(_ typed: String, _ expected: String) {
        #expect(DateParser.parse(typed, today: today)?.iso == expected, "\(typed)")
    }

    /// Christmas 2026 is a Friday: Boxing Day, a Saturday, is kept on Monday 28. "next" on a bank
    /// holiday is the one after it.
    @Test func substituteDaysAndNext() {
        let december = SimpleDate(year: 2026, month: 12, day: 1)!
        #expect(DateParser.parse("boxing day bank holiday", today: december)?.iso == "2026-12-28")
        #expect(DateParser.parse("christmas bank holiday", today: december)?.iso == "2026-12-25")
        let goodFriday = SimpleDate(year: 2027, month: 3, day: 26)!
        #expect(DateParser.parse("bank holiday", today: goodFriday) == goodFriday)
        #expect(DateParser.parse("next bank holiday", today: goodFriday)?.iso == "2027-03-29")
        // 1 January 2028 is a Saturday; 2033's is too.
        #expect(DateParser.bankHoliday(.newYear, in: 2033).iso == "2033-01-03")
    }

    /// The holidays of a school or a family differ by area: said so, not "I could not read that".
    @Test(arguments: ["easter hols", "xmas hols", "summer hols"])
    func holidaysDifferByArea(_ typed: String) {
        #expect(DateParser.noOneDay(typed)?.contains("different days in different areas") == true, "\(DateParser.noOneDay(typed) ?? "nil")")
    }

    /// Two ends with no unit, or a range going nowhere, are still no date.
    @Test(arguments: ["2 or 3", "a week or", "bank", "the bank", "week or two", "holiday", "bank holiday tuesday"])
    func stillNoDate(_ typed: String) {
        #expect(DateParser.parse(typed, today: today) == nil, "\(typed)")
    }

    /// The day taken is said back, as for other loose dates, so it can be changed.
    @Test func theDayTakenIsSaidBack() throws {
        var c = try TestSupport.conversation(Self.steps)
        let turn = c.answer("in a week or two")
        #expect(turn.events.contains(.notice("That is Monday 18 January 2027.")), "\(turn.events)")
        #expect(c.state.answers["when"] == .date(SimpleDate(year: 2027, month: 1, day: 18)!))
    }

    /// A day still to come, at a question about a day that has passed, is named, with what to type.
    @Test func aDayToComeAtAQuestionAboutThePast() {
        let past = AnswerSpec.date(after: nil, before: .today)
        #expect(refusal("next friday", past) == "That day, Friday 8 January 2027, is still to come. This question asks about a day that has passed. Please choose a day before today, like last friday or 2 weeks ago.")
        #expect(refusal("today", past) == "Please choose a date before today.")
        #expect(refusal("last friday", past) == nil)
    }

    static let steps = "- id: when\n  ask: When?\n  answer: date\n- id: done\n  say: Done.\n"
}
