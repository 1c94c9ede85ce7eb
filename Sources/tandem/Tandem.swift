import ArgumentParser
import Console
import Foundation

@main
struct Tandem: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tandem",
        abstract: "A kind, plain-words guide for wellbeing plans and coproduction conversations.",
        discussion: "Run tandem with no command to choose a plan from a menu.",
        version: "0.1.0",
        subcommands: [
            MenuCommand.self, PlanCommand.self, ResumeCommand.self, SessionsCommand.self, ExportCommand.self, DeleteCommand.self,
            ListCommand.self, CheckCommand.self, TestCommand.self, GraphCommand.self, ServeCommand.self, ConnectCommand.self,
            CheckInReportCommand.self, CheckInTrainCommand.self, LSPCommand.self, PreviewCommand.self,
        ],
        defaultSubcommand: MenuCommand.self
    )

    @MainActor static func main() async {
        PlainCrashReports.keepAnswersOut()
        Terminal.unblockSignals()
        NoCoreFiles.turnOff()
        // Ctrl-\ is the quit key: it quits (a plan pauses first, `PauseOnSignal`), rather than
        // showing Swift's crash report for a program that has not crashed.
        signal(SIGQUIT, SIG_DFL)
        do {
            var command = try parseAsRoot()
            if var async = command as? any AsyncParsableCommand {
                try await async.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
