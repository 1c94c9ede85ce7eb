extension Session {
    /// The kind of answer the open question takes now: the question's own (as rules offer it), or
    /// for a records question, the field being typed. Nil when no question is open.
    var openAnswerSpec: AnswerSpec? {
        guard let step = conversation.currentStep, let question = step.question else { return nil }
        let spec = conversation.offered(question)
        guard case .records(let fields, _, _) = spec, !fields.isEmpty else { return spec }
        let draft = conversation.workingDraft(step) ?? Draft()
        return fields[Swift.min(draft.fieldIndex, fields.count - 1)].answer
    }

    /// Whether the words typed now are read as an answer that takes no words of one's own: a number,
    /// a scale, a date, a choice, yes or no (for a records question, the field being typed). There,
    /// words of distress are not a wrong answer, and "Please type a whole number" is not said after
    /// the contacts. At a text, a list or a field of text, a refusal says something else (the text is
    /// too long, the list is full): it is the only word of why the line was not taken, so it stays,
    /// and nothing typed goes without a word.
    var answerTakesNoWords: Bool {
        switch openAnswerSpec {
        case nil, .text?, .list?, .records?: return false
        case .pickOne?, .pickMany?, .yesNo?, .number?, .scale?, .date?: return true
        }
    }

    /// Whether `line` is taken as the open question's answer in closed words only (a choice's own
    /// label words, a number, a date, a yes or a no, and the parser's few fixed words): it holds no
    /// words of the person's own, so only the patterns hear it (`ClosedAnswer`).
    /// The words that end a list ("thats it x", "no thats all thanks") are not the person's own
    /// either: weighed, "thats it x" brought the gentle line at the end of a list.
    func answerHoldsNoOwnWords(_ line: String) -> Bool {
        guard let spec = openAnswerSpec else { return false }
        return endsTheList(line) || ClosedAnswer.holdsNoOwnWords(line, as: spec, today: conversation.today)
    }

    /// Whether `line` is only words that end the open list (or a list of records, at its first field).
    private func endsTheList(_ line: String) -> Bool {
        guard let step = conversation.currentStep, let question = step.question else { return false }
        switch conversation.offered(question) {
        case .list: return ListWords.finishes(line)
        case .records: return (conversation.workingDraft(step)?.fieldIndex ?? 0) == 0 && ListWords.finishes(line)
        default: return false
        }
    }
}
