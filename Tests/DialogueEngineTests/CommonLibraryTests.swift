import Testing

@testable import DialogueEngine

/// `common.yaml`: shared texts put in with {common.NAME}, and shared lists of choices.
@Suite struct CommonLibraryTests {
    typealias T = TestSupport

    static let commonText = """
        texts:
          how-it-works: |
            You can skip any question. Just type /skip.
            You can stop and carry on later. Type /pause.
          goodbye: Take care, {name|friend}.
        choices:
          areas:
            sleep: Sleep
            food: Food
            friends: Friends
        """

    static var common: CommonLibrary {
        get throws { try #require(CommonLibrary.load(text: commonText, file: "common.yaml").0) }
    }

    static func dialogue(intro: String = "Hello.\n  {common.how-it-works}", steps: String) -> String {
        let body = steps.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "      " + $0 }.joined(separator: "\n")
        return "dialogue: shared\nversion: 1\ntitle: Shared\nintro: |\n  \(intro)\nsections:\n  - id: part\n    title: Part\n    steps:\n" + body + "\n"
    }

    static let steps = """
        - id: name
          ask: What is your name?
          answer: text
        - id: areas
          ask: Which areas?
          answer: pick-many
          options: areas
          hint: "{common.goodbye}"
        - id: people
          ask: Who helps?
          answer: records
          fields:
            - {id: who, ask: "Who? {common.goodbye}", answer: text}
        - id: bye
          say: "{common.goodbye}"
        """

    @Test func sharedWordsArePutIntoEveryKindOfText() throws {
        let result = ScriptLoader.load(text: Self.dialogue(steps: Self.steps), file: "shared.yaml", common: try Self.common)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(DiagnosticRenderer.text))")
        let script = try #require(result.script)
        #expect(script.intro?.source == "Hello.\nYou can skip any question. Just type /skip.\nYou can stop and carry on later. Type /pause.")
        #expect(script.step("areas")?.question?.hint?.source == "Take care, {name|friend}.")
        #expect(script.step("areas")?.question?.answer.options.map(\.key) == ["sleep", "food", "friends"])
        if case .records(let fields, _, _)? = script.step("people")?.question?.answer {
            #expect(fields[0].prompt.source == "Who? Take care, {name|friend}.")
        } else {
            Issue.record("people is a records question")
        }
        // The shared text's own {name|friend} works as any hole does.
        var c = Conversation(script: script, today: T.today)
        _ = c.start()
        _ = c.answer("Sam")
        _ = c.answer("1")
        _ = c.answer("Asha")
        let end = c.answer("")
        #expect(end.events.contains(.said("Take care, Sam.")))
    }

    @Test func aListOfTheDialoguesOwnComesFirst() throws {
        let local = "choices:\n  areas:\n    work: Work\n    home: Home\n"
        let text = Self.dialogue(steps: Self.steps).replacingOccurrences(of: "sections:\n", with: local + "sections:\n")
        let script = try #require(ScriptLoader.load(text: text, file: "shared.yaml", common: try Self.common).script)
        #expect(script.step("areas")?.question?.answer.options.map(\.key) == ["work", "home"])
    }

    @Test func anUnknownNameIsReportedWhereItIsWritten() throws {
        let text = Self.dialogue(intro: "Hello.\n  {common.how-it-wrks}", steps: "- id: a\n  ask: A?\n  answer: text\n")
        let found = ScriptLoader.load(text: text, file: "shared.yaml", common: try Self.common).diagnostics
        let d = try #require(found.first { $0.code == .unknownCommon })
        #expect(d.location.line == 6 && d.location.column == 3)
        #expect(d.help == "did you mean {common.how-it-works}?")
        let none = ScriptLoader.load(text: text, file: "shared.yaml").diagnostics
        #expect(none.contains { $0.code == .unknownCommon && $0.message.contains("no common.yaml") })
    }

    @Test func aMistakeInASharedTextIsPointedAtInCommonYAML() throws {
        let commonText = "texts:\n  greeting: |\n    Hello.\n    Welcome back, {nmae}.\n  open: \"Hi {name\"\n"
        let common = try #require(CommonLibrary.load(text: commonText, file: "/d/common.yaml").0)
        let steps = "- id: name\n  ask: What is your name?\n  answer: text\n- id: bye\n  say: \"{common.greeting} {common.open}\"\n"
        let found = ScriptLoader.load(text: Self.dialogue(intro: "Hello.", steps: steps), file: "/d/shared.yaml", common: common).diagnostics
        let hole = try #require(found.first { $0.message.contains("{nmae}") })
        #expect(hole.code == .unknownTextReference)
        #expect(hole.location.file == "/d/common.yaml")
        #expect(hole.location.line == 4 && hole.location.column == 19)
        #expect(hole.sourceLine == "    Welcome back, {nmae}.")
        #expect(hole.help == "did you mean {name}?")
        let open = try #require(found.first { $0.message.contains("has no } after it") })
        #expect(open.location.file == "/d/common.yaml" && open.location.line == 5)
        // A mistake written in the dialogue itself is still pointed at there.
        let own = ScriptLoader.load(text: Self.dialogue(intro: "Hello {nmae}.", steps: steps), file: "/d/shared.yaml", common: common).diagnostics
        #expect(own.contains { $0.location.file == "/d/shared.yaml" && $0.message.contains("{nmae}") })
    }

    @Test func aChangedSharedTextChangesTheDialoguesHashButAnUnusedOneDoesNot() throws {
        let text = Self.dialogue(steps: "- id: a\n  ask: A?\n  answer: text\n")
        let before = try #require(ScriptLoader.load(text: text, file: "s.yaml", common: try Self.common).script).contentHash
        var changed = try Self.common
        changed.texts["how-it-works"] = "Something else."
        let after = try #require(ScriptLoader.load(text: text, file: "s.yaml", common: changed).script).contentHash
        #expect(before != after)
        var unrelated = try Self.common
        unrelated.texts["goodbye"] = "Bye."
        #expect(try #require(ScriptLoader.load(text: text, file: "s.yaml", common: unrelated).script).contentHash == before)
    }

    @Test func unusedSharedWordsAreWarnedAbout() throws {
        let common = try Self.common
        let warnings = common.unused(in: [Self.dialogue(steps: "- id: a\n  ask: A?\n  answer: text\n")], commonText: Self.commonText)
        #expect(warnings.map(\.message).sorted() == [
            "no dialogue in this folder uses the shared choices \"areas\"",
            "no dialogue in this folder uses the shared text \"goodbye\"",
        ])
        #expect(common.unused(in: [Self.dialogue(steps: Self.steps)], commonText: Self.commonText).isEmpty)
    }

    @Test func aBrokenCommonFileIsReported() {
        let (nothing, problems) = CommonLibrary.load(text: "text:\n  a: b\n", file: "common.yaml")
        #expect(nothing == nil)
        #expect(problems.contains { $0.message.contains("text") })
        let nested = CommonLibrary.load(text: "texts:\n  a: \"{common.b}\"\n  b: Hi.\n", file: "common.yaml").1
        #expect(nested.contains { $0.code == .unknownCommon })
    }

    @Test func theShippedDialoguesShareTheirHowItWorksWords() throws {
        let library = try DialogueLibrary.load(directory: T.packageRoot.appendingPathComponent("dialogues").path)
        #expect(library.diagnostics.filter { $0.severity == .error }.isEmpty)
        for script in library.scripts {
            #expect(script.intro?.source.contains("You can skip any question. Just type /skip.") == true, "\(script.id)")
        }
    }
}
