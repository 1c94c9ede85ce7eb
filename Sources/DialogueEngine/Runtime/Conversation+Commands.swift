extension Conversation {
    /// `/back`: take out the last list item or record field, else ask the previous question again.
    public mutating func back() -> Turn {
        var turn = Turn()
        if let step = currentStep, var draft = workingDraft(step), !draft.isEmpty, let q = step.question {
            if case .records(let fields, _, _) = q.answer {
                var reopened: String?
                // A record the question started with ("Samaritans, call 116 123") is taken out whole,
                // as a started list item is: reopened at its last field, the next line typed (meant
                // as a new name) replaced its number.
                if draft.fieldIndex == 0, case .records(let started)? = q.startWith, let last = draft.records.last, started.contains(last) {
                    draft.records.removeLast()
                    apply(.draft(step: step.id, value: draft), to: &turn)
                    turn.events.append(.notice("Took out \"\(AnswerText.record(in: last, fields: fields))\". Type another, or press Enter on an empty line when you have finished."))
                    turn.events.append(.field(fieldPrompt(step, fields: fields, draft: draft)))
                    return turn
                }
                if draft.fieldIndex == 0, let last = draft.records.popLast() {
                    // Reopen the last record at its last field, and say which one it is.
                    reopened = AnswerText.record(in: last, fields: fields)
                    draft.partial = last
                    draft.fieldIndex = fields.count - 1
                } else if draft.fieldIndex > 0 {
                    draft.fieldIndex -= 1
                }
                let field = fields[draft.fieldIndex]
                let removed = draft.partial.removeValue(forKey: field.id)
                apply(.draft(step: step.id, value: draft), to: &turn)
                // Say what was taken out, as a list does, so people know which answer they are typing again.
                let into = reopened.map { "Going back into the last one: \"\($0)\". " } ?? ""
                if let removed, removed != .text("") {
                    turn.events.append(.notice(into + "Took out \"\(AnswerText.inline(removed, spec: field.answer))\"."))
                } else {
                    turn.events.append(.notice(reopened == nil ? "Going back one step." : String(into.dropLast())))
                }
                turn.events.append(.field(fieldPrompt(step, fields: fields, draft: draft)))
                return turn
            }
            let removed = draft.items.removeLast()
            // An empty draft, not none, when the question starts with items or already has an answer
            // (it is being changed): they stay taken out, and the next /back goes to the question before.
            let keepsEmpty = q.startWith != nil || (focus == step.id && state.answers[step.id] != nil)
            apply(.draft(step: step.id, value: draft.isEmpty && !keepsEmpty ? nil : draft), to: &turn)
            turn.events.append(.notice("Took out \"\(removed)\". Type another, or press Enter on an empty line when you have finished."))
            return turn
        }
        let w = walk()
        let here = currentStep.flatMap { script.index(of: $0.id) } ?? script.steps.count
        let previous = w.path.last { $0 < here && script.steps[$0].question != nil }
        guard let previous else {
            turn.events.append(.notice("This is the first question, so there is nothing to go back to."))
            if let step = currentStep { turn.events += ask(step) }
            return turn
        }
        let step = script.steps[previous]
        if let s = currentStep, state.drafts[s.id] != nil { apply(.draft(step: s.id, value: nil), to: &turn) }
        setFocus(step.id)
        turn.events += ask(step)
        return turn
    }

    /// `/skip`: leave this question for now (not when it is required). `clearing`: an answer given
    /// before goes too (a name changed to "rather not say"), where /skip keeps it.
    public mutating func skip(clearing: Bool = false) -> Turn {
        var turn = Turn()
        guard let step = currentStep, let q = step.question else {
            turn.events.append(.notice("There is no question to skip. Your plan is complete."))
            return turn
        }
        if q.required {
            turn.events.append(.invalid("This question is needed to go on, so it cannot be skipped."))
            return turn
        }
        let revisiting = focus != nil
        // Part-way through an entry (a record): the entry is kept as far as it was typed, with the
        // finished ones, and the conversation moves on. Nothing typed is thrown away; an entry whose
        // remaining fields are needed cannot be left part-done.
        if case .records(let fields, _, _) = q.answer, var draft = workingDraft(step), draft.fieldIndex > 0, draft.fieldIndex < fields.count {
            guard !fields[draft.fieldIndex...].contains(where: \.required) else {
                turn.events.append(.invalid("The rest of this entry is needed, so it cannot be skipped. Please type it, or type /back to change the one before."))
                turn.events.append(.field(fieldPrompt(step, fields: fields, draft: draft)))
                return turn
            }
            draft.records.append(draft.partial.filter { $0.value != .text("") })
            draft.partial = [:]
            draft.fieldIndex = 0
            turn.events.append(.notice("Kept what you typed."))
            settle(step, question: q, value: .records(draft.records), revisiting: revisiting, into: &turn)
            return turn
        }
        // Back at a question already answered, with nothing typed: the answer stays. People type /skip
        // to move on, not to throw away what they said.
        if !clearing, revisiting, state.drafts[step.id] == nil, state.answers[step.id] != nil {
            turn.events.append(.notice("Kept your answer."))
            advance(from: step.id, into: &turn, returning: revisiting)
            return turn
        }
        let draft = state.drafts[step.id] ?? startingDraft(step)
        // Nothing typed yet, only the items the question starts with: they stay, and say so.
        let onlyStarting = state.drafts[step.id] == nil && draft != nil
        if let draft, !draft.items.isEmpty {
            turn.events.append(.notice(onlyStarting ? "Kept what was already in your plan." : "Kept the \(draft.items.count == 1 ? "1 thing" : "\(draft.items.count) things") you typed."))
            settle(step, question: q, value: .list(draft.items), revisiting: revisiting, into: &turn)
            return turn
        }
        if let draft, !draft.records.isEmpty {
            turn.events.append(.notice(onlyStarting ? "Kept what was already in your plan." : "Kept what you typed."))
            settle(step, question: q, value: .records(draft.records), revisiting: revisiting, into: &turn)
            return turn
        }
        apply(.skipped(step: step.id), to: &turn)
        turn.events.append(.notice("Skipped for now. To answer it later, type /review, then /change and its number."))
        advance(from: step.id, into: &turn, returning: revisiting)
        return turn
    }

    /// The questions on the path so far, numbered for `/change`.
    public var reviewItems: [ReviewItem] {
        plan.enumerated().map { n, entry in
            let q = entry.step.question!
            return ReviewItem(
                number: n + 1, step: entry.step.id,
                part: script.sections.first { $0.id == entry.step.sectionID }?.title ?? "",
                question: render(q.prompt) ?? "",
                answer: entry.value.map { AnswerText.inline($0, spec: q.answer) },
                skipped: entry.value == nil,
                entries: entry.value.flatMap { AnswerText.entries($0, spec: q.answer) })
        }
    }

    /// `/review`
    public func review() -> Turn {
        var turn = Turn(events: [.review(reviewItems)])
        if let step = currentStep { turn.events += ask(step) }
        return turn
    }

    /// A number as people write it after /change: `3`, `three`, `#3`, `number 3`, `no. 3`, `3.`.
    public static func answerNumber(_ typed: String) -> Int? {
        var text = typed.trimmedSpaces.lowercased()
        for prefix in ["number ", "no. ", "no ", "#"] where text.hasPrefix(prefix) {
            text = String(text.dropFirst(prefix.count)).trimmedSpaces
        }
        if text.hasSuffix(".") { text.removeLast() }
        if let n = Int(text) { return n }
        return AnswerParser.numberWords[text] ?? moreNumberWords[text]
    }

    static let moreNumberWords = [
        "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
        "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    ]

    /// `/change <step id or number>`: ask an earlier question again.
    public mutating func change(_ target: String) -> Turn {
        var turn = Turn()
        let items = reviewItems
        let wanted = target.trimmedSpaces.lowercased()
        guard !wanted.isEmpty else {
            turn.events.append(.invalid("Please say which answer to change, like /change 3. Type /review to see the numbers."))
            return turn
        }
        var stepID: String?
        if let n = Self.answerNumber(wanted) {
            stepID = items.first { $0.number == n }?.step
        } else if items.contains(where: { $0.step == wanted }) {
            stepID = wanted
        } else if let current = currentStep, current.id == wanted {
            stepID = wanted
        } else {
            // "/change lead", "/change my name": the words of a question, as people remember it.
            let fits = Self.questions(in: items, with: wanted)
            if fits.count == 1 {
                stepID = fits[0].step
            } else if fits.count > 1 {
                let numbers = fits.map { String($0.number) }
                let list = numbers.dropLast().joined(separator: ", ") + " and " + numbers[numbers.count - 1]
                turn.events.append(.invalid("More than one question has those words: numbers \(list). Type /change and the number of the one you mean."))
                if let step = currentStep { turn.events += ask(step) }
                return turn
            }
        }
        guard let stepID, let step = script.step(stepID) else {
            let range = items.isEmpty ? "" : " The numbers go from 1 to \(items.count)."
            let what = Self.answerNumber(wanted).map { "There is no answer number \($0)." } ?? "I could not find an answer called \"\(target)\"."
            turn.events.append(.invalid("\(what)\(range) Type /review to see them."))
            if let step = currentStep { turn.events += ask(step) }
            return turn
        }
        // Lines already typed into an unfinished list stay as its draft, ready when the person comes back to it.
        setFocus(stepID)
        turn.events += ask(step)
        return turn
    }

    /// The questions whose words hold every word typed after `/change` ("lead", "my name"), little
    /// words left out; none when only little words were typed.
    static func questions(in items: [ReviewItem], with typed: String) -> [ReviewItem] {
        let little: Set<String> = ["the", "a", "an", "my", "our", "answer", "question", "to", "about", "of", "one", "bit", "part", "for"]
        let words = AnswerParser.words(typed).filter { !little.contains($0) }
        guard !words.isEmpty else { return [] }
        // The question's words as people read them (a step's id is matched whole, before this).
        return items.filter { item in
            let said = Set(AnswerParser.words(item.question))
            return words.allSatisfy { said.contains($0) || said.contains($0 + "s") || ($0.hasSuffix("s") && said.contains(String($0.dropLast()))) }
        }
    }

    /// `/why`
    public func why() -> Turn {
        guard let step = currentStep, let q = step.question else {
            return Turn(events: [.notice("There is no question open right now.")])
        }
        if let why = render(q.why) { return Turn(events: [.why(why)]) }
        return Turn(events: [.why("This question helps build your plan. You can skip it with /skip if you would rather not answer.")])
    }

    /// `/progress`
    public func progressTurn() -> Turn {
        if isFinished { return Turn(events: [.finished(summary)]) }
        return Turn(events: [.progress(progress())])
    }

    /// The question again, as it stands (after a notice or an error outside the flow).
    public func repeatQuestion() -> [Event] {
        guard let step = currentStep else { return [] }
        if let q = step.question, case .records(let fields, _, _) = q.answer {
            // Numbered after the entries it holds, an answer being changed too.
            return [.field(fieldPrompt(step, fields: fields, draft: workingDraft(step) ?? Draft()))]
        }
        return ask(step)
    }
}
