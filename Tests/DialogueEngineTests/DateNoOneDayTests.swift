import Testing

@testable import DialogueEngine

/// "When will you take this step?" answered as people say it. "the weekend after next", "a
/// fortnight on monday" and "fortnight today" name a day, and were told "I could not read that as
/// a date"; so were "soon", "asap", "when i can" and "half term", which name no one day, as if
/// they had been typed wrong. Those are now told why no day can be kept, and what would work.
@Suite struct DateNoOneDayTests {
    /// Monday 4 January 2027.
    let today = TestSupport.today

    @Test(arguments: [
        ("weekend after next", "2027-01-23"), ("the weekend after next", "2027-01-23"),
        ("a fortnight on monday", "2027-01-25"), ("fortnight on friday", "2027-01-22"), ("monday fortnight", "2027-01-25"),
        ("fortnight today", "2027-01-18"), ("a fortnight today", "2027-01-18"), ("a fortnight tomorrow", "2027-01-19"),
        ("tomorrow fortnight", "2027-01-19"), ("a fortnight from friday", "2027-01-22"),
        // Read before, and still: the rest of the words people used for a step's day.
        ("a week on friday", "2027-01-15"), ("the week after next", "2027-01-18"), ("end of the month", "2027-01-31"),
        ("end of next week", "2027-01-15"), ("beginning of next month", "2027-02-01"), ("in a few days", "2027-01-07"),
        ("a week today", "2027-01-11"), ("monday week", "2027-01-18"), ("a fortnight", "2027-01-18"),
    ])
    func wordsThatNameADay(input: String, expected: String) {
        #expect(DateParser.parse(input, today: today)?.iso == expected, "\(input)")
    }

    /// Said on a Saturday, the weekend after next is two Saturdays on, as "next weekend" is one.
    @Test func theWeekendAfterNextOnASaturday() {
        let saturday = SimpleDate(year: 2027, month: 1, day: 9)!
        #expect(DateParser.parse("next weekend", today: saturday)?.iso == "2027-01-16")
        #expect(DateParser.parse("weekend after next", today: saturday)?.iso == "2027-01-23")
    }

    static let soon = "Soon could be many different days, so I cannot keep it as a date. Please choose a day, like next friday, in 2 weeks or 1/3. You can change it later."
    static let ready = "That is fine. There is no rush. If you can, choose a day to aim for, like next friday or in 2 weeks. You can change it later."

    @Test(arguments: [
        ("soon", soon), ("Soon!", soon), ("asap", soon), ("ASAP please", soon), ("as soon as possible", soon), ("very soon", soon),
        ("in a bit", soon), ("at some point", soon), ("sometime", soon), ("soonish", soon),
        ("when i can", ready), ("When I'm ready", ready), ("whenever", ready), ("when i feel better", ready), ("no rush", ready),
        ("half term", "Half term is on different days in different areas, so I cannot tell which day you mean. Please type the day, like next monday, or the date, like 1/3."),
        ("by half-term", "Half term is on different days in different areas, so I cannot tell which day you mean. Please type the day, like next monday, or the date, like 1/3."),
        ("the school holidays", "School holidays are on different days in different areas, so I cannot tell which day you mean. Please type the day, like next monday, or the date, like 1/3."),
        ("end of term", "The end of term is on different days in different areas, so I cannot tell which day you mean. Please type the day, like next monday, or the date, like 1/3."),
        ("before payday", "I do not know when your payday is. Please type the day, like next friday, or the date, like 1/3."),
        ("my birthday", "I do not know when your birthday is. Please type the day, like next friday, or the date, like 1/3."),
    ])
    func noOneDayIsToldWhy(typed: String, reply: String) {
        let outcome = AnswerParser(today: today).parse(typed, as: .date(after: .yesterday, before: nil))
        #expect(outcome == .rejected(reply), "\(typed)")
    }

    /// Only these words: a date, or other words, are read as before.
    @Test(arguments: ["next friday", "soon after christmas", "i will do it soon when the kids are back at school", "after the kids go back", "sooner or later maybe"])
    func otherWordsAreNotThese(typed: String) {
        #expect(DateParser.noOneDay(typed) == nil, "\(typed)")
    }

    /// "when i can", where the question can be left: /skip leaves it for now.
    @Test func whenICanMayLeaveIt() throws {
        var c = try TestSupport.conversation("- id: step-date\n  ask: When will you take this step?\n  answer: date\n  after: yesterday\n")
        let turn = c.answer("when i can")
        #expect(turn.events.contains(.invalid(Self.ready + " If you are not sure, you can type /skip to leave this one for now.")), "\(turn.events)")
        #expect(c.currentID == "step-date")
    }

    /// In a record, "soon" at "By when?" keeps what was typed before, and asks for the day again.
    @Test func inARecordNothingTypedIsLost() throws {
        var c = try TestSupport.conversation("""
            - id: actions
              ask: What actions have we agreed?
              answer: records
              fields:
                - {id: action, ask: "What will be done?", answer: text}
                - {id: who, ask: "Who will do it?", answer: text}
                - {id: by-when, ask: "By when?", answer: date, after: yesterday}
            """)
        _ = c.answer("Ask two people from the ward to join")
        _ = c.answer("Kay")
        let turn = c.answer("soon")
        #expect(turn.events.contains(.invalid(Self.soon)), "\(turn.events)")
        _ = c.answer("a fortnight on friday")
        _ = c.answer("")
        #expect(c.planAnswers["actions"] == .records([[
            "action": .text("Ask two people from the ward to join"), "who": .text("Kay"),
            "by-when": .date(SimpleDate(year: 2027, month: 1, day: 22)!),
        ]]))
    }

    /// Read only once a line is no date, and words the parser reads are closed: the check-in does
    /// not weigh them.
    @Test(arguments: ["a fortnight on monday", "weekend after next", "fortnight today"])
    func closedWords(line: String) {
        #expect(ClosedAnswer.holdsNoOwnWords(line, as: .date(after: nil, before: nil), today: today), "\(line)")
    }
}
