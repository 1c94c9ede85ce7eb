extension Session {
    /// Every line is heard, also when the words did not fit the question: the contacts matter more
    /// than the answer. The check-in comes first; then, for every later line with words of distress,
    /// a short reminder.
    /// `heard`: what hearing the line already found, when the caller heard it first.
    /// `refusalSaysWhy`: the line was an answer to a text, a list or a field of text, where a
    /// refusal is not about the words' kind (see `answerTakesNoWords`): it is kept.
    mutating func checkIn(_ line: String, _ turnEvents: [Event], heard: DistressMatch? = nil, refusalSaysWhy: Bool = false) -> [Event] {
        // Heard in place (see `Shared.read`), before `checkIns` is changed: reading `support` here
        // copied the whole directory (every contact retained) on every line.
        guard let match = heard ?? supportBox.read({ $0.distress(in: line) }) else { return turnEvents }
        guard let said = checkIns.event(for: match, support: support) else { return turnEvents }
        // Words of distress where a number or a date was asked are not a wrong answer: no "Please
        // type a whole number" after the contacts; the question is shown again, with its hint.
        let isInvalid: (Event) -> Bool = { if case .invalid = $0 { !refusalSaysWhy } else { false } }
        let wasRefused = turnEvents.contains { if case .invalid = $0 { true } else { false } }
        let isCheckIn = if case .checkIn = said { true } else { false }
        // `/urgent` with words of distress after it: the check-in already lists every contact.
        let isSupport: (Event) -> Bool = { if case .support = $0 { isCheckIn } else { false } }
        // No offer of the host to someone leaving (`/quit` with words of distress): no one to talk to.
        let offer = checkIns.offer(host: isClosed ? .none : host, after: said)
        var events = [said] + (offer.map { [$0] } ?? []) + turnEvents.filter { !isInvalid($0) && !isSupport($0) }
        // In the middle of a list nothing else follows the contacts: show the question again, so
        // people can see where they are when they are ready to carry on. (Not once they have left.)
        if isCheckIn || wasRefused, !isClosed, !events.contains(where: { if case .asked = $0 { true } else if case .field = $0 { true } else { false } }) {
            events += conversation.repeatQuestion()
        }
        return events
    }

    /// What the check-in said to this person before the plan opened (at the menu, or when choosing
    /// a saved plan): the full check-in, and the offer of the host, come once, not again with the plan.
    public mutating func carry(_ shown: CheckInState) {
        checkIns = shown
    }

    /// Words a door reads itself, not the plan (the network's `/name Sam`, `/talk`): heard as any
    /// line is, with what this person has been shown so far. The check-in (and the offer of the
    /// host), or the reminder; nothing when they have no words of distress. Nothing is kept.
    public mutating func hear(_ words: String) -> [Event] {
        guard !isClosed, let match = supportBox.read({ $0.distress(in: words) }),
              let said = checkIns.event(for: match, support: support) else { return [] }
        return [said] + (checkIns.offer(host: host, after: said).map { [$0] } ?? [])
    }
}
