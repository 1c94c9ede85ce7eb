import ArgumentParser
import DialogueLanguage
import Foundation

/// `tandem lsp`: a language server for dialogue files on standard input and output, for editors
/// (see docs/editors.md).
struct LSPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "A language server for dialogue files, for your editor (speaks LSP on standard input and output).",
        discussion: "Shows the checker's problems as you type, completes keys, answer types and step ids, explains a step on hover and jumps to where a step is defined. See docs/editors.md.")

    func run() throws {
        let code = LanguageServer.run()
        if code != 0 { throw ExitCode(code) }
    }
}
