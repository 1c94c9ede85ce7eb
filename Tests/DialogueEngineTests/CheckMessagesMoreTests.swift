import Foundation
import Testing

@testable import DialogueEngine

/// More of what `tandem check` says: two dialogues with one id, a broken common.yaml, a very long
/// line, and messages that followed from another (a cascade) or read badly.
@Suite struct CheckMessagesMoreTests {
    typealias B = BrokenBase

    /// A fresh folder holding `files`, removed afterwards.
    static func folder(_ files: [String: String], _ body: (String) throws -> Void) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("check-messages-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: url) }
        for (name, text) in files { try text.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        try body(url.path)
    }

    // MARK: Two dialogues with one id

    @Test func twoFilesWithOneIDAreBothErrorsAndNeitherIsUsed() throws {
        try Self.folder(["brk.yaml": B.text, "copy.yaml": B.text, "other.yaml": B.text.replacingOccurrences(of: "dialogue: brk", with: "dialogue: other")]) { path in
            let library = try DialogueLibrary.load(directory: path)
            let clashes = library.diagnostics.filter { $0.code == .dialogueIDClash }
            #expect(clashes.count == 2, "\(B.rendered(library.diagnostics))")
            #expect(clashes.allSatisfy { $0.severity == .error && $0.location.line == 1 && $0.location.column == 11 })
            let brk = try #require(clashes.first { $0.location.file.hasSuffix("/brk.yaml") })
            #expect(brk.message.contains("\"copy.yaml\""), "\(brk.message)")
            #expect(library.scripts.map(\.id) == ["other"])
            #expect(library.find("brk") == nil)
        }
    }

    // MARK: A common.yaml with problems

    @Test func aBrokenCommonFileIsNamedAsBrokenNotAsMissing() throws {
        let dialogue = B.text.replacingOccurrences(of: "say: Hello {name|there}.", with: "say: Hello {name|there}. {common.how}")
        try Self.folder(["brk.yaml": dialogue, "common.yaml": "texts:\n  how: [\n"]) { path in
            let ds = ScriptLoader.load(path: path + "/brk.yaml").diagnostics
            let d = try #require(ds.first { $0.code == .unknownCommon }, "\(B.rendered(ds))")
            #expect(d.message.contains("common.yaml has problems"), "\(d.message)")
            #expect(!d.message.contains("no common.yaml"))
            let library = try DialogueLibrary.load(directory: path)
            let again = try #require(library.diagnostics.first { $0.code == .unknownCommon })
            #expect(again.message.contains("common.yaml has problems"))
        }
    }

    @Test func noCommonFileIsStillSaidSo() throws {
        let dialogue = B.text.replacingOccurrences(of: "say: Hello {name|there}.", with: "say: Hello {name|there}. {common.how}")
        try Self.folder(["brk.yaml": dialogue]) { path in
            let ds = ScriptLoader.load(path: path + "/brk.yaml").diagnostics
            #expect(ds.first { $0.code == .unknownCommon }?.message.contains("there is no common.yaml") == true)
        }
    }

    // MARK: A very long line

    @Test func aVeryLongLineIsShownAsAWindowAroundTheColumn() throws {
        let long = String(repeating: "word ", count: 200_000)
        let line = "        ask: " + long + "{nmae} and more " + long
        let column = B.column(of: "{nmae}", line: 1, in: line)!
        let d = Diagnostic(.unknownTextReference, "the text uses {nmae}", at: SourceLocation(file: "brk.yaml", line: 9, column: column), length: 6, sourceLine: line)
        let shown = DiagnosticRenderer.text(d).split(separator: "\n").map(String.init)
        #expect(shown.count == 3)
        #expect(shown[1].count < 130, "\(shown[1].count)")
        #expect(shown[2].count < 130)
        #expect(shown[1].contains("…{nmae} and more") || shown[1].contains("{nmae} and more"))
        #expect(shown[1].hasSuffix("…"))
        #expect(shown[1].contains(" | …"))
        // The carets sit under {nmae}.
        let caret = try #require(shown[2].firstIndex(of: "^"))
        let at = shown[2].distance(from: shown[2].startIndex, to: caret)
        let under = shown[1].dropFirst(at).prefix(6)
        #expect(under == "{nmae}", "\(under)")
        #expect(shown[2].filter { $0 == "^" }.count == 6)
    }

    @Test func aShortLineIsShownWhole() {
        let d = Diagnostic(.missingTarget, "x", at: SourceLocation(file: "f", line: 3, column: 13), length: 5, sourceLine: "        go: tipps")
        #expect(DiagnosticRenderer.text(d) == "f:3:13: error[D010]: x\n 3 |         go: tipps\n   |             ^^^^^")
    }

    // MARK: Cascades

    @Test func anEmptyGoIsOneProblemNotTwo() throws {
        let ds = B.diagnostics(replacing: "          - go: end\n", with: "          - go:\n")
        #expect(ds.contains { $0.code == .wrongValue && $0.location.line == 22 }, "\(B.rendered(ds))")
        #expect(!ds.contains { $0.code == .lastBranchConditional }, "\(B.rendered(ds))")
    }

    @Test func aBadOptionKeyIsOneProblemNotTwo() throws {
        let ds = B.diagnostics(replacing: "          good: Good\n", with: "          Good Day: Good\n")
        #expect(ds.contains { $0.code == .invalidID }, "\(B.rendered(ds))")
        #expect(!ds.contains { $0.message.contains("at least two options") }, "\(B.rendered(ds))")
    }

    @Test func aLabelOutsideTheScaleSaysSo() throws {
        let ds = B.diagnostics(replacing: "        answer: list\n", with: "        answer: scale\n        range: [1, 5]\n        labels: {1: little, 9: lots}\n")
        let d = try #require(ds.first, "\(B.rendered(ds))")
        #expect(ds.count == 1, "\(B.rendered(ds))")
        #expect(d.code == .badAnswerOptions)
        #expect(d.message.contains("outside the scale"), "\(d.message)")
        #expect(d.message.contains("1 to 5") || d.message.contains("from 1 to 5"))
        #expect(d.location.line == 27)
    }

    @Test func aMistypedGoSuggestsOnlyAStepItMayGoTo() throws {
        let ds = B.diagnostics(replacing: "go: help", with: "go: nmae")
        let d = try #require(ds.first { $0.code == .missingTarget }, "\(B.rendered(ds))")
        #expect(d.help?.contains("name") != true, "\(d.help ?? "")")
        let later = B.diagnostics(replacing: "go: help", with: "go: hepl")
        #expect(later.first { $0.code == .missingTarget }?.help?.contains("\"help\"") == true)
    }

    // MARK: Wording

    @Test func aStepWithoutAnIDNeedsAnID() throws {
        let ds = B.diagnostics(replacing: "      - id: help\n        ask", with: "      - ask")
        #expect(ds.contains { $0.message == "a step needs an \"id:\"" }, "\(B.rendered(ds))")
    }

    @Test func aFieldWithoutAskNeedsAnAsk() throws {
        let ds = B.diagnostics(replacing: "        answer: list\n", with: "        answer: records\n        fields:\n          - id: who\n            answer: text\n")
        #expect(ds.contains { $0.message == "a field needs an \"ask:\"" }, "\(B.rendered(ds))")
    }

    @Test func oneItemIsOneItem() throws {
        let ds = B.diagnostics(replacing: "        answer: list\n", with: "        answer: list\n        max: 1\n        start-with:\n          - Tea\n")
        #expect(ds.contains { $0.message.contains("has 1 item but") }, "\(B.rendered(ds))")
        #expect(!ds.contains { $0.message.contains("1 items") })
    }
}
