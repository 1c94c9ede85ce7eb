import DialogueEngine
import Foundation
import TandemStore

/// How the SQLite store writes a change: one JSON object per row of `event`.
enum ChangeCoding {
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
    private static let decoder = JSONDecoder()

    /// The JSON of a change, as `Change`'s `Codable` conformance reads it. The changes of almost
    /// every turn (an answer of a plain kind, a skip, a clear) are written directly, which costs a
    /// small part of what `JSONEncoder` does (this runs for every answer a server keeps); the
    /// others go through `JSONEncoder`.
    /// A seat code is written as its hash (`SeatHash`), never as typed.
    static func encode(_ change: Change) throws -> String {
        if let direct = direct(change) { return direct.serialized() }
        return String(decoding: try encoder.encode(SeatHash.kept(change)), as: UTF8.self)
    }

    /// `change` as the synthesized coding of `Change` writes it, when it is of a plain kind.
    static func direct(_ change: Change) -> JSONValue? {
        switch change {
        case .answered(let step, let value):
            guard let value = direct(value) else { return nil }
            return .object([("answered", .object([("step", .string(step)), ("value", value)]))])
        case .skipped(let step):
            return .object([("skipped", .object([("step", .string(step))]))])
        case .cleared(let step):
            return .object([("cleared", .object([("step", .string(step))]))])
        case .draft(let step, nil):
            return .object([("draft", .object([("step", .string(step))]))])
        case .draft(let step, let draft?):
            // A list being typed is written down at every line: the common case by far.
            guard let draft = direct(draft) else { return nil }
            return .object([("draft", .object([("step", .string(step)), ("value", draft)]))])
        case .held, .seated, .hosted:
            return nil
        }
    }

    /// A draft as its synthesized coding writes it (keys sorted, as the encoder is set to).
    static func direct(_ draft: Draft) -> JSONValue? {
        var records: [JSONValue] = []
        for record in draft.records {
            guard let r = direct(record) else { return nil }
            records.append(r)
        }
        guard let partial = direct(draft.partial) else { return nil }
        return .object([
            ("fieldIndex", .number(Double(draft.fieldIndex))), ("items", .array(draft.items.map(JSONValue.string))),
            ("partial", partial), ("records", .array(records)),
        ])
    }

    /// A record (field to answer), its keys sorted.
    static func direct(_ record: AnswerValue.Record) -> JSONValue? {
        var members: [(key: String, value: JSONValue)] = []
        for key in record.keys.sorted() {
            guard let value = direct(record[key]!) else { return nil }
            members.append((key, value))
        }
        return .object(members)
    }

    /// An answer as `AnswerValue.encode(to:)` writes it: `{"type": KIND, "value": VALUE}`.
    static func direct(_ value: AnswerValue) -> JSONValue? {
        let kind: String, inner: JSONValue
        switch value {
        case .text(let s): (kind, inner) = ("text", .string(s))
        case .list(let items): (kind, inner) = ("list", .array(items.map(JSONValue.string)))
        case .choice(let key): (kind, inner) = ("choice", .string(key))
        case .choices(let keys): (kind, inner) = ("choices", .array(keys.map(JSONValue.string)))
        case .bool(let b): (kind, inner) = ("bool", .bool(b))
        case .number(let n):
            guard n.isFinite else { return nil }
            (kind, inner) = ("number", .number(n))
        case .date(let date): (kind, inner) = ("date", .string(date.iso))
        case .records(let records):
            var out: [JSONValue] = []
            for record in records {
                guard let r = direct(record) else { return nil }
                out.append(r)
            }
            (kind, inner) = ("records", .array(out))
        case .views:
            return nil
        }
        return .object([("type", .string(kind)), ("value", inner)])
    }

    /// A journaled change. One that this Tandem cannot read was written by a newer Tandem.
    /// A seat code written as typed (before they were hashed) is read as its hash, as every later
    /// row has it, so the plan's seats are all alike (`HeldAnswer.samePerson`, `Room.seatsGiven`).
    static func decode(_ json: String, path: String) throws(StoreError) -> Change {
        do {
            return SeatHash.kept(try decoder.decode(Change.self, from: Data(json.utf8)))
        } catch {
            throw StoreError.newerVersion(path)
        }
    }
}
