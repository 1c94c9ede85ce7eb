/// The type of a value in a condition.
enum ValueType: Equatable {
    case text, number, bool, list, date, records, unknown

    var describe: String {
        switch self {
        case .text: "text"
        case .number: "a number"
        case .bool: "true or false"
        case .list: "a list"
        case .date: "a date"
        case .records: "a list of records"
        case .unknown: "unknown"
        }
    }

    init(_ kind: AnswerKind) {
        switch kind {
        case .text, .pickOne: self = .text
        case .list, .pickMany: self = .list
        case .yesNo: self = .bool
        case .number, .scale: self = .number
        case .date: self = .date
        case .records: self = .records
        }
    }
}

/// Types an expression against the script's answer types.
struct ExpressionTyper {
    struct Problem {
        var message: String
        var offset: Int
        var length: Int
        var help: String?
    }

    let script: Script
    var problems: [Problem] = []

    init(script: Script) { self.script = script }

    mutating func type(of e: Expression) -> ValueType {
        switch e {
        case .number: return .number
        case .string: return .text
        case .bool: return .bool
        case .name(let n, _):
            if n == "role" { return .text }
            return script.step(n)?.question.map { ValueType($0.answer.kind) } ?? .unknown
        case .answered: return .bool
        case .count(let n, let offset):
            let t = script.step(n)?.question.map { ValueType($0.answer.kind) } ?? .unknown
            if t != .list && t != .records && t != .unknown {
                problems.append(Problem(message: "count(\(n)) needs a list, records or pick-many question, but \"\(n)\" is \(t.describe)", offset: offset, length: n.count))
            }
            return .number
        case .not(let a):
            expect(a, .bool, "not")
            return .bool
        case .and(let a, let b), .or(let a, let b):
            expect(a, .bool, "and/or")
            expect(b, .bool, "and/or")
            return .bool
        case .compare(let op, let a, let b, let offset):
            let ta = type(of: a), tb = type(of: b)
            if ta == .unknown || tb == .unknown { return .bool }
            switch op {
            case .equal, .notEqual:
                if ta != tb || ta == .list || ta == .records {
                    let help = ta == .list ? "to ask whether a list holds something, write \"word\" in \(nameText(a))" : suggestion(op, a, b) ?? suggestion(op, b, a)
                    problems.append(Problem(message: "cannot compare \(ta.describe) with \(tb.describe) using \(op.rawValue)", offset: offset, length: op.rawValue.count, help: help))
                } else {
                    checkOption(a, b)
                    checkOption(b, a)
                }
            default:
                if !(ta == tb && (ta == .number || ta == .date)) {
                    problems.append(Problem(message: "\(op.rawValue) compares numbers, but this compares \(ta.describe) with \(tb.describe)", offset: offset, length: op.rawValue.count,
                                            help: choiceHelp(a, b) ?? choiceHelp(b, a)))
                }
            }
            return .bool
        case .contains(let a, let b, let offset):
            let ta = type(of: a), tb = type(of: b)
            if tb != .list && tb != .unknown {
                problems.append(Problem(message: "\"in\" needs a list or pick-many answer on its right, but this is \(tb.describe)", offset: offset, length: 2))
            } else if ta != .text && ta != .unknown {
                problems.append(Problem(message: "\"in\" needs text on its left, such as \"music\"", offset: offset, length: 2))
            } else {
                checkOption(b, a)
            }
            return .bool
        }
    }

    /// What the author most likely meant when a comparison mixes types: `answer == "no"` on a
    /// yes-no question is `answer == false`; `choice == 2` on a pick question is its 2nd key.
    private func suggestion(_ op: Expression.Comparison, _ nameSide: Expression, _ literal: Expression) -> String? {
        guard case .name(let n, _) = nameSide, let q = script.step(n)?.question else { return nil }
        if q.answer.kind == .yesNo, case .string(let word) = literal {
            let yes = ["yes", "y", "true", "yeah"].contains(word.lowercased())
            let no = ["no", "n", "false", "nope"].contains(word.lowercased())
            guard yes || no else { return nil }
            return "a yes-no answer is true or false, not text: write \(n) \(op.rawValue) \(yes)"
        }
        return choiceHelp(nameSide, literal)
    }

    /// `choice == 2` or `choice >= 2` on a pick-one question: it holds an option's key, not its number.
    private func choiceHelp(_ nameSide: Expression, _ literal: Expression) -> String? {
        guard case .name(let n, _) = nameSide, case .number(let number) = literal,
              let q = script.step(n)?.question, q.answer.kind == .pickOne || q.answer.kind == .pickMany else { return nil }
        let options = q.answer.options
        let keys = options.enumerated().map { "\($0 + 1) is \"\($1.key)\"" }.joined(separator: ", ")
        // `Int(exactly:)`: a literal can be far past any Int (99999999999999999999).
        if q.answer.kind == .pickOne, let whole = Int(exactly: number), whole >= 1, whole <= options.count {
            let key = options[whole - 1].key
            return "\(n) holds the key of the option chosen, not its number: write \(n) == \"\(key)\" (\(keys))"
        }
        if q.answer.kind == .pickMany, let first = options.first {
            return "\(n) holds the keys of the options chosen: write \"\(first.key)\" in \(n) (\(keys))"
        }
        return options.isEmpty ? nil : "\(n) holds the key of the option chosen, not a number; its options are: \(keys)"
    }

    private func nameText(_ e: Expression) -> String {
        if case .name(let n, _) = e { return n }
        return "the-list"
    }

    private mutating func expect(_ e: Expression, _ t: ValueType, _ op: String) {
        let actual = type(of: e)
        if actual != t && actual != .unknown {
            problems.append(Problem(message: "\(op) needs true or false, but this is \(actual.describe)", offset: firstOffset(e), length: 1))
        }
    }

    private func firstOffset(_ e: Expression) -> Int {
        e.names.first?.1 ?? 0
    }

    /// `pick == "x"` and `"x" in pick`: "x" must be one of the question's option keys.
    private mutating func checkOption(_ nameSide: Expression, _ literal: Expression) {
        guard case .name(let n, let offset) = nameSide, case .string(let key) = literal,
            let options = script.step(n)?.question?.answer.options, !options.isEmpty
        else { return }
        if !options.contains(where: { $0.key == key }) {
            let hint = Suggest.closest(to: key, in: options.map(\.key)).map { "did you mean \"\($0)\"?" } ?? "its options are: \(options.map(\.key).joined(separator: ", "))"
            problems.append(Problem(message: "\"\(n)\" has no option \"\(key)\", so this can never be true", offset: offset, length: n.count, help: hint))
        }
    }
}
