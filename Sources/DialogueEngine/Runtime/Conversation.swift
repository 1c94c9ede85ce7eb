/// A pure state machine over one script: it takes one input and returns what to show and what to keep.
///
/// State is the fold of `Change`s (see `PlanState`), plus where the person is looking (`focus`, set by
/// `/back` and `/change`). The path through the script is derived from the answers each time, so a
/// changed answer re-routes the plan on its own.
public struct Conversation: Sendable {
    /// The script, read in place from a box that every copy of this conversation shares: a turn
    /// copies the conversation (see ``Session/handle(_:)``), and a copy retains one box instead
    /// of each of the script's dozen fields.
    public var script: Script { _read { yield scriptBox.value } }
    let scriptBox: Shared<Script>
    /// Changed only through `apply(_:to:)`, which walks the path again when an answer changed.
    public private(set) var state: PlanState
    /// A question asked again by `/back` or `/change`, ahead of the first unanswered one.
    public private(set) var focus: String?
    /// The question that was waiting when `/back` or `/change` moved the focus: where "where you were" is.
    private var returnTo: String?
    public var today: SimpleDate
    public var role: String? {
        didSet { current = computeWalk() }
    }
    /// The path as the answers now make it: walked once per change, read many times per turn.
    private var current = Walk()

    /// What one input produced: events to show, and changes to keep (journal them before showing).
    public struct Turn: Sendable, Equatable {
        public var events: [Event] = []
        public var changes: [Change] = []
        public init(events: [Event] = [], changes: [Change] = []) {
            self.events = events
            self.changes = changes
        }
    }

    public init(script: Script, state: PlanState = PlanState(), today: SimpleDate, role: String? = nil) {
        self.scriptBox = Shared(script)
        self.state = state
        self.today = today
        self.role = role
        self.current = computeWalk()
    }

    /// Replays journaled changes (resume).
    public init(script: Script, changes: [Change], today: SimpleDate) {
        var state = PlanState()
        for change in changes { state.apply(change) }
        self.init(script: script, state: state, today: today)
    }

    // MARK: The path

    struct Walk {
        /// Indices of steps on the path so far, in order (messages included).
        var path: [Int] = []
        /// The first question on the path with no answer; nil when the dialogue is done.
        var frontier: Int?
        /// The answers on the path before the frontier: what its conditions were read with.
        var answers: [String: AnswerValue] = [:]
        /// The questions on the path before the frontier with an answer, and without one
        /// (skipped): counted on the way, for ``progress(at:)``.
        var answered = 0
        var skipped = 0
    }

    /// The path through the script with the answers given, as far as they go.
    func walk() -> Walk { current }

    /// Walks the script from the start with the answers given, as far as they go; or from `resuming`'s
    /// frontier, when only the frontier's own answer (or skip) has changed since it was walked: the
    /// steps before it read only the answers before it, so they would go the same way again.
    private func computeWalk(resuming: Walk? = nil) -> Walk {
        var walk = Walk()
        var env: [String: AnswerValue] = [:]
        var i = 0
        if let resuming, let frontier = resuming.frontier, resuming.path.last == frontier {
            walk = resuming
            walk.path.removeLast()
            walk.frontier = nil
            swap(&env, &walk.answers)
            i = frontier
        }
        let steps = script.steps
        walking: while i < steps.count {
            let step = steps[i]
            if let when = step.when, !Evaluator(answers: env, role: role).isTrue(when.value) {
                i += 1
                continue
            }
            // Options from an earlier answer that offers none: nothing to ask.
            var offered: AnswerSpec?
            if let q = step.question, let source = q.optionsFrom {
                let spec = Self.offered(q, source: env[source])
                if spec.options.isEmpty {
                    i += 1
                    continue
                }
                offered = spec
            }
            walk.path.append(i)
            if step.question != nil {
                // An answer that the earlier answer no longer offers is asked again.
                let answer = state.answers[step.id]
                if let value = answer, offered.map(value.fits) ?? true {
                    env[step.id] = value
                } else if !state.skipped.contains(step.id) {
                    walk.frontier = i
                    break walking
                }
                if answer != nil { walk.answered += 1 } else { walk.skipped += 1 }
            }
            guard !step.next.isEmpty else {
                i += 1
                continue
            }
            let evaluator = Evaluator(answers: env, role: role)
            guard let branch = step.next.first(where: { $0.condition.map { evaluator.isTrue($0.value) } ?? true }) else {
                i += 1
                continue
            }
            if branch.target.value == Branch.endTarget { break walking }
            guard let j = script.index(of: branch.target.value), j > i else { break walking }
            i = j
        }
        walk.answers = env
        return walk
    }

    /// The question waiting for an answer: the one in focus, else the first unanswered one.
    public var currentStep: Step? {
        if let focus { return script.step(focus) }
        return walk().frontier.map { script.steps[$0] }
    }

    public var isFinished: Bool { focus == nil && walk().frontier == nil }

    /// Answers on the path, in order: what the plan holds now.
    public var plan: [(step: Step, value: AnswerValue?)] {
        let w = walk()
        return w.path.compactMap { i in
            let step = script.steps[i]
            guard step.question != nil else { return nil }
            if i == w.frontier { return nil }
            return (step, state.answers[step.id])
        }
    }

    /// Answers kept for steps that are not in this script (a dialogue changed after the plan began).
    public var earlierAnswers: [(step: String, value: AnswerValue)] {
        state.answers.filter { script.step($0.key) == nil }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    // MARK: Start and resume

    /// The opening of a new plan: intro, first messages, first question.
    public mutating func start() -> Turn {
        var turn = Turn()
        turn.events.append(.intro(title: script.title, text: render(script.intro) ?? script.summary, minutes: script.minutes))
        let w = walk()
        let end = w.frontier.flatMap { w.path.firstIndex(of: $0) } ?? w.path.count
        var lastSection: String?
        for i in w.path[..<end] {
            emitSection(for: i, after: &lastSection, into: &turn)
            if case .say(let t) = script.steps[i].content { turn.events.append(.said(render(t) ?? "")) }
        }
        if let f = w.frontier {
            emitSection(for: f, after: &lastSection, into: &turn)
            turn.events += ask(script.steps[f])
        } else {
            turn.events.append(.finished(summary))
        }
        return turn
    }

    /// Picking up a saved plan: where it stands, and the question it stopped at.
    public func resume() -> Turn {
        var turn = Turn()
        guard let step = currentStep else {
            turn.events.append(.finished(summary))
            return turn
        }
        turn.events.append(.progress(progress(at: step)))
        // Part-way through an entry: what it holds so far, so the next field's words ("How can you
        // reach them?") make sense again.
        if case .records(let fields, _, _)? = step.question?.answer, let draft = state.drafts[step.id], !draft.partial.isEmpty {
            let typed = AnswerText.record(in: draft.partial.filter { $0.value != .text("") }, fields: fields)
            if !typed.isEmpty { turn.events.append(.notice("You were part-way through an entry: \(typed).")) }
        }
        turn.events += ask(step)
        return turn
    }

    private func emitSection(for index: Int, after last: inout String?, into turn: inout Turn) {
        let step = script.steps[index]
        guard step.sectionID != last else { return }
        last = step.sectionID
        if let n = script.sections.firstIndex(where: { $0.id == step.sectionID }) {
            turn.events.append(.section(number: n + 1, of: script.sections.count, title: script.sections[n].title))
        }
    }

    // MARK: Moving on

    /// After `from` was settled: drop answers that fell off the path, show messages on the way, ask the next question.
    mutating func advance(from stepID: String, into turn: inout Turn, returning: Bool) {
        // The steps read in place (see `Shared.read`): reading `script` while this method changes
        // `self` copied the whole script (every field retained) on every answer.
        let steps = scriptBox.read { $0.steps }
        focus = nil
        let wasAt = returnTo
        returnTo = nil
        // Answers off the path drop out of the plan, set aside; answers set aside that the path now
        // passes again come back. Each return can move the frontier on past more answers off the path.
        var dropped = dropOffPath(into: &turn)
        var restored = 0
        while case let n = restoreSetAside(into: &turn), n > 0 {
            restored += n
            dropped += dropOffPath(into: &turn)
        }
        noteSetAside(dropped: dropped, restored: restored, into: &turn)
        let w2 = walk()
        let from = scriptBox.read({ $0.index(of: stepID) }).flatMap { w2.path.firstIndex(of: $0) }
        let to = w2.frontier.flatMap { w2.path.firstIndex(of: $0) } ?? w2.path.count
        let between = from.map { w2.path[($0 + 1)..<max($0 + 1, to)] } ?? []
        let skippedOver = between.contains { steps[$0].question != nil }
        if skippedOver || (returning && (from.map({ $0 >= to }) ?? true)) {
            if let f = w2.frontier {
                if wasAt == nil || wasAt == steps[f].id {
                    turn.events.append(.notice("Thank you. Let's carry on from where you were."))
                } else {
                    // A changed answer brought a new question onto the path: show the messages that lead into it.
                    let lastQuestion = w2.path[..<to].lastIndex { steps[$0].question != nil }
                    var lastSection: String? = lastQuestion.map { steps[w2.path[$0]].sectionID }
                    for i in w2.path[((lastQuestion ?? -1) + 1)..<to] {
                        emitSection(for: i, after: &lastSection, into: &turn)
                        if case .say(let t) = steps[i].content { turn.events.append(.said(render(t) ?? "")) }
                    }
                    emitSection(for: f, after: &lastSection, into: &turn)
                }
            }
        } else {
            var lastSection: String? = scriptBox.read({ $0.step(stepID)?.sectionID })
            for i in between {
                emitSection(for: i, after: &lastSection, into: &turn)
                if case .say(let t) = steps[i].content { turn.events.append(.said(render(t) ?? "")) }
            }
            if let f = w2.frontier { emitSection(for: f, after: &lastSection, into: &turn) }
        }
        if let f = w2.frontier {
            turn.events += ask(steps[f])
        } else {
            turn.events.append(.finished(summary))
        }
    }

    /// A held answer (`Change.held`): in the state, as replaying keeps it; the path does not move.
    mutating func hold(_ change: Change) {
        guard case .held = change else { return }
        state.apply(change)
    }

    mutating func apply(_ change: Change, to turn: inout Turn) {
        state.apply(change)
        turn.changes.append(change)
        // A draft (a list being typed) never changes the path; answers, skips and clears can.
        switch change {
        case .draft, .held, .seated, .hosted:
            return
        case .answered(let step, _), .skipped(let step):
            // The usual turn: the question at the frontier answered or skipped.
            if let f = current.frontier, script.steps[f].id == step {
                current = computeWalk(resuming: current)
                return
            }
        case .cleared:
            break
        }
        current = computeWalk()
    }

    /// Own answers held for a question everyone answers (`PlanState.held`) that is not the one
    /// waiting: the group had gone back to it. Looks at it again, as `/back` or `/change` did, so
    /// the group carries on where it was, and comes back to where it had got to after.
    mutating func focusOnHeld() {
        // The question of the last answer held that the group's path still reaches: answers can be
        // held for several (the host went back from one to another).
        let path = walk().path
        guard let step = state.held.reversed().lazy.map(\.step).first(where: { step in
            guard let index = self.script.index(of: step) else { return false }
            return path.contains(index) && self.script.steps[index].question?.who == .everyone
        }), step != currentStep?.id else { return }
        setFocus(step)
    }

    mutating func setFocus(_ id: String?) {
        // "" stands for a finished plan, so a question that a change brings in is not called "where you were".
        if focus == nil { returnTo = walk().frontier.map { script.steps[$0].id } ?? "" }
        focus = id
    }

    // MARK: Views

    var summary: Summary {
        let items = plan
        return Summary(title: script.title, answered: items.filter { $0.value != nil }.count, skipped: items.filter { $0.value == nil }.count)
    }

    public func progress(at step: Step? = nil) -> Progress {
        let step = step ?? currentStep
        let sectionIndex = step.flatMap { s in script.sections.firstIndex { $0.id == s.sectionID } } ?? (script.sections.count - 1)
        let section = script.sections[max(0, sectionIndex)]
        // Counted, not collected: this runs for every question asked.
        var questions = 0, position: Int?
        for s in section.steps where s.question != nil {
            questions += 1
            if position == nil, let step, s.id == step.id { position = questions }
        }
        // The answered and skipped questions of `plan`, counted by the walk.
        let w = walk()
        let answered = w.answered, skipped = w.skipped
        return Progress(
            part: sectionIndex + 1, parts: script.sections.count, partTitle: section.title,
            question: position ?? questions, questions: questions, answered: answered, skipped: skipped)
    }

    /// Fills `{id}` holes with answers as people read them.
    public func render(_ template: Template?) -> String? {
        template?.render { id in
            guard let value = state.answers[id], let step = script.step(id), let q = step.question else { return nil }
            return AnswerText.inline(value, spec: q.answer)
        }
    }

    func ask(_ step: Step) -> [Event] {
        guard let q = step.question else { return [] }
        let draft = shownDraft(step)
        var prompt = Prompt(
            step: step.id, text: render(q.prompt) ?? "", kind: q.answer.kind,
            options: offered(q).options.enumerated().map { OptionView(number: $0 + 1, key: $1.key, label: $1.label) },
            range: nil, labels: nil, hint: render(q.hint), hasWhy: q.why != nil, required: q.required,
            current: standingAnswer(step, q).map { AnswerText.inline($0, spec: q.answer) },
            progress: progress(at: step), itemsSoFar: draft.map { $0.items.count + $0.records.count })
        prompt.asWritten = q.prompt.isFixed && q.hint?.isFixed != false && q.optionsFrom == nil
        switch q.answer {
        case .scale(let range, let labels):
            prompt.range = [Double(range.lowerBound), Double(range.upperBound)]
            prompt.labels = Dictionary(uniqueKeysWithValues: labels.map { (String($0.key), $0.value) })
        case .number(let range):
            prompt.range = range.map { [$0.lowerBound, $0.upperBound] }
        case .text, .list, .pickOne, .pickMany, .yesNo, .date, .records: break
        }
        // The items given so far: those the plan starts with, or those typed before the question was
        // asked again (after /help or /review, or on coming back to the plan), which would otherwise
        // be only a number.
        // Not when they are just the answer shown as "Your answer now" (a list or records question
        // asked again through /change, part-way through a new entry): it would be shown twice.
        let sameAsAnswer: Bool
        switch state.answers[step.id] {
        case .list(let items)?: sameAsAnswer = prompt.current != nil && draft?.items == items && draft?.records.isEmpty == true
        case .records(let records)?: sameAsAnswer = prompt.current != nil && draft?.records == records && draft?.items.isEmpty == true
        default: sameAsAnswer = false
        }
        if let draft, !sameAsAnswer, q.startWith != nil || !draft.items.isEmpty || !draft.records.isEmpty {
            prompt.soFar = draft.items + draft.records.map { r in
                if case .records(let fields, _, _) = q.answer { return AnswerText.record(in: r, fields: fields) }
                return ""
            }
        }
        var events: [Event] = [.asked(prompt)]
        if case .records(let fields, _, _) = q.answer {
            // Numbered after the entries it holds: an answer being changed (`/change`) has them too.
            events.append(.field(fieldPrompt(step, fields: fields, draft: workingDraft(step) ?? Draft())))
        }
        return events
    }

    func fieldPrompt(_ step: Step, fields: [Field], draft: Draft) -> FieldPrompt {
        let field = fields[min(draft.fieldIndex, fields.count - 1)]
        return FieldPrompt(
            step: step.id, field: field.id, record: draft.records.count + 1, text: render(field.prompt) ?? "",
            kind: field.answer.kind,
            options: field.answer.options.enumerated().map { OptionView(number: $0 + 1, key: $1.key, label: $1.label) },
            first: draft.fieldIndex == 0, hint: render(field.hint), required: field.required)
    }
}
