import Testing

@testable import DialogueEngine

/// A scale from 1 to 10 answered with the top of a scale: "7/10", "7 out of 10" and "about a 6
/// out of 10" are read as the score; "3 out of 5" (another scale) was told "Please type a whole
/// number from 1 to 10.", which does not say what was wrong. It is told the scale goes to 10, and
/// what 3 out of 5 comes to here, and asked which number is theirs: nothing is kept for them.
@Suite struct ScaleOutOfTests: ParsesAnswers {
    let parser = AnswerParser(today: TestSupport.today)
    let scale = AnswerSpec.scale(range: 1...10, labels: [1: "very low", 10: "very good"])

    @Test(arguments: [
        ("7/10", 7), ("7 / 10", 7), ("7 out of 10", 7), ("7 of 10", 7), ("about a 6 out of 10", 6), ("a 6/10", 6),
        ("6 out of ten", 6), ("six out of 10", 6), ("7 outta 10", 7), ("6/10 tbh", 6), ("maybe a 4 out of 10 today", 4),
        ("７/１０", 7), ("７", 7), ("10/10", 10),
    ])
    func readAsTheScore(_ typed: String, _ n: Int) {
        #expect(value(typed, scale) == .number(Double(n)), "\(typed): \(refusal(typed, scale) ?? "")")
    }

    @Test(arguments: [
        ("3 out of 5", "This scale goes from 1 to 10, not up to 5. 3 out of 5 would be about 6 here. Please type the number from 1 to 10 that fits best."),
        ("about a 3 out of 5", "This scale goes from 1 to 10, not up to 5. 3 out of 5 would be about 6 here. Please type the number from 1 to 10 that fits best."),
        ("3/5", "This scale goes from 1 to 10, not up to 5. 3 out of 5 would be about 6 here. Please type the number from 1 to 10 that fits best."),
        ("60/100", "This scale goes from 1 to 10, not up to 100. 60 out of 100 would be about 6 here. Please type the number from 1 to 10 that fits best."),
        ("2 out of 3", "This scale goes from 1 to 10, not up to 3. Please type the number from 1 to 10 that fits best."),
    ])
    func anotherScaleIsToldWhichScaleThisIs(_ typed: String, _ reply: String) {
        #expect(value(typed, scale) == nil, "\(typed)")
        #expect(refusal(typed, scale) == reply, "\(typed)")
    }

    /// On a scale from 1 to 5, "8/10" is 4 here; "7/10" comes to no whole number.
    @Test func aShorterScale() {
        let five = AnswerSpec.scale(range: 1...5, labels: [:])
        #expect(refusal("8/10", five) == "This scale goes from 1 to 5, not up to 10. 8 out of 10 would be about 4 here. Please type the number from 1 to 5 that fits best.")
        #expect(refusal("7 out of 10", five) == "This scale goes from 1 to 5, not up to 10. Please type the number from 1 to 5 that fits best.")
        #expect(value("4/5", five) == .number(4))
    }

    /// "7/8" and "4/5" with a slash may be "7 or 8": not read as another scale. Nor is a score
    /// above its top, or words around it.
    @Test(arguments: ["7/8", "4/5", "seven/eight", "6 out of 5", "out of 5", "most days its 3 out of 5 or so ok"])
    func notAnotherScale(_ typed: String) {
        #expect(!(refusal(typed, scale) ?? "").hasPrefix("This scale goes"), "\(typed)")
    }

    @Test func inAConversationNothingIsKept() throws {
        var c = try TestSupport.conversation("- id: mood\n  ask: How is your mood today?\n  answer: scale\n  range: [1, 10]\n")
        let turn = c.answer("3 out of 5")
        #expect(c.planAnswers["mood"] == nil)
        #expect(turn.events.invalidMessages.first?.hasPrefix("This scale goes from 1 to 10, not up to 5.") == true, "\(turn.events)")
        c.type("7/10")
        #expect(c.planAnswers["mood"] == .number(7))
    }
}
