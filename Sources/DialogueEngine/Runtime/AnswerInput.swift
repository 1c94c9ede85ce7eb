import Foundation

/// An answer as a program sends it (JSON mode), typed: checked against the question as it stands,
/// never turned into words and read back again. A person's typed line is `.text`.
public enum AnswerInput: Sendable, Equatable {
    case text(String)
    case number(Double)
    case bool(Bool)
    /// Several values at once: the choices of a `pick-many`, the items of a `list`.
    case list([AnswerInput])

    /// The words in it, for the check-in (what a person wrote, wherever it sits).
    public var words: [String] {
        switch self {
        case .text(let s): [s]
        case .list(let items): items.flatMap(\.words)
        case .number, .bool: []
        }
    }

    /// The same, with what could steer a terminal taken out of its text (see `Sanitize.line`).
    public var sanitized: AnswerInput {
        switch self {
        case .text(let s): .text(Sanitize.line(s))
        case .list(let items): .list(items.map(\.sanitized))
        case .number, .bool: self
        }
    }

    /// The value as typed words (for a door that only takes lines, such as a group room).
    public var line: String {
        switch self {
        case .text(let s): s
        case .number(let n): n.formatted
        case .bool(let b): b ? "yes" : "no"
        case .list(let items): items.map(\.line).joined(separator: ", ")
        }
    }
}

extension AnswerParser {
    /// Reads a typed answer as an answer of `spec` (`list` and `records` are `Conversation`'s).
    public func parse(_ input: AnswerInput, as spec: AnswerSpec) -> Outcome {
        if case .text(let s) = input { return parse(s, as: spec) }
        // Every answer type is named here, so a new one cannot be missed.
        switch spec {
        case .text, .list, .date, .records:
            if case .list = input, !(spec.kind == .text) { return .rejected("This question takes one answer, not a list.") }
            return parse(input.line, as: spec)
        case .yesNo:
            if case .bool(let b) = input { return .value(.bool(b)) }
            return parse(input.line, as: spec)
        case .number(let range):
            // Only a finite number is kept: NaN would pass a range's check, and break every later use.
            guard case .number(let n) = input, n.isFinite, range?.contains(n) ?? true else { return parse(input.line, as: spec) }
            return .value(.number(n))
        case .scale(let range, _):
            // `Int(exactly:)`: a number sent in JSON can be far past any Int (1e300), and must be refused, not trap.
            guard case .number(let n) = input, let whole = Int(exactly: n), range.contains(whole) else { return parse(input.line, as: spec) }
            return .value(.number(n))
        case .pickOne(let options):
            guard case .number(let n) = input, let number = Int(exactly: n), number >= 1, number <= options.count else { return parse(input.line, as: spec) }
            return .value(.choice(options[number - 1].key))
        case .pickMany(let options, let min, let max):
            guard case .list(let items) = input else { return parse(input.line, as: spec) }
            var keys: [String] = []
            for item in items {
                guard case .value(.choice(let key)) = parse(item, as: .pickOne(options: options)) else {
                    return .rejected("I could not find \"\(item.line)\" in the list. Send the choices' keys or numbers.")
                }
                if !keys.contains(key) { keys.append(key) }
            }
            if keys.isEmpty { return .rejected("Please choose at least one.") }
            if let min, keys.count < min { return .rejected("Please choose at least \(min).") }
            if let max, keys.count > max { return .rejected("Please choose no more than \(max). You chose \(keys.count).") }
            return .value(.choices(options.map(\.key).filter(keys.contains)))
        }
    }
}

extension Conversation {
    /// A typed answer to the current question. A list question takes the whole list at once.
    public mutating func answer(_ input: AnswerInput) -> Turn {
        if case .text(let line) = input { return answer(line) }
        var turn = Turn()
        guard let step = currentStep, let question = step.question else { return answer("") }
        let revisiting = focus != nil
        if case .list(let min, let max) = offered(question), case .list(let items) = input {
            let texts = items.map(\.line).map(\.trimmedSpaces).filter { !$0.isEmpty }
            if texts.isEmpty {
                turn.events.append(.invalid("Please send at least one thing, or /skip to leave this one for now."))
            } else if let min, texts.count < min {
                turn.events.append(.invalid("Please add at least \(min) things. You sent \(texts.count)."))
            } else if let max, texts.count > max {
                turn.events.append(.invalid("Please send no more than \(max) things. You sent \(texts.count)."))
            } else {
                settle(step, question: question, value: .list(texts), revisiting: revisiting, into: &turn)
            }
            return turn
        }
        // A list or records question otherwise takes its answer line by line.
        if question.answer.kind.isMultiLine { return answer(input.line) }
        switch AnswerParser(today: today, asked: question.prompt.source).parse(input, as: offered(question)) {
        case .rejected(let why): turn.events.append(.invalid(why))
        case .value(let value): settle(step, question: question, value: value, revisiting: revisiting, into: &turn)
        }
        return turn
    }
}
