/// How an answer reads to people, in text and in exports.
public enum AnswerText {
    /// On one line: labels for options, spoken dates, "; " between items.
    public static func inline(_ value: AnswerValue, spec: AnswerSpec) -> String {
        switch value {
        case .text(let s): return s
        case .list(let items): return items.joined(separator: "; ")
        case .choice(let key): return label(key, spec)
        case .choices(let keys): return keys.map { label($0, spec) }.joined(separator: "; ")
        case .bool(let b): return b ? "Yes" : "No"
        case .number(let n):
            if case .scale(let range, let labels) = spec {
                let base = "\(n.formatted) out of \(range.upperBound)"
                return Int(exactly: n).flatMap { labels[$0] }.map { "\(base) (\($0))" } ?? base
            }
            return n.formatted
        case .date(let d): return d.spoken
        case .records(let records):
            guard case .records(let fields, _, _) = spec else { return "\(records.count) entries" }
            return records.map { record(in: $0, fields: fields) }.joined(separator: "; ")
        case .views(let views):
            return views.map { view($0, spec: spec) }.joined(separator: "; ")
        }
    }

    /// Each entry of an answer with more than one (list items, chosen options, records, a group's
    /// answers), as `inline` writes it; nil for an answer of one entry.
    public static func entries(_ value: AnswerValue, spec: AnswerSpec) -> [String]? {
        let entries: [String]
        switch value {
        case .list(let items): entries = items
        case .choices(let keys): entries = keys.map { label($0, spec) }
        case .records(let records):
            guard case .records(let fields, _, _) = spec else { return nil }
            entries = records.map { record(in: $0, fields: fields) }
        case .views(let views): entries = views.map { view($0, spec: spec) }
        case .text, .choice, .bool, .number, .date: return nil
        }
        return entries.count > 1 ? entries : nil
    }

    /// One person's answer in a group: "Asha: Weekly" ("Asha: passed" when they did not answer).
    public static func view(_ view: AnswerValue.View, spec: AnswerSpec) -> String {
        "\(view.name): \(view.value.map { inline($0, spec: spec) } ?? "passed")"
    }

    /// One record on one line: "Sam, 07700 900123".
    public static func record(in record: AnswerValue.Record, fields: [Field]) -> String {
        fields.compactMap { f in record[f.id].map { inline($0, spec: f.answer) } }.joined(separator: ", ")
    }

    static func label(_ key: String, _ spec: AnswerSpec) -> String {
        spec.options.first { $0.key == key }?.label ?? key
    }
}
