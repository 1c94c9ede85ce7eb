import Yams

/// What a dialogue's steps share while the file is read: its `choices:` lists (and which ones
/// questions use), and the steps read so far, for `options: {from: …}`.
final class BuildContext {
    struct Choices {
        var options: [Option]
        var location: SourceLocation
        var name: String
    }

    var choices: [String: Choices] = [:]
    var used: Set<String> = []
    /// Steps read so far, by id: what `from:` may name.
    var earlier: [String: Step] = [:]
    /// Every step id in the file, to tell a step that comes later from one that does not exist.
    var allIDs: Set<String> = []
    /// The folder's `common.yaml`, and which of its texts and lists this file used.
    var common: CommonLibrary?
    var usedTexts: Set<String> = []
    var usedCommonChoices: Set<String> = []
    /// Steps with a `next:` branch that could not be read (the reader said why).
    var unreadBranches: Set<String> = []

    /// Step ids in a file, read without reporting anything (the steps report their own problems).
    static func stepIDs(_ root: Node) -> Set<String> {
        var ids: Set<String> = []
        for section in root["sections"]?.sequence ?? [] {
            for step in section["steps"]?.sequence ?? [] {
                if let id = step["id"]?.string { ids.insert(id) }
            }
        }
        return ids
    }
}

/// Reads `options:` in its three forms: `key: label` lines, the name of a list under `choices:`,
/// or `{from: step}` (what an earlier pick-many question chose, or what an earlier list holds).
extension AnswerSpecReader {
    /// `options: {from: step}`, as written: the step id and its node.
    static func fromReference(_ node: Node) -> (id: String, node: Node)? {
        guard case .mapping(let m) = node, m.count == 1, let (k, v) = m.first, k.string == "from" else { return nil }
        return (v.string ?? "", v)
    }

    /// The options a question offers at most, and the step they come from (for `from:`).
    func readOptions(_ node: Node, allowFrom: Bool) -> (options: [Option], from: String?) {
        if let (id, valueNode) = Self.fromReference(node) {
            guard allowFrom else {
                reader.report(.badOptionsFrom, "a field's options cannot come from another question", at: reader.location(node), help: "write the field's options here as \"key: label\" lines")
                return ([], nil)
            }
            return (fromOptions(id, at: valueNode), id)
        }
        if case .scalar = node, let name = node.string {
            return (named(name, at: node), nil)
        }
        return (options(node), nil)
    }

    /// The options of a list under `choices:`.
    func named(_ name: String, at node: Node) -> [Option] {
        if let context, context.choices[name] == nil, let shared = context.common?.choices[name] {
            context.usedCommonChoices.insert(name)
            return shared
        }
        guard let context, let found = context.choices[name] else {
            let names = ((context?.choices.keys).map(Array.init) ?? []) + ((context?.common?.choices.keys).map(Array.init) ?? [])
            let help = Suggest.closest(to: name, in: names).map { "did you mean \"\($0)\"?" }
                ?? (names.isEmpty
                    ? "add the list under choices: at the top of the file, or write the options here as \"key: label\" lines"
                    : "the lists under choices: are \(names.map { "\"\($0)\"" }.joined(separator: ", "))")
            reader.report(.unknownChoices, "options: names \"\(name)\", but no list under choices: has that name", at: reader.location(node), length: name.count, help: help)
            return []
        }
        context.used.insert(name)
        return found.options
    }

    /// What `from:` may offer: every option of an earlier pick-many question (only those chosen are
    /// offered when the question is asked), or none for a list (its items become the options).
    func fromOptions(_ id: String, at node: Node) -> [Option] {
        guard let context else { return [] }
        let location = reader.location(node)
        if let step = context.earlier[id] {
            guard let q = step.question else {
                reader.report(.badOptionsFrom, "options: from: names \"\(id)\", which is a message (say:), not a question", at: location, length: id.count, help: "name an earlier pick-many or list question")
                return []
            }
            switch q.answer {
            case .pickMany(let options, _, _): return options
            case .list: return []
            case .text, .pickOne, .yesNo, .number, .scale, .date, .records:
                reader.report(.badOptionsFrom, "options: from: names \"\(id)\", a \(q.answer.kind.rawValue) question; options can come only from a pick-many or list question", at: location, length: id.count)
                return []
            }
        }
        if context.allIDs.contains(id) {
            reader.report(.badOptionsFrom, "options: from: names \"\(id)\", which comes later; options can come only from a question before this one", at: location, length: id.count, help: "move \"\(id)\" before this question")
            return []
        }
        let candidates = context.earlier.values.filter { $0.question?.answer.kind == .pickMany || $0.question?.answer.kind == .list }.map(\.id).sorted()
        let help = Suggest.closest(to: id, in: candidates).map { "did you mean \"\($0)\"?" } ?? "name an earlier pick-many or list question"
        reader.report(.badOptionsFrom, "options: from: names \"\(id)\", but no step has that id", at: location, length: max(1, id.count), help: help)
        return []
    }

    /// `choices:` at the top of a file: named option lists that questions use by name.
    func readChoices(_ node: Node) {
        guard let context, let lists = reader.mapping(node, what: "choices", allowed: Self.anyKey(node)) else { return }
        for (name, entry) in lists {
            guard reader.id(entry.key, what: "a choices name") != nil else { continue }
            let options = options(entry.value)
            if options.count < 2, case .mapping = entry.value {
                reader.report(.badAnswerOptions, "the choices \"\(name)\" need at least two options", at: reader.location(entry.value))
            }
            context.choices[name] = BuildContext.Choices(options: options, location: reader.location(entry.key), name: name)
        }
    }

    /// Every key a mapping has (choices names are the author's own).
    static func anyKey(_ node: Node) -> [String] {
        guard case .mapping(let m) = node else { return [] }
        return m.compactMap { $0.key.string }
    }
}
