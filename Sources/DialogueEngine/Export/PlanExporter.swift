import Foundation

/// Facts about a saved plan that the conversation itself does not hold.
public struct PlanInfo: Sendable, Equatable {
    public var id: String?
    /// The code that resumes the plan, when a store keeps it.
    public var code: String?
    public var created: Date?
    public var updated: Date?
    public init(id: String? = nil, code: String? = nil, created: Date? = nil, updated: Date? = nil) {
        self.id = id
        self.code = code
        self.created = created
        self.updated = updated
    }
}

/// Renders a plan as print-ready text, Markdown, or versioned JSON. Documented in docs/export.md.
public struct PlanExporter {
    public var conversation: Conversation
    public var info: PlanInfo
    /// Support contacts at the end of every format (a `support` object in JSON), so a printed or
    /// shared plan always carries them.
    public var support: SupportDirectory?
    public var width = 72

    public init(conversation: Conversation, info: PlanInfo = PlanInfo(), support: SupportDirectory? = nil) {
        self.conversation = conversation
        self.info = info
        self.support = support
    }

    public func render(_ format: ExportFormat) -> String {
        switch format {
        case .text: text()
        case .markdown: markdown()
        case .json: json()
        }
    }

    var script: Script { conversation.script }

    /// The plan's entries (``Conversation/plan``), worked out once for each rendering: it walks the
    /// whole dialogue.
    typealias Entries = [(step: Step, value: AnswerValue?)]

    /// The person's name, from a text question with the id `name`.
    func personName(_ plan: Entries) -> String? {
        if case .text(let s)? = conversation.state.answers["name"], plan.contains(where: { $0.step.id == "name" }) { return s }
        return nil
    }

    /// The review date: the last date question whose id mentions "review".
    func reviewDate(_ plan: Entries) -> SimpleDate? {
        for entry in plan.reversed() where entry.step.id.containsBytes("review") {
            if case .date(let d)? = entry.value { return d }
        }
        return nil
    }

    static func day(_ date: Date?) -> String? {
        date.map { SimpleDate($0).spoken }
    }

    /// Sections with the plan's entries, in order. The question that offers to show the plan is left out of it.
    func sections(_ all: Entries) -> [(Section, Entries)] {
        let plan = all.filter { $0.step.question?.action != .export }
        return script.sections.compactMap { section in
            let entries = plan.filter { $0.step.sectionID == section.id }
            return entries.isEmpty ? nil : (section, entries)
        }
    }

    // MARK: Text

    public func text() -> String {
        let plan = conversation.plan
        let title = Sanitize.line(script.title)
        var lines: [String] = [title, String.repeating(ascii: UInt8(ascii: "="), count: min(width, title.count))]
        if let name = personName(plan) { lines.append("A plan for: \(Sanitize.line(name))") }
        if let made = Self.day(info.created) { lines.append("Made: \(made)") }
        if let changed = Self.day(info.updated) { lines.append("Last changed: \(changed)") }
        if let review = reviewDate(plan) { lines.append("Look at it again by: \(review.spoken)") }
        if !conversation.isFinished { lines.append("This plan is not finished yet.") }
        for (section, entries) in sections(plan) {
            let title = Sanitize.line(section.title)
            lines += ["", title, String.repeating(ascii: UInt8(ascii: "-"), count: min(width, title.count))]
            for (step, value) in entries {
                let q = step.question!
                lines += wrap(conversation.render(q.prompt) ?? "")
                lines += textAnswer(value, spec: q.answer)
                lines.append("")
            }
            if lines.last == "" { lines.removeLast() }
        }
        lines += earlierText()
        if let support {
            lines += Self.contactLines.lines(ContactsShown(title: support.title, areas: support.areas), width: width) { contactsText(support) }
        }
        return Sanitize.text(lines.joined(separator: "\n")) + "\n"
    }

    /// The contacts at the end of a plan shown as text: the same for every plan at one width.
    func contactsText(_ support: SupportDirectory) -> [String] {
        let title = Sanitize.line(support.title)
        var lines = ["", title, String.repeating(ascii: UInt8(ascii: "-"), count: min(width, title.count))]
        for area in support.areas {
            lines.append(Sanitize.line(area.title) + ":")
            for c in area.contacts {
                lines += Wrap.keepingNumbers(Sanitize.text("\(c.name): \(c.reach).\(c.note.map { " " + $0 } ?? "")"), width: width, indent: "    ", firstIndent: "  ")
            }
        }
        return lines
    }

    /// What ``contactsText(_:)`` is made from.
    struct ContactsShown: Equatable, Sendable {
        var title: String
        var areas: [SupportDirectory.Area]
    }

    /// Every plan shown as text ends with the contacts, and wrapping them was a quarter of the work.
    static let contactLines = KeptLines<ContactsShown>()

    /// Text wrapped at the export's width, cleaned first (`Sanitize`): an escape sequence is taken
    /// out whole before the text is cut into words, and never counts towards a line's width.
    /// Wrapped at the export's width, and a word longer than a line (words written without spaces,
    /// a web address) cut at it: an export is for printing.
    func wrap(_ text: String, indent: String = "", first: String? = nil) -> [String] {
        Wrap.cut(Wrap.lines(Sanitize.text(text), width: width, indent: indent, firstIndent: first), width: width, indent: indent)
    }

    func textAnswer(_ value: AnswerValue?, spec: AnswerSpec) -> [String] {
        guard let value else { return ["  (not answered yet)"] }
        switch value {
        case .list(let items):
            return items.flatMap { wrap($0, indent: "    ", first: "  - ") }
        case .choices:
            return spec.options.filter { o in if case .choices(let k) = value { return k.contains(o.key) } else { return false } }
                .flatMap { wrap($0.label, indent: "    ", first: "  - ") }
        case .records(let records):
            guard case .records(let fields, _, _) = spec else { return [] }
            let out = records.enumerated().flatMap { n, record in textRecord(record, fields: fields, number: n + 1) }
            return out.isEmpty ? ["  (none)"] : out
        case .views(let views):
            return views.flatMap { wrap(AnswerText.view($0, spec: spec), indent: "    ", first: "  - ") }
        case .text, .choice, .bool, .number, .date:
            return wrap(AnswerText.inline(value, spec: spec), indent: "  ", first: "  ")
        }
    }

    /// One record: its first field on the numbered line, each further field on a line of its own
    /// after that field's question, so a printed plan says what each part is ("Who will do it?
    /// Jo", "By when? Friday 11 December 2026"), as the Markdown table's headings do.
    func textRecord(_ record: AnswerValue.Record, fields: [Field], number: Int) -> [String] {
        // A field left blank says nothing.
        let given = fields.compactMap { f in record[f.id].map { (f, AnswerText.inline($0, spec: f.answer)) } }.filter { !$0.1.isEmpty }
        guard let (_, first) = given.first else { return [] }
        return wrap(first, indent: "     ", first: "  \(number). ")
            + given.dropFirst().flatMap { f, value in
                // "Who will do it? Jo"; a field asked without a question mark: "How to reach them: 07700".
                let asked = Template.tidy(conversation.render(f.prompt) ?? f.id)
                let joint = asked.last.map { "?:.".contains($0) } == true ? " " : ": "
                return wrap(asked + joint + value, indent: "       ", first: "     ")
            }
    }

    func earlierText() -> [String] {
        let earlier = conversation.earlierAnswers
        guard !earlier.isEmpty else { return [] }
        var lines = ["", "Earlier answers", "---------------", "(These questions are no longer in this plan.)"]
        for (step, value) in earlier {
            lines.append(Sanitize.line("\(step): \(Self.plain(value))"))
        }
        return lines
    }

    static func plain(_ value: AnswerValue) -> String {
        switch value {
        case .text(let s), .choice(let s): s
        case .list(let l), .choices(let l): l.joined(separator: "; ")
        case .bool(let b): b ? "Yes" : "No"
        case .number(let n): n.formatted
        case .date(let d): d.spoken
        case .records(let r): r.map { $0.sorted { $0.key < $1.key }.map { "\($0.key): \(plain($0.value))" }.joined(separator: ", ") }.joined(separator: "; ")
        case .views(let v): v.map { "\($0.name): \($0.value.map(plain) ?? "passed")" }.joined(separator: "; ")
        }
    }

    // MARK: Markdown

    public func markdown() -> String {
        let plan = conversation.plan
        var lines: [String] = ["# \(md(script.title))", ""]
        var facts: [String] = []
        if let name = personName(plan) { facts.append("- **A plan for:** \(md(name))") }
        if let made = Self.day(info.created) { facts.append("- **Made:** \(made)") }
        if let changed = Self.day(info.updated) { facts.append("- **Last changed:** \(changed)") }
        if let review = reviewDate(plan) { facts.append("- **Look at it again by:** \(review.spoken)") }
        if !conversation.isFinished { facts.append("- *This plan is not finished yet.*") }
        if !facts.isEmpty { lines += facts + [""] }
        for (section, entries) in sections(plan) {
            lines += ["## \(md(section.title))", ""]
            for (step, value) in entries {
                let q = step.question!
                lines += ["**\(md(conversation.render(q.prompt) ?? ""))**", ""]
                lines += markdownAnswer(value, spec: q.answer) + [""]
            }
        }
        let earlier = conversation.earlierAnswers
        if !earlier.isEmpty {
            lines += ["## Earlier answers", "", "*These questions are no longer in this plan.*", ""]
            lines += earlier.map { "- **\($0.step):** \(md(Self.plain($0.value)))" } + [""]
        }
        if let support {
            lines += ["## \(md(support.title))", ""]
            for area in support.areas {
                lines += ["**\(md(area.title))**", ""]
                lines += area.contacts.map { "- \(md($0.name)): \(md($0.reach)).\($0.note.map { " " + md($0) } ?? "")" } + [""]
            }
        }
        while lines.last == "" { lines.removeLast() }
        return Sanitize.text(lines.joined(separator: "\n")) + "\n"
    }

    func markdownAnswer(_ value: AnswerValue?, spec: AnswerSpec) -> [String] {
        guard let value else { return ["*Not answered yet.*"] }
        switch value {
        case .list(let items): return items.map { "- \(md($0))" }
        case .choices(let keys): return keys.map { "- \(md(AnswerText.label($0, spec)))" }
        case .views(let views): return views.map { "- \(md(AnswerText.view($0, spec: spec)))" }
        case .records(let records):
            guard case .records(let fields, _, _) = spec, !records.isEmpty else { return ["*None.*"] }
            var rows = ["| " + fields.map { md(Template.tidy(conversation.render($0.prompt) ?? $0.id)) }.joined(separator: " | ") + " |"]
            rows.append("|" + fields.map { _ in " --- |" }.joined())
            for r in records {
                rows.append("| " + fields.map { f in r[f.id].map { md(AnswerText.inline($0, spec: f.answer)) } ?? "" }.joined(separator: " | ") + " |")
            }
            return rows
        case .text, .choice, .bool, .number, .date: return [md(AnswerText.inline(value, spec: spec))]
        }
    }

    /// Cleaned (`Sanitize`), then the characters Markdown would read as formatting escaped: cleaned
    /// first, so no part of an escape sequence is left behind as text. See ``Self/markdownEscaped(_:)``.
    func md(_ s: String) -> String { Self.markdownEscaped(Sanitize.text(s)) }

    /// Text that Markdown (CommonMark, GitHub's) shows as typed, on one line:
    /// - anywhere, the characters that start formatting are escaped with a backslash: emphasis and
    ///   strike-through (`* _ ~`), code (`` ` ``), links and pictures (`[ ] !`... the `[` is enough),
    ///   HTML (`< >`) and entities (an `&` that begins one, as `&amp;` does), headings (`#`), table
    ///   cells (`|`), and the backslash itself;
    /// - at the start, what would begin a block: a list's `-`, `+` or `1.`/`1)`, a rule or a
    ///   heading's underline (`---`, `===`), a quote (`>`, escaped anyway), and leading spaces (an
    ///   indented code block), which are dropped;
    /// - line breaks become spaces, so one answer never ends the paragraph, list or table it is in.
    static func markdownEscaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        let chars = Array(text.drop(while: { $0 == " " || $0 == "\t" }))
        for (i, c) in chars.enumerated() {
            if i == 0, "-+=".contains(c) { out.append("\\") }
            if "\\`*_[]<>#|~".contains(c) || c == "&" && startsEntity(chars, after: i) { out.append("\\") }
            // "1. first" or "12) first" at the start: the number's dot or bracket escaped.
            if c == "." || c == ")", i > 0, i <= 9, chars[..<i].allSatisfy(\.isASCIIDigit) { out.append("\\") }
            out.append(c == "\n" || c == "\r" ? " " : c)
        }
        return out
    }

    /// `&copy;`, `&#169;`, `&#xA9;`: what Markdown would show as one character. "A&E" is not one.
    private static func startsEntity(_ chars: [Character], after i: Int) -> Bool {
        var j = i + 1
        while j < chars.count, j - i <= 32, chars[j].isASCII, chars[j].isLetter || chars[j].isNumber || chars[j] == "#" { j += 1 }
        return j > i + 1 && j < chars.count && chars[j] == ";"
    }

    // MARK: JSON

    public func json() -> String {
        let plan = conversation.plan
        var root: [String: Any] = [
            "format": "tandem-plan",
            "formatVersion": 1,
            "dialogue": ["id": script.id, "version": script.version, "title": script.title, "contentHash": script.contentHash],
            "finished": conversation.isFinished,
        ]
        let iso = ISO8601DateFormatter()
        if let id = info.id { root["plan"] = id }
        if let c = info.created { root["created"] = iso.string(from: c) }
        if let u = info.updated { root["updated"] = iso.string(from: u) }
        var answers: [String: Any] = [:]
        var order: [String] = []
        var skipped: [String] = []
        for (section, entries) in sections(plan) {
            for (step, value) in entries {
                order.append(step.id)
                let q = step.question!
                var entry: [String: Any] = ["section": section.id, "question": conversation.render(q.prompt) ?? "", "type": q.answer.kind.rawValue]
                // A score means nothing to another system without its scale: 1 of 10 or 1 of 5,
                // and which end is good (the text export says "1 out of 10 (very hard)").
                if case .scale(let range, let scaleLabels) = q.answer {
                    entry["range"] = [range.lowerBound, range.upperBound]
                    if !scaleLabels.isEmpty {
                        entry["scaleLabels"] = Dictionary(uniqueKeysWithValues: scaleLabels.map { (String($0.key), $0.value) })
                    }
                }
                if let value {
                    entry["value"] = jsonValue(value, spec: q.answer)
                    entry.merge(labels(value, spec: q.answer)) { a, _ in a }
                    if case .views = value { entry["who"] = "everyone" }
                } else {
                    entry["value"] = NSNull()
                    skipped.append(step.id)
                }
                answers[step.id] = entry
            }
        }
        root["answers"] = answers
        root["order"] = order
        root["skipped"] = skipped
        let earlier = conversation.earlierAnswers
        if !earlier.isEmpty {
            root["earlierAnswers"] = Dictionary(uniqueKeysWithValues: earlier.map { ($0.step, jsonValue($0.value, spec: nil)) })
        }
        if let support { root["support"] = Self.json(support) }
        let data = (try? JSONSerialization.data(withJSONObject: Self.cleaned(root), options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Every string in a JSON tree (keys too) cleaned (`Sanitize`). It must happen before the
    /// tree is written: JSON writes a control character as an escape (`\u001b`), which cleaning
    /// the written text would not see, and a program reading the file would get the control back.
    static func cleaned(_ value: Any) -> Any {
        switch value {
        case let s as String: Sanitize.text(s)
        case let array as [Any]: array.map(cleaned)
        case let object as [String: Any]:
            Dictionary(object.map { (Sanitize.text($0.key), cleaned($0.value)) }) { first, _ in first }
        default: value
        }
    }

    /// The support contacts, as in the line protocol's `support` object.
    static func json(_ support: SupportDirectory) -> [String: Any] {
        [
            "title": support.title, "intro": support.intro,
            "areas": support.areas.map { area -> [String: Any] in
                [
                    "id": area.id, "title": area.title,
                    "contacts": area.contacts.map { c -> [String: Any] in
                        var contact: [String: Any] = ["name": c.name, "reach": c.reach]
                        if let note = c.note { contact["note"] = note }
                        if let checked = c.checked { contact["checked"] = checked.iso }
                        if let source = c.source { contact["source"] = source }
                        return contact
                    },
                ]
            },
        ]
    }

    func jsonValue(_ value: AnswerValue, spec: AnswerSpec?) -> Any {
        switch value {
        case .text(let s), .choice(let s): return s
        case .list(let l), .choices(let l): return l
        case .bool(let b): return b
        case .number(let n): return n == n.rounded() && abs(n) < 1e15 ? Int(n) as Any : n as Any
        case .date(let d): return d.iso
        case .records(let records):
            var fieldSpecs: [String: AnswerSpec] = [:]
            if case .records(let fields, _, _)? = spec { for f in fields { fieldSpecs[f.id] = f.answer } }
            return records.map { r in r.mapValues { jsonValue($0, spec: nil) } }
        case .views(let views):
            // Each person's own answer, in the order given; a pass is null.
            return views.map { view -> [String: Any] in
                var entry: [String: Any] = ["name": view.name, "value": view.value.map { jsonValue($0, spec: spec) } ?? NSNull()]
                if let spec, let value = view.value { entry.merge(labels(value, spec: spec)) { a, _ in a } }
                return entry
            }
        }
    }

    /// The labels beside pick answers' keys.
    func labels(_ value: AnswerValue, spec: AnswerSpec) -> [String: Any] {
        switch value {
        case .choice(let k): ["label": AnswerText.label(k, spec)]
        case .choices(let ks): ["labels": ks.map { AnswerText.label($0, spec) }]
        case .text, .list, .bool, .number, .date, .records, .views: [:]
        }
    }
}
