import ArgumentParser
import Console
import DialogueEngine
import Foundation

/// `tandem graph <dialogue> [--format dot|svg|png] [--output FILE]`: the flow as a picture.
struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Draw a dialogue's flow: Graphviz DOT, or a picture (svg, png) when Graphviz is installed.",
        discussion: """
            Each part is a box; dashed arrows show where a step with when: can be skipped; steps nothing \
            leads to are grey. Example: tandem graph looking-after-me-too --format svg --output flow.svg
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case dot, svg, png }

    @Argument(help: "A dialogue id, or a path to a dialogue file.")
    var dialogue: String

    @ArgumentParser.Option(help: "dot (text, the default), svg or png (these need Graphviz's dot program).")
    var format: Format = .dot

    @ArgumentParser.Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    @OptionGroup var dialogueOptions: DialogueOptions

    func run() throws {
        let dot = Data(FlowGraph.dot(try script()).utf8)
        guard format != .dot else { return try write(dot) }
        guard let program = Self.graphviz() else {
            let need = "To make \(format.rawValue), I need Graphviz's dot program, and it is not installed (on Debian or Ubuntu: sudo apt-get install graphviz)."
            // Never DOT text in a file named .svg or .png: it goes beside it, named for what it is.
            guard let output else {
                Output.error(need + " Here is the DOT text instead; any Graphviz viewer can show it.")
                try write(dot)
                throw ExitCode(1)
            }
            let dotPath = Self.dotPath(beside: output)
            try write(dot, to: dotPath)
            Output.error(need + " I saved the DOT text in \(dotPath) instead (\(output) was not made); any Graphviz viewer can show it.")
            throw ExitCode(1)
        }
        if format == .png && output == nil && isatty(1) == 1 {
            Output.error("A png picture would fill the terminal with noise. Add --output flow.png, or send it to a file with > flow.png.")
            throw ExitCode(1)
        }
        try write(try Self.render(dot, format: format.rawValue, with: program))
    }

    private func script() throws -> Script {
        if dialogue.hasSuffix(".yaml") || dialogue.hasSuffix(".yml") {
            let result = ScriptLoader.load(path: dialogue)
            guard let loaded = result.script else {
                result.diagnostics.filter { $0.severity == .error }.forEach { Output.error(DiagnosticRenderer.text($0)) }
                throw ExitCode(1)
            }
            return loaded
        }
        let library = try dialogueOptions.library(checkIn: false)
        guard let found = library.find(dialogue) else {
            Output.error(library.unknownMessage(dialogue))
            throw ExitCode(1)
        }
        return found
    }

    private func write(_ data: Data) throws {
        guard let output, output != "-" else { return StandardStreams.out(String(decoding: data, as: UTF8.self)) }
        try write(data, to: output)
    }

    private func write(_ data: Data, to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: data) else {
            Output.error("I could not write \"\(path)\". Check that the folder exists and you can write there.")
            throw ExitCode(1)
        }
    }

    /// `flow.svg` → `flow.dot`; a name with no ending gets `.dot` added.
    static func dotPath(beside output: String) -> String {
        let url = URL(fileURLWithPath: output)
        let ext = url.pathExtension
        let stem = ext.isEmpty ? output : String(output.dropLast(ext.count + 1))
        return stem + ".dot"
    }

    /// Graphviz's `dot` on the PATH, if it is installed.
    static func graphviz() -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent("dot") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// DOT text through `dot -T<format>`.
    static func render(_ dot: Data, format: String, with program: URL) throws -> Data {
        let process = Process()
        process.executableURL = program
        process.arguments = ["-T\(format)"]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Write on another thread: a large picture could fill the output pipe while we write.
        let writer = Thread { input.fileHandleForWriting.write(dot); try? input.fileHandleForWriting.close() }
        writer.start()
        let picture = output.fileHandleForReading.readDataToEndOfFile()
        let problem = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, !picture.isEmpty else {
            Output.error("Graphviz could not draw the flow: \(String(decoding: problem, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))")
            throw ExitCode(1)
        }
        return picture
    }
}
