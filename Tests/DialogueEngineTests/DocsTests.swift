import Foundation
import Testing

@testable import DialogueEngine

/// docs/dialogue-format.md stays true: its full example loads cleanly and opens as the guide shows.
@Suite struct DocsTests {
    typealias T = TestSupport

    /// The fenced blocks after a heading, in order.
    static func blocks(after heading: String) throws -> [(fence: String, body: String)] {
        let url = T.packageRoot.appendingPathComponent("docs/dialogue-format.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        let start = try #require(text.range(of: "\n" + heading + "\n"))
        var out: [(String, String)] = []
        var fence: String?
        var body: [Substring] = []
        for line in text[start.upperBound...].split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("## ") && fence == nil { break }
            if line.hasPrefix("```") {
                if let f = fence {
                    out.append((f, body.joined(separator: "\n")))
                    fence = nil
                    body = []
                } else {
                    fence = String(line.dropFirst(3))
                }
            } else if fence != nil {
                body.append(line)
            }
        }
        return out
    }

    @Test func theFullExampleIsClean() throws {
        let blocks = try Self.blocks(after: "## 1. A full example")
        let yaml = try #require(blocks.first { $0.fence == "yaml" }).body
        let result = ScriptLoader.load(text: yaml, file: "dialogues/rest-and-sleep.yaml")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(DiagnosticRenderer.text))")
        let script = try #require(result.script)
        #expect(Set(script.questions.map(\.question!.answer.kind)) == Set(AnswerKind.allCases))
    }

    @Test func theExampleOpensAsShown() throws {
        let blocks = try Self.blocks(after: "## 1. A full example")
        let script = try T.script(text: try #require(blocks.first { $0.fence == "yaml" }).body)
        let shown = try #require(blocks.first { $0.fence == "" }).body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var session = TestDoor(Session(conversation: Conversation(script: script, today: T.today), support: .fallback))
        let renderer = TextRenderer(width: 80)
        var lines = renderer.render(session.start())
        for line in shown where line.hasPrefix("> ") {
            lines.append(line)
            lines += renderer.render(session.handle(String(line.dropFirst(2))))
        }
        while lines.first == "" { lines.removeFirst() }
        #expect(lines == shown)
    }

    @Test func everyCodeIsInTheTable() throws {
        let url = T.packageRoot.appendingPathComponent("docs/dialogue-format.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        for code in Diagnostic.Code.allCases {
            #expect(text.contains("| \(code.rawValue) |"), "\(code.rawValue) is missing from the table")
        }
    }

    @Test func theSupportExampleReads() throws {
        let blocks = try Self.blocks(after: "## 13. Support contacts: `support.yaml`, and the check-in words: `check-in.yaml`")
        let yaml = try #require(blocks.first { $0.fence == "yaml" }).body
        let (support, problems) = SupportDirectory.load(text: yaml, file: "support.yaml")
        #expect(problems.isEmpty, "\(problems.map(DiagnosticRenderer.text))")
        #expect(support?.areas.first?.contacts.first?.reach == "Call 999, or go to A&E")
        #expect(support?.mentionsRisk("I WANT to die.") == true)
        #expect(support?.checkIn.someoneElse.contains("someone") == true)
        #expect(support?.contacts.first?.checked == SimpleDate(iso: "2026-12-03"))
    }
}
