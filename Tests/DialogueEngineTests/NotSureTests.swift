import Testing

@testable import DialogueEngine

/// Someone who is not sure ("dunno", "not sure", "maybe") at a question that needs a number, a
/// date, a choice or a yes or no is told they can leave it for now, not only what to type.
@Suite struct NotSureTests {
    let steps = """
        - id: mood
          ask: Mood?
          answer: scale
        - id: help
          ask: Would you like help?
          answer: yes-no
        - id: when
          ask: When?
          answer: date
        - id: must
          ask: Must you?
          answer: yes-no
          required: true
        """

    func invalid(_ turn: Conversation.Turn) -> [String] {
        turn.events.compactMap { if case .invalid(let m) = $0 { m } else { nil } }
    }

    @Test(arguments: ["dunno", "Don't know", "I don't know", "not sure", "Unsure", "idk", "no idea", "maybe", "?", "hmm not sure really"])
    func notSureIsToldAboutSkip(_ input: String) throws {
        var c = try TestSupport.conversation(steps)
        #expect(invalid(c.answer(input)) == ["Please type a whole number from 1 to 10. If you are not sure, you can type /skip to leave this one for now."])
        c.type("5")
        #expect(invalid(c.answer(input)) == ["Either yes or no is fine. Please type the one that is closest to how it is for you. If you are not sure, you can type /skip to leave this one for now."])
        c.type("yes")
        #expect(invalid(c.answer(input)).first?.hasSuffix("If you are not sure, you can type /skip to leave this one for now.") == true)
    }

    @Test func otherWordsAreNotTold() throws {
        var c = try TestSupport.conversation(steps)
        #expect(invalid(c.answer("lots")) == ["Please type a whole number from 1 to 10."])
        #expect(invalid(c.answer("the known world")) == ["Please type a whole number from 1 to 10."])
    }

    /// In an entry (a record), a field is left empty with Enter, not /skip.
    @Test func notSureInAnEntrySaysEnterLeavesItEmpty() throws {
        var c = try TestSupport.conversation("""
            - id: actions
              ask: What actions?
              answer: records
              fields:
                - {id: action, ask: What will be done?, answer: text}
                - {id: by, ask: By when?, answer: date}
            """)
        c.type("Write the leaflet")
        #expect(invalid(c.answer("dunno")).first?.hasSuffix("If you are not sure, press Enter to leave it empty.") == true)
        // "someday" is no day, and not not knowing: told why, with no word of leaving it empty.
        #expect(invalid(c.answer("someday")).first == DateNoOneDayTests.soon)
    }

    @Test func aNeededQuestionIsNotSkipped() throws {
        var c = try TestSupport.conversation(steps)
        c.type("5", "yes", "tomorrow")
        #expect(c.currentID == "must")
        // Told either is fine (`YesNoInBetweenTests`), and not that it can be skipped.
        #expect(invalid(c.answer("dunno")) == [AnswerParser.inBetweenReply])
    }
}
