extension Session {
    /// Whether the words typed now are read as an answer that takes no words of one's own: a number,
    /// a scale, a date, a choice, yes or no (for a records question, the field being typed). There,
    /// words of distress are not a wrong answer, and "Please type a whole number" is not said after
    /// the contacts. At a text, a list or a field of text, a refusal says something else (the text is
    /// too long, the list is full): it is the only word of why the line was not taken, so it stays,
    /// and nothing typed goes without a word.
    var answerTakesNoWords: Bool {
        guard let step = conversation.currentStep, let question = step.question else { return false }
        var spec = conversation.offered(question)
        if case .records(let fields, _, _) = spec, !fields.isEmpty {
            let draft = conversation.workingDraft(step) ?? Draft()
            spec = fields[Swift.min(draft.fieldIndex, fields.count - 1)].answer
        }
        switch spec {
        case .text, .list, .records: return false
        case .pickOne, .pickMany, .yesNo, .number, .scale, .date: return true
        }
    }

    /// The open question is answered yes or no.
    var isYesNoQuestion: Bool {
        guard let question = conversation.currentStep?.question, case .yesNo = conversation.offered(question) else { return false }
        return true
    }
}
