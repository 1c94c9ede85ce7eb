import Testing

@testable import DialogueEngine

/// "Which of these would you like to learn more about?" answered "1 and 6, maybe 3": told 'I could
/// not find "maybe 3" in the list.', when 3 is in the list. A word before or after one of several
/// choices that changes nothing ("maybe", "also", "too") is left out.
@Suite struct ChoicesWithHedgesTests: ParsesAnswers {
    let parser = AnswerParser(today: TestSupport.today)
    let courses = AnswerSpec.pickMany(options: [
        Option(key: "mental-health", label: "What mental health problems are, and how they are treated"),
        Option(key: "rights", label: "Your rights as a carer"),
        Option(key: "money", label: "Money and benefits"),
        Option(key: "crisis", label: "What to do in a crisis"),
        Option(key: "maybe-later", label: "Maybe later"),
    ], min: nil, max: nil)

    @Test(arguments: [
        ("1 and 4, maybe 2", ["mental-health", "rights", "crisis"]), ("1, 4, also 3", ["mental-health", "money", "crisis"]),
        ("money, crisis too", ["money", "crisis"]), ("2, and 3 as well", ["rights", "money"]),
        ("probably crisis, maybe money", ["money", "crisis"]), ("1, 2 maybe", ["mental-health", "rights"]),
    ])
    func aWordThatChangesNothing(_ typed: String, _ keys: [String]) {
        #expect(value(typed, courses) == .choices(keys), "\(typed)")
    }

    /// A label with the word in it is still found whole; a word of their own is still not found.
    @Test func labelsAndOtherWords() {
        #expect(value("maybe later", courses) == .choices(["maybe-later"]))
        #expect(value("1, maybe later", courses) == .choices(["mental-health", "maybe-later"]))
        #expect(refusal("1, maybe cooking", courses) == "I could not find \"maybe cooking\" in the list. Type the numbers of your choices, with commas between them, like 1, 3.")
    }
}
