/// A durable fact about a plan. A plan's state is a fold over its changes; the journal stores them.
public enum Change: Sendable, Equatable, Codable {
    case answered(step: String, value: AnswerValue)
    case skipped(step: String)
    /// The answer no longer applies (an earlier change took the path elsewhere).
    case cleared(step: String)
    /// A list or records answer typed so far; `nil` clears it.
    case draft(step: String, value: Draft?)
    /// One person's own answer to an open `who: everyone` question (nil: they passed), held until
    /// everyone has answered: kept so that a server that stops with the question open loses none,
    /// and never part of the plan (its answers, exports, conditions) until `.answered` shows them
    /// together. `seat`: the seat code of the person who gave it (nil for the host, or where the
    /// door gives no seats); a later one from the same person replaces it (see `HeldAnswer`).
    case held(step: String, name: String, seat: String?, host: Bool, value: AnswerValue?)
    /// A seat given in a group room (its seat code, told to its person alone) and the name they
    /// go by there: kept when they join, come back or change their name, so that after a restart
    /// (`/room resume`) their seat code takes them back to it, as it did before. Never part of the
    /// plan: it changes no answer, and ends no held one.
    case seated(seat: String, name: String)
    /// The name the host of a group room goes by there: kept when the room opens with a name
    /// other than Host, and when the host takes another name (`/name`), so that the room opened
    /// again (`/room resume`, after a restart too) calls its host by it. Never part of the plan.
    case hosted(name: String)
}

/// An own answer held for an open `who: everyone` question (`Change.held`), as the journal keeps it.
public struct HeldAnswer: Sendable, Equatable, Codable {
    public var step: String
    public var name: String
    public var seat: String?
    public var host: Bool
    public var value: AnswerValue?

    public init(step: String, name: String, seat: String?, host: Bool, value: AnswerValue?) {
        self.step = step
        self.name = name
        self.seat = seat
        self.host = host
        self.value = value
    }

    /// Whether `other` was given by the same person: the same seat, or both the host's, or (with
    /// no seat) the same name.
    func samePerson(as other: HeldAnswer) -> Bool {
        if host || other.host { return host == other.host }
        if let seat, let theirs = other.seat { return seat == theirs }
        return seat == nil && other.seat == nil && name == other.name
    }
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
    /// Own answers held for questions everyone answers (`Change.held`), in the order given, until
    /// the group's answers to that question are shown together (its `.answered`, or `.skipped`,
    /// ends those held for it, and only those). Several questions can have answers held at once:
    /// the host went back (`/back`, `/change`) from one with answers held, to another such
    /// question or any question. Never in the plan, its exports or its conditions: a group room
    /// opened again (`Room.reopen`) holds them again.
    public var held: [HeldAnswer] = []

    public init() {}

    public mutating func apply(_ change: Change) {
        if case .held(let step, let name, let seat, let host, let value) = change {
            let answer = HeldAnswer(step: step, name: name, seat: seat, host: host, value: value)
            // A later answer from the same person to the same question replaces theirs.
            held.removeAll { $0.step == step && $0.samePerson(as: answer) }
            held.append(answer)
            return
        }
        switch change {
        case .answered(let step, let value):
            if !held.isEmpty { held.removeAll { $0.step == step } }
            answers[step] = value
            skipped.remove(step)
            drafts[step] = nil
            if !setAside.isEmpty { setAside[step] = nil }
        case .skipped(let step):
            if !held.isEmpty { held.removeAll { $0.step == step } }
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
        case .held, .seated, .hosted:
            break
        }
    }

    public func isSettled(_ step: String) -> Bool { answers[step] != nil || skipped.contains(step) }
}
