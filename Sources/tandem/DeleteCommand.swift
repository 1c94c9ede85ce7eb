import ArgumentParser
import Console
import DialogueEngine
import Foundation
import PlanStore
import TandemStore

/// `tandem delete <id-or-code> [--yes]`
struct DeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete a saved plan for good.",
        discussion: "Asks first, unless you add --yes. Exit status 1 when nothing was deleted.")

    @Argument(help: ArgumentHelp("The plan's id (see tandem sessions) or its resume code (like K7QM-3XRT-9PAE, or K7QM 3XRT 9PAE).", valueName: "id-or-code"))
    var codeParts: [String]

    /// A code written down in groups can be typed with spaces, without quotes.
    var idOrCode: String { codeParts.joined(separator: " ") }

    @Flag(help: "Do not ask first (for scripts).")
    var yes = false

    @OptionGroup var storeOptions: StoreOptions

    /// Where the support contacts come from, for words of distress typed at the question.
    @OptionGroup var dialogueOptions: DialogueOptions

    func run() async throws {
        if let many = Self.severalPlans(codeParts) {
            Output.error("I delete one plan at a time, so that each is asked about first. Please give one id or code, like: \(Terminal.command) delete \(many[0])")
            throw ExitCode(1)
        }
        guard let store = try storeOptions.openExisting() else { throw storeOptions.noStore() }
        // Found by its id or code without minting a new code for a plan about to go.
        let summary = try await StoreFailure.guarding { () async throws(StoreError) in try await Self.find(idOrCode, in: store) }
        if !yes {
            let what = "This deletes your plan \"\(Sanitize.line(summary.dialogueTitle))\" (\(summary.id)), started \(PlanDates.day(summary.started))."
            Wrap.lines(what, width: Terminal.width).forEach(Output.line)
            Output.line("It will be gone for good: it cannot be brought back.")
            Output.line("To delete it, type yes. To keep it, press Enter.")
            let answer = Terminal.reader().readLine(prompt: REPL.prompt)?.trimmingCharacters(in: .whitespaces).lowercased()
            guard answer == "yes" || answer == "y" else {
                let heard = answer.map(hear) ?? false
                Output.line("Nothing was deleted. Your plan is still saved.")
                // The check-in's own words say "type /urgent"; here the program ends, so say where.
                if heard { Wrap.lines("To see these contacts again at any time, type \(Terminal.command) and then /urgent.", width: Terminal.width).forEach(Output.line) }
                throw ExitCode(1)
            }
        }
        try await StoreFailure.guarding { () async throws(StoreError) in try await store.delete(id: summary.id) }
        Output.line("Your plan \"\(Sanitize.line(summary.dialogueTitle))\" has been deleted.")
    }

    /// Every line typed is heard, here too: words of distress bring the check-in, with the
    /// contacts of the folder's support file (or `--support`), else the built-in ones, never none.
    func hear(_ line: String) -> Bool {
        guard !line.isEmpty else { return false }
        let support = (try? DialogueLibrary.load(directory: dialogueOptions.directory, supportFile: dialogueOptions.supportFile))?.support ?? .fallback
        var checkIns = CheckInState()
        guard let said = checkIns.event(for: line, support: support) else { return false }
        TextRenderer(width: Terminal.width).render([said]).forEach(Output.line)
        return true
    }

    /// Words that are each a whole id or code on their own (`delete ab12cd34 ef56gh78`), so more
    /// than one plan, not one code typed in groups; nil otherwise.
    static func severalPlans(_ parts: [String]) -> [String]? {
        guard parts.count > 1 else { return nil }
        let whole = parts.filter { part in
            guard let digits = ResumeCode.canonical(part) else { return false }
            return digits.count == ResumeCode.idLength || digits.count == ResumeCode.length
        }
        return whole.count > 1 ? whole : nil
    }

    /// The plan an id or a code names.
    static func find(_ typed: String, in store: any PlanStorage) async throws(StoreError) -> PlanSummary {
        guard let digits = ResumeCode.canonical(typed) else { throw StoreError.notFound }
        let id = digits.count == ResumeCode.idLength ? digits.lowercased() : try await store.open(code: typed).id
        guard let summary = try await store.list().first(where: { $0.id == id }) else { throw StoreError.notFound }
        return summary
    }
}
