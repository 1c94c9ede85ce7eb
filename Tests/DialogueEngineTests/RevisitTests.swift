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

    /// "/change six", "/change #2", "/change number 2", "/change 2." all mean answer 2.
    @Test(arguments: ["two", "Two", "#2", "number 2", "no. 2", "2.", " 2 "])
    func changeTakesANumberAsPeopleWriteIt(_ typed: String) throws {
        var c = try TestSupport.conversation(steps)
        c.type("Sam", "walks", "")
        #expect(c.currentID == "people")
        let turn = c.change(typed)
        #expect(!turn.events.contains { if case .invalid = $0 { true } else { false } }, "\(turn.events)")
        #expect(c.currentID == "helps")
    }

    @Test("A skipped question answered later says the answer is saved, never that an answer was kept")
    func answeringASkippedQuestionLaterSaysSaved() throws {
        var c = try TestSupport.conversation(steps)
        _ = c.skip()
        c.type("walks", "", "Asha", "phone", "")
        #expect(c.currentID == "mood")
        _ = c.change("name")
        let turn = c.answer("Sam")
        #expect(turn.events.contains(.notice("Saved your answer.")))
        #expect(!turn.events.contains(.notice("Kept your answer.")))
        #expect(c.planAnswers["name"] == .text("Sam"))
        #expect(c.currentID == "mood")
    }

    @Test("/skip at a question gone back to keeps its answer and moves on")
    func skipKeepsTheAnswerBeingRevisited() throws {
        for (step, answer) in [("name", AnswerValue.text("Sam")), ("helps", .list(["walks", "music"]))] {
            var c = try TestSupport.conversation(steps)
            c.type("Sam", "walks", "music", "", "Asha", "phone", "")
            #expect(c.currentID == "mood")
            _ = c.change(step)
            let turn = c.skip()
            #expect(turn.events.contains(.notice("Kept your answer.")), "\(step)")
            #expect(c.planAnswers[step] == answer, "\(step): nothing thrown away")
            #expect(c.currentID == "mood")
        }
    }

    @Test("/back at a list gone back to takes items out, then goes to the question before, never round again")
    func backThroughARevisitedListEnds() throws {
        var c = try TestSupport.conversation(steps)
        c.type("Sam", "walks", "music", "")
        _ = c.change("helps")
        #expect(c.back().events.contains(.notice("Took out \"music\". Type another, or press Enter on an empty line when you have finished.")))
        #expect(c.back().events.contains(.notice("Took out \"walks\". Type another, or press Enter on an empty line when you have finished.")))
        #expect(c.currentID == "helps")
        // Everything taken out: Enter does not quietly bring it back.
        let enter = c.answer("")
        #expect(enter.events.contains { if case .invalid(let m) = $0 { m.hasPrefix("You have taken everything out.") } else { false } })
        _ = c.back()
        #expect(c.currentID == "name", "the question before, not the list again")
        // The list's answer is as it was: taking out was never finished.
        #expect(c.planAnswers["helps"] == .list(["walks", "music"]))
    }

    @Test("/skip part-way through an entry keeps what was typed of it and moves on; an entry whose rest is needed cannot be left part-done")
    func skipInsideARecord() throws {
        var c = try TestSupport.conversation(steps)
        c.type("Sam", "walks", "", "Asha")
        #expect(c.currentID == "people")
        let turn = c.skip()
        #expect(turn.events.contains(.notice("Kept what you typed.")))
        #expect(c.planAnswers["people"] == .records([["who": .text("Asha")]]))
        #expect(c.currentID == "mood")

        var needed = try TestSupport.conversation(steps.replacingOccurrences(of: "{id: how, ask: How to reach them?, answer: text}", with: "{id: how, ask: How to reach them?, answer: text, required: true}"))
        needed.type("Sam", "walks", "", "Asha")
        let refused = needed.skip()
        #expect(refused.events.contains { if case .invalid(let m) = $0 { m.contains("cannot be skipped") } else { false } })
        #expect(needed.currentID == "people")
        needed.type("07700 900123", "")
        #expect(needed.planAnswers["people"] == .records([["who": .text("Asha"), "how": .text("07700 900123")]]))
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
        #expect(events.contains(.notice("Your answer to a later question no longer fits, so it has been taken out of your plan.")))
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
