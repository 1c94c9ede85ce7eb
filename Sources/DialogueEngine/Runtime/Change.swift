/// A durable fact about a plan. A plan's state is a fold over its changes; the journal stores them.
public enum Change: Sendable, Equatable, Codable {
    case answered(step: String, value: AnswerValue)
    case skipped(step: String)
    /// The answer no longer applies (an earlier change took the path elsewhere).
    case cleared(step: String)
    /// A list or records answer typed so far; `nil` clears it.
    case draft(step: String, value: Draft?)
}

/// A multi-line answer in progress.
public struct Draft: Sendable, Equatable, Codable {
    public var items: [String]
    public var records: [AnswerValue.Record]
    /// The record being typed: fields given so far, in order (an empty text marks a field left blank).
    public var partial: [String: AnswerValue]
    public var fieldIndex: Int

    public init(items: [String] = [], records: [AnswerValue.Record] = [], partial: [String: AnswerValue] = [:], fieldIndex: Int = 0) {
        self.items = items
        self.records = records
        self.partial = partial
        self.fieldIndex = fieldIndex
    }

    public var isEmpty: Bool { items.isEmpty && records.isEmpty && fieldIndex == 0 }
}

/// Answers given so far: the fold of a plan's changes.
public struct PlanState: Sendable, Equatable, Codable {
    public var answers: [String: AnswerValue] = [:]
    public var skipped: Set<String> = []
    public var drafts: [String: Draft] = [:]
    /// Answers taken out because an earlier change took the path elsewhere (`.cleared`), kept so
    /// that changing back brings them back (`Conversation.restoreSetAside`). Never in the plan,
    /// its exports or its conditions: only the journal holds them, as it holds every answer.
    public var setAside: [String: AnswerValue] = [:]

    public init() {}

    public mutating func apply(_ change: Change) {
        switch change {
        case .answered(let step, let value):
            answers[step] = value
            skipped.remove(step)
            drafts[step] = nil
            if !setAside.isEmpty { setAside[step] = nil }
        case .skipped(let step):
            answers[step] = nil
            skipped.insert(step)
            drafts[step] = nil
            if !setAside.isEmpty { setAside[step] = nil }
        case .cleared(let step):
            if let answer = answers[step] { setAside[step] = answer }
            answers[step] = nil
            skipped.remove(step)
            drafts[step] = nil
        case .draft(let step, let draft):
            drafts[step] = draft
        }
    }

    public func isSettled(_ step: String) -> Bool { answers[step] != nil || skipped.contains(step) }
}
