import DialogueEngine

/// Text mode: the lines people read, the same for telnet, `nc` and `tandem connect`.
extension ServerMessage {
    /// The lines of this message for `me` (the connection reading it), at `renderer`'s width.
    public func text(_ renderer: TextRenderer, me: String) -> [String] {
        let width = renderer.width
        let wrap = { (text: String) in Wrap.lines(Sanitize.text(text), width: width) }
        switch self {
        case .events(let events): return renderer.render(events)
        case .note(let text): return wrap(text)
        case .error(_, let text, _): return wrap(text)
        case .hello: return []
        case .sessions(let list): return SessionList.lines(list, me: me, width: width)
        case .watched(let event): return Self.lines(event, width: width)
        case .fromHost(let text): return wrap(ServerWords.fromHost(text))
        case .rooms(let rooms):
            guard !rooms.isEmpty else { return wrap(ServerWords.noRooms) }
            // Each room wrapped at the width, its later lines indented under its code.
            return ["Open group rooms:"] + rooms.flatMap { room in
                let line = ServerWords.roomLine(code: room.code, title: Sanitize.line(room.title), people: room.people.count, finished: room.finished, waitingForHost: room.waitingForHost)
                return Wrap.lines(line.trimmedSpaces, width: width, indent: "    ", firstIndent: "  ")
            }
        }
    }

    /// A watched person's event as the host reads it. What the person typed is quoted on lines of
    /// its own, each marked `    | `, so it can never pass for one of the server's own lines.
    static func lines(_ e: WatchEvent, width: Int) -> [String] {
        let who = e.name.map { "\(e.id) (\($0))" } ?? e.id
        let server = { (text: String) in Wrap.lines(Sanitize.text(text), width: width, indent: "    ", firstIndent: "  ") }
        switch e.kind {
        case .answered(_, let question, let answer?, let withheld):
            var lines = server(ServerWords.answered(who, question: Tidy.question(question)))
            lines += Wrap.quoted(answer, width: width, marker: "    | ")
            if withheld { lines += server(ServerWords.withheld).map { "  " + $0 } }
            return lines
        case .answered(_, let question, nil, _): return server(ServerWords.leftForNow(who, question: Tidy.question(question)))
        case .stoppedSharing: return server(ServerWords.stoppedSharing(who))
        case .left: return server(ServerWords.left(who))
        }
    }

    /// Whether it arrives between a person's own turns (a host's message, a watched answer), so a
    /// text door sets it on a fresh line and prompts again after it.
    public var isBetweenTurns: Bool {
        switch self {
        case .watched, .fromHost: true
        case .events, .note, .error, .hello, .sessions, .rooms: false
        }
    }
}
