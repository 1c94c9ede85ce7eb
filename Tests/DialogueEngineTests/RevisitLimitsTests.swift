import Testing

@testable import DialogueEngine

/// Changing a list or records answer keeps its `max:`, says which entry `/back` goes into, and
/// numbers the next entry after those already there (found by trying Tandem as a new user would,
/// then by the walk fuzz target's check that a fixed limit always holds).
@Suite struct RevisitLimitsTests {
    let steps = """
        - id: helps
          ask: What helps?
          answer: list
          max: 3
        - id: people
          ask: Who can help?
          answer: records
          max: 2
          fields:
            - {id: who, ask: Who?, answer: text}
            - {id: how, ask: How to reach them?, answer: text}
        - id: mood
          ask: Mood?
          answer: scale
        """

    @Test func aListBeingChangedTakesNoMoreThanItsMax() throws {
        var c = try TestSupport.conversation(steps)
        c.type("walks", "music", "tea")
        #expect(c.currentID == "people", "the list ends by itself at its max")
        _ = c.change("helps")
        let full = c.answer("baths")
        #expect(full.events == [.invalid("You have 3 things already, the most this question takes. Press Enter to keep them, or type /back to take out the last one.")])
        #expect(full.changes.isEmpty)
        _ = c.back()
        c.type("baths")
        #expect(c.planAnswers["helps"] == .list(["walks", "music", "baths"]))
    }

    @Test func recordsBeingChangedTakeNoMoreThanTheirMax() throws {
        var c = try TestSupport.conversation(steps)
        c.type("tea", "", "Kim", "0770", "Jo", "0771")
        #expect(c.currentID == "mood")
        let asked = c.change("people")
        // The next entry is numbered after the two already there.
        #expect(asked.events.contains { if case .field(let f) = $0 { return f.record == 3 } else { return false } })
        let full = c.answer("Ray")
        #expect(full.events.first == .invalid("You have 2 already, the most this question takes. Press Enter to keep them, or type /back to change the last one."))
        #expect(full.changes.isEmpty)
        #expect(c.planAnswers["people"].map { if case .records(let r) = $0 { r.count } else { 0 } } == 2)
    }

    @Test func backIntoTheLastEntrySaysWhichOneItIs() throws {
        var c = try TestSupport.conversation(steps)
        c.type("tea", "", "Kim", "0770", "Jo", "0771")
        _ = c.change("people")
        let back = c.back()
        #expect(back.events.first == .notice("Going back into the last one: \"Jo, 0771\". Took out \"0771\"."))
        #expect(back.events.contains { if case .field(let f) = $0 { return f.record == 2 && f.field == "how" } else { return false } })
        c.type("0772")
        #expect(c.planAnswers["people"] == .records([["who": .text("Kim"), "how": .text("0770")], ["who": .text("Jo"), "how": .text("0772")]]))
    }
}
