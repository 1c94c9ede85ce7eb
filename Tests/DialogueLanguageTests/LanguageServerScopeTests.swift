import Foundation
import Testing

@testable import DialogueLanguage
import DialogueEngine

/// Completion offers only what `tandem check` then accepts at that place, and the server checks
/// every kind of file as `tandem check` does.
@Suite struct LanguageServerScopeTests {
    static let file = "/tmp/dialogues/sleep.yaml"

    static let good = """
        dialogue: sleep
        version: 1
        title: Sleep
        audience: person
        sections:
          - id: part
            title: Part
            steps:
              - id: hours
                ask: How many hours?
                answer: number
              - id: hopes
                ask: What do you each hope for?
                answer: text
                who: everyone
              - id: worries
                ask: What worries you?
                answer: list
              - id: mood
                ask: Mood, {hours}?
                answer: pick-one
                options:
                  low: Low
                  ok: OK
                when: hours > 2
                next:
                  - if: mood == "low"
                    go: tips
                  - go: end
              - id: tips
                ask: Which tip?
                answer: pick-one
                options: {from: worries}
              - id: later
                ask: Which of these?
                answer: pick-many
                options:
                  a: A
                  b: B
              - id: bye
                say: Bye

        """

    /// The text as the author has it while typing `typing` in place of `was` (it does not load),
    /// with the ids of the version that did, and the labels offered at the end of `typing`.
    static func offered(_ was: String, _ typing: String, extra: String = "") -> [String] {
        let script = ScriptLoader.load(text: good, file: file).script
        #expect(script != nil)
        let text = good.replacingOccurrences(of: was, with: typing + extra)
        let lines = TextLines.split(text).map(String.init)
        let last = typing.components(separatedBy: "\n").last!
        let row = lines.firstIndex { $0.hasSuffix(last) }!
        let index = DocumentIndex(text: text, script: script)
        return index.completions(at: .init(line: row, character: lines[row].utf16.count)).map(\.label)
    }

    @Test func theGoodVersionLoads() {
        #expect(ScriptLoader.load(text: Self.good, file: Self.file).diagnostics.isEmpty)
    }

    @Test func goOffersOnlyLaterSteps() {
        #expect(Self.offered("        go: tips", "        go: ") == ["tips", "later", "bye", "end"])
    }

    @Test func whenOffersOnlyEarlierQuestionsWithOneAnswer() {
        #expect(Self.offered("when: hours > 2", "when: ") == ["hours", "worries"])
    }

    @Test func ifMayAlsoUseItsOwnStep() {
        #expect(Self.offered("- if: mood == \"low\"", "- if: ") == ["hours", "worries", "mood", "\"low\"", "\"ok\""])
    }

    @Test func holesOfferOnlyEarlierQuestions() {
        #expect(Self.offered("ask: Mood, {hours}?", "ask: Mood, {") == ["hours", "worries"])
    }

    @Test func optionsFromOffersOnlyEarlierPickManyAndLists() {
        #expect(Self.offered("options: {from: worries}", "options: {from: ") == ["worries"])
    }

    @Test func aFieldsOptionsOfferNothingFromEarlierAnswers() {
        let block = "      - id: new\n        ask: New?\n        answer: records\n        fields:\n          - id: who\n            ask: Who?\n            answer: pick-one\n            options: {from: "
        #expect(Self.offered("      - id: bye\n", block, extra: "\n      - id: bye\n") == [])
        let flow = "      - id: new\n        ask: New?\n        answer: records\n        fields:\n          - {id: who, ask: Who?, answer: pick-one, options: {from: "
        #expect(Self.offered("      - id: bye\n", flow, extra: "\n      - id: bye\n") == [])
        // A step's own options from an earlier answer are still offered.
        let after = "      - id: new\n        ask: New?\n        answer: pick-one\n        options: {from: "
        #expect(Self.offered("      - id: bye\n", after, extra: "\n      - id: bye\n") == ["worries", "later"])
    }

    @Test func aStepTypedAfterAnotherMayUseIt() {
        // "new" has not loaded yet: it comes after mood, so mood is earlier and tips later.
        let was = "      - id: tips\n"
        let when = Self.offered(was, "      - id: new\n        when: ", extra: "\n" + was)
        #expect(when == ["hours", "worries", "mood", "\"low\"", "\"ok\""])
        let go = Self.offered(was, "      - id: new\n        ask: New?\n        answer: text\n        next:\n          - go: ", extra: "\n" + was)
        #expect(go == ["tips", "later", "bye", "end"])
    }

    @Test func stepsAreFoundWhereTheyAreNow() {
        // Two lines added above every step: the places come from the text, not the old line numbers.
        let script = ScriptLoader.load(text: Self.good, file: Self.file).script
        let text = Self.good.replacingOccurrences(of: "audience: person\n", with: "audience: person\nminutes: 5\nsummary: Sleep well\n")
        let index = DocumentIndex(text: text, script: script)
        let lines = TextLines.split(text).map(String.init)
        let row = lines.firstIndex { $0.hasSuffix("go: tips") }!
        #expect(index.stepPlace(line: row)?.index == 3)
        #expect(index.stepPlace(line: 2) == nil)
    }

    // MARK: Hover from the checker's words

    @Test func audienceHoverListsTheWordsTheCheckerKnows() throws {
        let index = DocumentIndex(text: Self.good, script: nil)
        let hover = try #require(index.hover(at: .init(line: 3, character: 3)))
        for word in Vocabulary.audiences { #expect(hover.contains(word)) }
        #expect(hover.contains("family") && hover.contains("friend"))
    }

    // MARK: The same checks as tandem check

    static let support = """
        title: Support
        areas:
          - id: local
            title: Near you
            contacts:
              - name: A helpline
                reach: Call 0800 000 000
                checked: 2020-01-01
                source: example.org
                colour: blue

        """

    @Test func supportFilesGetEveryProblemTandemCheckFinds() {
        let server = LanguageServer()
        let found = LanguageServerTests.diagnostics(LanguageServerTests.open(server, Self.support, uri: "file:///tmp/dialogues/support.yaml"))
        let codes = Set(found.compactMap { $0["code"] as? String })
        #expect(codes == ["D004", "D028", "D044", "D049"])
        let cli = FileCheck.check(text: Self.support, file: "/tmp/dialogues/support.yaml", today: SimpleDate(Date())).diagnostics
        #expect(Set(cli.map(\.code.rawValue)) == codes)
    }

    @Test func sharedWordsNoDialogueUsesAreWarnedOf() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-lsp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.good.write(to: folder.appendingPathComponent("sleep.yaml"), atomically: true, encoding: .utf8)
        let common = "texts:\n  goodbye: Take care.\n"
        let uri = folder.appendingPathComponent(CommonLibrary.fileName).absoluteString
        let found = LanguageServerTests.diagnostics(LanguageServerTests.open(LanguageServer(), common, uri: uri))
        #expect(found.contains { $0["code"] as? String == "D043" })
    }
}
