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
        // With --format json, a path that cannot be checked is a problem in the list like any other,
        // so a tool reading the output always has JSON to read.
        var missing: [Diagnostic] = []
        func cannotCheck(_ message: String, _ path: String) throws {
            guard format == .json else {
                Output.error(message)
                throw ExitCode(1)
            }
            missing.append(Diagnostic(.yamlSyntax, message, at: SourceLocation(file: path, line: 1, column: 1)))
        }
        if let extra = dialogueOptions.supportFile {
            if FileManager.default.fileExists(atPath: extra) {
                supportFiles.append(extra)
            } else {
                try cannotCheck("I cannot find the support file \"\(extra)\".", extra)
            }
        }
        for path in paths.isEmpty ? [dialogueOptions.directory] : paths {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
                try cannotCheck("I cannot find \"\(path)\".", path)
                continue
            }
            if isDir.boolValue {
                let found = DialogueLibrary.files(in: path)
                // A folder with nothing to check is not a pass: it is most often the wrong folder
                // (or a folder named like a file, d.yaml/).
                let others = [DialogueLibrary.supportFile, DialogueLibrary.checkInFile, CheckInWeights.fileName, CommonLibrary.fileName]
                    .contains { FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent($0)) }
                guard !found.isEmpty || others else {
                    try cannotCheck("\"\(path)\" is a folder with no dialogue files (.yaml) in it, so there is nothing to check.", path)
                    continue
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
        var diagnostics = missing
        // Each dialogue as `tandem lsp` checks it (FileCheck does the same for a dialogue), kept
        // for the check across files: files in one folder with the same dialogue id (D048), since
        // a plan names its dialogue by id.
        var loaded: [(file: String, text: String, script: Script)] = []
        for file in files {
            let result = ScriptLoader.load(path: file)
            // A mistake in a shared text of common.yaml is found by each dialogue that puts it in:
            // it is shown once.
            diagnostics += result.diagnostics.filter { d in d.location.file == file || !diagnostics.contains(d) }
            if let script = result.script, let text = try? String(contentsOfFile: file, encoding: .utf8) { loaded.append((file, text, script)) }
        }
        let folders = Dictionary(grouping: loaded) { ($0.file as NSString).deletingLastPathComponent }
        for (_, group) in folders.sorted(by: { $0.key < $1.key }) { diagnostics += DialogueLibrary.idClashes(group) }
        // The other files as `tandem lsp` checks them (FileCheck), in this order: contacts, check-in
        // words, weights, shared words. Contacts are judged by today's date: one checked more than
        // a year ago is a warning (D028).
        let today = SimpleDate(Date())
        let kinds: [(String, FileCheck.Kind)] = supportFiles.map { ($0, .support) }
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
