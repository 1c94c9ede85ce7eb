import Testing

@testable import DialogueEngine

/// "How often would you like to check in with your manager?": a nurse's "no" was kept as "I am not
/// sure yet" ("no" is the start of the key "not-sure"), and "every 2 wks" was told "The closest
/// choices are 1. Every week; 2. Every two weeks."
@Suite struct ChoiceShortWordsTests: ParsesAnswers {
    let parser = AnswerParser(today: TestSupport.today)
    static let checkIns: [Option] = [
        Option(key: "weekly", label: "Every week"), Option(key: "fortnightly", label: "Every two weeks"),
        Option(key: "monthly", label: "Once a month"), Option(key: "when-asked", label: "Only when I ask"),
        Option(key: "not-sure", label: "I am not sure yet"),
    ]

    @Test func noIsNotTheStartOfAKey() {
        #expect(value("no", .pickOne(options: Self.checkIns)) == nil)
        #expect(value("no", .pickMany(options: Self.checkIns, min: nil, max: nil)) == nil)
        #expect(value("not sure", .pickOne(options: Self.checkIns)) == .choice("not-sure"), "a key's start of three letters or more still counts")
        #expect(value("no", .pickOne(options: NoneChoiceTests.courses)) == .choice("none"), "where a choice says none, 'no' is it")
    }

    @Test(arguments: [
        ("every 2 wks", "fortnightly"), ("fortnightly", "fortnightly"), ("every fortnight", "fortnightly"), ("weekly", "weekly"),
        ("monthly", "monthly"), ("every wk", "weekly"),
    ])
    func weeksAndMonthsAsTyped(_ typed: String, _ key: String) {
        #expect(value(typed, .pickOne(options: Self.checkIns)) == .choice(key), "\(typed)")
    }
}
