import Foundation
import Testing

@testable import DialogueEngine

/// The contacts at the end of a plan shown as text are wrapped once for each width and kept
/// (`PlanExporter.contactLines`): what is kept must always be what the directory says now, at the
/// width asked for.
@Suite struct ExportContactsTests {
    static func plan() throws -> Conversation {
        var c = try TestSupport.conversation(ExporterTests.steps)
        _ = c.answer("Sam")
        return c
    }

    @Test func aChangedDirectoryIsShownAsItIsNow() throws {
        let c = try Self.plan()
        var support = SupportDirectory.fallback
        let before = PlanExporter(conversation: c, support: support).text()
        #expect(before.contains("Samaritans: Call 116 123. Free, day or night."))
        support.areas[1].contacts[0].reach = "Call 116 123 at any hour"
        support.areas.append(.init(id: "wales", title: "Wales", contacts: [.init(name: "A line for Wales", reach: "Call 0800 132 737")]))
        let after = PlanExporter(conversation: c, support: support).text()
        #expect(after.contains("Samaritans: Call 116 123 at any hour. Free, day or night."))
        #expect(after.contains("Wales:\n  A line for Wales: Call 0800 132 737."))
        support.title = "Help now"
        #expect(PlanExporter(conversation: c, support: support).text().contains("\nHelp now\n--------\n"))
        // The first directory again: as it was.
        #expect(PlanExporter(conversation: c, support: .fallback).text() == before)
    }

    @Test func eachWidthHasItsOwnLines() throws {
        let c = try Self.plan()
        var support = SupportDirectory.fallback
        support.areas[1].contacts[0].note = "Free, day or night, every day of the year, from any phone."
        for width in [30, 72, 40, 30, 72] {
            var exporter = PlanExporter(conversation: c, support: support)
            exporter.width = width
            let text = exporter.text()
            let contacts = text.components(separatedBy: "\nSupport you can reach now\n")[1]
            #expect(contacts.split(separator: "\n").allSatisfy { $0.count <= width }, "\(width)")
            #expect(contacts.split(separator: "\n").contains { $0.count > width - 12 }, "\(width)")
            #expect(exporter.contactsText(support) == ["", "Support you can reach now"] + contacts.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init))
        }
    }
}
