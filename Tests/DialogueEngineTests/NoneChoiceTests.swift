import Testing

@testable import DialogueEngine

/// "Would you like to learn about any of these?" with a "None for now" choice: "none yet", "not
/// yet", "no thanks" were told "I could not find "none yet" in the list." They mean that choice.
@Suite struct NoneChoiceTests: ParsesAnswers {
    let parser = AnswerParser(today: TestSupport.today)
    static let courses: [Option] = [
        Option(key: "wellbeing", label: "Looking after my wellbeing"), Option(key: "money", label: "Money and benefits"),
        Option(key: "none", label: "None for now"),
    ]

    @Test(arguments: ["none yet", "not yet", "no thanks", "nothing for now", "not right now", "None of them", "not interested", "none yet thanks", "not at the moment"])
    func noneForNow(_ typed: String) {
        #expect(value(typed, .pickMany(options: Self.courses, min: nil, max: nil)) == .choices(["none"]), "\(typed)")
        #expect(value(typed, .pickOne(options: Self.courses)) == .choice("none"), "\(typed)")
    }

    /// Only where a choice says none, and only the words of none.
    @Test func elsewhereItIsStillNotFound() {
        let stages = [Option(key: "not-started", label: "Not started yet"), Option(key: "beginning", label: "Beginning")]
        #expect(value("none yet", .pickOne(options: stages)) == nil)
        #expect(value("none yet but maybe money", .pickMany(options: Self.courses, min: nil, max: nil)) == nil)
        #expect(value("1, none yet", .pickMany(options: Self.courses, min: nil, max: nil)) == .choices(["wellbeing", "none"]), "the dialogue's own check says not both")
    }
}
