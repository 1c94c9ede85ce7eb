import Foundation
import Yams

/// Reads `start-with:`: the items a `list` or `records` answer begins with, already in the plan
/// (such as 999 and Samaritans in a list of who to contact). People add their own to them.
struct StartWithReader {
    let reader: YAMLReader

    /// The answer the question starts with, or nil (with diagnostics) when it cannot be used.
    func read(_ entry: (key: Node, value: Node), spec: AnswerSpec) -> AnswerValue? {
        switch spec {
        case .list(_, let max):
            guard let items = reader.sequence(entry.value, what: "start-with") else { return nil }
            let lines = items.compactMap { reader.string($0, what: "an item of start-with")?.trimmingCharacters(in: .whitespacesAndNewlines) }
            return checked(.list(lines), count: lines.count, max: max, at: entry.value)
        case .records(let fields, _, let max):
            guard let items = reader.sequence(entry.value, what: "start-with") else { return nil }
            var records: [AnswerValue.Record] = []
            for item in items {
                if let record = record(item, fields: fields) { records.append(record) }
            }
            return checked(.records(records), count: records.count, max: max, at: entry.value)
        default:
            reader.report(
                .badAnswerOptions, "start-with: fits only a list or records answer, not \(spec.kind.rawValue)", at: reader.location(entry.key), length: 10,
                help: "take start-with: out, or make the question a list")
            return nil
        }
    }

    private func checked(_ value: AnswerValue, count: Int, max: Int?, at node: Node) -> AnswerValue? {
        if count == 0 {
            reader.report(.wrongValue, "start-with: is empty", at: reader.location(node), help: "list the items the answer starts with, or take start-with: out")
            return nil
        }
        if let max, count >= max {
            reader.report(.badAnswerOptions, "start-with: has \(count) \(count == 1 ? "item" : "items") but max: is \(max), so people could add none of their own", at: reader.location(node), help: "raise max:, or start with fewer items")
        }
        return value
    }

    /// One record: a value for the first field at least, each read as its field's answer would be.
    private func record(_ node: Node, fields: [Field]) -> AnswerValue.Record? {
        guard let first = fields.first, let m = reader.mapping(node, what: "an item of start-with", allowed: fields.map(\.id), required: [first.id]) else { return nil }
        var record: AnswerValue.Record = [:]
        for field in fields {
            guard let entry = m[field.id], let text = reader.string(entry.value, what: field.id) else { continue }
            if case .date = field.answer {
                reader.report(.badAnswerOptions, "a date field cannot be filled in ahead", at: reader.location(entry.key), length: field.id.count, help: "leave \(field.id) out of start-with")
                continue
            }
            // Only dates depend on the day, so any day will do here.
            switch AnswerParser(today: SimpleDate(year: 2000, month: 1, day: 1)!).parse(text, as: field.answer) {
            case .value(let v): record[field.id] = v
            case .rejected(let why): reader.report(.wrongValue, "\(field.id): \"\(text)\" does not fit: \(why)", at: reader.location(entry.value), length: text.count)
            }
        }
        return record
    }
}
