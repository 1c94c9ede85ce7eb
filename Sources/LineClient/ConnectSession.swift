import DialogueEngine
import Foundation
import TandemProtocol

/// What `tandem connect` knows about its conversation with a server, with no terminal or socket in
/// it: it turns the server's JSON lines into the lines a person reads (through the same
/// ``TextRenderer`` as the local REPL), keeps the words Tab completes, and turns typed lines into
/// what is sent.
///
/// JSON mode underneath: objects arrive whole, so messages from a facilitator can be told apart
/// from the plan, the options of the current question are known exactly (for Tab), and text is
/// wrapped at this terminal's own width, as it changes.
public struct ConnectSession {
    public var renderer: TextRenderer
    /// The server's id for this connection (from `hello`).
    public private(set) var id = ""
    /// The server has said `hello`: JSON mode is on.
    public private(set) var greeted = false
    /// Plans are saved on the server.
    public private(set) var saves = false
    /// The server hears words passed on by themselves (`{"op":"hear"}`, capability `hear`).
    public private(set) var hears = false
    /// Lines a second the server takes on average, and how many at once (0: no limit).
    public private(set) var linesPerSecond: Double = 0
    public private(set) var burst: Double = 0
    /// The words Tab completes now.
    public private(set) var completions: [String] = ConnectSession.menuCommands
    /// The server said goodbye (`bye`): the connection ends as it should.
    public private(set) var saidGoodbye = false
    /// The server closed with an error it showed (`err` with `close`).
    public private(set) var closedWithError = false
    /// The server ends each turn with `{"t":"ready"}` (servers before it did not): then only
    /// `ready` ends a turn, and a client never has to guess.
    public private(set) var marksTurns = false
    /// Text the server sent before JSON mode began (shown if it closes before `hello`).
    public private(set) var textBeforeHello: [String] = []
    /// In a group room: the way back to it if the connection drops (for someone in it, the join
    /// code and their seat code, from their `welcome`; for its host, the group plan's code, else
    /// the join code), so the words at a lost connection can say it.
    public private(set) var room: (code: String, seat: String?)?
    private var menusSeen = 0
    /// The last object was the host's own `closed` of a group room: a connection that ends right
    /// after it ended as the server meant (the host's `/quit`, `/pause` or Ctrl-D closes the room,
    /// then the connection), not lost. `/room close` goes on to the menu, which clears this.
    private var hostClosedRoomLast = false
    /// The event before, in this turn: how some events look depends on the one before them (as
    /// when the server renders a turn's events together).
    private var previous: Event?

    /// The first line to send: JSON mode.
    public static let modeLine = "/mode json tandem-connect"

    static let menuCommands = CommandCatalogue.completions(in: .menu, network: true)

    public init(width: Int) {
        renderer = TextRenderer(width: width, resumeCommand: "/resume")
    }

    /// What one line from the server means for the person.
    public struct Shown: Equatable {
        /// Lines to show (without line ends).
        public var lines: [String] = []
        /// The server now waits for the person's next line (`ready`; from older servers a question or the menu), or said goodbye.
        public var endsTurn = false

        public init(lines: [String] = [], endsTurn: Bool = false) {
            self.lines = lines
            self.endsTurn = endsTurn
        }
    }

    /// Takes one line from the server.
    public mutating func receive(_ raw: String) -> Shown {
        guard greeted else { return beforeHello(raw) }
        guard let value = try? JSONValue.parse(raw) else {
            // Not an object: show it as text, made safe.
            return Shown(lines: Wrap.lines(Sanitize.text(raw), width: renderer.width))
        }
        return receive(value)
    }

    public mutating func receive(_ value: JSONValue) -> Shown {
        let type = value["t"]?.string ?? ""
        hostClosedRoomLast = false
        if type == "hello" {
            hello(value)
            return Shown()
        }
        if type == "ready" {
            marksTurns = true
            previous = nil
            return Shown(endsTurn: true)
        }
        if let event = JSONRenderer.decode(value) {
            defer { previous = event }
            return show(event)
        }
        previous = nil
        if type == "err", value["close"]?.bool == true { closedWithError = true }
        if let message = ServerMessage(serverObject: value) {
            return Shown(lines: message.text(renderer, me: id), endsTurn: type == "err" && closedWithError)
        }
        // An object from a newer server: nothing a person needs.
        return Shown()
    }

    private mutating func beforeHello(_ raw: String) -> Shown {
        // The text-mode greeting ends with the prompt "> ", so the hello follows it on one line.
        var text = Substring(raw)
        while text.hasPrefix("> ") { text = text.dropFirst(2) }
        if text.hasPrefix("{"), let value = try? JSONValue.parse(String(text)), value["t"]?.string == "hello" {
            hello(value)
            return Shown()
        }
        if textBeforeHello.count < 20 { textBeforeHello.append(Sanitize.line(String(text))) }
        return Shown()
    }

    private mutating func hello(_ value: JSONValue) {
        greeted = true
        id = Sanitize.line(value["id"]?.string ?? "")
        saves = value["saved"]?.bool ?? false
        hears = value["capabilities"]?.array?.contains(.string("hear")) ?? false
        linesPerSecond = value["limits"]?["linesPerSecond"]?.double ?? 0
        burst = value["limits"]?["burst"]?.double ?? 0
    }

    private mutating func show(_ event: Event) -> Shown {
        var shown = Shown(lines: render(event))
        switch event {
        case .menu(let entries):
            menusSeen += 1
            completions = Self.menuCommands + entries.map(\.id)
            if menusSeen == 1 && saves { shown.lines += ServerMessage.note(ServerWords.resumeHint).text(renderer, me: id) }
            shown.endsTurn = true
        case .asked(let prompt):
            completions = Self.completions(kind: prompt.kind, options: prompt.options)
            shown.endsTurn = true
        case .field(let field):
            completions = Self.completions(kind: field.kind, options: field.options)
            shown.endsTurn = true
        case .room(.welcome(_, _, _, let seat?, let code?)):
            room = (Sanitize.line(code), Sanitize.line(seat))
        case .room(.opened(let code, _)):
            room = (Sanitize.line(code), nil)
        case .room(.savedAs(let code)):
            room = (Sanitize.line(code), nil)
        case .room(.closed(_, _, let host, _)):
            room = nil
            hostClosedRoomLast = host
        case .paused, .goodbye, .room(.youLeft):
            saidGoodbye = true
            shown.endsTurn = true
        default:
            break
        }
        // With `ready`, only `ready` (or goodbye) ends a turn; without it, a question or the menu does.
        if marksTurns && !saidGoodbye { shown.endsTurn = false }
        return shown
    }

    /// The lines `event` adds after the turn's events so far, exactly as rendering them all together would give.
    private func render(_ event: Event) -> [String] {
        guard let previous else { return renderer.render([event]) }
        let before = renderer.render([previous]).count
        return Array(renderer.render([previous, event]).dropFirst(before))
    }

    /// `/commands` and the question's option words, as the local REPL offers them.
    static func completions(kind: AnswerKind, options: [OptionView]) -> [String] {
        var words = CommandCatalogue.completions(in: [.plan, .member], network: true)
        words += options.map(\.key)
        switch kind {
        case .yesNo: words += ["yes", "no"]
        case .date: words += ["today", "tomorrow", "next"]
        case .text, .list, .pickOne, .pickMany, .number, .scale, .records: break
        }
        return words
    }

    /// What to do with a line the person typed.
    public enum Outgoing: Equatable {
        /// Send this line to the server.
        case send(String)
        /// Show these lines; send nothing.
        case local([String])
        /// Show these lines, then send this line to the server (and wait for its turn, as for `send`).
        case localThenSend([String], String)
    }

    /// A typed line as the JSON object that carries it (any line, commands included, exactly as typed).
    /// `/mode` is answered here (a mode the person chose would break this client's JSON), but every
    /// line a person types is heard: any words after the mode (`/mode json I want to die`) go on
    /// to the server by themselves, to be heard for words of distress and used for nothing else.
    public func outgoing(_ typed: String) -> Outgoing {
        let line = typed.trimmingCharacters(in: .whitespaces)
        let word = line.lowercased()
        if word == "/mode" || word.hasPrefix("/mode ") {
            let note = Wrap.lines("tandem connect chooses how it talks to the server by itself, so /mode is not needed here.", width: renderer.width)
            let words = NetworkCommand.modeWords(String(line.dropFirst(5))).words
            guard !words.isEmpty, hears else { return .local(note) }
            return .localThenSend(note, JSONValue.object([("op", "hear"), ("text", .string(words))]).serialized())
        }
        return .send(JSONValue.object([("op", "line"), ("text", .string(typed))]).serialized())
    }

    /// Why the connection ended, for the person; nil when it ended as it should.
    public func endingProblem(_ address: ServerAddress) -> ConnectFailure? {
        if closedWithError { return .closedByServer(address, reason: "") }
        if saidGoodbye || hostClosedRoomLast { return nil }
        if !greeted {
            let said = textBeforeHello.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            // A Tandem server that refused us still explains why, in text mode.
            if !said.isEmpty && said.count <= 3 { return .closedByServer(address, reason: said.joined(separator: "\n")) }
            return said.isEmpty ? .lost(address) : .notTandem(address)
        }
        if let room { return .lostInRoom(address, code: room.code, seat: room.seat) }
        return .lost(address)
    }
}
