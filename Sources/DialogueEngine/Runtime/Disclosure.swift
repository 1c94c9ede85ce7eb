/// What a person has chosen to let a host see (`/share`): only what they give from the moment of
/// sharing. Everything the plan held when sharing began stays private, even when it becomes part of
/// a later answer: the items of a list typed before `/share` and finished after it, an answer kept
/// by pressing Enter, the fields of a record begun before.
///
/// A door makes one when the person shares (and again when a plan is opened while sharing), then
/// asks it, after each turn, what of the turn's answers may be shown:
///
///     var disclosure = Disclosure(privateUntilNow: conversation.state)
///     ...
///     let before = conversation.state
///     // the turn runs
///     let shown = disclosure.reveal(from: before, to: conversation.state, in: conversation)
public struct Disclosure: Sendable, Equatable {
    /// What stays private in one step's answer or draft.
    struct Held: Sendable, Equatable {
        /// A whole answer given before sharing (not a list or records).
        var value: AnswerValue?
        /// The first items of a list, typed before sharing.
        var items: [String] = []
        /// The first records, given before sharing.
        var records: [AnswerValue.Record] = []
        /// Fields of the record that was being typed when sharing began, by index of that record.
        var partial: (index: Int, fields: AnswerValue.Record)?

        static func == (a: Held, b: Held) -> Bool {
            a.value == b.value && a.items == b.items && a.records == b.records
                && a.partial?.index == b.partial?.index && a.partial?.fields == b.partial?.fields
        }

        var isEmpty: Bool { value == nil && items.isEmpty && records.isEmpty && partial == nil }
    }

    /// An answer the host may see: what was given after sharing, with what came before left out.
    public struct Shown: Sendable, Equatable {
        public var step: String
        /// The answer as it may be seen; nil when the question was left for now.
        public var value: AnswerValue?
        /// Whether part of the answer was given before sharing and is left out.
        public var withheld: Bool
    }

    /// Held answers (settled before sharing) and drafts (being typed when sharing began), by step.
    private var answers: [String: Held] = [:]
    private var drafts: [String: Held] = [:]

    /// Sharing begins now: everything in `state` stays private.
    public init(privateUntilNow state: PlanState = PlanState()) {
        // An answer set aside (off the path for now) is private too: it may come back.
        for (step, value) in state.answers.merging(state.setAside, uniquingKeysWith: { kept, _ in kept }) {
            answers[step] = Self.held(value)
        }
        for (step, draft) in state.drafts {
            var held = Held(items: draft.items, records: draft.records)
            if !draft.partial.isEmpty { held.partial = (draft.records.count, draft.partial) }
            drafts[step] = held
        }
    }

    static func held(_ value: AnswerValue) -> Held {
        switch value {
        case .list(let items): Held(items: items)
        case .records(let records): Held(records: records)
        case .text, .choice, .choices, .bool, .number, .date, .views: Held(value: value)
        }
    }

    /// What a turn changed that the host may see, in the order of the dialogue's steps. Drafts (a
    /// list being typed) are never shown; they only move what stays private.
    public mutating func reveal(from before: PlanState, to after: PlanState, in script: Script) -> [Shown] {
        var shown: [Shown] = []
        for step in script.steps where step.question != nil {
            let id = step.id
            let oldDraft = before.drafts[id], newDraft = after.drafts[id]
            let answerChanged = before.answers[id] != after.answers[id] || before.skipped.contains(id) != after.skipped.contains(id)
            if answerChanged {
                if let value = after.answers[id] {
                    if let seen = settle(id, value) { shown.append(seen) }
                } else {
                    // Set aside, it may come back later: what was private in it stays private.
                    if after.setAside[id] == nil { answers[id] = nil }
                    drafts[id] = nil
                    if after.skipped.contains(id) { shown.append(Shown(step: id, value: nil, withheld: false)) }
                }
            } else if oldDraft != newDraft {
                track(id, draft: newDraft)
            }
        }
        // Steps no longer in the script (a changed dialogue) are never shown.
        return shown
    }

    /// A draft changed: what stays private is what both the private part and the new draft begin with.
    private mutating func track(_ id: String, draft: Draft?) {
        let source = drafts[id] ?? answers[id] ?? Held()
        guard let draft else {
            drafts[id] = nil
            return
        }
        var held = Held()
        held.items = Self.commonPrefix(source.items, draft.items)
        held.records = Self.commonPrefix(source.records, draft.records)
        if let partial = source.partial, partial.index == draft.records.count {
            let kept = partial.fields.filter { draft.partial[$0.key] == $0.value }
            if !kept.isEmpty { held.partial = (partial.index, kept) }
        } else if let partial = source.partial, partial.index < draft.records.count, held.records.count == partial.index {
            // The record begun before sharing is finished now: its early fields stay private in it.
            held.partial = partial
        }
        drafts[id] = held.isEmpty ? nil : held
    }

    /// An answer settled: what of it is new since sharing.
    private mutating func settle(_ id: String, _ value: AnswerValue) -> Shown? {
        let source = drafts[id] ?? answers[id] ?? Held()
        drafts[id] = nil
        switch value {
        case .list(let items):
            let old = Self.commonPrefix(source.items, items)
            answers[id] = old.isEmpty ? nil : Held(items: old)
            let fresh = Array(items.dropFirst(old.count))
            guard !fresh.isEmpty else { return nil }
            return Shown(step: id, value: .list(fresh), withheld: !old.isEmpty)
        case .records(let records):
            let old = Self.commonPrefix(source.records, records)
            var fresh = Array(records.dropFirst(old.count))
            var withheld = !old.isEmpty
            var held = Held(records: old)
            if let partial = source.partial, partial.index >= old.count, partial.index - old.count < fresh.count {
                let i = partial.index - old.count
                let before = fresh[i]
                fresh[i] = before.filter { partial.fields[$0.key] != $0.value }
                if fresh[i] != before {
                    withheld = true
                    held.partial = partial
                }
                if fresh[i].isEmpty { fresh.remove(at: i) }
            }
            answers[id] = held.isEmpty ? nil : held
            guard !fresh.isEmpty else { return nil }
            return Shown(step: id, value: .records(fresh), withheld: withheld)
        default:
            // The same answer again (Enter keeps it) shows nothing new; a new one replaces it all.
            if source.value == value { return nil }
            answers[id] = nil
            return Shown(step: id, value: value, withheld: false)
        }
    }

    static func commonPrefix<T: Equatable>(_ a: [T], _ b: [T]) -> [T] {
        var n = 0
        while n < a.count, n < b.count, a[n] == b[n] { n += 1 }
        return Array(a.prefix(n))
    }
}
