import Yams

/// Reads the rules of a question: `after:`/`before:`/`min:`/`max:` that name an earlier question
/// (a number or date written there is read by `AnswerSpecReader`), and `check:` with `message:`.
extension Builder {
    /// Whether a limit's value names a step rather than giving a number, a date, `today` or `yesterday`.
    static func isReference(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .singleQuoted || scalar.style == .doubleQuoted else { return false }
        let s = scalar.string.trimmingCharacters(in: .whitespaces)
        guard let first = s.unicodeScalars.first, ("a"..."z").contains(first), s != "today", s != "yesterday" else { return false }
        return s.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }

    func rules(_ map: [String: (key: Node, value: Node)], stepID: String?) -> Rules {
        var rules = Rules()
        for key in ["after", "before", "min", "max"] {
            guard let entry = map[key], Self.isReference(entry.value), let id = entry.value.string else { continue }
            let needed: [AnswerKind] = key == "after" || key == "before" ? [.date] : [.number, .scale]
            let what = key == "after" || key == "before" ? "an earlier date question" : "an earlier number or scale question"
            let location = reader.location(entry.value)
            guard let q = context.earlier[id]?.question else {
                let fitting = context.earlier.values.filter { $0.question.map { needed.contains($0.answer.kind) } ?? false }.map(\.id).sorted()
                let hint = Suggest.closest(to: id, in: fitting).map { "did you mean \"\($0)\"?" }
                let message: String
                if id == stepID {
                    message = "\(key): names \"\(id)\", its own question: a limit comes from an earlier question"
                } else if context.earlier[id] != nil {
                    message = "\(key): names \"\(id)\", which is a message and has no answer"
                } else if context.allIDs.contains(id) {
                    message = "\(key): names \"\(id)\", which is asked later, so it has no answer yet here"
                } else if key == "after" || key == "before" {
                    message = "a date limit is \"today\", \"yesterday\", a date like 2027-03-01, or the id of an earlier date question, not \"\(id)\""
                } else {
                    message = "\(key): is a whole number or the id of an earlier number question, not \"\(id)\""
                }
                reader.report(.badRuleReference, message, at: location, length: id.count, help: hint ?? "use \(what), or a fixed limit")
                continue
            }
            guard needed.contains(q.answer.kind), q.who != .everyone else {
                let why = q.who == .everyone ? "everyone answers it (who: everyone), so it has no one answer" : "it is a \(q.answer.kind.rawValue) question"
                reader.report(.badRuleReference, "\(key): names \"\(id)\", but \(why); \(key): needs \(what)", at: location, length: id.count)
                continue
            }
            switch key {
            case "after": rules.after = id
            case "before": rules.before = id
            case "min": rules.min = id
            default: rules.max = id
            }
        }
        if let entry = map["check"] { rules.check = condition(entry.value, what: "check") }
        rules.message = template(map["message"], what: "message")
        if map["check"] != nil, map["message"] == nil {
            reader.report(.checkWithoutMessage, "check: needs a message: that says what to change when the check fails", at: reader.location(map["check"]!.key), length: 5,
                          help: "add, for example, message: Please choose a date after the meeting.")
        } else if map["message"] != nil, map["check"] == nil {
            reader.report(.checkWithoutMessage, "message: is said when a check: fails, but this question has no check:", at: reader.location(map["message"]!.key), length: 7,
                          help: "add check: with a condition, such as check: count(names) <= 5, or remove message:")
        }
        return rules
    }
}
