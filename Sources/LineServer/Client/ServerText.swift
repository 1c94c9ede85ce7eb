import DialogueEngine

// Written for `tandem connect` (owned by the client's author, kept apart from the server's files):
// the server's own JSON objects turned into the lines text mode shows, using the server's words,
// so a client in JSON mode shows people exactly what telnet would.

/// The lines a person sees in text mode for the server's own JSON-mode objects (`note`, `err`,
/// `room`, `sessions`). Dialogue events are for ``JSONRenderer/decode(_:)`` and ``TextRenderer``.
///
///     ServerText.lines(for: try JSONValue.parse(#"{"t":"note","text":"Sent to k3fa."}"#), me: "q2ad", width: 80)
///     // ["Sent to k3fa."]
public enum ServerText {
    /// The lines for one object, or nil when it is not one of the server's own objects.
    /// Every text is sanitised: a client must not trust the server's escaping alone.
    public static func lines(for value: JSONValue, me: String, width: Int) -> [String]? {
        let width = max(30, width)
        switch value["t"]?.string {
        case "note", "err":
            return Wrap.lines(Sanitize.text(value["text"]?.string ?? ""), width: width)
        case "room":
            return room(value, width: width)
        case "sessions":
            let list = (value["connections"]?.array ?? []).map(snapshot)
            return SessionList.lines(list, me: me, width: width)
        default:
            return nil
        }
    }

    /// What text mode adds after the first menu when the server keeps plans: how to carry one on.
    public static func resumeHint(width: Int) -> [String] {
        Wrap.lines(ServerWords.resumeHint, width: max(30, width))
    }

    static func room(_ value: JSONValue, width: Int) -> [String] {
        let id = Sanitize.line(value["id"]?.string ?? "")
        let name = value["name"]?.string.flatMap { PersonName($0)?.text }
        let kind: RoomEvent.Kind
        switch value["event"]?.string {
        case "message":
            return Wrap.lines(Sanitize.text(ServerWords.fromFacilitator(value["text"]?.string ?? "")), width: width)
        case "answered":
            kind = .answered(step: value["step"]?.string ?? "", question: value["question"]?.string ?? "", answer: value["answer"]?.string, withheld: value["withheld"]?.bool ?? false)
        case "unshared":
            kind = .stoppedSharing
        case "left":
            kind = .left
        default:
            return Wrap.lines(Sanitize.text(value["text"]?.string ?? ""), width: width, indent: "  ")
        }
        return ConnectionHandler.lines(RoomEvent(id: id, name: name, kind: kind), width: width)
    }

    static func snapshot(_ v: JSONValue) -> ConnectionSnapshot {
        var progress: Progress?
        if case .object(let members)? = v["progress"], case .progress(let p)? = JSONRenderer.decode(.object([("t", "progress")] + members)) {
            progress = p
        }
        return ConnectionSnapshot(
            id: Sanitize.line(v["id"]?.string ?? ""), name: v["name"]?.string, isHost: v["host"]?.bool ?? false,
            dialogue: v["dialogue"]?.string.map(Sanitize.line), progress: progress, finished: v["finished"]?.bool ?? false,
            idleSeconds: v["idleSeconds"]?.int ?? 0, sharing: v["sharing"]?.bool ?? false, json: v["json"]?.bool ?? false, client: v["client"]?.string.map(Sanitize.line))
    }
}
