import ArgumentParser
import DialogueEngine
import Foundation

/// `tandem check [PATH...] [--format text|json] [--strict]`
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check dialogue files and explain every problem with its line and column.",
        discussion: "Exit status: 0 when clean, 1 when there are errors (or warnings, with --strict).")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "Dialogue files or folders (default: the dialogues in use).")
    var paths: [String] = []

    @ArgumentParser.Option(help: "text for people, json for editors and tools.")
    var format: Format = .text

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @OptionGroup var dialogueOptions: DialogueOptions

    func run() throws {
        var files: [String] = []
        var supportFiles: [String] = []
        var checkInFiles: [String] = []
        var commonFiles: [String] = []
        var weightsFiles: [String] = []
        if let extra = dialogueOptions.supportFile {
            guard FileManager.default.fileExists(atPath: extra) else {
                Output.error("I cannot find the support file \"\(extra)\".")
                throw ExitCode(1)
            }
            supportFiles.append(extra)
        }
        for path in paths.isEmpty ? [dialogueOptions.directory] : paths {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
                Output.error("I cannot find \"\(path)\".")
                throw ExitCode(1)
            }
            if isDir.boolValue {
                let found = DialogueLibrary.files(in: path)
                // A folder with nothing to check is not a pass: it is most often the wrong folder
                // (or a folder named like a file, d.yaml/).
                let others = [DialogueLibrary.supportFile, DialogueLibrary.checkInFile, CheckInWeights.fileName, CommonLibrary.fileName]
                    .contains { FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent($0)) }
                guard !found.isEmpty || others else {
                    Output.error("\"\(path)\" is a folder with no dialogue files (.yaml) in it, so there is nothing to check.")
                    throw ExitCode(1)
                }
                files += found
                let support = (path as NSString).appendingPathComponent(DialogueLibrary.supportFile)
                if FileManager.default.fileExists(atPath: support) { supportFiles.append(support) }
                let checkIn = (path as NSString).appendingPathComponent(DialogueLibrary.checkInFile)
                if FileManager.default.fileExists(atPath: checkIn) { checkInFiles.append(checkIn) }
                let weights = (path as NSString).appendingPathComponent(CheckInWeights.fileName)
                if FileManager.default.fileExists(atPath: weights) { weightsFiles.append(weights) }
                let common = (path as NSString).appendingPathComponent(CommonLibrary.fileName)
                if FileManager.default.fileExists(atPath: common) { commonFiles.append(common) }
            } else if (path as NSString).lastPathComponent == DialogueLibrary.supportFile {
                supportFiles.append(path)
            } else if (path as NSString).lastPathComponent == DialogueLibrary.checkInFile {
                checkInFiles.append(path)
            } else if (path as NSString).lastPathComponent == CommonLibrary.fileName {
                commonFiles.append(path)
            } else if (path as NSString).lastPathComponent == CheckInWeights.fileName {
                weightsFiles.append(path)
            } else {
                files.append(path)
            }
        }
        // Each file as `tandem lsp` checks it (FileCheck), in this order: dialogues, contacts,
        // check-in words, weights, shared words. Contacts are judged by today's date: one checked
        // more than a year ago is a warning (D028).
        let today = SimpleDate(Date())
        var diagnostics: [Diagnostic] = []
        let kinds: [(String, FileCheck.Kind)] = files.map { ($0, .dialogue) } + supportFiles.map { ($0, .support) }
            + checkInFiles.map { ($0, .checkIn) } + weightsFiles.map { ($0, .weights) } + commonFiles.map { ($0, .common) }
        for (file, kind) in kinds {
            diagnostics += FileCheck.check(path: file, as: kind, today: today)
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        switch format {
        case .json:
            Output.line(DiagnosticRenderer.json(diagnostics))
        case .text:
            for d in diagnostics { Output.line(DiagnosticRenderer.text(d) + "\n") }
            let count = files.count + supportFiles.count + checkInFiles.count + commonFiles.count + weightsFiles.count
            let what = "\(count) \(count == 1 ? "file" : "files")"
            if diagnostics.isEmpty {
                Output.line("Checked \(what): no problems found.")
            } else {
                Output.line("Checked \(what): \(errors) \(errors == 1 ? "error" : "errors"), \(warnings) \(warnings == 1 ? "warning" : "warnings").")
            }
        }
        if errors > 0 || (strict && warnings > 0) { throw ExitCode(1) }
    }
}
