import DialogueEngine
import Foundation
import TandemStore
import Testing
@testable import PlanStore

/// The three export formats of a full plan, with fixed dates, against files in Golden/.
/// To accept a deliberate change: UPDATE_GOLDEN=1 swift test --filter ExportGoldenTests, then review the diff.
@Suite("Export golden files")
struct ExportGoldenTests {
    static let info = PlanInfo(id: "k7qm3xrt", created: TestData.started, updated: TestData.started.addingTimeInterval(3 * 24 * 3600 + 3600))

    /// A full plan, saved in a store and read back, as a conversation.
    static func savedPlan(_ lines: [String] = TestData.fullPlan) async throws -> Conversation {
        let store = try PlanStore.inMemory()
        var session = try await TestData.begin(store)
        try await TestData.play(lines, into: &session, store: store)
        return try await store.open(id: session.plan!.id!).conversation(TestData.v1, today: TestData.today)
    }

    @Test("Each format matches its golden file", arguments: ExportFormat.allCases)
    func golden(format: ExportFormat) async throws {
        let text = PlanExporter(conversation: try await Self.savedPlan(), info: Self.info, support: TestData.support).render(format)
        try Self.compare(text, to: "full-plan.\(format.fileExtension)")
    }

    @Test("An unfinished plan with a skipped question", arguments: ExportFormat.allCases)
    func unfinished(format: ExportFormat) async throws {
        let lines = ["Robin Zebrafinch", "/skip", "8", "A walk by the river", ""]
        let text = PlanExporter(conversation: try await Self.savedPlan(lines), info: Self.info, support: TestData.support).render(format)
        try Self.compare(text, to: "unfinished-plan.\(format.fileExtension)")
    }

    @Test("No control characters in any export, whatever was typed", arguments: ExportFormat.allCases)
    func noControlCharacters(format: ExportFormat) async throws {
        var lines = TestData.fullPlan
        lines[0] = "Robin\u{1B}[31m \u{07}\u{202E}Zebrafinch\u{9B}2J\u{1B}]0;TITLE\u{07}"
        let text = PlanExporter(conversation: try await Self.savedPlan(lines), info: Self.info, support: TestData.support).render(format)
        // JSON writes a control as an escape (\u001b): look at its strings as a program reads them.
        let strings = format == .json ? Self.strings(try JSONSerialization.jsonObject(with: Data(text.utf8))) : [text]
        for string in strings {
            let bad = string.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) }
            #expect(bad.isEmpty, "\(bad.map { String($0.value, radix: 16) })")
        }
        #expect(text.contains("Robin Zebrafinch"))
        for left in ["[31m", "2J", "]0;", "TITLE"] { #expect(!text.contains(left), "\(format) keeps \(left)") }
    }

    /// Every string in a JSON tree, keys too.
    static func strings(_ value: Any) -> [String] {
        switch value {
        case let s as String: [s]
        case let a as [Any]: a.flatMap(strings)
        case let o as [String: Any]: Array(o.keys) + o.values.flatMap(strings)
        default: []
        }
    }

    @Test("The JSON export is typed: numbers, booleans, ISO dates, option keys with labels")
    func jsonTypes() async throws {
        let text = PlanExporter(conversation: try await Self.savedPlan(), info: Self.info, support: TestData.support).render(.json)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(root["format"] as? String == "tandem-plan")
        #expect(root["formatVersion"] as? Int == 1)
        #expect(root["plan"] as? String == "k7qm3xrt")
        #expect(root["created"] as? String == "2026-03-01T09:30:00Z")
        let answers = try #require(root["answers"] as? [String: [String: Any]])
        #expect(answers["mood"]?["value"] as? Int == 7)
        // The score's scale goes with it: 7 of what, for a system that reads the plan.
        #expect(answers["mood"]?["range"] as? [Int] == [1, 10])
        #expect(answers["share"]?["value"] as? Bool == true)
        #expect(answers["review-date"]?["value"] as? String == "2027-03-01")
        #expect(answers["best-time"]?["value"] as? String == "morning")
        #expect(answers["best-time"]?["label"] as? String == "In the morning")
        #expect(answers["activities"]?["labels"] as? [String] == ["Walking", "Music"])
        let support = try #require(root["support"] as? [String: Any], "every export carries the contacts")
        #expect(support["title"] as? String == "Support you can reach now")
        #expect(((support["areas"] as? [[String: Any]])?.first?["contacts"] as? [[String: Any]])?.first?["reach"] as? String == "Call 999, or go to A&E")
    }

    static func compare(_ actual: String, to name: String) throws {
        let url = TestData.goldenFolder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        if actual != expected {
            let a = actual.components(separatedBy: "\n"), e = expected.components(separatedBy: "\n")
            let line = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
            Issue.record("""
                \(name) differs at line \(line + 1):
                  expected: \(line < e.count ? e[line] : "(end)")
                  actual:   \(line < a.count ? a[line] : "(end)")
                (UPDATE_GOLDEN=1 rewrites the golden files; review the diff before keeping it.)
                """)
        }
    }
}
