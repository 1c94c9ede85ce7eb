extension JSONRenderer {
    /// A group room's note as a `room` object. `"group": true` tells these from the objects a
    /// facilitator gets about people they watch (which the server writes itself).
    static func room(_ note: RoomNote) -> JSONValue {
        var m: [(key: String, value: JSONValue)] = [("t", "room"), ("group", true)]
        switch note {
        case .opened(let code, let title):
            m += [("event", "opened"), ("code", .string(code)), ("title", .string(title))]
        case .welcome(let name, let title, let others, let seat, let code):
            m += [("event", "welcome"), ("name", .string(name)), ("title", .string(title)), ("others", .array(others.map { .string($0) }))]
            if let seat, let code { m += [("seat", .string(seat)), ("code", .string(code))] }
        case .joined(let name):
            m += [("event", "joined"), ("name", .string(name))]
        case .back(let name):
            m += [("event", "joined"), ("name", .string(name)), ("back", true)]
        case .left(let name):
            m += [("event", "left"), ("name", .string(name))]
        case .dropped(let name):
            m += [("event", "dropped"), ("name", .string(name))]
        case .renamed(let from, let to):
            m += [("event", "renamed"), ("from", .string(from)), ("name", .string(to))]
        case .answered(let name, let count, let of):
            m += [("event", "answered"), ("name", .string(name)), ("count", JSONValue(count)), ("of", JSONValue(of))]
        case .kept(let count, let of, let changed, let back):
            m += [("event", "kept"), ("count", JSONValue(count)), ("of", JSONValue(of)), ("changed", .bool(changed))]
            if back { m.append(("back", .bool(true))) }
        case .views(let question, let lines):
            m += [("event", "views"), ("question", .string(question)), ("answers", .array(lines.map { .string($0) }))]
        case .recorded(let question, let answer):
            m += [("event", "recorded"), ("question", .string(question)), ("answer", JSONValue(answer))]
        case .remark(let name, let text):
            m += [("event", "remark"), ("name", .string(name)), ("text", .string(text))]
        case .turn(let everyone, let host):
            m += [("event", "turn"), ("who", everyone ? "everyone" : "group"), ("host", .bool(host))]
        case .people(let names, let waiting):
            m += [("event", "people"), ("names", .array(names.map { .string($0) })), ("waitingFor", .array(waiting.map { .string($0) }))]
        case .hostOnly(let what):
            m += [("event", "host-only"), ("what", .string(what))]
        case .help(let host):
            m += [("event", "help"), ("host", .bool(host))]
        case .youLeft:
            m += [("event", "you-left")]
        case .savedAs(let code):
            m += [("event", "saved-as"), ("code", .string(code))]
        case .hostAway(let minutes):
            m += [("event", "host-away"), ("minutes", JSONValue(minutes))]
        case .waitingForHost:
            m += [("event", "waiting-for-host")]
        case .hostBack(let name):
            m += [("event", "host-back"), ("name", .string(name))]
        case .closed(let code, let saved, let host, let finished):
            m += [("event", "closed"), ("code", JSONValue(code)), ("saved", .bool(saved)), ("host", .bool(host)), ("finished", .bool(finished))]
        }
        return .object(m)
    }

    /// A group room's `room` object read back; nil for any other `room` object.
    static func roomNote(_ v: JSONValue) -> RoomNote? {
        guard v["group"]?.bool == true else { return nil }
        let name = v["name"]?.string ?? ""
        let strings = { (key: String) in v[key]?.array?.compactMap(\.string) ?? [] }
        switch v["event"]?.string {
        case "opened": return .opened(code: v["code"]?.string ?? "", title: v["title"]?.string ?? "")
        case "welcome":
            let seat = v["seat"]?.string, code = v["code"]?.string
            return .welcome(name: name, title: v["title"]?.string ?? "", others: strings("others"), seat: code == nil ? nil : seat, code: seat == nil ? nil : code)
        case "joined": return v["back"]?.bool == true ? .back(name: name) : .joined(name: name)
        case "left": return .left(name: name)
        case "dropped": return .dropped(name: name)
        case "renamed": return .renamed(from: v["from"]?.string ?? "", to: name)
        case "answered": return .answered(name: name, count: v["count"]?.int ?? 0, of: v["of"]?.int ?? 0)
        case "kept": return .kept(count: v["count"]?.int ?? 0, of: v["of"]?.int ?? 0, changed: v["changed"]?.bool ?? false, back: v["back"]?.bool ?? false)
        case "views": return .views(question: v["question"]?.string ?? "", lines: strings("answers"))
        case "recorded": return .recorded(question: v["question"]?.string ?? "", answer: v["answer"]?.string)
        case "remark": return .remark(name: name, text: v["text"]?.string ?? "")
        case "turn": return .turn(everyone: v["who"]?.string == "everyone", host: v["host"]?.bool ?? false)
        case "people": return .people(names: strings("names"), waitingFor: strings("waitingFor"))
        case "host-only": return .hostOnly(v["what"]?.string ?? "")
        case "help": return .help(host: v["host"]?.bool ?? false)
        case "you-left": return .youLeft
        case "saved-as": return .savedAs(code: v["code"]?.string ?? "")
        case "host-away": return .hostAway(minutes: v["minutes"]?.int ?? 0)
        case "waiting-for-host": return .waitingForHost
        case "host-back": return .hostBack(name: name)
        case "closed": return .closed(code: v["code"]?.string, saved: v["saved"]?.bool ?? false, host: v["host"]?.bool ?? false, finished: v["finished"]?.bool ?? false)
        default: return nil
        }
    }
}
