/// `tandem preview --watch`: carrying a conversation over to a new version of its dialogue file,
/// so an author sees their edit without answering everything again.
///
/// Answers are kept by step id (as when a saved plan is resumed: `PlanReplay`), except the answers
/// to steps whose text or rules changed, which are asked again; the conversation continues at the
/// first question without an answer, which is the first changed one when the edit came earlier
/// than where the author had got to.
public enum PreviewReload {
    /// Steps of `new` that differ from the step with the same id in `old`, or that `old` did not
    /// have, in the order of `new`. Where a step sits in the file (its line) does not count.
    public static func changedSteps(from old: Script, to new: Script) -> [String] {
        new.steps.filter { step in
            guard let before = old.step(step.id) else { return true }
            return fingerprint(before) != fingerprint(step)
        }.map(\.id)
    }

    /// The conversation over `script`: the answers, skips and unfinished lists of `conversation`,
    /// fitted to the new questions, with the steps that changed cleared.
    public static func carry(_ conversation: Conversation, to script: Script) -> (conversation: Conversation, changed: [String]) {
        let changed = changedSteps(from: conversation.script, to: script)
        let state = conversation.state
        var changes: [Change] = []
        for (step, value) in state.answers.sorted(by: { $0.key < $1.key }) { changes.append(.answered(step: step, value: value)) }
        for step in state.skipped.sorted() { changes.append(.skipped(step: step)) }
        for (step, draft) in state.drafts.sorted(by: { $0.key < $1.key }) { changes.append(.draft(step: step, value: draft)) }
        let changedSet = Set(changed)
        changes = changes.map { change in changedSet.contains(change.step) ? .cleared(step: change.step) : change }
        // Steps that are gone stay out of a preview: they would show as "earlier answers".
        changes.removeAll { script.step($0.step) == nil }
        return (Conversation(script: script, replaying: changes, today: conversation.today), changed)
    }

    /// What a step says and does, without where it is in the file.
    static func fingerprint(_ step: Step) -> String {
        var parts = [step.sectionID, step.when?.text ?? ""]
        parts += step.next.map { ($0.condition?.text ?? "") + "->" + $0.target.value }
        switch step.content {
        case .say(let text):
            parts.append("say:" + text.source)
        case .ask(let q):
            parts += ["ask:" + q.prompt.source, q.hint?.source ?? "", q.why?.source ?? "", "\(q.required)", q.action?.rawValue ?? "",
                      q.who.rawValue, q.optionsFrom ?? "", describe(q.answer),
                      q.rules.references.map { "\($0.key)=\($0.id)" }.joined(separator: ","), q.rules.check?.text ?? "", q.rules.message?.source ?? ""]
            if let start = q.startWith { parts.append("\(start)") }
        }
        return parts.joined(separator: "\u{1F}")
    }

    private static func describe(_ spec: AnswerSpec) -> String {
        switch spec {
        case .records(let fields, let min, let max):
            let each = fields.map { [$0.id, $0.prompt.source, $0.hint?.source ?? "", "\($0.required)", describe($0.answer)].joined(separator: "\u{1E}") }
            return "records \(min as Any) \(max as Any) " + each.joined(separator: "\u{1D}")
        case .scale(let range, let labels):
            return "scale \(range) " + labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
        default:
            return "\(spec)"
        }
    }
}

extension Change {
    /// The step a change is about ("" for a seat in a group room, which is about no step).
    var step: String {
        switch self {
        case .answered(let step, _), .skipped(let step), .cleared(let step), .draft(let step, _), .held(let step, _, _, _, _): step
        case .seated, .hosted: ""
        }
    }
}
