extension Session {
    /// The items in several lines pasted at once at a list question, or nil when `line` is one line,
    /// or the question is not a list, or a line of it is a command.
    ///
    /// A terminal that pastes in one go (readline's bracketed paste) hands over all the lines as one:
    /// at a list ("Type one thing on each line") each line is one thing, as if typed one by one.
    /// Empty lines are left out: they do not end the list, so nothing pasted can answer the next
    /// question. Anywhere else the lines stay one answer, joined with spaces (`Sanitize.line`).
    func pastedItems(_ line: String) -> [String]? {
        guard !isClosed, line.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) else { return nil }
        guard let step = conversation.currentStep, let question = step.question,
              case .list = conversation.offered(question) else { return nil }
        let items = Sanitize.text(line).split(separator: "\n").map { Sanitize.line(String($0)).trimmedSpaces }.filter { !$0.isEmpty }
        guard items.count > 1, !items.contains(where: { Command(line: $0) != nil }) else { return nil }
        return items
    }

    /// Adds each pasted item to the list, on the copy a turn works on. Once the list is full (its
    /// `max`) it is answered and the rest are not added: they are named, so nothing goes quietly.
    /// The check-in hears the whole paste once.
    mutating func stepPasted(_ items: [String], whole: String) -> [Event] {
        guard let stepID = conversation.currentStep?.id else { return step(whole) }
        var events: [Event] = []
        var added = 0
        for item in items {
            guard conversation.currentStep?.id == stepID, !conversation.isFinished else { break }
            var c = conversation
            let t = c.answer(item)
            events += commit(t, next: c)
            added += 1
        }
        let left = items.dropFirst(added)
        if !left.isEmpty {
            let names = left.map { "\"\($0)\"" }.joined(separator: ", ")
            events.insert(.notice("That list was full, so \(left.count == 1 ? "this was" : "these were") not added: \(names)."), at: events.startIndex)
        } else if conversation.currentStep?.id == stepID {
            events.append(.notice("Added \(added) things, one for each line. Press Enter on an empty line when you have finished."))
        }
        return checkIn(whole, events)
    }
}
