import Testing

@testable import DialogueEngine

/// "not at the moment" to "Are you, or might you be, staying in hospital?" was "Please type yes or
/// no."; "not yet" to "When will you take this step?" was told only "I could not read that as a
/// date", with no word that the question can be left.
@Suite struct NotYetAnswersTests: ParsesAnswers {
    let parser = AnswerParser(today: TestSupport.today)

    @Test(arguments: ["not at the moment", "not atm", "not right now", "not currently", "not any more"])
    func aNoForNow(_ typed: String) {
        #expect(value(typed, .yesNo) == .bool(false), "\(typed)")
    }

    static let steps = "- id: step\n  ask: What is one small step?\n  answer: text\n- id: when\n  ask: When will you take this step?\n  answer: date\n"

    @Test(arguments: ["not yet", "no", "nope"])
    func noDateYetCanBeLeft(_ typed: String) throws {
        var c = Conversation(script: try TestSupport.script(Self.steps), today: TestSupport.today)
        _ = c.start()
        _ = c.answer("phone the library")
        let said = c.answer(typed).events.invalidMessages.joined()
        #expect(said.hasSuffix("If you do not have a date yet, you can type /skip to leave this one for now."), "\(typed): \(said)")
    }
}

/// "dont work" to "How are things with work or study?" (its hint: "If you do not work or study right
/// now, you can type /skip.") was told only "Please type a whole number from 1 to 10."
@Suite struct NotMineAtAScoreTests {
    static let steps = "- id: work\n  ask: How are things with work or study?\n  answer: scale\n  range: [1, 10]\n- id: more\n  ask: More?\n  answer: text\n"

    @Test(arguments: ["dont work", "i don't study", "im retired", "not working atm", "I'm off sick",
                      // A reason after it ("dont work, gave up my job to care for him" was told only to type a number).
                      "dont work, gave up my job to care for him", "gave up work to look after my mum full time",
                      "I left my job last year when things got too much", "cant work at the moment because of my back"])
    func theQuestionCanBeLeftOut(_ typed: String) throws {
        var c = Conversation(script: try TestSupport.script(Self.steps), today: TestSupport.today)
        _ = c.start()
        let said = c.answer(typed).events.invalidMessages.joined()
        #expect(said == "Please type a whole number from 1 to 10. If this question does not fit you, you can type /skip to leave it out.", "\(typed): \(said)")
    }

    @Test func aNumberWithWordsIsAskedForTheNumber() throws {
        var c = Conversation(script: try TestSupport.script(Self.steps), today: TestSupport.today)
        _ = c.start()
        #expect(!c.answer("i dont know, 5").events.invalidMessages.joined().contains("does not fit you"))
    }
}
