import Testing

@testable import DialogueEngine

/// "Have you been asked if you would like a carer's assessment?" answered "i think so", "not at
/// all", "yesss", "yh" or "i havent": each was told "Please type yes or no.", and "i think so",
/// "dont think so" and "not at all", not read, brought the check-in about not being safe.
@Suite struct YesNoTypedFastTests {
    @Test(arguments: [
        ("yh", true), ("ye", true), ("yesss", true), ("yeahhh", true), ("absolutely", true), ("correct", true), ("i think so", true),
        ("I have", true), ("we did", true), ("i am", true), ("of course", true),
        ("nooo", false), ("nahh", false), ("nop", false), ("not at all", false), ("dont think so", false), ("I don't think so.", false),
        ("i havent", false), ("i do not", false), ("im not", false), ("we didn't", false),
        // "Would you like to see your plan now?" answered "yes pls" was "Please type just yes or no."
        ("yes pls", true), ("yes plz", true), ("yeah thx", true), ("yes please xx", true), ("no ty", false), ("nah thnx", false),
    ])
    func read(_ typed: String, _ yes: Bool) {
        #expect(AnswerParser.yesOrNo(typed) == yes, "\(typed)")
    }

    /// Still neither: both at once, a verb that is not the question's, words of their own, or a
    /// word that only looks like one.
    @Test(arguments: ["i can", "yes and no", "sort of", "i think so but not yet", "noon", "see", "i have not been asked yes", "i think"])
    func neither(_ typed: String) {
        #expect(AnswerParser.yesOrNo(typed) == nil, "\(typed)")
    }

    @Test(arguments: ["i think so", "dont think so", "not at all", "i havent"])
    func noCheckInForAPlainAnswer(_ typed: String) throws {
        let steps = "- id: assessment\n  ask: Have you been asked if you would like a carer's assessment?\n  answer: yes-no\n- id: more\n  ask: What else?\n  answer: text\n"
        var s = Session(conversation: Conversation(script: try TestSupport.script(steps), today: TestSupport.today), support: WeighedWordsOnClosedAnswersTests.support)
        _ = s.start()
        let events = s.take(typed)
        #expect(!WeighedWordsOnClosedAnswersTests.heard(events), "\(typed): \(events)")
        #expect(s.conversation.state.answers["assessment"] != nil, "\(typed)")
    }
}
