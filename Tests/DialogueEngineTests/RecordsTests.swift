import Testing

@testable import DialogueEngine

/// Answers typed over several lines: `list` (an empty line ends) and `records` (an empty first field ends).
@Suite struct RecordsTests {
    typealias T = TestSupport

    static let records = """
        - id: helpers
          ask: Who can help you?
          answer: records
          fields:
            - {id: who, ask: Their name, answer: text}
            - {id: how, ask: How to reach them, answer: text, optional: true}
            - {id: time, ask: Best time, answer: pick-one, options: {day: In the day, night: At night}}
        - id: after
          ask: Anything else?
          answer: text
        """

    func field(_ events: [Event]) -> FieldPrompt? {
        events.compactMap { if case .field(let f) = $0 { f } else { nil } }.last
    }

    @Test func aFieldsHintIsShownAndARequiredFieldCannotBeLeftBlank() throws {
        var c = Conversation(script: try T.script("""
            - id: helpers
              ask: Who can help you?
              answer: records
              fields:
                - {id: who, ask: Their name, answer: text}
                - {id: how, ask: How to reach them, answer: text, hint: A phone number or an email, required: true}
            """), today: T.today)
        _ = c.start()
        let how = try #require(field(c.answer("Sam").events))
        #expect(how.hint == "A phone number or an email" && how.required)
        #expect(TextRenderer(width: 60).render([.field(how)]).contains("      (A phone number or an email)"))
        let blank = c.answer("")
        #expect(blank.events.invalidMessages == ["This one is needed for each entry. Please type it."])
        #expect(field(blank.events)?.field == "how", "the same field again")
        #expect(blank.changes.isEmpty)
        let next = try #require(field(c.answer("07700 900123").events))
        #expect(next.field == "who" && next.record == 2)
        let json = JSONRenderer.encode(.field(how))
        #expect(JSONRenderer.decode(try JSONValue.parse(json.serialized())) == .field(how))
    }

    @Test func aFieldsHintIsChecked() {
        let found = T.diagnostics("""
            - id: helpers
              ask: Who can help you?
              answer: records
              fields:
                - {id: who, ask: Their name, answer: text}
                - {id: how, ask: How to reach them, answer: text, hint: "How do you reach {whoo}?"}
            """)
        #expect(found.map(\.code) == [.unknownTextReference])
        #expect(found.first?.location.line == 6 + T.stepsLineOffset)
    }

    @Test func recordsAskFieldByField() throws {
        var c = Conversation(script: try T.script(Self.records), today: T.today)
        let opening = c.start()
        #expect(opening.events.askedSteps == ["helpers"])
        let first = try #require(field(opening.events))
        #expect(first.field == "who" && first.record == 1 && first.first)

        let how = try #require(field(c.answer("Sam").events))
        #expect(how.field == "how" && !how.first && how.record == 1)
        let time = try #require(field(c.answer("").events))
        #expect(time.field == "time")
        #expect(time.options.map(\.key) == ["day", "night"])
        let next = try #require(field(c.answer("night").events))
        #expect(next.field == "who" && next.record == 2 && next.first)

        c.type("Jo", "07700 900123", "1")
        let end = c.answer("")
        #expect(end.events.askedSteps == ["after"])
        // A field left blank is absent from its record.
        #expect(c.planAnswers["helpers"] == .records([
            ["who": .text("Sam"), "time": .choice("night")],
            ["who": .text("Jo"), "how": .text("07700 900123"), "time": .choice("day")],
        ]))
    }

    @Test func anEmptyFirstFieldWithNoRecordsIsRefused() throws {
        var c = try T.conversation(Self.records)
        let turn = c.answer("")
        #expect(turn.changes.isEmpty)
        #expect(turn.events.invalidMessages == ["Please fill in at least one, or type /skip to leave this one for now."])
        #expect(field(turn.events)?.field == "who")
    }

    @Test func aWrongFieldValueIsRefusedAndAskedAgain() throws {
        var c = try T.conversation(Self.records)
        c.type("Sam", "")
        let turn = c.answer("midday")
        #expect(turn.changes.isEmpty)
        #expect(turn.events.invalidMessages.first?.contains("from 1 to 2") == true)
        #expect(field(turn.events)?.field == "time")
    }

    @Test func backInsideARecordGoesBackAField() throws {
        var c = try T.conversation(Self.records)
        c.type("Sam", "Text me")
        let back = c.back()
        #expect(!back.events.notices.isEmpty)
        #expect(field(back.events)?.field == "how")
        #expect(c.state.drafts["helpers"]?.partial["how"] == nil)
        #expect(c.state.drafts["helpers"]?.partial["who"] == .text("Sam"))
        c.back()
        #expect(c.state.drafts["helpers"]?.fieldIndex == 0)
        c.type("Alex", "", "1", "")
        #expect(c.planAnswers["helpers"] == .records([["who": .text("Alex"), "time": .choice("day")]]))
    }

    @Test func backAtARecordsFirstFieldReopensTheLastRecord() throws {
        var c = try T.conversation(Self.records)
        c.type("Sam", "", "2")
        #expect(c.state.drafts["helpers"]?.records.count == 1)
        let back = c.back()
        #expect(field(back.events)?.field == "time")
        #expect(field(back.events)?.record == 1)
        #expect(c.state.drafts["helpers"]?.records.isEmpty == true)
        c.type("1", "")
        #expect(c.planAnswers["helpers"] == .records([["who": .text("Sam"), "time": .choice("day")]]))
    }

    @Test func backBeforeAnyRecordGoesToThePreviousQuestion() throws {
        var c = try T.conversation("- id: first\n  ask: First?\n  answer: text\n" + Self.records)
        c.type("one")
        #expect(c.currentID == "helpers")
        c.back()
        #expect(c.currentID == "first")
    }

    @Test func recordsMinAndMax() throws {
        var most = try T.conversation("""
            - id: people
              ask: Who?
              answer: records
              max: 1
              fields:
                - {id: who, ask: Name, answer: text}
            - id: after
              ask: After?
              answer: text
            """)
        let turn = most.answer("Sam")
        #expect(turn.events.askedSteps == ["after"])
        #expect(most.planAnswers["people"] == .records([["who": .text("Sam")]]))

        var least = try T.conversation("""
            - id: people
              ask: Who?
              answer: records
              min: 2
              fields:
                - {id: who, ask: Name, answer: text}
            """)
        least.type("Sam")
        let early = least.answer("")
        #expect(early.events.invalidMessages == ["Please add at least 2. You have 1 so far."])
        least.type("Jo", "")
        #expect(least.isFinished)
    }

    @Test func skipKeepsFinishedRecords() throws {
        var c = try T.conversation(Self.records)
        c.type("Sam", "", "1", "Jo")
        let turn = c.skip()
        #expect(turn.events.notices.first == "Kept what you typed.")
        // The entry being typed is kept too, as far as it went.
        #expect(c.planAnswers["helpers"] == .records([["who": .text("Sam"), "time": .choice("day")], ["who": .text("Jo")]]))
        #expect(c.currentID == "after")
    }

    @Test func replayMidRecord() throws {
        let script = try T.script(Self.records)
        var c = Conversation(script: script, today: T.today)
        _ = c.start()
        let changes = c.type("Sam", "", "1", "Jo", "Call")
        let replayed = Conversation(script: script, changes: changes, today: T.today)
        #expect(replayed.state == c.state)
        #expect(replayed.repeatQuestion() == c.repeatQuestion())
        #expect(field(replayed.repeatQuestion())?.field == "time")
        #expect(field(replayed.repeatQuestion())?.record == 2)
        // Coming back to it later: what the entry holds so far is said first.
        #expect(replayed.resume().events.notices.contains("You were part-way through an entry: Jo, Call."))
        var between = Conversation(script: script, today: T.today)
        _ = between.start()
        between.type("Sam", "", "1")
        #expect(!between.resume().events.notices.contains { $0.hasPrefix("You were part-way") }, "not between entries")
    }

    @Test func revisitingRecordsKeepsThemOnEnter() throws {
        var c = try T.conversation(Self.records)
        c.type("Sam", "", "1", "", "Nothing")
        #expect(c.isFinished)
        c.change("helpers")
        let keep = c.answer("")
        #expect(keep.events.notices.contains("Kept your answer."))
        #expect(c.isFinished)
        #expect(c.planAnswers["helpers"] == .records([["who": .text("Sam"), "time": .choice("day")]]))
    }

    // MARK: Lists

    static let list = """
        - id: calm
          ask: What helps you feel calm?
          answer: list
        - id: after
          ask: Anything else?
          answer: text
        """

    @Test func listEndsOnAnEmptyLine() throws {
        var c = try T.conversation(Self.list)
        let one = c.answer("Music")
        #expect(one.events.contains(.itemAdded(step: "calm", count: 1)))
        #expect(one.changes == [.draft(step: "calm", value: Draft(items: ["Music"]))])
        c.type("A walk")
        let done = c.answer("")
        #expect(done.changes == [.answered(step: "calm", value: .list(["Music", "A walk"]))])
        #expect(done.events.askedSteps == ["after"])
    }

    @Test func anEmptyListIsRefused() throws {
        var c = try T.conversation(Self.list)
        let turn = c.answer("")
        #expect(turn.changes.isEmpty)
        #expect(turn.events.invalidMessages.first?.contains("/skip") == true)
    }

    @Test func backInsideAListTakesOutTheLastItem() throws {
        var c = try T.conversation(Self.list)
        c.type("Music", "Oops")
        let back = c.back()
        #expect(back.changes == [.draft(step: "calm", value: Draft(items: ["Music"]))])
        #expect(back.events.notices.first?.contains("\"Oops\"") == true)
        #expect(c.currentID == "calm")
        c.back()
        #expect(c.state.drafts["calm"] == nil)
        #expect(c.currentID == "calm")
        c.type("Tea", "")
        #expect(c.planAnswers["calm"] == .list(["Tea"]))
    }

    @Test func listMinAndMax() throws {
        var least = try T.conversation("- id: l\n  ask: L?\n  answer: list\n  min: 2")
        least.type("a")
        #expect(least.answer("").events.invalidMessages == ["Please add at least 2 things. You have 1 so far."])
        least.type("b", "")
        #expect(least.isFinished)

        var most = try T.conversation("- id: l\n  ask: L?\n  answer: list\n  max: 2")
        most.type("a")
        let full = most.answer("b")
        #expect(full.changes == [.answered(step: "l", value: .list(["a", "b"]))])
        #expect(most.isFinished)
    }

    @Test func skipKeepsTheItemsTyped() throws {
        var c = try T.conversation(Self.list)
        c.type("Music")
        let turn = c.skip()
        #expect(turn.events.notices.first == "Kept the 1 thing you typed.")
        #expect(c.planAnswers["calm"] == .list(["Music"]))
    }

    @Test func aListItemThatLooksLikeACommandWordIsText() throws {
        var c = try T.conversation(Self.list)
        c.type("no", "yes", "")
        #expect(c.planAnswers["calm"] == .list(["no", "yes"]))
    }
}
