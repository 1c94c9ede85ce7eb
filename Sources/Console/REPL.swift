import DialogueEngine
import Foundation

/// The terminal door: reads lines, hands them to a `Session`, prints what the renderer makes of the events.
public final class REPL {
    let reader: any LineReader
    let write: (String) -> Void
    public var renderer: TextRenderer
    /// Asked before each output for the width to wrap at, so text follows a terminal window that
    /// changes size; nil keeps the renderer's width.
    public var currentWidth: (() -> Int)?
    public static let prompt = "> "

    public init(reader: any LineReader, renderer: TextRenderer, write: @escaping (String) -> Void = REPL.standardOutput) {
        self.reader = reader
        self.renderer = renderer
        self.write = write
    }

    /// The REPL for the terminal Tandem was started in: readline when standard input and output are
    /// both terminals (plain lines otherwise), wrapping at the terminal's width as it is now.
    public static func forTerminal(reader: any LineReader = Terminal.reader()) -> REPL {
        let repl = REPL(reader: reader, renderer: TextRenderer(width: Terminal.width, resumeCommand: Terminal.command + " resume"))
        repl.currentWidth = { Terminal.width }
        return repl
    }

    public static func standardOutput(_ text: String) {
        StandardStreams.out(text)
    }

    public func show(_ events: [Event]) {
        if let currentWidth { renderer.width = max(TextRenderer.narrowest, currentWidth()) }
        let lines = renderer.render(events)
        guard !lines.isEmpty else { return }
        write(lines.joined(separator: "\n") + "\n")
    }

    /// What the check-in said before a plan opened (at the menu, or when choosing a saved plan),
    /// for the plan's session to carry on from (`Session.carry`).
    public var checkInsBeforePlan = CheckInState()

    /// The menu: returns the chosen script, or nil when the person leaves.
    public func chooseDialogue(_ lobby: Lobby) -> Script? {
        show(lobby.greeting())
        reader.setCompletions(CommandCatalogue.completions(in: .menu, network: false) + lobby.library.scripts.map(\.id))
        var checkIns = CheckInState()
        while let line = reader.readLine(prompt: Self.prompt) {
            switch lobby.handle(line, checkIns: &checkIns) {
            case .stay(let events): show(events)
            case .start(let script):
                checkInsBeforePlan = checkIns
                return script
            case .leave(let events):
                show(events)
                return nil
            }
        }
        write("\n")
        return nil
    }

    /// Runs a conversation until the person quits or pauses, or input ends.
    ///
    /// Each line takes the three steps every door takes: the session works the turn out, `keep`
    /// makes its changes durable (nothing is shown as done before), and only then is the turn taken
    /// and shown. When `keep` fails, the person is told and the session stays as it was. A plan to
    /// save in a file goes to `write`, which returns the path written.
    public func run(
        _ session: inout Session, opening: [Event],
        keep: (Session.Turn) throws -> Void = { _ in },
        write: (ExportFile) throws -> String = { _ in throw ExportRefused() }
    ) {
        show(opening)
        while !session.isClosed {
            reader.setCompletions(Self.completions(for: session.conversation))
            guard let line = reader.readLine(prompt: Self.prompt) else {
                let end = session.endOfInput()
                session.accept(end)
                show(end.events)
                break
            }
            let turn = session.handle(line)
            do {
                try keep(turn)
            } catch is Session.PlanGone {
                show(session.planGone(after: turn))
                if let file = turn.file { show(file.written(Result { try write(file) })) }
                continue
            } catch {
                show(session.unsaved(error))
                continue
            }
            session.accept(turn)
            show(turn.events)
            if let file = turn.file { show(file.written(Result { try write(file) })) }
        }
    }

    /// What `run` says when it was given no way to write files.
    public struct ExportRefused: Error, CustomStringConvertible {
        public init() {}
        public var description: String { "saving to a file is not possible here" }
    }

    /// `/commands` and the current question's option words.
    public static func completions(for conversation: Conversation) -> [String] {
        var words = CommandCatalogue.completions(in: .plan, network: false)
        if let q = conversation.currentStep?.question {
            switch q.answer {
            case .pickOne(let options), .pickMany(let options, _, _): words += options.map(\.key)
            case .yesNo: words += ["yes", "no"]
            case .date: words += ["today", "tomorrow", "next"]
            case .records(let fields, _, _):
                let draft = conversation.state.drafts[conversation.currentStep!.id] ?? Draft()
                let field = fields[min(draft.fieldIndex, fields.count - 1)]
                words += field.answer.options.map(\.key)
                if field.answer.kind == .yesNo { words += ["yes", "no"] }
            case .text, .list, .number, .scale: break
            }
        }
        return words
    }
}
