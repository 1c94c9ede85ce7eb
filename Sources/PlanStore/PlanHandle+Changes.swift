import DialogueEngine
import Foundation

extension PlanHandle {
    /// A change as it applies under `script`, which may be newer than the plan.
    ///
    /// - An answer that no longer fits its question (the answer type or the options changed) becomes
    ///   `.cleared`, so the question is asked again.
    /// - A list or records draft that no longer fits its question is dropped.
    /// - Changes to steps the script no longer has are kept as they are (they show as earlier answers).
    static func fitted(_ change: Change, to script: Script) -> Change {
        switch change {
        case .answered(let step, let value):
            guard let spec = script.step(step)?.question?.answer else { return change }
            return fits(value, spec) ? change : .cleared(step: step)
        case .skipped(let step):
            guard let s = script.step(step) else { return change }
            return s.question == nil ? .cleared(step: step) : change
        case .draft(let step, let draft?):
            guard let s = script.step(step) else { return change }
            return draftFits(draft, s.question?.answer) ? change : .draft(step: step, value: nil)
        case .cleared, .draft(_, nil):
            return change
        }
    }

    /// `AnswerValue.fits`, and every field of every record fitting its field too.
    static func fits(_ value: AnswerValue, _ spec: AnswerSpec) -> Bool {
        guard value.fits(spec) else { return false }
        if case .records(let records) = value, case .records(let fields, _, _) = spec {
            let specs = Dictionary(fields.map { ($0.id, $0.answer) }, uniquingKeysWith: { a, _ in a })
            return records.allSatisfy { record in
                record.allSatisfy { field, v in specs[field].map { fits(v, $0) } ?? true }
            }
        }
        return true
    }

    static func draftFits(_ draft: Draft, _ spec: AnswerSpec?) -> Bool {
        switch spec {
        case .list?:
            return draft.records.isEmpty && draft.partial.isEmpty && draft.fieldIndex == 0
        case .records(let fields, _, _)?:
            guard draft.items.isEmpty, draft.fieldIndex >= 0, draft.fieldIndex < max(1, fields.count) else { return false }
            let specs = Dictionary(fields.map { ($0.id, $0.answer) }, uniquingKeysWith: { a, _ in a })
            let recordsFit = draft.records.allSatisfy { r in r.allSatisfy { f, v in specs[f].map { fits(v, $0) } ?? true } }
            let partialFits = draft.partial.allSatisfy { f, v in specs[f].map { fits(v, $0) || v == .text("") } ?? false }
            return recordsFit && partialFits
        default:
            return false
        }
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
    private static let decoder = JSONDecoder()

    static func encode(_ change: Change) throws -> String {
        String(decoding: try encoder.encode(change), as: UTF8.self)
    }

    /// A journaled change. One that this Tandem cannot read was written by a newer Tandem.
    static func decode(_ json: String, path: String) throws -> Change {
        do {
            return try decoder.decode(Change.self, from: Data(json.utf8))
        } catch {
            throw StoreError.newerVersion(path)
        }
    }
}
