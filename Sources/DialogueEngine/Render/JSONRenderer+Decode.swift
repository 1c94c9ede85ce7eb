extension JSONRenderer {
    /// An object written by ``encode(_:)`` read back as its event; nil for anything else (server
    /// objects such as `hello`, `err` or `room`, or an object from a newer server).
    ///
    /// Round trip: `decode(encode(e))` renders with ``TextRenderer`` exactly as `e` does. Support
    /// directories come back with the built-in check-in words and matcher, which are never shown.
    public static func decode(_ v: JSONValue) -> Event? {
        guard let t = v["t"]?.string else { return nil }
        switch t {
        case "say":
            let text = v["text"]?.string ?? ""
            switch v["kind"]?.string {
            case "intro": return .intro(title: v["title"]?.string ?? "", text: text, minutes: v["minutes"]?.int)
            case "section": return .section(number: v["part"]?.int ?? 0, of: v["parts"]?.int ?? 0, title: v["title"]?.string ?? "")
            case "notice": return .notice(text)
            case "why": return .why(text)
            case "code": return v["code"]?.string.map { .keptAs(code: $0) } ?? .said(text)
            default: return .said(text)
            }
        case "privacy":
            let saved = v["saved"]?.bool ?? false, encrypted = v["encrypted"]?.bool ?? false
            switch v["where"]?.string {
            case "this-computer":
                if v["readableByOthers"]?.bool == true, let store = v["store"]?.string { return .privacy(.thisComputerReadable(store: store)) }
                return .privacy(.thisComputer(store: v["store"]?.string))
            case "room": return .privacy(.room(saved: saved, encrypted: encrypted))
            default: return .privacy(.server(saved: saved, encrypted: encrypted))
            }
        case "ask":
            guard let kind = v["kind"]?.string.flatMap(AnswerKind.init(rawValue:)) else { return nil }
            if let field = v["field"]?.string {
                var f = FieldPrompt(step: v["step"]?.string ?? "", field: field, record: v["record"]?.int ?? 1, text: v["text"]?.string ?? "", kind: kind, options: options(v["options"]), first: v["first"]?.bool ?? false, hint: v["hint"]?.string, required: v["required"]?.bool ?? false)
                if v["hostAnswers"]?.bool == true { f.hostAnswers = true }
                return .field(f)
            }
            var labels: [String: String]?
            if case .object(let members)? = v["labels"] {
                labels = Dictionary(members.compactMap { m in m.value.string.map { (m.key, $0) } }, uniquingKeysWith: { a, _ in a })
            }
            var prompt = Prompt(
                step: v["step"]?.string ?? "", text: v["text"]?.string ?? "", kind: kind, options: options(v["options"]),
                range: v["range"]?.array?.compactMap(\.double), labels: labels, hint: v["hint"]?.string, hasWhy: v["why"]?.bool ?? false,
                required: v["required"]?.bool ?? false, current: v["current"]?.string, progress: progress(v["progress"] ?? .null), itemsSoFar: v["items"]?.int,
                soFar: v["soFar"]?.array?.compactMap(\.string))
            if v["groupAnswer"]?.bool == true { prompt.currentIsTheGroups = true }
            if v["hostAnswers"]?.bool == true { prompt.hostAnswers = true }
            return .asked(prompt)
        case "invalid": return .invalid(v["text"]?.string ?? "")
        case "item": return .itemAdded(step: v["step"]?.string ?? "", count: v["count"]?.int ?? 0)
        case "progress": return .progress(progress(v))
        case "review":
            let items = (v["items"]?.array ?? []).map { i in
                ReviewItem(number: i["n"]?.int ?? 0, step: i["step"]?.string ?? "", part: i["part"]?.string ?? "", question: i["question"]?.string ?? "", answer: i["answer"]?.string, skipped: i["skipped"]?.bool ?? false,
                           entries: i["entries"]?.array?.compactMap(\.string))
            }
            return .review(items, canChange: v["canChange"]?.bool ?? true, group: v["group"]?.bool ?? false)
        case "done": return .finished(Summary(title: v["title"]?.string ?? "", answered: v["answered"]?.int ?? 0, skipped: v["skipped"]?.int ?? 0, group: v["group"]?.string.flatMap(GroupRole.init(rawValue:))))
        case "help": return .help(finished: v["finished"]?.bool ?? false)
        case "export", "exported":
            let format = v["format"]?.string.flatMap(ExportFormat.init(rawValue:)) ?? .text
            return t == "export" ? .export(format: format, text: v["text"]?.string ?? "") : .exported(format: format, path: v["path"]?.string ?? "")
        case "support": return .support(support(v))
        case "checkin":
            let about = v["about"]?.string.flatMap(DistressMatch.Concern.init(rawValue:)) ?? .person
            if v["kind"]?.string == "short" { return .checkInReminder(message: v["text"]?.string ?? "", about: about) }
            if v["kind"]?.string == "talk" { return .talkOffer }
            // The closing line with the numbers that matter most (none from servers before `reminder`).
            var directory = support(v["support"] ?? .null)
            directory.checkIn.reminder = v["reminder"]?.string ?? ""
            directory.checkIn.reminderSomeoneElse = directory.checkIn.reminder
            return .checkIn(message: v["text"]?.string ?? "", support: directory, about: about)
        case "bye":
            let code = v["code"]?.string, saved = v["saved"]?.bool ?? false
            if v["kind"]?.string == "paused" { return .paused(code: code, saved: saved) }
            return .goodbye(code: code, finished: v["finished"]?.bool ?? false, saved: saved)
        case "menu":
            let entries = (v["dialogues"]?.array ?? []).map { e in
                DialogueEntry(number: e["n"]?.int ?? 0, id: e["id"]?.string ?? "", title: e["title"]?.string ?? "", summary: e["summary"]?.string ?? "",
                    audience: e["audience"]?.array?.compactMap(\.string) ?? [], minutes: e["minutes"]?.int)
            }
            return .menu(entries)
        case "failure": return .failure(v["text"]?.string ?? "")
        case "room": return roomNote(v).map { .room($0) }
        default: return nil
        }
    }

    static func options(_ v: JSONValue?) -> [OptionView] {
        (v?.array ?? []).map { OptionView(number: $0["n"]?.int ?? 0, key: $0["key"]?.string ?? "", label: $0["label"]?.string ?? "") }
    }

    static func progress(_ v: JSONValue) -> Progress {
        Progress(part: v["part"]?.int ?? 0, parts: v["parts"]?.int ?? 0, partTitle: v["partTitle"]?.string ?? "", question: v["question"]?.int ?? 0,
            questions: v["questions"]?.int ?? 0, answered: v["answered"]?.int ?? 0, skipped: v["skipped"]?.int ?? 0,
            group: v["group"]?.bool == true ? true : nil)
    }

    static func support(_ v: JSONValue) -> SupportDirectory {
        let areas = (v["areas"]?.array ?? []).map { a in
            SupportDirectory.Area(id: a["id"]?.string ?? "", title: a["title"]?.string ?? "", contacts: (a["contacts"]?.array ?? []).map {
                SupportDirectory.Contact(
                    name: $0["name"]?.string ?? "", reach: $0["reach"]?.string ?? "", note: $0["note"]?.string,
                    checked: $0["checked"]?.string.flatMap(SimpleDate.init(iso:)), source: $0["source"]?.string)
            })
        }
        return SupportDirectory(title: v["title"]?.string ?? "", intro: v["intro"]?.string ?? "", areas: areas)
    }
}
