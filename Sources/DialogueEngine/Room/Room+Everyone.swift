/// A question marked `who: everyone`: each person's own answer is held until everyone has
/// answered (or the host moves on), then all are shown together, with names.
extension Room {
    var isEveryoneQuestion: Bool {
        guard let step = session.conversation.currentStep, let q = step.question else { return false }
        return q.who == .everyone
    }

    /// One person's own answer (or pass), held until everyone has answered.
    mutating func ownAnswer(_ typed: String, passed: Bool, from me: Member) -> [Delivery] {
        guard let step = session.conversation.currentStep else { return [] }
        // Cleaned as `Session` cleans every line (`Sanitize.line`): an own answer goes into the
        // group's plan and before everyone, and a refused one is quoted back.
        let line = Session.oneLine(typed)
        var value: AnswerValue?
        if !passed, line.trimmedSpaces.isEmpty, let own = ownAnswer(of: me, to: step.id) {
            // Asked again (the host went back): Enter keeps this person's own answer.
            value = own
        } else if !passed {
            switch session.conversation.read(line) {
            case .rejected(let why):
                // "not sure", "sort of": a question that can be passed on says so, as in a plan of one's own.
                let pass = step.question?.required == false && AnswerParser.leavesItOpen(line) ? " If you are not sure, you can type /skip to pass on this one." : ""
                // The question again as this person sees it: their own answer, not everyone's.
                return [Delivery(to: me.id, events: [.invalid(why + pass)] + personal(session.conversation.repeatQuestion(), for: me))]
            case .value(let v):
                value = v
            }
        } else if step.question?.required == true {
            return only(me.id, .invalid("This question is needed, so please give an answer."))
        }
        var mine = rounds[step.id] ?? Round(step: step.id)
        let changed = mine.has(me.id)
        mine.answers.removeAll { $0.id == me.id }
        mine.answers.append((me.id, value))
        rounds[step.id] = mine
        let count = answeredCount, of = answerersCount
        // The last answer: straight to everyone's answers together.
        let done = closeRoundIfDone()
        if rounds[step.id] != nil {
            // Still held: kept in the group's plan's journal as held (never as the plan's answer),
            // so a server that stops now loses none (`restoreHeld`).
            let seat = seatKey(of: me.id).flatMap { seats[$0]?.code }
            keep(held: .held(step: step.id, name: me.name, seat: seat, host: me.isHost, value: value))
        }
        if !done.isEmpty { return done }
        var deliveries = [Delivery(to: me.id, events: [.room(.kept(count: count, of: of, changed: changed))])]
        if !changed {
            deliveries += present.filter { $0.id != me.id }.map { Delivery(to: $0.id, events: [.room(.answered(name: me.name, count: count, of: of))]) }
        }
        return deliveries
    }

    /// Own answers held for the open question, those of people who have gone included.
    var answeredCount: Int { round?.step == session.conversation.currentStep?.id ? round?.answers.count ?? 0 : 0 }

    /// Whose answers will show: everyone here, and those who answered and then went.
    var answerersCount: Int {
        guard let round, round.step == session.conversation.currentStep?.id else { return present.count }
        return present.count + round.answers.filter { a in !present.contains { $0.id == a.id } }.count
    }

    /// For the host, when the group comes to a question everyone answers that has answers held
    /// already (the host went back from it, or back to it): who has answered, one line each as when
    /// each answered, and who is still to. Nothing when no one has, as when a question is first asked.
    func answeredSoFar() -> [Event] {
        guard isEveryoneQuestion, let open = round, !open.answers.isEmpty else { return [] }
        let of = answerersCount
        var events: [Event] = open.answers.enumerated().map { n, a in
            .room(.answered(name: member(a.id)?.name ?? open.departed[a.id] ?? "", count: n + 1, of: of))
        }
        let waiting = waitingFor()
        if !waiting.isEmpty { events.append(.room(.people(names: present.map(\.name), waitingFor: waiting))) }
        return events
    }

    func waitingFor() -> [String] {
        guard isEveryoneQuestion, let step = session.conversation.currentStep else { return [] }
        let round = self.round?.step == step.id ? self.round : nil
        return present.filter { !(round?.has($0.id) ?? false) }.map(\.name)
    }

    mutating func closeRoundIfDone() -> [Delivery] {
        guard isEveryoneQuestion, let round, round.step == session.conversation.currentStep?.id,
              present.allSatisfy({ round.has($0.id) }) else { return [] }
        return closeRound(force: false)
    }

    /// Shows everyone's answers together and moves the group on.
    mutating func closeRound(force: Bool) -> [Delivery] {
        guard let step = session.conversation.currentStep, let question = step.question else { return [] }
        let held = round?.step == step.id ? round!.answers : []
        let names = round?.departed ?? [:]
        var views = held.compactMap { a in (member(a.id)?.name ?? names[a.id]).map { AnswerValue.View(name: $0, value: a.value) } }
        // Asked again (the host went back to it): the answers given again, in the order given,
        // then those given the first time by people who have not given one again, which stay.
        if case .views(let earlier)? = session.conversation.state.answers[step.id] {
            views += earlier.filter { old in !views.contains { $0.name == old.name } }
        }
        if views.allSatisfy({ $0.value == nil }), question.required {
            return only(host.id, .notice("No one has answered yet, and this question is needed. Wait a moment, or answer it yourself."))
        }
        let before = position
        let events = take(session.answerTogether(views))
        guard position != before else {
            // Not kept (the store could not save it): everyone's answers are still held.
            return [Delivery(to: host.id, events: events)]
        }
        rounds[step.id] = nil
        let text = session.conversation.render(question.prompt) ?? step.id
        let shown: RoomNote = views.isEmpty
            ? .recorded(question: text, answer: nil)
            : .views(question: text, lines: views.map { AnswerText.view($0, spec: question.answer) })
        if hostAway { missedByHost.append(shown) }
        return present.map { m in
            Delivery(to: m.id, events: [.room(shown)] + personal(m.isHost ? events : Self.shared(events), for: m) + turnNote(for: m) + (m.isHost ? answeredSoFar() : []))
        }
    }

    /// The room is closing with answers held for a question everyone answers: each was
    /// acknowledged ("Thank you"), so they are kept as the group's answer, as `/next` keeps them,
    /// rather than lost with the room. What everyone is shown of them (nil when none were held, or
    /// they could not be kept); the next question is not shown, as the room is ending.
    mutating func keepHeldAnswers() -> RoomNote? {
        guard isEveryoneQuestion, let round, round.step == session.conversation.currentStep?.id,
              round.answers.contains(where: { $0.value != nil }) else { return nil }
        let deliveries = closeRound(force: true)
        for delivery in deliveries {
            for case .room(let note) in delivery.events {
                if case .views = note { return note }
            }
        }
        return nil
    }

    /// Own answers held when the group's plan was last kept (a server that crashed or stopped with
    /// a question everyone answers open, or with the host gone back from one or more such questions),
    /// held again in a room opened on that plan: each under the name it was given with, as if its
    /// person had left, and theirs again with their seat code (`comeBack`); the host's is the
    /// host's. One person's answers to several questions are one person's (one id, one seat). An
    /// answer that no longer fits its question is left out. Returns what the host is told: who has
    /// answered the open question, and how many of how many so far.
    mutating func restoreHeld() -> [Event] {
        let held = session.conversation.state.held
        guard !held.isEmpty else { return [] }
        let script = session.conversation.script
        for answer in held {
            guard script.step(answer.step)?.question?.who == .everyone else { continue }
            if let value = answer.value, PlanReplay.fitted(.answered(step: answer.step, value: value), to: script) != .answered(step: answer.step, value: value) { continue }
            let id = answer.host ? host.id : "held:" + (answer.seat.map(Self.seatKey) ?? "name:" + answer.name)
            var restored = rounds[answer.step] ?? Round(step: answer.step)
            restored.answers.removeAll { $0.id == id }
            restored.answers.append((id, answer.value))
            if !answer.host {
                restored.departed[id] = answer.name
                if let seat = answer.seat { seats[Self.seatKey(seat)] = Seat(id: id, code: seat, name: answer.name) }
            }
            rounds[answer.step] = restored
        }
        guard isEveryoneQuestion, let open = round, !open.answers.isEmpty else { return [] }
        let of = answerersCount
        return open.answers.enumerated().map { n, a in
            .room(.answered(name: member(a.id)?.name ?? open.departed[a.id] ?? "", count: n + 1, of: of))
        }
    }
}
