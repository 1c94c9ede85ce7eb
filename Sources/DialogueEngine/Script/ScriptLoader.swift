import Foundation
import Yams

/// Reads dialogue files into `Script`s, reporting every problem with its line and column.
public enum ScriptLoader {
    /// The result of loading: a script when it could be built, and every diagnostic.
    public struct Result: Sendable {
        public var script: Script?
        public var diagnostics: [Diagnostic]
        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    public static let topKeys = ["dialogue", "version", "title", "summary", "audience", "minutes", "serves", "intro", "choices", "sections"]
    public static let sectionKeys = ["id", "title", "steps"]
    public static let stepKeys = [
        "id", "ask", "say", "answer", "hint", "why", "required", "optional", "options", "range", "labels",
        "min", "max", "fields", "when", "next", "action", "after", "before", "who", "start-with", "check", "message",
    ]
    public static let fieldKeys = [
        "id", "ask", "answer", "hint", "optional", "required", "options", "range", "labels", "min", "max", "after", "before",
    ]

    /// Loads and checks a dialogue file from disk.
    public static func load(path: String) -> Result {
        guard let data = FileManager.default.contents(atPath: path) else {
            let d = Diagnostic(.yamlSyntax, "I cannot read this file (does it exist, and may I read it?)", at: SourceLocation(file: path, line: 1, column: 1))
            return Result(script: nil, diagnostics: [d])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return Result(script: nil, diagnostics: [notUTF8(data, file: path)])
        }
        return load(text: TextLines.withoutByteOrderMark(text), file: path, common: CommonLibrary.load(nextTo: path))
    }

    /// The file is not UTF-8: said at the first byte that is not, with the line it is on.
    public static func notUTF8(_ data: Data, file: String) -> Diagnostic {
        let place = SourceText.firstInvalidUTF8(in: data) ?? (line: 1, column: 1)
        // The line as far as it can be read, to show under the message.
        let lines = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        let line = place.line <= lines.count ? String(lines[place.line - 1]) : nil
        return Diagnostic(
            .yamlSyntax, "this file is not UTF-8 text: the byte here is not a letter in UTF-8", at: SourceLocation(file: file, line: place.line, column: place.column),
            sourceLine: line, help: "save the file as UTF-8 (in the editor's \"Save As\" or encoding menu), then check the letters on this line")
    }

    /// Loads and checks dialogue text; `file` names it in diagnostics.
    /// `common` is the folder's `common.yaml` (`CommonLibrary.load(nextTo:)`), for `{common.NAME}`
    /// and shared `choices:`.
    public static func load(text: String, file: String, common: CommonLibrary? = nil) -> Result {
        let reader = YAMLReader(source: SourceText(file: file, text: text))
        guard let root = reader.compose(text) else {
            if reader.diagnostics.isEmpty {
                reader.report(.missingKey, "this file is empty; a dialogue starts with \"dialogue: its-id\"", at: SourceLocation(file: file, line: 1, column: 1))
            }
            return Result(script: nil, diagnostics: reader.diagnostics.sorted(by: Diagnostic.byPlace))
        }
        var builder = Builder(reader: reader)
        builder.context.common = common
        let script = builder.script(root, hash: ContentHash.hex(of: text))
        var diagnostics = reader.diagnostics
        if let script {
            // Checked even when some steps could not be read, so every problem shows in one run.
            let partial = diagnostics.contains { $0.severity == .error }
            let unread = builder.context.allIDs.subtracting(script.steps.map(\.id))
            var checker = Checker(script: script, source: reader.source, unread: unread, partial: partial, unreadBranches: builder.context.unreadBranches)
            if let common, !builder.context.usedTexts.isEmpty, !common.sourceText.isEmpty {
                checker.common = SourceText(file: common.file, text: common.sourceText)
            }
            diagnostics += checker.run()
        }
        let hasErrors = diagnostics.contains { $0.severity == .error }
        return Result(script: hasErrors ? nil : script, diagnostics: diagnostics.sorted(by: Diagnostic.byPlace))
    }
}

extension Diagnostic {
    static func byPlace(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        (a.location.file, a.location.line, a.location.column) < (b.location.file, b.location.line, b.location.column)
    }
}

/// Builds the script model from nodes.
struct Builder {
    let reader: YAMLReader
    /// Shared choices and the steps read so far.
    let context = BuildContext()

    mutating func script(_ root: Node, hash: String) -> Script? {
        guard let top = reader.mapping(root, what: "the dialogue", allowed: ScriptLoader.topKeys, required: ["dialogue", "version", "title", "sections"]) else {
            return nil
        }
        let id = top["dialogue"].flatMap { reader.id($0.value, what: "the dialogue id") }
        if let id, let node = top["dialogue"]?.value {
            let base = URL(fileURLWithPath: reader.file).deletingPathExtension().lastPathComponent
            if base != id, reader.file.hasSuffix(".yaml") || reader.file.hasSuffix(".yml") {
                reader.report(.fileNameMismatch, .warning, "the dialogue id \"\(id)\" differs from the file name \"\(base)\"", at: reader.location(node), length: id.count, help: "name the file \(id).yaml so people can find it")
            }
        }
        let version = top["version"].flatMap { reader.int($0.value, what: "version") }
        if let version, version < 0, let n = top["version"]?.value {
            reader.report(.wrongValue, "version is \(version), but a version cannot be below 0", at: reader.location(n), length: String(version).count, help: "start at 1, and add one when questions change meaning")
        }
        let title = top["title"].flatMap { reader.string($0.value, what: "title") }
        let summary = top["summary"].flatMap { reader.string($0.value, what: "summary") } ?? ""
        let minutes = top["minutes"].flatMap { reader.int($0.value, what: "minutes") }
        if let minutes, minutes < 1, let n = top["minutes"]?.value {
            reader.report(.wrongValue, "minutes is \(minutes), but it says about how many minutes the dialogue takes, at least 1", at: reader.location(n), length: String(minutes).count,
                          help: "write a rough guess such as minutes: 10, or leave minutes: out")
        }
        let audience = top["audience"].map { terms($0.value, what: "audience", known: Vocabulary.audiences) } ?? []
        let serves = top["serves"].map { terms($0.value, what: "serves", known: Vocabulary.keyChallenges) } ?? []
        let intro = top["intro"].flatMap { entry in
            reader.string(entry.value, what: "intro").map { Template(context.expandCommon($0, reader: reader, at: reader.location(entry.value)).trimmingCharacters(in: .newlines)) }
        }

        context.allIDs = BuildContext.stepIDs(root)
        if let choices = top["choices"] { AnswerSpecReader(reader: reader, context: context).readChoices(choices.value) }
        var sections: [Section] = []
        if let list = top["sections"].flatMap({ reader.sequence($0.value, what: "sections") }) {
            if list.isEmpty, let n = top["sections"]?.value { reader.report(.wrongValue, "a dialogue needs at least one section", at: reader.location(n)) }
            for node in list { if let s = section(node) { sections.append(s) } }
        }
        for list in context.choices.values.sorted(by: { $0.name < $1.name }) where !context.used.contains(list.name) {
            reader.report(.unusedChoices, .warning, "no question uses the choices \"\(list.name)\"", at: list.location, length: list.name.count, help: "use them with options: \(list.name), or take them out")
        }
        guard let id, let version, let title else { return nil }
        return Script(
            id: id, version: version, title: title, summary: summary, audience: audience, minutes: minutes,
            serves: serves, intro: intro, sections: sections, file: reader.file, contentHash: sharedHash(hash),
            location: reader.location(root))
    }

    /// The file's hash, with the shared words it used folded in (a changed shared text changes
    /// the dialogue, as far as saved plans are concerned).
    func sharedHash(_ hash: String) -> String {
        guard let common = context.common, !(context.usedTexts.isEmpty && context.usedCommonChoices.isEmpty) else { return hash }
        return ContentHash.hex(of: hash + "\u{1F}" + common.fingerprint(texts: Array(context.usedTexts), choices: Array(context.usedCommonChoices)))
    }

    func terms(_ node: Node, what: String, known: [String]) -> [String] {
        let items: [Node]
        if case .scalar = node { items = [node] } else { items = reader.sequence(node, what: what) ?? [] }
        return items.compactMap { item in
            guard let s = reader.string(item, what: "an item of \(what)") else { return nil }
            if !known.contains(s) {
                let hint = Suggest.closest(to: s, in: known).map { "did you mean \"\($0)\"?" } ?? "known: \(known.joined(separator: ", "))"
                reader.report(.unknownTerm, .warning, "\(what) names \"\(s)\", which I do not know", at: reader.location(item), length: s.count, help: hint)
            }
            return s
        }
    }

    func section(_ node: Node) -> Section? {
        guard let map = reader.mapping(node, what: "a section", allowed: ScriptLoader.sectionKeys, required: ["id", "title", "steps"]) else { return nil }
        let id = map["id"].flatMap { reader.id($0.value, what: "a section id") }
        let title = map["title"].flatMap { reader.string($0.value, what: "a section title") }
        var steps: [Step] = []
        if let list = map["steps"].flatMap({ reader.sequence($0.value, what: "steps") }) {
            if list.isEmpty, let n = map["steps"]?.value { reader.report(.wrongValue, "a section needs at least one step", at: reader.location(n)) }
            for item in list { if let s = step(item, section: id ?? "") { steps.append(s) } }
        }
        guard let id, let title else { return nil }
        return Section(id: id, title: title, steps: steps, location: reader.location(node))
    }

    func template(_ entry: (key: Node, value: Node)?, what: String) -> Template? {
        entry.flatMap { entry in
            reader.string(entry.value, what: what).map { Template(context.expandCommon($0, reader: reader, at: reader.location(entry.value)).trimmedWhitespaceAndNewlines) }
        }
    }

    func step(_ node: Node, section: String) -> Step? {
        guard let map = reader.mapping(node, what: "a step", allowed: ScriptLoader.stepKeys, required: ["id"]) else { return nil }
        let id = map["id"].flatMap { reader.id($0.value, what: "a step id") }
        let when = map["when"].flatMap { condition($0.value, what: "when") }
        let next = map["next"].map { branches($0.value, step: id) } ?? []
        let content: Step.Content?
        if let say = map["say"] {
            for key in ["ask", "answer", "hint", "why", "required", "optional", "action", "who", "start-with", "check", "message"] + AnswerSpecReader.optionKeys where map[key] != nil {
                reader.report(.wrongValue, "a say: step shows a message and takes no \"\(key):\"", at: reader.location(map[key]!.key), length: key.count, help: "make it a question with ask: and answer:, or remove \"\(key):\"")
            }
            content = template(say, what: "say").map { .say($0) }
        } else if let ask = map["ask"] {
            guard let answerNode = map["answer"] else {
                reader.report(.missingKey, "the question \"\(id ?? "?")\" needs an \"answer:\" (one of \(AnswerKind.allCases.map(\.rawValue).joined(separator: ", ")))", at: reader.location(ask.key), length: 3)
                return nil
            }
            guard let spec = AnswerSpecReader(reader: reader, context: context).spec(answerNode.value, keys: map, allowRecords: true) else { return nil }
            let optionsFrom = map["options"].flatMap { AnswerSpecReader.fromReference($0.value)?.id }
            let prompt = template(ask, what: "ask")
            let required = map["required"].flatMap { reader.bool($0.value, what: "required") } ?? false
            if required, let optional = map["optional"].flatMap({ reader.bool($0.value, what: "optional") }), optional {
                reader.report(.wrongValue, "a question cannot be both required and optional", at: reader.location(map["optional"]!.key), length: 8)
            }
            var action: Question.Action?
            if let a = map["action"], let s = reader.string(a.value, what: "action") {
                action = Question.Action(rawValue: s)
                if action == nil {
                    reader.report(.wrongValue, "action: \"\(s)\" is not known; the only action is \"export\"", at: reader.location(a.value), length: s.count)
                } else if spec.kind != .yesNo {
                    reader.report(.badAnswerOptions, "action: export belongs on a yes-no question", at: reader.location(a.key), length: 6)
                }
            }
            var who = Question.Who.group
            if let w = map["who"], let s = reader.string(w.value, what: "who") {
                if let value = Question.Who(rawValue: s) {
                    who = value
                    if value == .everyone, spec.kind == .list || spec.kind == .records {
                        reader.report(.everyoneAnswer, "who: everyone works with answers on one line, not with \(spec.kind.rawValue)", at: reader.location(w.key), length: 3, help: "ask for text, or leave out who: so the group gives one \(spec.kind.rawValue) together")
                    }
                } else {
                    let hint = Suggest.closest(to: s, in: Question.Who.allCases.map(\.rawValue)).map { "did you mean \"\($0)\"?" }
                    reader.report(.wrongValue, "who: \"\(s)\" is not known; it is \"group\" (one answer for the group, the default) or \"everyone\" (each person answers)", at: reader.location(w.value), length: s.count, help: hint)
                }
            }
            let startWith = map["start-with"].flatMap { StartWithReader(reader: reader).read($0, spec: spec) }
            let rules = rules(map, stepID: id)
            content = prompt.map {
                .ask(Question(
                    prompt: $0, answer: spec, hint: template(map["hint"], what: "hint"), why: template(map["why"], what: "why"), required: required,
                    action: action, who: who, startWith: startWith, optionsFrom: optionsFrom, rules: rules))
            }
        } else {
            reader.report(.missingKey, "the step \"\(id ?? "?")\" needs \"ask:\" (a question) or \"say:\" (a message)", at: reader.location(node))
            return nil
        }
        guard let id, let content else { return nil }
        let step = Step(id: id, sectionID: section, content: content, when: when, next: next, location: reader.location(node))
        if context.earlier[id] == nil { context.earlier[id] = step }
        return step
    }

    func condition(_ node: Node, what: String) -> Located<Expression>? {
        guard let text = reader.string(node, what: what) else { return nil }
        let start = reader.textStart(node)
        let places = ScalarPlaces.places(of: node, in: reader.source) ?? []
        do {
            return Located(try Expression.parse(text), at: start, text: text, places: places)
        } catch {
            let loc = Located((), at: start, text: text, places: places).location(at: error.offset)
            reader.report(.expressionSyntax, "I cannot read this condition: \(error.message)", at: loc)
            return nil
        }
    }

    func branches(_ node: Node, step: String?) -> [Branch] {
        guard let list = reader.sequence(node, what: "next") else { return [] }
        if list.isEmpty { reader.report(.noWayOn, "next: is empty, so this step has no way on", at: reader.location(node), help: "add a branch such as \"- go: end\", or remove next:") }
        return list.compactMap { item in
            guard let map = reader.mapping(item, what: "a next: branch", allowed: ["if", "go"]) else {
                if let step { context.unreadBranches.insert(step) }
                return nil
            }
            guard let go = map["go"] else {
                reader.report(.noWayOn, "this branch has no \"go:\", so it leads nowhere", at: reader.location(item), help: "add go: with a step id, or go: end")
                if let step { context.unreadBranches.insert(step) }
                return nil
            }
            guard let target = reader.string(go.value, what: "go") else {
                if let step { context.unreadBranches.insert(step) }
                return nil
            }
            let cond = map["if"].flatMap { condition($0.value, what: "if") }
            return Branch(condition: cond, target: Located(target, at: reader.location(go.value), text: target))
        }
    }
}

/// The fixed words of `audience:` and `serves:`.
public enum Vocabulary {
    public static let audiences = ["person", "family", "friend", "carer", "staff", "group"]
    /// ImROC's 10 Key Challenges, as ids.
    public static let keyChallenges = [
        "coproduced-learning", "recovery-colleges", "leadership-and-culture", "personalisation-and-choice",
        "reducing-restrictive-practice", "coproduction", "workforce-and-peer-support", "staff-wellbeing",
        "life-goals", "recovery-focused-conversations",
    ]
}

/// A short, stable fingerprint of a dialogue file's text (FNV-1a, 64 bits): tells whether a dialogue changed.
enum ContentHash {
    static func hex(of text: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in text.utf8 {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01b3
        }
        let s = String(h, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
