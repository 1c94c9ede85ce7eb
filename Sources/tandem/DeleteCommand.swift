import ArgumentParser
import Console
import DialogueEngine
import Foundation
import PlanStore

/// `tandem delete <id-or-code> [--yes]`
struct DeleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete a saved plan for good.",
        discussion: "Asks first, unless you add --yes. Exit status 1 when nothing was deleted.")

    @Argument(help: ArgumentHelp("The plan's id (see tandem sessions) or its resume code.", valueName: "id-or-code"))
    var idOrCode: String

    @Flag(help: "Do not ask first (for scripts).")
    var yes = false

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = try storeOptions.open()
        let plan = try StoreFailure.guarding { try store.open(idOrCode) }
        let summary = plan.summary
        if !yes {
            Output.line("This deletes your plan \"\(Sanitize.line(summary.dialogueTitle))\" (\(summary.id)), started \(PlanDates.day(summary.started)).")
            Output.line("It will be gone for good: it cannot be brought back.")
            Output.line("To delete it, type yes. To keep it, press Enter.")
            let answer = Terminal.reader().readLine(prompt: REPL.prompt)?.trimmingCharacters(in: .whitespaces).lowercased()
            guard answer == "yes" || answer == "y" else {
                Output.line("Nothing was deleted. Your plan is still saved.")
                throw ExitCode(1)
            }
        }
        try StoreFailure.guarding { try store.delete(summary.id) }
        Output.line("Your plan \"\(Sanitize.line(summary.dialogueTitle))\" has been deleted.")
    }
}
