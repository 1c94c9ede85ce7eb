import Testing

@testable import DialogueEngine

/// A nurse typing a team's answer to "How far has our team got with choice and control?" typed
/// "developing i think": told "The closest choice is 3. Developing. Please type the number of your
/// choice", when Developing is the choice. Words of a guess before or after one choice ("i think",
/// "i guess", "tbh", "for now", "id say") change nothing.
@Suite struct ChoiceWithAGuessTests: ParsesAnswers {
    let parser = AnswerParser(today: TestSupport.today)
    let stages = AnswerSpec.pickOne(options: [
        Option(key: "not-started", label: "Not started yet"),
        Option(key: "beginning", label: "Beginning"),
        Option(key: "developing", label: "Developing"),
        Option(key: "established", label: "Established"),
    ])
    let checkIns = AnswerSpec.pickOne(options: [
        Option(key: "weekly", label: "Every week"),
        Option(key: "fortnightly", label: "Every two weeks"),
        Option(key: "when-asked", label: "Only when I ask"),
        Option(key: "not-sure", label: "I am not sure yet"),
    ])

    @Test(arguments: [
        ("developing i think", "developing"), ("Developing, I think", "developing"), ("3 i think", "developing"),
        ("beginning i guess", "beginning"), ("i think developing", "developing"), ("id say 2", "beginning"),
        ("established tbh", "established"), ("1 for now", "not-started"), ("developing i think tbh", "developing"),
    ])
    func aGuessAroundOneChoice(_ typed: String, _ key: String) {
        #expect(value(typed, stages) == .choice(key), "\(typed)")
    }

    @Test func otherChoices() {
        #expect(value("every 2 weeks i think", checkIns) == .choice("fortnightly"))
        #expect(value("only when i ask i think", checkIns) == .choice("when-asked"))
        // A label with the words in it is found whole.
        #expect(value("i am not sure yet", checkIns) == .choice("not-sure"))
        let many = AnswerSpec.pickMany(options: [Option(key: "money", label: "Money and benefits"), Option(key: "crisis", label: "What to do in a crisis")], min: nil, max: nil)
        #expect(value("money i think, crisis", many) == .choices(["money", "crisis"]))
        // Words of their own are still not a choice.
        #expect(value("developing slowly on the ward", stages) == nil)
    }
}
