import DialogueEngine

/// One plain line for each key and answer type, shown when an author hovers over it or picks it
/// from a completion list. The full story is in docs/dialogue-format.md.
extension DocumentIndex {
    static let keyHelp: [String: String] = [
        "dialogue": "the dialogue's id; the file is named after it",
        "version": "a whole number; raise it when questions change, so saved plans are matched to their version",
        "title": "the name people see in the menu",
        "summary": "one line under the title in the menu",
        // The words the checker knows (D021), so the two never differ.
        "audience": "who it is for, from: " + words(Vocabulary.audiences),
        "minutes": "about how long it takes",
        "serves": "what the plan helps with, as a list",
        "intro": "the first message people read",
        "choices": "named lists of options, used by more than one question (options: NAME)",
        "sections": "the parts of the conversation, in order",
        "steps": "the questions and messages of a section, in order",
        "id": "a short name, unique in the file, used by go:, when: and {holes}",
        "ask": "the question, in plain words",
        "say": "a message; the step asks nothing",
        "answer": "how the answer is typed: " + words(AnswerKind.allCases.map(\.rawValue), last: " or "),
        "hint": "a short help line under the question",
        "why": "why we ask, shown when the person types /why",
        "required": "true: the question cannot be passed over",
        "optional": "true: the question can be passed over (the default)",
        "options": "the choices of a pick question (key: label), a name from choices:, or {from: step}",
        "from": "an earlier pick-many or list question whose answer gives the options",
        "range": "the lowest and highest number, as [low, high]",
        "labels": "words for some numbers of a scale, such as 1: not at all",
        "min": "the fewest items, characters or choices: a number, or the id of an earlier number question",
        "max": "the most items, characters or choices: a number, or the id of an earlier number question",
        "fields": "the questions of each record",
        "when": "the step is only asked when this is true, such as mood <= 3",
        "next": "where to go after this step: a list of if: and go:",
        "if": "this branch is taken when this is true",
        "go": "the step to go to, or end",
        "action": "export: answering yes shows the plan",
        "after": "answers must be later than this: today, a date, or the id of an earlier date question",
        "before": "answers must be earlier than this: today, a date, or the id of an earlier date question",
        "check": "a condition the answer must meet, such as count(names) <= 5; message: says what to change",
        "message": "what to say when check: is false",
        "who": "in a group room: group (one answer for the group) or everyone (each person answers)",
        "start-with": "items a list or records answer begins with",
    ]

    /// Words in a row with commas between (and `last` before the last one).
    static func words(_ list: [String], last: String = ", ") -> String {
        list.count < 2 ? list.joined() : list.dropLast().joined(separator: ", ") + last + list[list.count - 1]
    }

    static let answerHelp: [AnswerKind: String] = [
        .text: "one line of words",
        .list: "one item per line; an empty line ends the list",
        .pickOne: "one of the options, by number or by its words",
        .pickMany: "some of the options, numbers or words with commas between",
        .yesNo: "yes or no",
        .number: "a number",
        .scale: "a whole number in a range, such as 1 to 5",
        .date: "a date: 1/3/2027, 2027-03-01, today, tomorrow, in 2 weeks, next monday",
        .records: "a repeat of fields, such as a name and a number for each contact",
    ]
}
