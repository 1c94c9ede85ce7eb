import Testing

@testable import DialogueEngine

/// Asking a list or records question again adds to the answer; nothing typed is lost on the way.
@Suite struct RevisitTests {
    let steps = """
        - id: name
          ask: Your name?
          answer: text
        - id: helps
          ask: What helps?
          answer: list
        - id: people
          ask: Who can help?
          answer: records
          fields:
            - {id: who, ask: Who?, answer: text}
            - {id: how, ask: How to reach them?, answer: text}
        - id: mood
          ask: Mood?
          answer: scale
        """

    @Test func changingAListAddsToIt() throws {
        var c = try TestSupport.conversation(steps)
        c.type("Sam", "walks", "music", "")
        #expect(c.currentID == "people")
        _ = c.change("2")
        c.type("tea", "")
        #expect(c.planAnswers["helps"] == .list(["walks", "music", "tea"]))
        #expect(c.currentID == "people")
    }

    @Test func backTakesOutTheLastItemOfTheAnswerBeingChanged() throws {
        var c = try TestSupport.conversation(steps)
        c.type("Sam", "walks", "music", "")
        _ = c.change("helps")
        let turn = c.back()
        #expect(turn.events.contains(.notice("Took out \"music\". Type another, or press Enter on an empty line when you have finished.")))
        c.type("")
        #expect(c.planAnswers["helps"] == .list(["walks"]))
    }

    @Test func changingRecordsAddsARecord() throws {
        var c = try TestSupport.conversation(steps)
        c.type("Sam", "walks", "", "Jo", "0770", "")
        _ = c.change("people")
        c.type("Ali", "", "")
        #expect(c.planAnswers["people"] == .records([["who": .text("Jo"), "how": .text("0770")], ["who": .text("Ali")]]))
    }

    @Test func changeInTheMiddleOfAListKeepsWhatWasTyped() throws {
        var c = try TestSupport.conversation(steps)
        c.type("Sam", "walks", "music")
        #expect(c.state.drafts["helps"]?.items == ["walks", "music"])
        _ = c.change("1")
        c.type("Samira")
        #expect(c.currentID == "helps")
        #expect(c.state.drafts["helps"]?.items == ["walks", "music"])
        c.type("tea", "")
        #expect(c.planAnswers["helps"] == .list(["walks", "music", "tea"]))
    }

    @Test func aChangeThatDropsAnswersSaysSo() throws {
        var c = try TestSupport.conversation("""
            - id: hospital
              ask: In hospital?
              answer: yes-no
            - id: ward
              when: hospital == true
              ask: What helps on the ward?
              answer: text
            - id: end-note
              ask: Anything else?
              answer: text
            """)
        c.type("yes", "quiet room")
        let turn = c.change("hospital")
        #expect(turn.changes.isEmpty)
        var c2 = c
        let events = c2.answer("no").events
        #expect(events.contains(.notice("One earlier answer no longer fits, so it has been taken out of your plan.")))
        #expect(c2.planAnswers["ward"] == nil)
    }

    @Test(arguments: ["count", "not", "answered", "true"])
    func reservedWordsCannotBeStepIDs(word: String) {
        let d = TestSupport.diagnostics("""
            - id: \(word)
              ask: A question?
              answer: text
            """)
        #expect(d.contains { $0.code == .invalidID })
    }
}
