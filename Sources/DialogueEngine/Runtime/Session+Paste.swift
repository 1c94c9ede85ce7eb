extension Session {
    /// The lines pasted at once at a list or records question, or nil when `line` is one line, or
    /// the question takes one line, or a line of it is a command.
    ///
    /// A terminal that pastes in one go (readline's bracketed paste) hands over all the lines as one:
    /// at a list ("Type one thing on each line") each line is one thing, and at records each line
    /// answers the next field, as if typed one by one. Empty lines are left out: they do not end the
    /// list, so nothing pasted can answer the next question. Anywhere else the lines stay one
    /// answer (`oneLine`).
    func pastedItems(_ line: String) -> [String]? {
        guard !isClosed, let lines = Self.pastedLines(line), lines.count > 1 else { return nil }
        guard let step = conversation.currentStep, let question = step.question,
              conversation.offered(question).isMultiLine else { return nil }
        guard !lines.contains(where: { Command(line: $0) != nil }) else { return nil }
        return Self.withoutMarkers(lines)
    }

    /// A line typed at a list question that holds a list ("walking, music and my dog"): its
    /// things, each kept as if typed on its own line (`ListWords.items`). Nil anywhere else, and
    /// for a command.
    func typedItems(_ line: String) -> [String]? {
        // Most lines have no comma or semicolon: let go before anything else is worked out.
        guard line.utf8.contains(where: { $0 == 0x2C || $0 == 0x3B }) else { return nil }
        guard !isClosed, isListQuestion, !line.hasPrefix("/"), Command(line: line) == nil else { return nil }
        let rest = ListMarker.rest(line).map(String.init) ?? line
        guard let items = ListWords.items(rest), items.count > 1 else { return nil }
        return items
    }

    /// A line as one answer (`Sanitize.line`); lines pasted at once are joined with one space each,
    /// with no empty ones between (a blank line between paragraphs left two spaces).
    static func oneLine(_ line: String) -> String {
        pastedLines(line)?.joined(separator: " ") ?? Sanitize.line(line)
    }

    /// The cleaned, non-empty lines of text holding line breaks; nil for text with none.
    static func pastedLines(_ line: String) -> [String]? {
        guard !line.allUTF8({ $0 != 0x0A && $0 != 0x0D }) else { return nil }
        return Sanitize.text(line).split(separator: "\n").map { Sanitize.line(String($0)).trimmedSpaces }.filter { !$0.isEmpty }
    }

    /// Lines copied from a list in notes or a document carry its bullets or numbers ("- ", "• ",
    /// "1. ", "2) "): when every line has one, they go, as the plan shows its own.
    static func withoutMarkers(_ items: [String]) -> [String] {
        let stripped = items.compactMap(ListMarker.rest)
        return stripped.count == items.count ? stripped.map(String.init) : items
    }

    /// Takes each pasted line in turn, on the copy a turn works on, while the same question is
    /// open and each line was taken. Once the list is full (its `max`), or a line was not taken
    /// (the `invalid` says why), the rest are not used: they are named, so nothing goes quietly.
    /// The check-in hears the whole paste once.
    mutating func stepPasted(_ items: [String], whole: String, typedOnOneLine: Bool = false) -> [Event] {
        guard let stepID = conversation.currentStep?.id else { return step(whole) }
        let refusalSaysWhy = !answerTakesNoWords
        var events: [Event] = []
        var added = 0
        var refused = false
        for item in items {
            guard conversation.currentStep?.id == stepID, !refused else { break }
            var c = conversation
            let t = c.answer(item)
            refused = t.events.contains { if case .invalid = $0 { true } else { false } }
            events += commit(t, next: c)
            added += 1
        }
        let left = items.dropFirst(added)
        let isList = conversation.currentStep.flatMap(\.question).map { if case .list = conversation.offered($0) { true } else { false } } ?? false
        if !left.isEmpty {
            let names = left.map { "\"\($0)\"" }.joined(separator: ", ")
            let these = left.count == 1 ? (typedOnOneLine ? "this one was" : "this line was") : (typedOnOneLine ? "these were" : "these lines were")
            if refused, let at = events.lastIndex(where: { if case .invalid = $0 { true } else { false } }) {
                // Just after what was wrong, before the question is asked again.
                events.insert(.notice("So I stopped there, and \(these) not used yet: \(names)."), at: at + 1)
            } else {
                events.insert(.notice("That list was full, so \(these) not used: \(names)."), at: events.startIndex)
            }
        } else if conversation.currentStep?.id == stepID, isList {
            if typedOnOneLine {
                let named = items.map { "\"\($0)\"" }
                let list = named.dropLast().joined(separator: ", ") + " and " + named[named.count - 1]
                events.append(.notice("Added \(added) things: \(list). Press Enter on an empty line when you have finished, or type /back to take out the last one."))
            } else {
                events.append(.notice("Added \(added) things, one for each line. Press Enter on an empty line when you have finished."))
            }
        }
        return checkIn(whole, events, refusalSaysWhy: refusalSaysWhy)
    }
}
