import Foundation

/// Picking a saved plan up again: its changes replayed over the dialogue as it is now.
///
/// When the dialogue changed since the plan was saved, answers are kept by step id; an answer that
/// no longer fits its question is left out (the question is asked again); answers to removed steps
/// are kept (`Conversation.earlierAnswers`, "Earlier answers" in exports).
extension Conversation {
    public init(script: Script, replaying changes: [Change], today: SimpleDate) {
        var state = PlanState()
        for change in changes { state.apply(PlanReplay.fitted(change, to: script)) }
        self.init(script: script, state: state, today: today)
    }
}

/// How changes saved under one version of a dialogue apply under another.
public enum PlanReplay {
    /// A change as it applies under `script`, which may be newer than the plan.
    ///
    /// - An answer that no longer fits its question (the answer type or the options changed) becomes
    ///   `.cleared`, so the question is asked again.
    /// - A list or records draft that no longer fits its question is dropped.
    /// - Changes to steps the script no longer has are kept as they are (they show as earlier answers).
    public static func fitted(_ change: Change, to script: Script) -> Change {
        switch change {
        case .answered(let step, let value):
            guard let q = script.step(step)?.question else { return change }
            if q.optionsFrom != nil, q.answer.options.isEmpty {
                // Options from a list are its items, known only as the plan runs (the walk checks them).
                func shaped(_ v: AnswerValue) -> Bool {
                    switch (q.answer, v) {
                    case (.pickOne, .choice), (.pickMany, .choices): true
                    default: false
                    }
                }
                if shaped(value) { return change }
                // A group's own answers, one each (`who: everyone`), or none for someone who passed.
                if case .views(let views) = value, views.allSatisfy({ $0.value.map(shaped) ?? true }) { return change }
                return .cleared(step: step)
            }
            return fits(value, q.answer) ? change : .cleared(step: step)
        case .skipped(let step):
            guard let s = script.step(step) else { return change }
            return s.question == nil ? .cleared(step: step) : change
        case .draft(let step, let draft?):
            guard let s = script.step(step) else { return change }
            return draftFits(draft, s.question?.answer) ? change : .draft(step: step, value: nil)
        case .cleared, .draft(_, nil):
            return change
        case .held, .seated, .hosted:
            // Never part of the plan: a group room opened again holds only those that still fit
            // (`Room.restoreHeld`).
            return change
        }
    }

    /// Whether someone picking up a plan saved as `saved` (with `changes`) meets a change to its
    /// dialogue, now `script`: an answer that no longer fits and is asked again, a list being typed
    /// that is dropped, an answered question taken out or a new one before where they stopped (the
    /// questions answered or skipped on the way differ), or a new question after a finished plan.
    /// A change they cannot meet (new wording of a question already answered, a question or part
    /// added further on, a new choice) is not one: telling them "the questions have been updated"
    /// then only worries them. Nothing here reads the clock: the path does not depend on the day.
    public static func changeIsMet(_ changes: [Change], saved: PlanProgress, script: Script) -> Bool {
        guard saved.contentHash != script.contentHash else { return false }
        if changes.contains(where: { fitted($0, to: script) != $0 }) { return true }
        let now = PlanProgress(Conversation(script: script, replaying: changes, today: anyDay))
        return now.answered != saved.answered || now.skipped != saved.skipped || (saved.finished && !now.finished)
    }

    /// A day for a walk that does not read it.
    private static let anyDay = SimpleDate(year: 2026, month: 1, day: 1)!

    /// `AnswerValue.fits`, and every field of every record fitting its field too.
    public static func fits(_ value: AnswerValue, _ spec: AnswerSpec) -> Bool {
        guard value.fits(spec) else { return false }
        if case .records(let records) = value, case .records(let fields, _, _) = spec {
            let specs = Dictionary(fields.map { ($0.id, $0.answer) }, uniquingKeysWith: { a, _ in a })
            return records.allSatisfy { record in
                record.allSatisfy { field, v in specs[field].map { fits(v, $0) } ?? true }
            }
        }
        return true
    }

    public static func draftFits(_ draft: Draft, _ spec: AnswerSpec?) -> Bool {
        switch spec {
        case .list?:
            return draft.records.isEmpty && draft.partial.isEmpty && draft.fieldIndex == 0
        case .records(let fields, _, _)?:
            guard draft.items.isEmpty, draft.fieldIndex >= 0, draft.fieldIndex < max(1, fields.count) else { return false }
            let specs = Dictionary(fields.map { ($0.id, $0.answer) }, uniquingKeysWith: { a, _ in a })
            let recordsFit = draft.records.allSatisfy { r in r.allSatisfy { f, v in specs[f].map { fits(v, $0) } ?? true } }
            let partialFits = draft.partial.allSatisfy { f, v in specs[f].map { fits(v, $0) || v == .text("") } ?? false }
            return recordsFit && partialFits
        case .text?, .pickOne?, .pickMany?, .yesNo?, .number?, .scale?, .date?, nil:
            return false
        }
    }
}
