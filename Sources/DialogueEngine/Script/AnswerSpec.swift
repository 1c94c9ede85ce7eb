/// How a question's answer is typed in and stored.
public enum AnswerSpec: Sendable {
    case text(min: Int?, max: Int?)
    case list(min: Int?, max: Int?)
    case pickOne(options: [Option])
    case pickMany(options: [Option], min: Int?, max: Int?)
    case yesNo
    case number(range: ClosedRange<Double>?)
    case scale(range: ClosedRange<Int>, labels: [Int: String])
    case date(after: DateBound?, before: DateBound?)
    case records(fields: [Field], min: Int?, max: Int?)

    /// The name authors write after `answer:`.
    public var kind: AnswerKind {
        switch self {
        case .text: .text
        case .list: .list
        case .pickOne: .pickOne
        case .pickMany: .pickMany
        case .yesNo: .yesNo
        case .number: .number
        case .scale: .scale
        case .date: .date
        case .records: .records
        }
    }

    /// Options of a pick question; empty otherwise.
    public var options: [Option] {
        switch self {
        case .pickOne(let o), .pickMany(let o, _, _): o
        default: []
        }
    }

    /// Whether the answer is typed over several lines (ends on an empty line).
    public var isMultiLine: Bool {
        switch self {
        case .list, .records: true
        default: false
        }
    }
}

/// Answer type names: a fixed contract with dialogue authors.
public enum AnswerKind: String, Sendable, CaseIterable, Codable {
    case text
    case list
    case pickOne = "pick-one"
    case pickMany = "pick-many"
    case yesNo = "yes-no"
    case number
    case scale
    case date
    case records

    /// Typed over several lines, ending on an empty line.
    public var isMultiLine: Bool { self == .list || self == .records }
}

/// One option of a pick question.
public struct Option: Sendable, Hashable {
    public var key: String
    public var label: String
    public init(key: String, label: String) {
        self.key = key
        self.label = label
    }
}

/// One field of a `records` answer.
public struct Field: Sendable {
    public var id: String
    public var prompt: Template
    public var answer: AnswerSpec
    /// A short help line under the field (`hint:`).
    public var hint: Template?
    /// `required: true`: the field cannot be left blank in a record (the first field never can be
    /// left blank anyway: an empty line there ends the list).
    public var required: Bool
    public init(id: String, prompt: Template, answer: AnswerSpec, hint: Template? = nil, required: Bool = false) {
        self.id = id
        self.prompt = prompt
        self.answer = answer
        self.hint = hint
        self.required = required
    }
}

/// A limit on a date answer: a fixed ISO date, `today`, or `yesterday` (`after: yesterday` takes
/// today or a day to come, for a step someone will take: "today" is a fine answer to that).
public enum DateBound: Sendable, Equatable {
    case today
    case yesterday
    case fixed(SimpleDate)
}
