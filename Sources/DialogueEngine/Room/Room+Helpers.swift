/// What the room's turns share: which events the group sees, whose turn it is, and one person's own view.
extension Room {
    /// Of the facilitator's events, those the whole group should see (where the group is now).
    static func shared(_ events: [Event]) -> [Event] {
        events.filter {
            switch $0 {
            case .intro, .section, .said, .asked, .field, .finished: true
            default: false
            }
        }
    }

    static func isQuestion(_ event: Event) -> Bool {
        switch event {
        case .asked, .field: true
        default: false
        }
    }

    /// Where the group is, for one person, as a door shows it again (after `/mode json` or
    /// `/mode text`): the open question, as they see it, and who answers it; or the end.
    public func whereWeAre(for id: String) -> [Event] {
        guard let m = member(id) else { return [] }
        if session.conversation.isFinished { return personal([.finished(session.conversation.summary)], for: m) }
        return personal(session.conversation.repeatQuestion(), for: m) + turnNote(for: m)
    }

    /// Who answers the open question, for one person.
    func turnNote(for m: Member) -> [Event] {
        guard let q = session.conversation.currentStep?.question else { return [] }
        return [.room(.turn(everyone: q.who == .everyone, host: m.isHost))]
    }

    /// This person's own answer to a question everyone answers: the one held for them while the
    /// question is open (nil when they passed), else as the group's plan holds it.
    func ownAnswer(of m: Member, to step: String) -> AnswerValue? {
        if let round, round.step == step, let held = round.answers.first(where: { $0.id == m.id }) { return held.value }
        guard case .views(let views)? = session.conversation.state.answers[step] else { return nil }
        return views.first { $0.name == m.name }?.value
    }

    /// Events as one person should see them: a question everyone answers, asked again, shows their
    /// own answer as "your answer now", not everyone's; the end is told in the group's words, for
    /// the host or for someone else in it.
    public func personal(_ events: [Event], for m: Member) -> [Event] {
        events.map { event in
            if case .finished(var summary) = event {
                summary.group = m.isHost ? .host : .member
                return .finished(summary)
            }
            // The group's plan: "the group has answered", "The group's answers so far".
            if case .progress(var p) = event {
                p.group = true
                return .progress(p)
            }
            if case .review(let items, let canChange, _) = event { return .review(items, canChange: canChange, group: true) }
            // A field of the group's answer: only the host types it, so no one else is told how.
            if case .field(var field) = event {
                if !m.isHost, session.conversation.script.step(field.step)?.question?.who != .everyone { field.hostAnswers = true }
                return .field(field)
            }
            guard case .asked(var prompt) = event, let step = session.conversation.script.step(prompt.step),
                  let q = step.question else { return event }
            guard q.who == .everyone else {
                // The group's answer: only the host types it, so anyone else is not told how to
                // type it, and, asked again (`/back`, `/change`), sees it as the group's, and is
                // not asked to keep or change it.
                if !m.isHost {
                    prompt.hostAnswers = true
                    if prompt.current != nil { prompt.currentIsTheGroups = true }
                }
                return .asked(prompt)
            }
            prompt.current = ownAnswer(of: m, to: step.id).map { AnswerText.inline($0, spec: q.answer) }
            return .asked(prompt)
        }
    }

    func only(_ id: String, _ event: Event) -> [Delivery] {
        [Delivery(to: id, events: [event])]
    }
}
