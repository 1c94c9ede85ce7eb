/// Turns events into JSON objects for programs (the line protocol's JSON mode), and back.
///
/// Every object carries its type in `t`. The mapping is lossless for what ``TextRenderer`` shows,
/// so a client can decode the objects back into events and render them with the same words as
/// the terminal (see ``decode(_:)``). Text keeps every character; ``JSONValue/serialized()`` escapes
/// controls, and whoever shows the text to a person sanitises it (``TextRenderer`` does).
///
///     JSONRenderer.encode(.said("Hello")).serialized()   // {"t":"say","kind":"message","text":"Hello"}
///
/// The full list of objects is in `docs/protocol.md`.
public enum JSONRenderer {
    /// The version of this mapping, sent in the protocol's `hello`.
    public static let version = 1

    /// All the events of a turn, one object each.
    public static func encode(_ events: [Event]) -> [JSONValue] { events.map(encode) }

    /// One event as one object.
    public static func encode(_ event: Event) -> JSONValue {
        switch event {
        case .intro(let title, let text, let minutes):
            return .object([("t", "say"), ("kind", "intro"), ("title", .string(title)), ("text", .string(text)), ("minutes", JSONValue(minutes))])
        case .section(let number, let of, let title):
            return .object([("t", "say"), ("kind", "section"), ("part", JSONValue(number)), ("parts", JSONValue(of)), ("title", .string(title))])
        case .said(let text):
            return .object([("t", "say"), ("kind", "message"), ("text", .string(text))])
        case .notice(let text):
            return .object([("t", "say"), ("kind", "notice"), ("text", .string(text))])
        case .why(let text):
            return .object([("t", "say"), ("kind", "why"), ("text", .string(text))])
        case .asked(let p):
            return ask(p)
        case .field(let f):
            return .object([
                ("t", "ask"), ("step", .string(f.step)), ("field", .string(f.field)), ("record", JSONValue(f.record)), ("first", .bool(f.first)),
                ("kind", .string(f.kind.rawValue)), ("text", .string(f.text)), ("options", options(f.options)),
                ("hint", JSONValue(f.hint)), ("required", .bool(f.required)),
            ] + (f.hostAnswers == true ? [("hostAnswers", .bool(true))] : []))
        case .invalid(let text):
            return .object([("t", "invalid"), ("text", .string(text))])
        case .itemAdded(let step, let count):
            return .object([("t", "item"), ("step", .string(step)), ("count", JSONValue(count))])
        case .progress(let p):
            return .object([("t", "progress")] + progress(p))
        case .review(let items, let canChange, let group):
            return .object([("t", "review"), ("items", .array(items.map(review)))] + (canChange ? [] : [("canChange", false)]) + (group ? [("group", true)] : []))
        case .finished(let s):
            return .object([("t", "done"), ("title", .string(s.title)), ("answered", JSONValue(s.answered)), ("skipped", JSONValue(s.skipped))] + (s.group.map { [("group", .string($0.rawValue))] } ?? []))
        case .help(let finished):
            let commands = Command.descriptions.map { JSONValue.object([("command", .string($0.0)), ("text", .string($0.1))]) }
            return .object([("t", "help"), ("finished", .bool(finished)), ("commands", .array(commands))])
        case .export(let format, let text):
            return .object([("t", "export"), ("format", .string(format.rawValue)), ("text", .string(text))])
        case .exported(let format, let path):
            return .object([("t", "exported"), ("format", .string(format.rawValue)), ("path", .string(path))])
        case .support(let d):
            return .object([("t", "support")] + support(d))
        case .checkIn(let message, let d, let about):
            return .object([("t", "checkin"), ("kind", "full"), ("about", .string(about.rawValue)), ("text", .string(message)), ("support", .object(support(d))),
                            ("reminder", .string(d.checkIn.reminder(for: about)))])
        case .checkInReminder(let message, let about):
            return .object([("t", "checkin"), ("kind", "short"), ("about", .string(about.rawValue)), ("text", .string(message))])
        case .talkOffer:
            return .object([("t", "checkin"), ("kind", "talk"), ("command", "/talk")])
        case .paused(let code, let saved):
            return .object([("t", "bye"), ("kind", "paused"), ("code", JSONValue(code)), ("saved", .bool(saved))])
        case .goodbye(let code, let finished, let saved):
            return .object([("t", "bye"), ("kind", "goodbye"), ("code", JSONValue(code)), ("finished", .bool(finished)), ("saved", .bool(saved))])
        case .menu(let entries):
            return .object([("t", "menu"), ("dialogues", .array(entries.map(entry)))])
        case .privacy(let p):
            return .object([("t", "privacy")] + privacy(p) + [("text", .string(TextRenderer.words(p)))])
        case .keptAs(let code):
            return .object([("t", "say"), ("kind", "code"), ("code", .string(code))])
        case .failure(let text):
            return .object([("t", "failure"), ("text", .string(text))])
        case .room(let note):
            return room(note)
        }
    }

    static func ask(_ p: Prompt) -> JSONValue {
        var m: [(key: String, value: JSONValue)] = [
            ("t", "ask"), ("step", .string(p.step)), ("kind", .string(p.kind.rawValue)), ("text", .string(p.text)), ("options", options(p.options)),
        ]
        if let r = p.range { m.append(("range", .array(r.map { .number($0) }))) }
        if let labels = p.labels {
            m.append(("labels", .object(labels.sorted { (Double($0.key) ?? 0) < (Double($1.key) ?? 0) }.map { ($0.key, .string($0.value)) })))
        }
        if let hint = p.hint { m.append(("hint", .string(hint))) }
        m.append(("why", .bool(p.hasWhy)))
        m.append(("required", .bool(p.required)))
        if let current = p.current { m.append(("current", .string(current))) }
        if p.currentIsTheGroups == true { m.append(("groupAnswer", .bool(true))) }
        if p.hostAnswers == true { m.append(("hostAnswers", .bool(true))) }
        if let items = p.itemsSoFar { m.append(("items", JSONValue(items))) }
        if let soFar = p.soFar { m.append(("soFar", .array(soFar.map { .string($0) }))) }
        m.append(("progress", .object(progress(p.progress))))
        return .object(m)
    }

    static func options(_ options: [OptionView]) -> JSONValue {
        .array(options.map { .object([("n", JSONValue($0.number)), ("key", .string($0.key)), ("label", .string($0.label))]) })
    }

    static func progress(_ p: Progress) -> [(key: String, value: JSONValue)] {
        [
            ("part", JSONValue(p.part)), ("parts", JSONValue(p.parts)), ("partTitle", .string(p.partTitle)), ("question", JSONValue(p.question)),
            ("questions", JSONValue(p.questions)), ("answered", JSONValue(p.answered)), ("skipped", JSONValue(p.skipped)),
        ] + (p.group == true ? [("group", true)] : [])
    }

    static func review(_ item: ReviewItem) -> JSONValue {
        .object([
            ("n", JSONValue(item.number)), ("step", .string(item.step)), ("part", .string(item.part)), ("question", .string(item.question)),
            ("answer", JSONValue(item.answer)), ("skipped", .bool(item.skipped)),
        ] + (item.entries.map { [("entries", .array($0.map(JSONValue.string)))] } ?? []))
    }

    static func support(_ d: SupportDirectory) -> [(key: String, value: JSONValue)] {
        let areas = d.areas.map { area in
            JSONValue.object([
                ("id", .string(area.id)), ("title", .string(area.title)),
                ("contacts", .array(area.contacts.map(contact))),
            ])
        }
        return [("title", .string(d.title)), ("intro", .string(d.intro)), ("areas", .array(areas))]
    }

    static func contact(_ c: SupportDirectory.Contact) -> JSONValue {
        .object([
            ("name", .string(c.name)), ("reach", .string(c.reach)), ("note", JSONValue(c.note)),
            ("checked", JSONValue(c.checked?.iso)), ("source", JSONValue(c.source)),
        ])
    }

    static func entry(_ e: DialogueEntry) -> JSONValue {
        .object([
            ("n", JSONValue(e.number)), ("id", .string(e.id)), ("title", .string(e.title)), ("summary", .string(e.summary)),
            ("audience", .array(e.audience.map { .string($0) })), ("minutes", JSONValue(e.minutes)),
        ])
    }

    /// Where answers go, as fields: `where` (`this-computer`, `server` or `room`), `store` (a path),
    /// `saved` and `encrypted`.
    static func privacy(_ p: Privacy) -> [(key: String, value: JSONValue)] {
        switch p {
        case .thisComputer(let store): [("where", "this-computer"), ("store", JSONValue(store)), ("saved", .bool(store != nil)), ("encrypted", .bool(true))]
        case .thisComputerReadable(let store): [("where", "this-computer"), ("store", .string(store)), ("saved", .bool(true)), ("encrypted", .bool(true)), ("readableByOthers", .bool(true))]
        case .server(let saved, let encrypted): [("where", "server"), ("saved", .bool(saved)), ("encrypted", .bool(encrypted))]
        case .room(let saved, let encrypted): [("where", "room"), ("saved", .bool(saved)), ("encrypted", .bool(encrypted))]
        }
    }
}
