import Testing

@testable import DialogueEngine

/// `start-with:`: list and records answers that begin with items already in the plan.
@Suite struct StartWithTests {
    typealias T = TestSupport

    static let steps = """
        - id: contacts
          ask: Who can you contact?
          answer: records
          fields:
            - {id: name, ask: Their name, answer: text}
            - {id: how, ask: How to reach them, answer: text}
          start-with:
            - {name: Emergency services, how: Call 999}
            - name: Samaritans
              how: Call 116 123
        - id: places
          ask: Where feels safe?
          answer: list
          start-with: [Home]
        - id: done
          ask: Anything else?
          answer: text
        """

    static func records(_ value: AnswerValue?) -> [AnswerValue.Record]? {
        if case .records(let r)? = value { return r }
        return nil
    }

    func conversation() throws -> (Conversation, [Event]) {
        var c = Conversation(script: try T.script(Self.steps), today: T.today)
        let events = c.start().events
        return (c, events)
    }

    @Test func theQuestionShowsWhatIsAlreadyThere() throws {
        let (_, events) = try conversation()
        let p = try #require(events.compactMap { if case .asked(let p) = $0 { p } else { nil } }.first)
        #expect(p.soFar == ["Emergency services, Call 999", "Samaritans, Call 116 123"])
        let lines = TextRenderer().render(events)
        #expect(lines.contains("  Already in your plan:"))
        #expect(lines.contains("    - Samaritans, Call 116 123"))
        #expect(lines.contains { $0.contains("(3) Their name") }, "the person's own come after")
        #expect(JSONRenderer.encode(.asked(p)).serialized().contains(#""soFar":["Emergency services, Call 999","Samaritans, Call 116 123"]"#))
    }

    @Test func enterKeepsThemAndOwnPeopleAreAdded() throws {
        var (c, _) = try conversation()
        c.type("Dan", "07700 900555", "")
        let records = try #require(Self.records(c.planAnswers["contacts"]))
        #expect(records.map { $0["name"] } == [.text("Emergency services"), .text("Samaritans"), .text("Dan")])
        c.type("")
        #expect(c.planAnswers["places"] == .list(["Home"]))
    }

    @Test func skipKeepsThem() throws {
        var (c, _) = try conversation()
        #expect(c.skip().events.notices == ["Kept what was already in your plan."])
        let records = try #require(Self.records(c.planAnswers["contacts"]))
        #expect(records.count == 2)
    }

    /// /back at a new record's first field went into "Samaritans" and took out its number: the
    /// next line, meant as a new person's name, became how to reach Samaritans. A started record
    /// is taken out whole, as a started list item is.
    @Test func backTakesAStartedRecordOutWhole() throws {
        var (c, _) = try conversation()
        let back = c.back()
        #expect(back.events.notices == ["Took out \"Samaritans, Call 116 123\". Type another, or press Enter on an empty line when you have finished."])
        c.type("my CPN", "ring the team", "")
        let records = try #require(Self.records(c.planAnswers["contacts"]))
        #expect(records == [["name": .text("Emergency services"), "how": .text("Call 999")], ["name": .text("my CPN"), "how": .text("ring the team")]])
        // A record the person typed is still reopened at its last field.
        _ = c.change("contacts")
        _ = c.back()
        c.type("text them")
        #expect(c.workingDraft(c.currentStep!)?.records.last == ["name": .text("my CPN"), "how": .text("text them")])
    }

    @Test func backTakesOneOutAndItStaysOut() throws {
        var (c, _) = try conversation()
        c.type("")
        #expect(c.currentID == "places")
        let back = c.back()
        #expect(back.events.notices.first?.contains("Home") == true)
        c.type("The library", "")
        #expect(c.planAnswers["places"] == .list(["The library"]))
    }

    @Test func theCheckerRefusesWhatCannotWork() {
        let onText = T.diagnostics("- id: a\n  ask: A?\n  answer: text\n  start-with: [x]")
        #expect(onText.map(\.code) == [.badAnswerOptions])
        let unknownField = T.diagnostics("- id: a\n  ask: A?\n  answer: records\n  fields:\n    - {id: who, ask: Who, answer: text}\n  start-with:\n    - {whom: Sam}")
        #expect(unknownField.contains { $0.code == .unknownKey })
        #expect(unknownField.contains { $0.code == .missingKey })
        let tooMany = T.diagnostics("- id: a\n  ask: A?\n  answer: list\n  max: 2\n  start-with: [x, y]")
        #expect(tooMany.map(\.code) == [.badAnswerOptions])
        let date = T.diagnostics("- id: a\n  ask: A?\n  answer: records\n  fields:\n    - {id: who, ask: Who, answer: text}\n    - {id: when, ask: When, answer: date}\n  start-with:\n    - {who: Sam, when: tomorrow}")
        #expect(date.map(\.code) == [.badAnswerOptions])
        let onSay = T.diagnostics("- id: a\n  say: Hello.\n  start-with: [x]")
        #expect(onSay.map(\.code) == [.wrongValue])
    }

    @Test func theSafetyPlanAlwaysHasTheNumbers() throws {
        let library = try DialogueLibrary.load(directory: T.packageRoot.appendingPathComponent("dialogues").path)
        let script = try #require(library.find("staying-safe-together"))
        let q = try #require(script.step("help-people")?.question)
        let records = try #require(Self.records(q.startWith))
        let text = records.map { r in r.values.map { AnswerText.inline($0, spec: .text(min: nil, max: nil)) }.joined(separator: " ") }.joined(separator: "\n")
        #expect(text.contains("999") && text.contains("116 123"))
    }
}
