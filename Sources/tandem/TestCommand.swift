import ArgumentParser
import DialogueEngine
import Foundation

/// `tandem test [PATH...] [--update] [--coverage]`
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Replay .transcript files (golden conversations) and show any difference.",
        discussion: "A PATH is a .transcript file or a folder of them (default: the tests folder inside the dialogues folder).")

    @Argument(help: "Transcript files or folders.")
    var paths: [String] = []

    @Flag(help: "Rewrite each transcript's < lines with what Tandem shows now (review the change before keeping it).")
    var update = false

    @Flag(help: "Also list every step that no transcript visits; fail if there is one.")
    var coverage = false

    @OptionGroup var dialogueOptions: DialogueOptions

    func run() throws {
        let library = try dialogueOptions.library()
        let roots = paths.isEmpty ? [(library.directory as NSString).appendingPathComponent("tests")] : paths
        var files: [String] = []
        for root in roots {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root, isDirectory: &isDir) else {
                Output.error("I cannot find \"\(root)\".")
                throw ExitCode(1)
            }
            if isDir.boolValue {
                let found = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".transcript") }.sorted() ?? []
                files += found.map { (root as NSString).appendingPathComponent($0) }
            } else {
                files.append(root)
            }
        }
        guard !files.isEmpty else {
            Output.error("No .transcript files found in \(roots.joined(separator: ", ")).")
            throw ExitCode(1)
        }
        let runner = TranscriptRunner(library: library)
        var failed = 0
        var visited: [String: Set<String>] = [:]
        for file in files {
            let text: String
            do { text = try String(contentsOfFile: file, encoding: .utf8) } catch {
                Output.error("\(file): cannot read it.")
                failed += 1
                continue
            }
            let transcript: Transcript
            do { transcript = try Transcript.parse(text, file: file) } catch {
                Output.error(error.description)
                failed += 1
                continue
            }
            let result = runner.run(transcript)
            visited[transcript.dialogue, default: []].formUnion(result.visited)
            if update {
                try transcript.text(withOutputs: result.outputs).write(toFile: file, atomically: true, encoding: .utf8)
                let checks = result.failures.filter { !$0.contains("the output differs") }
                if checks.isEmpty { Output.line("updated \(file)") } else {
                    failed += 1
                    checks.forEach(Output.line)
                }
                continue
            }
            if result.passed {
                Output.line("ok      \(file)")
            } else {
                failed += 1
                Output.line("FAILED  \(file)")
                result.failures.forEach { Output.line($0) }
            }
        }
        var uncovered = 0
        if coverage {
            for script in library.scripts {
                let missing = script.steps.filter { !(visited[script.id]?.contains($0.id) ?? false) }
                uncovered += missing.count
                if missing.isEmpty {
                    Output.line("coverage \(script.id): all \(script.steps.count) steps visited")
                } else {
                    Output.line("coverage \(script.id): \(missing.count) of \(script.steps.count) steps never visited:")
                    for step in missing { Output.line("    \(script.file):\(step.location.line): \(step.id)") }
                }
            }
        }
        Output.line("\(files.count - failed) passed, \(failed) failed")
        if failed > 0 || uncovered > 0 { throw ExitCode(1) }
    }
}
