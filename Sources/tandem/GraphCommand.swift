import ArgumentParser
import DialogueEngine
import Foundation

/// `tandem graph <dialogue>`: the flow as Graphviz DOT.
struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Draw a dialogue's flow (Graphviz DOT on standard output).",
        discussion: "Make a picture with Graphviz: tandem graph looking-after-me-too | dot -Tsvg > flow.svg")

    @Argument(help: "A dialogue id, or a path to a dialogue file.")
    var dialogue: String

    @OptionGroup var dialogueOptions: DialogueOptions

    func run() throws {
        let script: Script
        if dialogue.hasSuffix(".yaml") || dialogue.hasSuffix(".yml") {
            let result = ScriptLoader.load(path: dialogue)
            guard let loaded = result.script else {
                result.diagnostics.filter { $0.severity == .error }.forEach { Output.error(DiagnosticRenderer.text($0)) }
                throw ExitCode(1)
            }
            script = loaded
        } else {
            let library = try dialogueOptions.library()
            guard let found = library.find(dialogue) else {
                Output.error(library.unknownMessage(dialogue))
                throw ExitCode(1)
            }
            script = found
        }
        FileHandle.standardOutput.write(Data(FlowGraph.dot(script).utf8))
    }
}
