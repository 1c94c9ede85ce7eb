/// Rules across answers (`Rules`): a question's limits as the earlier answers make them, and its
/// own `check:`.
extension Conversation {
    /// `spec` with the limits that come from earlier answers filled in. A limit whose question has
    /// no answer (passed over, or skipped) is left out, so it never blocks an answer.
    func ruled(_ question: Question, _ spec: AnswerSpec) -> AnswerSpec {
        let rules = question.rules
        guard rules.hasReferences else { return spec }
        func date(_ id: String?) -> DateBound? {
            guard let id, case .date(let d)? = state.answers[id] else { return nil }
            return .fixed(d)
        }
        func count(_ id: String?, atLeast floor: Int) -> Int? {
            guard let id, case .number(let n)? = state.answers[id], n.isFinite else { return nil }
            return Int(Swift.min(Swift.max(n.rounded(.down), Double(floor)), 1_000_000))
        }
        // A most of 0 would refuse every answer: the least a most can be is 1.
        let least = count(rules.min, atLeast: 0), most = count(rules.max, atLeast: 1)
        switch spec {
        case .date(let after, let before):
            return .date(after: date(rules.after) ?? after, before: date(rules.before) ?? before)
        case .text(let min, let max):
            return .text(min: least ?? min, max: most ?? max)
        case .list(let min, let max):
            return .list(min: least ?? min, max: most ?? max)
        case .pickMany(let options, let min, let max):
            return .pickMany(options: options, min: least.map { Swift.min($0, options.count) } ?? min, max: most ?? max)
        case .records(let fields, let min, let max):
            return .records(fields: fields, min: least ?? min, max: most ?? max)
        case .pickOne, .yesNo, .number, .scale:
            return spec
        }
    }

    /// The message of a `check:` that this answer fails, or nil when it passes (or there is none).
    /// The check sees the earlier answers and this one, under the question's own id.
    func failedCheck(_ step: Step, _ question: Question, _ value: AnswerValue) -> String? {
        guard let check = question.rules.check else { return nil }
        if case .views = value { return nil }  // each person's own answer in a room: no one answer to test
        var answers = state.answers
        answers[step.id] = value
        guard !Evaluator(answers: answers, role: role).isTrue(check.value) else { return nil }
        return render(question.rules.message) ?? "That answer does not fit this question. Please try again."
    }
}
