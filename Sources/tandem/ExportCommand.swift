import ArgumentParser
import Console
import DialogueEngine
import Foundation
import PlanStore
import TandemStore

/// `tandem export <id-or-code> [--format text|markdown|json] [--output FILE]`
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Show a saved plan as text, Markdown or JSON, or save it to a file.",
        discussion: "The formats are described in docs/export.md. A file is made so that only you can read it, and never written over.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown, json
        var exportFormat: ExportFormat { ExportFormat(rawValue: rawValue)! }
    }

    @Argument(help: ArgumentHelp("The plan's id (see tandem sessions) or its resume code (like K7QM-3XRT-9PAE, or K7QM 3XRT 9PAE). Leave it out when you have only one plan.", valueName: "id-or-code"))
    var codeParts: [String] = []

    /// A code written down in groups can be typed with spaces, without quotes; nil when none was typed.
    var idOrCode: String? { codeParts.isEmpty ? nil : codeParts.joined(separator: " ") }

    @ArgumentParser.Option(help: "text to print or read, markdown for documents, json for programs. Without it: text, or, with --output, what the file's ending says (plan.md is markdown, plan.json is json), as /export does.")
    var format: Format?

    /// The format asked for, or the one the file's ending picks, as `/export plan.md` does.
    var chosenFormat: ExportFormat { format?.exportFormat ?? output.flatMap { $0 == "-" ? nil : ExportFormat(fileName: $0) } ?? .text }

    @ArgumentParser.Option(name: [.short, .long], help: ArgumentHelp("Save to this new file instead of showing it (- shows it, as without --output).", valueName: "FILE"))
    var output: String?

    @OptionGroup var dialogueOptions: DialogueOptions
    @OptionGroup var storeOptions: StoreOptions

    func run() async throws {
        // "-o plan.pdf" wrote plain text into a file called plan.pdf.
        if format == nil, let output, let cannot = ExportFormat.cannotMake(output) {
            Output.error(cannot)
            throw ExitCode(1)
        }
        let library = try dialogueOptions.library(checkIn: false)
        guard let store = try storeOptions.openExisting() else {
            guard idOrCode == nil else { throw storeOptions.noStore() }
            Output.error("You have no saved plans yet, so there is nothing to export. (Tandem looked in \(storeOptions.resolvedPath).)")
            throw ExitCode(1)
        }
        // Without an id: the one saved plan, or the list to choose from (as tandem sessions shows it).
        var idOrCode = self.idOrCode
        if idOrCode == nil {
            let plans = try await StoreFailure.guarding { () async throws(StoreError) in try await store.list() }
            guard plans.count == 1 else {
                if plans.count > 1 { Output.error("Which plan would you like to see? Type \(Terminal.command) export and its id.\n") }
                Output.error(SessionsCommand.text(plans, store: store.path))
                throw ExitCode(1)
            }
            idOrCode = plans[0].id
        }
        let id = idOrCode ?? ""
        let plan = try await StoreFailure.guarding { () async throws(StoreError) in try await store.open(idOrCode: id) }
        let script = try StoreFailure.script(for: plan, in: library)
        let conversation = plan.conversation(script, today: SimpleDate(Date()))
        let text = PlanExporter(conversation: conversation, info: plan.info, support: library.support).render(chosenFormat)
        guard let output, output != "-" else {
            // Output sent to a full disk, or closed: said in words, not a crash report.
            if let number = StandardStreams.write(text, to: 1) {
                Output.error("I could not write out your plan, because \(StandardStreams.reason(number)). Your plan is safe.")
                throw ExitCode(1)
            }
            return
        }
        do {
            let path = try PlanFile.write(text, to: output)
            Output.error("Saved your plan as \(chosenFormat.rawValue) in \(Sanitize.line(path)). Only you can read this file.")
        } catch {
            Output.error("I could not write that file: \(error). Your plan is safe.")
            throw ExitCode(1)
        }
    }
}
