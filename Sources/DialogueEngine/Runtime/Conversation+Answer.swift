extension Conversation {
    /// Takes one line typed as an answer to the current question.
    public mutating func answer(_ line: String) -> Turn {
        var turn = Turn()
        guard let step = currentStep, let question = step.question else {
            turn.events.append(.notice("Your plan is complete. Type /review to look over it, /change and a number to change an answer, /export to see it, or /quit to finish."))
            return turn
        }
        let input = line.trimmedSpaces
        let revisiting = focus != nil
        // "idk", "not sure" and nothing more, where the question asks for their own words: not
        // kept as their goal, or as a thing in their list; the question is left for now.
        let notKnowing = takesOwnWords(step, question) && Self.onlyNotKnowing(input)
        // "no one really", "nobody" for the first person of a list of people: not a person to keep
        // ("How can they be reached?" came next), and the question is left for now.
        let noOne = !notKnowing && Self.isRecords(question.answer) && (workingDraft(step).map { $0.records.isEmpty && $0.fieldIndex == 0 } ?? true)
            && ListWords.saysNoOne(input)
        if !revisiting, !question.required, notKnowing || noOne {
            var skipped = skip()
            skipped.events = skipped.events.map {
                if case .notice(let words) = $0, words.hasPrefix("Skipped for now.") {
                    return .notice(noOne
                        ? "That is OK. I have left this one for now. If someone comes to mind later, type /review, then /change and its number."
                        : "That is OK. You do not have to know yet, so I have left this one for now. To answer it later, type /review, then /change and its number.")
                }
                return $0
            }
            return skipped
        }
        switch offered(question) {
        case .list(let min, let max):
            answerList(input, step: step, min: min, max: max, revisiting: revisiting, into: &turn)
        case .records(let fields, let min, let max):
            answerRecord(input, step: step, fields: fields, min: min, max: max, revisiting: revisiting, into: &turn)
        case .text, .pickOne, .pickMany, .yesNo, .number, .scale, .date:
            if input.isEmpty {
                if revisiting, standingAnswer(step, question) != nil {
                    turn.events.append(.notice("Kept your answer."))
                    advance(from: step.id, into: &turn, returning: true)
                } else {
                    turn.events.append(.invalid(emptyMessage(question)))
                }
                return turn
            }
            switch AnswerParser(today: today, asked: question.prompt.source).parse(input, as: offered(question)) {
            case .rejected(let why):
                // "when i can" at a date: maybe no day can be chosen yet.
                let unsure = !question.required && (AnswerParser.leavesItOpen(input) || DateParser.leftOpen(input))
                // "n/a"; "dont work", "im retired" at a number or a score ("How are things with work or study?").
                let notForMe = !question.required && !unsure
                    && (AnswerParser.soundsNotApplicable(input) || Self.isAmount(offered(question)) && AnswerParser.saysNotMine(input))
                // "not yet", "no" at a date: no day to give yet.
                let noneYet = !question.required && !unsure && !notForMe && Self.isDate(offered(question)) && AnswerParser.yesOrNo(input) == false
                turn.events.append(.invalid(
                    unsure ? why + " If you are not sure, you can type /skip to leave this one for now."
                        : notForMe ? why + " If this question does not fit you, you can type /skip to leave it out."
                        : noneYet ? why + " If you do not have a date yet, you can type /skip to leave this one for now." : why))
            case .value(let value):
                sayWhichDay(value, typed: input, into: &turn)
                settle(step, question: question, value: value, revisiting: revisiting, into: &turn)
            }
        }
        return turn
    }

    static func isAmount(_ spec: AnswerSpec) -> Bool {
        switch spec {
        case .number, .scale: return true
        default: return false
        }
    }

    /// A list of records whose first field is words of their own (a name, most often).
    static func isRecords(_ spec: AnswerSpec) -> Bool {
        if case .records(let fields, _, _) = spec, case .text? = fields.first?.answer { return true }
        return false
    }

    static func isDate(_ spec: AnswerSpec) -> Bool {
        if case .date = spec { return true }
        return false
    }

    /// "next friday", "14/1", "end of the month": says which day was taken, so a wrong reading can
    /// be changed at once. A date typed as 2027-01-14 needs no echo.
    private func sayWhichDay(_ value: AnswerValue, typed: String, into turn: inout Turn) {
        guard case .date(let d) = value, typed != d.iso else { return }
        // "next tuesday" said on a Monday is taken as tomorrow, which some mean and some do not:
        // the word "tomorrow" makes that plain (and "today" a date typed as today's).
        let near = d == today ? "today, " : (d == today.adding(days: 1) ? "tomorrow, " : "")
        let said = DateParser.normalized(typed)
        let plain = near.isEmpty || said.hasPrefix(near.dropLast(2)) || DateParser.tomorrowWords.contains(said)
        turn.events.append(.notice("That is \(plain ? "" : near)\(d.spoken)."))
    }

    /// The multi-line answer being typed: a draft in progress, or, when a list or records question is
    /// asked again, the answer already given (so new lines add to it and /back takes out the last one).
    func workingDraft(_ step: Step) -> Draft? {
        if let draft = state.drafts[step.id] { return draft }
        guard focus == step.id else { return startingDraft(step) }
        switch state.answers[step.id] {
        case .list(let items)?: return Draft(items: items)
        case .records(let records)?: return Draft(records: records)
        default: return startingDraft(step)
        }
    }

    /// The draft a question begins with: its `start-with:` items, until it has an answer or is skipped.
    func startingDraft(_ step: Step) -> Draft? {
        guard !state.isSettled(step.id), let start = step.question?.startWith else { return nil }
        switch start {
        case .list(let items): return Draft(items: items)
        case .records(let records): return Draft(records: records)
        default: return nil
        }
    }

    /// The draft shown with a question: one being typed, else the `start-with:` items.
    func shownDraft(_ step: Step) -> Draft? { state.drafts[step.id] ?? startingDraft(step) }

    func emptyMessage(_ q: Question) -> String {
        q.required ? "Please type an answer. This one is needed to go on." : "Please type an answer, or type /skip to leave this one for now."
    }

    mutating func settle(_ step: Step, question: Question, value: AnswerValue, revisiting: Bool, into turn: inout Turn) {
        if let message = failedCheck(step, question, value) {
            // A list or records answer stays as typed, so the person can add to it or /back.
            switch value {
            case .list(let items): apply(.draft(step: step.id, value: Draft(items: items)), to: &turn)
            case .records(let records): apply(.draft(step: step.id, value: Draft(records: records)), to: &turn)
            default: break
            }
            turn.events.append(.invalid(message))
            return
        }
        let before = state.answers[step.id]
        apply(.answered(step: step.id, value: value), to: &turn)
        if revisiting {
            // A question skipped before had no answer to keep or change.
            let words = before == nil ? "Saved your answer." : before != value ? "Changed." : "Kept your answer."
            turn.events.append(.notice(words))
        }
        if question.action == .export, value == .bool(true) {
            // The session writes the plan in (`Session.commit`), with the person's details and the
            // contacts, once the turn is taken: written here too, it would be written twice.
            turn.events.append(.export(format: .text, text: ""))
        }
        advance(from: step.id, into: &turn, returning: revisiting)
    }

    private mutating func answerList(_ input: String, step: Step, min: Int?, max: Int?, revisiting: Bool, into turn: inout Turn) {
        var draft = workingDraft(step) ?? Draft()
        // "done", "that's it", "no more": the list is finished, as an empty line says.
        let input = !draft.items.isEmpty && ListWords.finishes(input) ? "" : input
        guard input.isEmpty else {
            // Full already (an answer being changed, or a limit from an earlier answer that fell):
            // nothing more goes in, or the limit would not hold.
            if let max, draft.items.count >= max {
                turn.events.append(.invalid("You have \(max) \(max == 1 ? "thing" : "things") already, the most this question takes. Press Enter to keep \(max == 1 ? "it" : "them"), or type /back to take out the last one."))
                return
            }
            draft.items.append(input)
            if let max, draft.items.count >= max {
                finishList(draft.items, step: step, into: &turn, revisiting: revisiting)
                return
            }
            apply(.draft(step: step.id, value: draft), to: &turn)
            turn.events.append(.itemAdded(step: step.id, count: draft.items.count))
            return
        }
        if draft.items.isEmpty {
            if revisiting, state.answers[step.id] != nil, state.drafts[step.id] == nil {
                turn.events.append(.notice("Kept your answer."))
                advance(from: step.id, into: &turn, returning: true)
            } else if revisiting, state.answers[step.id] != nil {
                // Everything was taken out with /back: the old answer does not quietly come back.
                turn.events.append(.invalid("You have taken everything out. Please type at least one thing, then press Enter on an empty line. Or type /skip to leave this question with no answer."))
            } else {
                turn.events.append(.invalid("Please type at least one thing, then press Enter on an empty line. Or type /skip to leave this one for now."))
            }
            return
        }
        if let min, draft.items.count < min {
            turn.events.append(.invalid("Please add at least \(min) things. You have \(draft.items.count) so far."))
            return
        }
        finishList(draft.items, step: step, into: &turn, revisiting: revisiting)
    }

    private mutating func finishList(_ items: [String], step: Step, into turn: inout Turn, revisiting: Bool) {
        guard let q = step.question else { return }
        settle(step, question: q, value: .list(items), revisiting: revisiting, into: &turn)
    }

    private mutating func answerRecord(_ input: String, step: Step, fields: [Field], min: Int?, max: Int?, revisiting: Bool, into turn: inout Turn) {
        guard let q = step.question, !fields.isEmpty else { return }
        var draft = workingDraft(step) ?? Draft()
        let input = draft.fieldIndex == 0 && !draft.records.isEmpty && (ListWords.finishes(input) || ListWords.saysNoOne(input)) ? "" : input
        let field = fields[Swift.min(draft.fieldIndex, fields.count - 1)]
        if draft.fieldIndex == 0, !input.isEmpty, let max, draft.records.count >= max {
            // Full already, as a list can be: a new entry would break the limit.
            turn.events.append(.invalid("You have \(max) already, the most this question takes. Press Enter to keep \(max == 1 ? "it" : "them"), or type /back to change the last one."))
            turn.events.append(.field(fieldPrompt(step, fields: fields, draft: draft)))
            return
        }
        if draft.fieldIndex == 0 && input.isEmpty {
            // An empty line at a record's first field ends the list.
            if draft.records.isEmpty {
                if revisiting, state.answers[step.id] != nil {
                    turn.events.append(.notice("Kept your answer."))
                    advance(from: step.id, into: &turn, returning: true)
                } else {
                    turn.events.append(.invalid("Please fill in at least one, or type /skip to leave this one for now."))
                    turn.events.append(.field(fieldPrompt(step, fields: fields, draft: draft)))
                }
                return
            }
            if let min, draft.records.count < min {
                turn.events.append(.invalid("Please add at least \(min). You have \(draft.records.count) so far."))
                turn.events.append(.field(fieldPrompt(step, fields: fields, draft: draft)))
                return
            }
            settle(step, question: q, value: .records(draft.records), revisiting: revisiting, into: &turn)
            return
        }
        if input.isEmpty, field.required {
            turn.events.append(.invalid("This one is needed for each entry. Please type it."))
            turn.events.append(.field(fieldPrompt(step, fields: fields, draft: draft)))
            return
        }
        if input.isEmpty {
            draft.partial[field.id] = .text("")
        } else {
            switch AnswerParser(today: today, asked: field.prompt.source).parse(input, as: field.answer) {
            case .rejected(let why):
                let empty = !field.required && (AnswerParser.leavesItOpen(input) || DateParser.leftOpen(input)) ? " If you are not sure, press Enter to leave it empty." : ""
                turn.events.append(.invalid(why + empty))
                turn.events.append(.field(fieldPrompt(step, fields: fields, draft: draft)))
                return
            case .value(let v):
                sayWhichDay(v, typed: input, into: &turn)
                draft.partial[field.id] = v
            }
        }
        draft.fieldIndex += 1
        if draft.fieldIndex == fields.count {
            draft.records.append(draft.partial.filter { $0.value != .text("") })
            draft.partial = [:]
            draft.fieldIndex = 0
            if let max, draft.records.count >= max {
                settle(step, question: q, value: .records(draft.records), revisiting: revisiting, into: &turn)
                return
            }
        }
        apply(.draft(step: step.id, value: draft), to: &turn)
        turn.events.append(.field(fieldPrompt(step, fields: fields, draft: draft)))
    }
}

extension Conversation {
    /// In a group room: records each person's own answer to the current question (`who: everyone`)
    /// as one answer, and moves on. When everyone passed, the question is skipped (or, when it is
    /// required, stays open).
    public mutating func answerTogether(_ views: [AnswerValue.View]) -> Turn {
        guard let step = currentStep, let question = step.question else { return Turn() }
        guard views.contains(where: { $0.value != nil }) else { return skip() }
        var turn = Turn()
        settle(step, question: question, value: .views(views), revisiting: focus != nil, into: &turn)
        return turn
    }

    /// Reads one person's answer to the current question without keeping it (a group member's own
    /// answer, held until everyone has answered). Questions answered over several lines are not read.
    public func read(_ line: String) -> AnswerParser.Outcome {
        guard let question = currentStep?.question else { return .rejected("There is no question open right now.") }
        let input = line.trimmedSpaces
        if input.isEmpty { return .rejected(emptyMessage(question)) }
        return AnswerParser(today: today, asked: question.prompt.source).parse(input, as: offered(question))
    }
}

extension Conversation {
    /// A text question, or a list with nothing in it yet.
    func takesOwnWords(_ step: Step, _ question: Question) -> Bool {
        // The question's own kind: a rule may change its limits, never its kind (and `offered`
        // works the rules out, which this, on every answer, need not).
        switch question.answer {
        case .text: true
        case .list: (workingDraft(step)?.items ?? []).isEmpty
        default: false
        }
    }

    /// The whole line says only that they do not know: "idk", "dunno", "not sure yet", "no idea tbh".
    static func onlyNotKnowing(_ input: String) -> Bool {
        // The longest of these ("i really dont know to be honest") is short: most answers are let go
        // at once, as every answer at a text or list question comes here.
        guard input.utf8.count <= 48, !input.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        // (`AnswerParser.words` reads a curly apostrophe as a straight one.)
        var words = AnswerParser.words(input).map { $0.utf8.contains(UInt8(ascii: "'")) ? $0.filter { $0 != "'" } : $0 }
        words.removeTrailing([["yet"], ["tbh"], ["really"], ["sorry"], ["at", "the", "moment"], ["right", "now"], ["atm"], ["to", "be", "honest"]])
        if let first = words.first, ["um", "erm", "hmm", "hm", "er", "honestly", "i", "oh", "well"].contains(first), words.count > 1, notKnowing.contains(Array(words.dropFirst())) { return true }
        return notKnowing.contains(words)
    }

    static let notKnowing: Set<[String]> = [
        ["idk"], ["dunno"], ["dno"], ["unsure"], ["not", "sure"], ["im", "not", "sure"], ["i", "am", "not", "sure"], ["no", "idea"],
        ["i", "have", "no", "idea"], ["ive", "no", "idea"], ["dont", "know"], ["i", "dont", "know"], ["do", "not", "know"],
        ["i", "do", "not", "know"], ["no", "clue"], ["not", "a", "clue"], ["havent", "a", "clue"], ["i", "dunno"], ["idek"],
        ["i", "really", "dont", "know"], ["not", "really", "sure"], ["not", "sure", "really"],
    ]
}
