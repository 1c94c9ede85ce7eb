import Testing

@testable import DialogueEngine

/// Someone new to services, asked "What is one goal you would like to work towards?", typed "idk":
/// it was kept as their goal, and they were asked "Why does this goal matter to you?". A nurse's
/// "idk" was kept as a change at work that would help her. "idk", "not sure" and nothing more,
/// where a question asks for their own words, leave the question for now, kindly.
@Suite struct NotKnowingYetTests {
    typealias T = TestSupport
    static let steps = """
        - id: goal
          ask: What is one goal you would like to work towards?
          answer: text
        - id: people
          ask: Who could help you with this goal?
          answer: list
        - id: must
          ask: What must we call this plan?
          answer: text
          required: true
        """
    static let told = "That is OK. You do not have to know yet, so I have left this one for now. To answer it later, type /review, then /change and its number."

    func notices(_ turn: Conversation.Turn) -> [String] {
        turn.events.compactMap { if case .notice(let m) = $0 { m } else { nil } }
    }

    @Test(arguments: ["idk", "IDK.", "dunno", "not sure", "Not sure yet", "i don't know", "I don\u{2019}t know", "no idea tbh", "um not sure", "i really dont know"])
    func notKnowingLeavesTheQuestionForNow(_ typed: String) throws {
        var c = try T.conversation(Self.steps)
        #expect(notices(c.answer(typed)) == [Self.told], "\(typed)")
        #expect(c.planAnswers["goal"] == nil)
        #expect(c.currentID == "people")
        // The first thing in a list too.
        #expect(notices(c.answer(typed)) == [Self.told], "\(typed)")
        #expect(c.planAnswers["people"] == nil)
        #expect(c.currentID == "must")
    }

    @Test func wordsOfTheirOwnAreKept() throws {
        var c = try T.conversation(Self.steps)
        c.type("not sure, maybe college")
        #expect(c.planAnswers["goal"] == .text("not sure, maybe college"))
        c.type("my mum", "idk")  // after a thing in the list, it is one of their own words
        c.type("")
        #expect(c.planAnswers["people"] == .list(["my mum", "idk"]))
        // A question that is needed keeps it.
        c.type("idk")
        #expect(c.planAnswers["must"] == .text("idk"))
    }
}
