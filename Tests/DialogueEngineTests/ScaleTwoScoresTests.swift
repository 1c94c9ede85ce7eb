import Testing

@testable import DialogueEngine

/// "How are you coping with the care you give?" answered "actually more like 2 or 3", "2-3" or
/// "not much time at all like 1": each was told "Please type a whole number from 1 to 10.", which
/// is what they had done. Two scores are asked to choose one; one score after words of their own
/// is asked for just the number. Neither is taken: which score is theirs to say.
@Suite struct ScaleTwoScoresTests: ParsesAnswers {
    let parser = AnswerParser(today: TestSupport.today)
    let scale = AnswerSpec.scale(range: 1...10, labels: [1: "finding it very hard", 10: "coping well"])

    @Test(arguments: [
        ("actually more like 2 or 3", "2 or 3"), ("2-3", "2 or 3"), ("2 - 3", "2 or 3"), ("2\u{2013}3", "2 or 3"),
        ("between 2 and 3", "2 or 3"), ("two or three", "2 or 3"), ("6 or 7 out of 10", "6 or 7"), ("maybe 7 or 6?", "6 or 7"),
        ("3 to 4", "3 or 4"),
    ])
    func twoScoresAreAskedToChooseOne(_ typed: String, _ choice: String) {
        #expect(value(typed, scale) == nil, "\(typed)")
        #expect(refusal(typed, scale) == "Please choose one number: \(choice).", "\(typed)")
    }

    /// ("not much time at all like 1" is now 1: a clear score after words of their own is taken,
    /// see `TypedTheWayPeopleSayTests`.)
    @Test(arguments: [("on a bad day 2", 2), ("on my worst days its like, 3.", 3)])
    func oneScoreAfterTheirOwnWords(_ typed: String, _ n: Int) {
        #expect(refusal(typed, scale) == "Please type just the number, like \(n).", "\(typed)")
    }

    /// Two scores not both on the scale, two pairs, the same score twice, or a figure inside a
    /// word: the usual reply.
    @Test(arguments: ["3 or 30", "10-11", "2 or 3, or 7 or 8", "7 or 7", "3rd", "seven/eight", "about 20 years of this 3", "out of 10", "most days its 3 out of 10"])
    func otherwiseTheUsualReply(_ typed: String) {
        #expect(refusal(typed, scale) == "Please type a whole number from 1 to 10.", "\(typed)")
    }

    @Test func inAConversationNothingIsKept() throws {
        var c = try TestSupport.conversation("- id: caring\n  ask: How are you coping with the care you give?\n  answer: scale\n  range: [1, 10]\n")
        let turn = c.answer("more like 2 or 3")
        #expect(c.planAnswers["caring"] == nil)
        #expect(turn.events.invalidMessages == ["Please choose one number: 2 or 3."])
    }
}
