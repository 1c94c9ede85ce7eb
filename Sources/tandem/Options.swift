import ArgumentParser
import Console
import DialogueEngine
import Foundation

/// `--dialogues DIR` and `--support FILE`, on every command that reads dialogues.
struct DialogueOptions: ParsableArguments {
    @ArgumentParser.Option(name: .long, help: ArgumentHelp("The folder of dialogue files (default: $TANDEM_DIALOGUES, else ./dialogues, else the installed set).", valueName: "DIR"))
    var dialogues: String?

    @ArgumentParser.Option(name: .long, help: ArgumentHelp("A support file to use instead of the folder's support.yaml, such as contacts for one nation or one service (default: $TANDEM_SUPPORT).", valueName: "FILE"))
    var support: String?

    var directory: String { DialogueLibrary.resolveDirectory(option: dialogues) }

    /// The support file named with --support or TANDEM_SUPPORT, if any.
    var supportFile: String? {
        if let support, !support.isEmpty { return support }
        let env = ProcessInfo.processInfo.environment["TANDEM_SUPPORT"]
        return env?.isEmpty == false ? env : nil
    }

    /// Loads the library; on a broken folder, says so and stops. Files with errors are reported and left out.
    /// `checkIn: false` for a command that never hears an answer (see `DialogueLibrary.load`).
    func library(quietAboutProblems: Bool = false, checkIn: Bool = true) throws -> DialogueLibrary {
        let library: DialogueLibrary
        do {
            library = try DialogueLibrary.load(directory: directory, supportFile: supportFile, checkIn: checkIn)
        } catch {
            Output.error(error.message)
            throw ExitCode(1)
        }
        let errors = library.diagnostics.filter { $0.severity == .error }
        if !quietAboutProblems {
            // A weights file that cannot be read leaves the check-in's words listening: only the
            // weighed words are left out, and saying "left out" of the whole would not be true.
            let weights = errors.filter { $0.code == .checkInWeights }, others = errors.filter { $0.code != .checkInWeights }
            if !others.isEmpty {
                Output.error("Some dialogue files have problems and are left out (run tandem check for details):")
                for d in others.prefix(5) { Output.error("  \(d.location): \(d.message)") }
            }
            if !weights.isEmpty {
                Output.error("The check-in's weights file has a problem, so the check-in listens for its words without the weighed words (run tandem check for details):")
                for d in weights.prefix(2) { Output.error("  \(d.location): \(d.message)") }
            }
        }
        if library.scripts.isEmpty && !quietAboutProblems {
            Output.error("There are no dialogues I can use in \"\(directory)\".")
            throw ExitCode(1)
        }
        return library
    }
}

enum Output {
    static func line(_ s: String) {
        StandardStreams.out(s + "\n")
    }

    static func error(_ s: String) {
        StandardStreams.error(s + "\n")
    }
}
