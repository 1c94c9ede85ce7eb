import ArgumentParser
import Console
import DialogueEngine
import Foundation
import PlanStore
import TandemStore

/// `tandem sessions [--format text|json]`
struct SessionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sessions",
        abstract: "List your saved plans: what each is, when it changed, how far it got. Never your answers.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @ArgumentParser.Option(help: "text for people, json for programs.")
    var format: Format = .text

    @OptionGroup var storeOptions: StoreOptions

    func run() async throws {
        guard let store = try storeOptions.openExisting() else {
            // No store there: nothing is made, and the path is named, in case it was mistyped.
            switch format {
            case .json: Output.line(Self.json([], store: storeOptions.resolvedPath))
            case .text:
                Output.line("You have no saved plans yet. There are no plans in:")
                Output.line("  \(storeOptions.resolvedPath)")
                Output.line("To start one, run: \(Terminal.command)")
            }
            return
        }
        let plans = try await StoreFailure.guarding { () async throws(StoreError) in try await store.list() }
        switch format {
        case .json: Output.line(Self.json(plans, store: store.path))
        case .text: Output.line(Self.text(plans, store: store.path))
        }
    }

    static func text(_ plans: [PlanSummary], store: String) -> String {
        guard !plans.isEmpty else { return "You have no saved plans yet. To start one, run: tandem" }
        var lines = ["Your plans (kept in \(store)):"]
        for plan in plans {
            lines += [
                "",
                "  \(plan.id)  \(Sanitize.line(plan.dialogueTitle))",
                "            Started \(PlanDates.day(plan.started)).",
                "            Last changed \(PlanDates.moment(plan.updated)).",
                "            \(PlanDates.progress(plan))",
            ]
        }
        let t = Terminal.command, s = StoreOptions.flag(for: store)
        lines += ["", "To carry on: \(t) resume <id>\(s)", "To see one: \(t) export <id>\(s)", "To remove one: \(t) delete <id>\(s)"]
        return lines.joined(separator: "\n")
    }

    /// `{"format": "tandem-sessions", "formatVersion": 1, "store": ..., "plans": [...]}`; see docs/export.md.
    static func json(_ plans: [PlanSummary], store: String) -> String {
        let iso = ISO8601DateFormatter()
        let rows: [[String: Any]] = plans.map { p in
            [
                "id": p.id,
                "dialogue": ["id": p.dialogueID, "title": p.dialogueTitle, "version": p.dialogueVersion],
                "started": iso.string(from: p.started),
                "updated": iso.string(from: p.updated),
                "answered": p.answered,
                "skipped": p.skipped,
                "part": p.part,
                "parts": p.parts,
                "finished": p.finished,
            ]
        }
        let root: [String: Any] = ["format": "tandem-sessions", "formatVersion": 1, "store": store, "plans": rows]
        let data = (try? JSONSerialization.data(withJSONObject: root, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return Sanitize.text(String(decoding: data, as: UTF8.self))
    }
}
