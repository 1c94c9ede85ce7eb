/// Answers set aside, and brought back.
///
/// When a changed answer takes the path away from questions already answered ("Do you have people
/// who help you?" changed from yes to no), their answers leave the plan (`.cleared`), and the plan
/// state keeps them aside (`PlanState.setAside`). When a later change brings the path back past
/// those questions (the answer changed back to yes), the answers return, as they were, with a
/// notice: a mistyped "no" must not cost someone the list they wrote.
///
/// A returned answer is an ordinary `.answered` change, so the journal, a resumed plan and a host
/// watching all see it as such (`Disclosure` keeps private what was private when set aside).
extension Conversation {
    /// Takes out of the plan the answers (and drafts) of the steps before the frontier that the
    /// path no longer passes through. Returns how many answers went.
    mutating func dropOffPath(into turn: inout Turn) -> Int {
        // The steps read in place (see `Shared.read`): reading `script` while this method changes
        // `self` copied the whole script (every field retained) on every answer.
        let steps = scriptBox.read { $0.steps }
        let w = walk()
        let limit = w.frontier ?? steps.count
        // The steps before the frontier that the path does not pass through (a bitmap, not a Set:
        // this runs on every answer).
        var dropped = 0
        withUnsafeTemporaryAllocation(of: Bool.self, capacity: max(1, limit)) { onPath in
            onPath.initialize(repeating: false)
            for i in w.path where i < limit { onPath[i] = true }
            for i in 0..<limit where !onPath[i] {
                let step = steps[i]
                if state.isSettled(step.id) || state.drafts[step.id] != nil {
                    if state.answers[step.id] != nil { dropped += 1 }
                    apply(.cleared(step: step.id), to: &turn)
                }
            }
        }
        return dropped
    }

    /// Brings back, one after another, the set-aside answers of the questions the path now waits
    /// at, for as long as they still fit their question. Returns how many came back.
    mutating func restoreSetAside(into turn: inout Turn) -> Int {
        guard !state.setAside.isEmpty else { return 0 }
        var restored = 0
        // Each return settles the frontier, so the walk moves on: at most one return per step.
        var last: Int?
        while let f = walk().frontier, f != last {
            last = f
            let step = script.steps[f]
            guard let value = state.setAside[step.id], restorable(value, at: step, with: walk().answers) else { break }
            apply(.answered(step: step.id, value: value), to: &turn)
            restored += 1
        }
        return restored
    }

    /// Tells the person what a turn took out of their plan, and what came back.
    func noteSetAside(dropped: Int, restored: Int, into turn: inout Turn) {
        if dropped > 0 {
            turn.events.append(.notice(dropped == 1
                ? "Your answer to a later question no longer fits, so it has been taken out of your plan."
                : "Your answers to \(dropped) later questions no longer fit, so they have been taken out of your plan."))
            turn.events.append(.notice(dropped == 1
                ? "It is kept to one side: if you change your answer back, it will come back."
                : "They are kept to one side: if you change your answer back, they will come back."))
        }
        if restored > 0 {
            turn.events.append(.notice(restored == 1
                ? "An answer you gave before fits again, so it is back in your plan. Type /review to see it."
                : "\(restored) answers you gave before fit again, so they are back in your plan. Type /review to see them."))
        }
    }

    /// Whether an answer set aside still fits its question as the dialogue and the earlier answers
    /// stand now (the question's type or options may have changed, or its options come from a
    /// list that has changed since).
    private func restorable(_ value: AnswerValue, at step: Step, with earlier: [String: AnswerValue]) -> Bool {
        guard let q = step.question,
              PlanReplay.fitted(.answered(step: step.id, value: value), to: script) == .answered(step: step.id, value: value)
        else { return false }
        if let source = q.optionsFrom { return value.fits(Self.offered(q, source: earlier[source])) }
        return true
    }
}
