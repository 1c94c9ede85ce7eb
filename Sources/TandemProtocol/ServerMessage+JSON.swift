import DialogueEngine

/// JSON mode: one object per line for each message (`docs/protocol.md`), and back again for
/// `tandem connect`.
extension ServerMessage {
    /// The objects that carry this message (one per event; one for everything else).
    public var json: [JSONValue] {
        switch self {
        case .events(let events):
            return events.map(JSONRenderer.encode)
        case .note(let text):
            return [.object([("t", "note"), ("text", .string(text))])]
        case .error(let code, let text, let close):
            return [.object([("t", "err"), ("code", JSONValue(code)), ("text", .string(text)), ("close", .bool(close))])]
        case .hello(let h):
            return [.object([
                ("t", "hello"), ("version", JSONValue(JSONRenderer.version)), ("server", .string(h.server)),
                ("id", .string(h.id)), ("saved", .bool(h.saved)), ("limits", .object(h.limits)),
                ("capabilities", .array(Hello.capabilities.map { .string($0) })),
            ])]
        case .sessions(let list):
            return [.object([("t", "sessions"), ("connections", .array(list.map(Self.json)))])]
        case .watched(let e):
            var m: [(key: String, value: JSONValue)] = [("t", "room")]
            switch e.kind {
            case .answered(let step, let question, let answer, let withheld):
                m += [("event", "answered"), ("id", .string(e.id)), ("name", JSONValue(e.name)), ("step", .string(step)), ("question", .string(question)), ("answer", JSONValue(answer))]
                if withheld { m.append(("withheld", .bool(true))) }
            case .stoppedSharing:
                m += [("event", "unshared"), ("id", .string(e.id)), ("name", JSONValue(e.name))]
            case .left:
                m += [("event", "left"), ("id", .string(e.id)), ("name", JSONValue(e.name))]
            }
            return [.object(m)]
        case .fromHost(let text):
            return [.object([("t", "room"), ("event", "message"), ("from", "host"), ("text", .string(text))])]
        case .rooms(let rooms):
            let list = rooms.map { r in
                JSONValue.object([("code", .string(r.code)), ("dialogue", .string(r.dialogue)), ("title", .string(r.title)),
                                  ("people", .array(r.people.map { .string($0) })), ("finished", .bool(r.finished)),
                                  ("waitingForHost", .bool(r.waitingForHost))])
            }
            return [.object([("t", "rooms"), ("rooms", .array(list))])]
        }
    }

    static func json(_ s: ConnectionSnapshot) -> JSONValue {
        var m: [(key: String, value: JSONValue)] = [("id", .string(s.id)), ("name", JSONValue(s.name)), ("host", .bool(s.isHost)), ("dialogue", JSONValue(s.dialogue))]
        if let p = s.progress {
            m.append(("progress", .object([("part", JSONValue(p.part)), ("parts", JSONValue(p.parts)), ("answered", JSONValue(p.answered)), ("skipped", JSONValue(p.skipped))])))
        }
        m += [("finished", .bool(s.finished)), ("idleSeconds", JSONValue(s.idleSeconds)), ("sharing", .bool(s.sharing)), ("json", .bool(s.json)), ("client", JSONValue(s.client))]
        return .object(m)
    }

    /// One of the server's own objects read back (not a dialogue event: those are
    /// `JSONRenderer.decode`'s); nil for anything else. Every text is made safe again: a client
    /// must not trust the server's escaping alone.
    public init?(serverObject v: JSONValue) {
        switch v["t"]?.string {
        case "note":
            self = .note(Sanitize.text(v["text"]?.string ?? ""))
        case "err":
            self = .error(code: v["code"]?.int ?? 0, text: Sanitize.text(v["text"]?.string ?? ""), close: v["close"]?.bool ?? false)
        case "sessions":
            self = .sessions((v["connections"]?.array ?? []).map(Self.snapshot))
        case "rooms":
            self = .rooms((v["rooms"]?.array ?? []).map { r in
                RoomListing(code: r["code"]?.string ?? "", dialogue: r["dialogue"]?.string ?? "", title: Sanitize.line(r["title"]?.string ?? ""),
                            people: r["people"]?.array?.compactMap { $0.string.map(Sanitize.line) } ?? [], finished: r["finished"]?.bool ?? false,
                            waitingForHost: r["waitingForHost"]?.bool ?? false)
            })
        case "room" where v["group"]?.bool != true:
            let id = Sanitize.line(v["id"]?.string ?? "")
            let name = v["name"]?.string.flatMap { PersonName($0)?.text }
            switch v["event"]?.string {
            case "message": self = .fromHost(Sanitize.text(v["text"]?.string ?? ""))
            case "answered":
                self = .watched(WatchEvent(id: id, name: name, kind: .answered(
                    step: v["step"]?.string ?? "", question: v["question"]?.string ?? "", answer: v["answer"]?.string, withheld: v["withheld"]?.bool ?? false)))
            case "unshared": self = .watched(WatchEvent(id: id, name: name, kind: .stoppedSharing))
            case "left": self = .watched(WatchEvent(id: id, name: name, kind: .left))
            default: return nil
            }
        default:
            return nil
        }
    }

    static func snapshot(_ v: JSONValue) -> ConnectionSnapshot {
        var progress: Progress?
        if case .object(let members)? = v["progress"], case .progress(let p)? = JSONRenderer.decode(.object([("t", "progress")] + members)) {
            progress = p
        }
        return ConnectionSnapshot(
            id: Sanitize.line(v["id"]?.string ?? ""), name: v["name"]?.string.flatMap { PersonName($0)?.text }, isHost: v["host"]?.bool ?? false,
            dialogue: v["dialogue"]?.string.map(Sanitize.line), progress: progress, finished: v["finished"]?.bool ?? false,
            idleSeconds: v["idleSeconds"]?.int ?? 0, sharing: v["sharing"]?.bool ?? false, json: v["json"]?.bool ?? false, client: v["client"]?.string.map(Sanitize.line))
    }
}
