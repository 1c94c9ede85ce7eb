import ArgumentParser
import Console
import DialogueEngine
import Foundation

/// `tandem`: the menu, then the chosen plan.
struct MenuCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "menu", abstract: "Choose a plan from a menu and start it (the default).")

    @OptionGroup var dialogueOptions: DialogueOptions
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let library = try dialogueOptions.library()
        let store = try storeOptions.open()
        let unfinished = (try? StoreBridge.wait { try await store.list() }.filter { !$0.finished }.count) ?? 0
        if unfinished > 0 {
            Output.line(unfinished == 1
                ? "You have a plan you have not finished. To carry on with it instead, run: \(Terminal.command) resume\(StoreOptions.flag(for: store.path))"
                : "You have \(unfinished) plans you have not finished. To carry on with one instead, run: \(Terminal.command) resume\(StoreOptions.flag(for: store.path))")
        }
        let repl = REPL.forTerminal()
        guard let script = repl.chooseDialogue(Lobby(library: library)) else { return }
        try PlanRunner(library: library, repl: repl, store: store).start(script)
    }
}

/// `tandem plan <dialogue-id>`
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "plan", abstract: "Start a plan straight away.")

    @Argument(help: "The dialogue's id (see tandem list).")
    var dialogue: String

    @OptionGroup var dialogueOptions: DialogueOptions
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let library = try dialogueOptions.library()
        guard let script = library.find(dialogue) else {
            Output.error(library.unknownMessage(dialogue))
            throw ExitCode(1)
        }
        let store = try storeOptions.open()
        let repl = REPL.forTerminal()
        try PlanRunner(library: library, repl: repl, store: store).start(script)
    }
}

/// `tandem list`
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the dialogues you can start.")

    @OptionGroup var dialogueOptions: DialogueOptions

    func run() throws {
        let library = try dialogueOptions.library(checkIn: false)
        for entry in library.entries {
            var line = "\(entry.id)  \(entry.title)"
            if let m = entry.minutes { line += " (\(TextRenderer.minutes(m)))" }
            // Wrapped to the window: a summary is often longer than a line.
            if Wrap.columns(line) <= Terminal.width { Output.line(line) } else { Wrap.lines(line, width: Terminal.width, indent: "    ", firstIndent: "").forEach(Output.line) }
            // Each part only when the dialogue has it: none gave a bare "For: .".
            let audience = TextRenderer.audience(entry.audience)
            let summary = Sanitize.line(entry.summary)
            let about = [audience.isEmpty ? "" : "For: \(audience).", summary].filter { !$0.isEmpty }.joined(separator: " ")
            if !about.isEmpty { Wrap.lines(about, width: Terminal.width, indent: "    ", firstIndent: "    ").forEach(Output.line) }
        }
    }
}
