/// `options: {from: step}`: a question that offers only what an earlier question chose.
extension Conversation {
    /// The answer a question takes as it is asked now. For `options: {from: …}`, only the options
    /// the earlier pick-many question chose, or the items the earlier list holds, in that order.
    /// Limits that come from earlier answers (`after: meeting-date`, `max: how-many`) are filled in.
    public func offered(_ q: Question) -> AnswerSpec {
        guard let source = q.optionsFrom else { return ruled(q, q.answer) }
        return ruled(q, Self.offered(q, source: state.answers[source]))
    }

    /// The question's answer, unless it is a choice no longer offered (the options come from an
    /// earlier answer that has changed since): then there is nothing to show or keep.
    func standingAnswer(_ step: Step, _ q: Question) -> AnswerValue? {
        guard let value = state.answers[step.id] else { return nil }
        guard q.optionsFrom != nil else { return value }
        let keys = Set(offered(q).options.map(\.key))
        switch value {
        case .choice(let key): return keys.contains(key) ? value : nil
        case .choices(let chosen): return chosen.allSatisfy(keys.contains) ? value : nil
        default: return value
        }
    }

    static func offered(_ q: Question, source: AnswerValue?) -> AnswerSpec {
        let options = offeredOptions(q, source: source)
        switch q.answer {
        case .pickOne: return .pickOne(options: options)
        case .pickMany(_, let min, let max): return .pickMany(options: options, min: min.map { Swift.min($0, options.count) }, max: max)
        case .text, .list, .yesNo, .number, .scale, .date, .records: return q.answer
        }
    }

    /// What a `from:` question offers, given its source's answer: none when the source has none
    /// (then the question is passed over, like a `when:` that is false).
    static func offeredOptions(_ q: Question, source: AnswerValue?) -> [Option] {
        switch source {
        case .choices(let keys)?:
            return keys.compactMap { key in q.answer.options.first { $0.key == key } }
        case .list(let items)?:
            var seen: Set<String> = []
            return items.compactMap { item in seen.insert(item).inserted ? Option(key: item, label: item) : nil }
        default:
            return []
        }
    }
}
