import Yams

/// Reads `answer:` and the keys that shape it (`options`, `range`, `labels`, `min`, `max`, `fields`, `after`, `before`).
struct AnswerSpecReader {
    let reader: YAMLReader
    /// The file's shared choices and the steps read so far (nil reads inline options only).
    var context: BuildContext? = nil

    static let optionKeys = ["options", "range", "labels", "min", "max", "fields", "after", "before"]

    /// Which shaping keys each answer type takes.
    static func allowedKeys(_ kind: AnswerKind) -> Set<String> {
        switch kind {
        case .text, .list: ["min", "max"]
        case .pickOne: ["options"]
        case .pickMany: ["options", "min", "max"]
        case .yesNo: []
        case .number: ["range"]
        case .scale: ["range", "labels"]
        case .date: ["after", "before"]
        case .records: ["fields", "min", "max"]
        }
    }

    func spec(_ node: Node, keys map: [String: (key: Node, value: Node)], allowRecords: Bool) -> AnswerSpec? {
        guard let name = reader.string(node, what: "answer") else { return nil }
        guard let kind = AnswerKind(rawValue: name) else {
            let all = AnswerKind.allCases.map(\.rawValue)
            let hint = Suggest.closest(to: name, in: all).map { "did you mean \"\($0)\"?" } ?? "use one of: \(all.joined(separator: ", "))"
            reader.report(.unknownAnswerType, "\"\(name)\" is not an answer type I know", at: reader.location(node), length: name.count, help: hint)
            return nil
        }
        let allowed = Self.allowedKeys(kind)
        for key in Self.optionKeys where map[key] != nil && !allowed.contains(key) {
            let fits = allowed.isEmpty ? "a \(name) answer takes none of these" : "a \(name) answer takes: \(allowed.sorted().joined(separator: ", "))"
            reader.report(.badAnswerOptions, "\"\(key):\" does not fit a \(name) answer", at: reader.location(map[key]!.key), length: key.count, help: fits)
        }
        // A limit that names an earlier question is a rule (`Builder.rules`), read there.
        let min = map["min"].flatMap { Builder.isReference($0.value) ? nil : reader.int($0.value, what: "min") }
        let max = map["max"].flatMap { Builder.isReference($0.value) ? nil : reader.int($0.value, what: "max") }
        if let max, max < 1, let n = map["max"] {
            // No answer could be given: not a line, a choice, a record or a letter.
            reader.report(.badAnswerOptions, "max is \(max), so no answer would fit and the question could not be answered", at: reader.location(n.value), length: n.value.string?.count ?? 1,
                          help: "max: is the most \(Self.unit(kind)) an answer may have, at least 1; leave it out for no limit")
        } else if let min, let max, min > max, let n = map["min"] {
            reader.report(.badAnswerOptions, "min (\(min)) is larger than max (\(max))", at: reader.location(n.value))
        }
        if let min, min < 0, let n = map["min"] { reader.report(.badAnswerOptions, "min cannot be below 0", at: reader.location(n.value)) }

        switch kind {
        case .text: return .text(min: min, max: max)
        case .list: return .list(min: min, max: max)
        case .yesNo: return .yesNo
        case .pickOne, .pickMany:
            guard let entry = map["options"] else {
                reader.report(.badAnswerOptions, "a \(name) question needs options:", at: reader.location(node), length: name.count, help: "add options:, one \"key: label\" per line")
                return nil
            }
            let (options, from) = readOptions(entry.value, allowFrom: allowRecords)
            // Counted as written: an option with a bad key is reported on its own, and is still an option.
            if options.count < 2, from == nil, Self.fromReference(entry.value) == nil, case .mapping(let written) = entry.value, written.count < 2 {
                reader.report(.badAnswerOptions, "a \(name) question needs at least two options", at: reader.location(entry.value))
            }
            if kind == .pickOne { return .pickOne(options: options) }
            // Options from a list are known only when the question is asked.
            for (value, key) in [(min, "min"), (max, "max")] where from == nil || !options.isEmpty {
                if let value, value > options.count, let n = map[key] {
                    reader.report(.badAnswerOptions, "\(key) is \(value) but there \(options.count == 1 ? "is only 1 option" : "are only \(options.count) options")", at: reader.location(n.value))
                }
            }
            return .pickMany(options: options, min: min, max: max)
        case .number:
            let range = map["range"].flatMap { pair($0.value) { reader.double($0, what: "range") } }
            return .number(range: range.map { $0.0...$0.1 })
        case .scale:
            var range = 1...10
            var rangeRefused = false
            if let entry = map["range"], let p = pair(entry.value, { reader.int($0, what: "range") }) {
                // The span is worked out with overflow in mind: [-9223372036854775808, 9223372036854775807]
                // is a file's mistake, not a reason to stop.
                let (span, overflow) = p.1.subtractingReportingOverflow(p.0)
                if overflow || span > 100 {
                    reader.report(.badAnswerOptions, "a scale can span at most 100 points", at: reader.location(entry.value))
                    rangeRefused = true
                } else {
                    range = p.0...p.1
                }
            }
            var labels: [Int: String] = [:]
            // Labels are checked against the range only when it is one (every point of a refused one
            // would be a name to allow).
            // A whole number outside the scale is said to be so, not called an unknown key.
            var outside: [String] = []
            if !rangeRefused, let entry = map["labels"], case .mapping(let written) = entry.value {
                for (k, _) in written {
                    guard let key = k.string, let n = Int(key), !range.contains(n), !outside.contains(key) else { continue }
                    outside.append(key)
                    reader.report(.badAnswerOptions, "the label for \(n) is outside the scale, which goes from \(range.lowerBound) to \(range.upperBound)", at: reader.location(k), length: key.count,
                                  help: "label a point from \(range.lowerBound) to \(range.upperBound), or change range:")
                }
            }
            if !rangeRefused, let entry = map["labels"], let pairs = reader.mapping(entry.value, what: "labels", allowed: range.map(String.init) + outside) {
                for (key, kv) in pairs where !outside.contains(key) {
                    if let n = Int(key), let text = reader.string(kv.value, what: "a label") { labels[n] = text }
                }
            }
            return .scale(range: range, labels: labels)
        case .date:
            let after = map["after"].flatMap { Builder.isReference($0.value) ? nil : bound($0.value) }
            let before = map["before"].flatMap { Builder.isReference($0.value) ? nil : bound($0.value) }
            return .date(after: after, before: before)
        case .records:
            guard allowRecords else {
                reader.report(.badAnswerOptions, "a field cannot itself be records", at: reader.location(node), length: name.count)
                return nil
            }
            guard let entry = map["fields"], let list = reader.sequence(entry.value, what: "fields") else {
                if map["fields"] == nil {
                    reader.report(.badAnswerOptions, "a records question needs fields:", at: reader.location(node), length: name.count, help: "add fields:, each with id, ask and answer")
                }
                return nil
            }
            if list.isEmpty { reader.report(.badAnswerOptions, "fields: needs at least one field", at: reader.location(entry.value)) }
            var fields: [Field] = []
            var seen: [String: Int] = [:]
            for item in list {
                guard let f = reader.mapping(item, what: "a field", allowed: ScriptLoader.fieldKeys, required: ["id", "ask", "answer"]),
                    let id = f["id"].flatMap({ reader.id($0.value, what: "a field id") }),
                    let ask = f["ask"].flatMap({ reader.string($0.value, what: "ask") }),
                    let answer = f["answer"]
                else { continue }
                if let line = seen[id] {
                    reader.report(.duplicateID, "two fields are called \"\(id)\"", at: reader.location(f["id"]!.value), length: id.count, help: "the other is on line \(line)")
                }
                seen[id] = f["id"]!.value.mark?.line ?? 0
                guard let spec = spec(answer.value, keys: f, allowRecords: false) else { continue }
                if spec.kind == .list || spec.kind == .pickMany {
                    reader.report(.badAnswerOptions, "a field takes one value; \(spec.kind.rawValue) does not fit here", at: reader.location(answer.value), length: spec.kind.rawValue.count, help: "make it its own question after this one")
                    continue
                }
                let hint = f["hint"].flatMap { entry in reader.string(entry.value, what: "hint").map { Template(expand($0, entry.value).trimmingCharacters(in: .whitespacesAndNewlines)) } }
                let required = f["required"].flatMap { reader.bool($0.value, what: "required") } ?? false
                if required, let optional = f["optional"].flatMap({ reader.bool($0.value, what: "optional") }), optional {
                    reader.report(.wrongValue, "a field cannot be both required and optional", at: reader.location(f["optional"]!.key), length: 8)
                }
                fields.append(Field(id: id, prompt: Template(expand(ask, f["ask"]?.value)), answer: spec, hint: hint, required: required))
            }
            return .records(fields: fields, min: min, max: max)
        }
    }

    /// What `min:` and `max:` count for an answer type.
    static func unit(_ kind: AnswerKind) -> String {
        switch kind {
        case .text: "characters"
        case .list: "lines"
        case .pickMany: "choices"
        case .records: "records"
        default: "items"
        }
    }

    func options(_ node: Node) -> [Option] {
        guard case .mapping(let m) = node else {
            reader.report(.badAnswerOptions, "options: should be \"key: label\" lines", at: reader.location(node), help: "for example:  walk: Going for a walk")
            return []
        }
        var out: [Option] = []
        var seen: [String: Int] = [:]
        for (k, v) in m {
            guard let key = reader.id(k, what: "an option key"), let label = reader.string(v, what: "an option label") else { continue }
            if let line = seen[key] {
                reader.report(.duplicateKey, "the option \"\(key)\" is given twice", at: reader.location(k), length: key.count, help: "the first is on line \(line)")
                continue
            }
            seen[key] = k.mark?.line ?? 0
            out.append(Option(key: key, label: label))
        }
        return out
    }

    func pair<T: Comparable>(_ node: Node, _ read: (Node) -> T?) -> (T, T)? {
        guard let list = reader.sequence(node, what: "range") else { return nil }
        guard list.count == 2, let a = read(list[0]), let b = read(list[1]) else {
            if list.count != 2 { reader.report(.badAnswerOptions, "range: needs two numbers, lowest first: [1, 10]", at: reader.location(node)) }
            return nil
        }
        guard a < b else {
            reader.report(.badAnswerOptions, "range: the first number must be lower than the second", at: reader.location(node))
            return nil
        }
        return (a, b)
    }

    func bound(_ node: Node) -> DateBound? {
        guard let s = reader.string(node, what: "a date limit") else { return nil }
        if s == "today" { return .today }
        if s == "yesterday" { return .yesterday }
        if let d = SimpleDate(iso: s) { return .fixed(d) }
        reader.report(.badAnswerOptions, "a date limit is \"today\", \"yesterday\", a date like 2027-03-01, or the id of an earlier date question, not \"\(s)\"", at: reader.location(node), length: s.count)
        return nil
    }

    /// `{common.NAME}` put in (see `CommonLibrary`).
    func expand(_ text: String, _ node: Node?) -> String {
        guard let context, let node else { return text }
        return context.expandCommon(text, reader: reader, at: reader.location(node))
    }
}
