import Testing

@testable import DialogueEngine

/// Carrying a preview over to a new version of its file.
@Suite struct PreviewReloadTests {
    static func script(_ steps: String) throws -> Script {
        let body = steps.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "      " + $0 }.joined(separator: "\n")
        let text = "dialogue: p\nversion: 1\ntitle: P\nsections:\n  - id: part\n    title: Part\n    steps:\n" + body + "\n"
        let loaded = ScriptLoader.load(text: text, file: "p.yaml")
        #expect(!loaded.hasErrors, "\(loaded.diagnostics.map(\.message))")
        return try #require(loaded.script)
    }

    static let steps = """
        - id: name
          ask: Your name?
          answer: text
        - id: mood
          ask: How are you?
          answer: scale
          range: [1, 5]
          labels: {1: low, 5: great}
        - id: sleep
          ask: Sleep well?
          answer: yes-no
        - id: notes
          ask: Anything else?
          answer: text
        """

    static func answered(_ script: Script, _ lines: [String]) -> Conversation {
        var session = Session(conversation: Conversation(script: script, today: SimpleDate(year: 2026, month: 12, day: 3)!), support: .fallback)
        _ = session.start()
        for line in lines { _ = session.take(line) }
        return session.conversation
    }

    @Test func movingStepsDownTheFileChangesNothing() throws {
        let old = try Self.script(Self.steps)
        let new = try Self.script("- id: intro\n  say: Hello.\n" + Self.steps)
        #expect(PreviewReload.changedSteps(from: old, to: new) == ["intro"])
        #expect(PreviewReload.changedSteps(from: old, to: old).isEmpty)
    }

    @Test func anEarlierChangedQuestionIsAskedAgainAndTheRestKept() throws {
        let old = try Self.script(Self.steps)
        let conversation = Self.answered(old, ["Sam", "4", "yes"])
        #expect(conversation.currentStep?.id == "notes")
        let new = try Self.script(Self.steps.replacingOccurrences(of: "How are you?", with: "How are you today?"))
        let (carried, changed) = PreviewReload.carry(conversation, to: new)
        #expect(changed == ["mood"])
        #expect(carried.currentStep?.id == "mood")
        #expect(carried.state.answers["name"] == .text("Sam"))
        #expect(carried.state.answers["sleep"] == .bool(true))
        #expect(carried.state.answers["mood"] == nil)
    }

    @Test func rulesCountAsChangesToo() throws {
        let old = try Self.script(Self.steps)
        let conversation = Self.answered(old, ["Sam", "4", "yes"])
        let labels = try Self.script(Self.steps.replacingOccurrences(of: "5: great", with: "5: very good"))
        #expect(PreviewReload.changedSteps(from: old, to: labels) == ["mood"])
        let when = try Self.script(Self.steps.replacingOccurrences(of: "  ask: Sleep well?", with: "  ask: Sleep well?\n  when: mood <= 3"))
        let (carried, changed) = PreviewReload.carry(conversation, to: when)
        #expect(changed == ["sleep"])
        #expect(carried.currentStep?.id == "notes", "mood is 4, so the changed sleep question is passed over")
    }

    @Test func aLaterChangeLeavesThePlaceWhereItWas() throws {
        let old = try Self.script(Self.steps)
        let conversation = Self.answered(old, ["Sam"])
        let new = try Self.script(Self.steps.replacingOccurrences(of: "Anything else?", with: "Anything more?"))
        let (carried, changed) = PreviewReload.carry(conversation, to: new)
        #expect(changed == ["notes"])
        #expect(carried.currentStep?.id == "mood")
        #expect(carried.state.answers["name"] == .text("Sam"))
    }

    @Test func anAnswerThatNoLongerFitsIsAskedAgainAndGoneStepsAreDropped() throws {
        let old = try Self.script(Self.steps)
        let conversation = Self.answered(old, ["Sam", "4", "yes"])
        let new = try Self.script(Self.steps.replacingOccurrences(of: "- id: name\n  ask: Your name?\n  answer: text\n", with: ""))
        let (carried, _) = PreviewReload.carry(conversation, to: new)
        #expect(carried.state.answers["name"] == nil)
        #expect(carried.earlierAnswers.isEmpty)
        #expect(carried.currentStep?.id == "notes")
    }
}
