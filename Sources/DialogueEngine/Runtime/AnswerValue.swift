/// An answer as stored: typed, never a display string.
public enum AnswerValue: Sendable, Equatable, Codable {
    case text(String)
    case list([String])
    /// A pick-one option key.
    case choice(String)
    /// Pick-many option keys, in option order.
    case choices([String])
    case bool(Bool)
    case number(Double)
    case date(SimpleDate)
    case records([Record])
    /// Each person's own answer to a `who: everyone` question in a group room, in the order given.
    case views([View])

    /// One person's answer in a group; `value` is nil when they passed.
    public struct View: Sendable, Equatable, Codable {
        public var name: String
        public var value: AnswerValue?

        public init(name: String, value: AnswerValue?) {
            self.name = name
            self.value = value
        }
    }

    /// One record of a `records` answer: field id to value (fields left empty are absent).
    public typealias Record = [String: AnswerValue]

    private enum CodingKeys: String, CodingKey { case type, value }
    private enum Kind: String, Codable { case text, list, choice, choices, bool, number, date, records, views }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.decode(Kind.self, forKey: .type) {
        case .text: self = .text(try c.decode(String.self, forKey: .value))
        case .list: self = .list(try c.decode([String].self, forKey: .value))
        case .choice: self = .choice(try c.decode(String.self, forKey: .value))
        case .choices: self = .choices(try c.decode([String].self, forKey: .value))
        case .bool: self = .bool(try c.decode(Bool.self, forKey: .value))
        case .number: self = .number(try c.decode(Double.self, forKey: .value))
        case .date: self = .date(try c.decode(SimpleDate.self, forKey: .value))
        case .records: self = .records(try c.decode([Record].self, forKey: .value))
        case .views: self = .views(try c.decode([View].self, forKey: .value))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .text(let v): try c.encode(Kind.text, forKey: .type); try c.encode(v, forKey: .value)
        case .list(let v): try c.encode(Kind.list, forKey: .type); try c.encode(v, forKey: .value)
        case .choice(let v): try c.encode(Kind.choice, forKey: .type); try c.encode(v, forKey: .value)
        case .choices(let v): try c.encode(Kind.choices, forKey: .type); try c.encode(v, forKey: .value)
        case .bool(let v): try c.encode(Kind.bool, forKey: .type); try c.encode(v, forKey: .value)
        case .number(let v): try c.encode(Kind.number, forKey: .type); try c.encode(v, forKey: .value)
        case .date(let v): try c.encode(Kind.date, forKey: .type); try c.encode(v, forKey: .value)
        case .records(let v): try c.encode(Kind.records, forKey: .type); try c.encode(v, forKey: .value)
        case .views(let v): try c.encode(Kind.views, forKey: .type); try c.encode(v, forKey: .value)
        }
    }

    /// Whether this value fits an answer type (used when a dialogue changed under a saved plan).
    public func fits(_ spec: AnswerSpec) -> Bool {
        if case .views(let views) = self { return views.allSatisfy { $0.value?.fits(spec) ?? true } }
        // Every answer type is named, so a new one cannot be missed.
        switch spec {
        case .text: if case .text = self { return true }
        case .list: if case .list = self { return true }
        case .yesNo: if case .bool = self { return true }
        case .number: if case .number = self { return true }
        case .date: if case .date = self { return true }
        case .records: if case .records = self { return true }
        case .scale(let range, _):
            if case .number(let n) = self { return n == n.rounded() && n >= Double(range.lowerBound) && n <= Double(range.upperBound) }
        case .pickOne(let options):
            if case .choice(let k) = self { return options.contains { $0.key == k } }
        case .pickMany(let options, _, _):
            if case .choices(let ks) = self { return ks.allSatisfy { k in options.contains { $0.key == k } } }
        }
        return false
    }
}
