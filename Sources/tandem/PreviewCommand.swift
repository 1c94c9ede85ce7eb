import ArgumentParser
import Console
import DialogueEngine
import Foundation

/// `tandem preview FILE [--watch]`: an author runs the dialogue they are writing. Nothing is saved.
/// With `--watch`, each save reloads the file: answers are kept by step id, and the conversation
/// carries on at the first question whose words or rules changed (`PreviewReload`); a file with
/// errors is reported and the last version that loaded keeps running.
struct PreviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Try a dialogue you are writing; with --watch, each save carries on where you were.",
        discussion: "Nothing you type is saved. Commands such as /back, /review and /change work as in a plan.")

    @Argument(help: "The dialogue file.")
    var file: String

    @Flag(help: "Follow the file: when it is saved, reload it and carry on with the answers given so far.")
    var watch = false

    @OptionGroup var dialogueOptions: DialogueOptions

    func run() throws {
        let support = (try? DialogueLibrary.load(directory: dialogueOptions.directory, supportFile: dialogueOptions.supportFile))?.support ?? .fallback
        let input = WatchedInput(watching: watch ? file : nil)
        let renderer = TextRenderer(width: Terminal.width, resumeCommand: Terminal.command + " resume")
        var preview = Preview(file: file, support: support, renderer: renderer, watching: watch, show: input.show)
        defer { input.close() }

        preview.show(notice: watch
            ? "Preview of \(file). Nothing you type is saved. Save the file to see your changes here; /quit ends the preview."
            : "Preview of \(file). Nothing you type is saved.")
        guard preview.load() || watch else { throw ExitCode(1) }
        while !preview.isClosed {
            input.prompt()
            switch input.next() {
            case .line(let line): preview.take(line)
            case .changed: preview.reload()
            case .end:
                preview.endOfInput()
                return
            }
        }
    }
}

/// What the preview does with each line and each save; the door above only waits.
struct Preview {
    let file: String
    let support: SupportDirectory
    var renderer: TextRenderer
    let watching: Bool
    let output: (String) -> Void
    private(set) var session: Session?

    init(file: String, support: SupportDirectory, renderer: TextRenderer, watching: Bool, show: @escaping (String) -> Void) {
        self.watching = watching
        self.file = file
        self.support = support
        self.renderer = renderer
        self.output = show
    }

    var isClosed: Bool { session?.isClosed ?? false }

    func show(_ events: [Event]) {
        let lines = renderer.render(events)
        if !lines.isEmpty { output(lines.joined(separator: "\n") + "\n") }
    }

    func show(notice: String) { show([.notice(notice)]) }

    /// Reads the file; with no errors, returns the script, else shows the problems.
    func read() -> Script? {
        // Read as tandem check reads it: a file that is missing, or not UTF-8, is told the same way.
        let loaded = ScriptLoader.load(path: file)
        let errors = loaded.diagnostics.filter { $0.severity == .error }
        guard let script = loaded.script, errors.isEmpty else {
            output(errors.prefix(10).map { DiagnosticRenderer.text($0) + "\n" }.joined())
            if errors.count > 10 { output("... and \(errors.count - 10) more (tandem check \(file) shows them all).\n") }
            return nil
        }
        return script
    }

    /// The first load: starts the conversation.
    mutating func load() -> Bool {
        guard let script = read() else {
            show(notice: watching
                ? "Fix the file and save it, and the preview starts."
                : "Fix the file and try again, or use --watch to start as soon as it is saved without problems.")
            return false
        }
        var session = Session(conversation: Conversation(script: script, today: SimpleDate(Date())), support: support)
        session.privacy = .thisComputer(store: nil)
        let opening = session.start()
        session.accept(opening)
        self.session = session
        show(opening.events)
        return true
    }

    mutating func take(_ line: String) {
        guard var session else {
            show(notice: "The file has problems, so there is nothing to answer yet. Fix it and save it.")
            return
        }
        let turn = session.handle(line)
        session.accept(turn)
        self.session = session
        show(turn.events)
        if let export = turn.file {
            show(export.written(.failure(PreviewSavesNothing())))
        }
    }

    /// After a save: the new version, carrying the answers over; or the problems, with the last
    /// good version still running.
    mutating func reload() {
        guard let script = read() else {
            show(notice: session == nil
                ? "The file still has problems. Fix them and save it, and the preview starts."
                : "The file has problems, so the last version that worked is still running. Fix them and save it.")
            return
        }
        guard let old = session else {
            _ = load()
            return
        }
        let (carried, changed) = PreviewReload.carry(old.conversation, to: script)
        var session = Session(conversation: carried, support: support)
        session.privacy = .thisComputer(store: nil)
        self.session = session
        let what = changed.isEmpty ? "no question changed" : "changed: " + changed.prefix(6).joined(separator: ", ") + (changed.count > 6 ? " and \(changed.count - 6) more" : "")
        show(notice: "Reloaded \(URL(fileURLWithPath: file).lastPathComponent) (\(what)). Your answers are kept; changed questions are asked again.")
        show(carried.resume().events)
    }

    mutating func endOfInput() {
        guard var session else { return }
        let end = session.endOfInput()
        session.accept(end)
        self.session = session
        show(end.events)
    }
}

/// Why a preview does not write a plan file.
struct PreviewSavesNothing: Error, CustomStringConvertible {
    var description: String { "a preview saves nothing; the plan is shown on the screen only" }
}
