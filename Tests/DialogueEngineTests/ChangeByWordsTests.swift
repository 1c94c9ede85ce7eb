import Testing

@testable import DialogueEngine

/// `/change lead`, typed by a team's nurse who remembered the question, not its number: "I could
/// not find an answer called "lead"", though three questions ask who will lead.
@Suite struct ChangeByWordsTests {
    static let steps = """
        - id: name
          ask: What would you like me to call you?
          answer: text
        - id: lead-first
          ask: Who will lead the work in the first area?
          answer: text
        - id: lead-second
          ask: Who will lead the work in the second area?
          answer: text
        - id: hopes
          ask: What do you hope for in your life?
          answer: text
        - id: last
          ask: Anything else?
          answer: text
        """

    func session() throws -> Session {
        var s = Session(conversation: Conversation(script: try TestSupport.script(Self.steps), today: TestSupport.today), support: .fallback)
        _ = s.start()
        for line in ["Jo", "Amir", "Beth", "a garden"] { _ = s.take(line) }
        return s
    }

    @Test(arguments: [("lead second", "lead-second"), ("the second area", "lead-second"), ("hope", "hopes"), ("my hopes", "hopes"), ("call", "name"), ("Name", "name")])
    func theWordsOfOneQuestion(_ typed: String, _ step: String) throws {
        var s = try session()
        let events = s.take("/change \(typed)")
        #expect(events.askedSteps == [step], "\(typed): \(events)")
    }

    @Test func wordsThatSeveralQuestionsHaveAskWhichOne() throws {
        var s = try session()
        let events = s.take("/change lead")
        #expect(events.invalidMessages == ["More than one question has those words: numbers 2 and 3. Type /change and the number of the one you mean."], "\(events)")
        #expect(events.askedSteps == ["last"])
    }

    @Test(arguments: ["banana", "the", "lead banana"])
    func wordsOfNoQuestion(_ typed: String) throws {
        var s = try session()
        let events = s.take("/change \(typed)")
        #expect(events.invalidMessages.first?.hasPrefix("I could not find an answer called \"\(typed)\".") == true, "\(events)")
    }
}

