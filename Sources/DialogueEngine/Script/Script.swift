/// A position in a dialogue file: 1-based line and column.
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}

/// A loaded, checked dialogue script. Immutable and shareable between sessions.
public struct Script: Sendable {
    public var id: String
    public var version: Int
    public var title: String
    public var summary: String
    public var audience: [String]
    public var minutes: Int?
    public var serves: [String]
    public var intro: Template?
    public var sections: [Section]
    /// The file it was read from, as given.
    public var file: String
    /// SHA-256 of the file's bytes, hex: tells a changed dialogue from the one a plan began with.
    public var contentHash: String
    /// Where the top-level keys were found, for diagnostics.
    public var location: SourceLocation

    /// Every step in reading order, sections flattened.
    public let steps: [Step]
    private let indexByID: [String: Int]

    public init(
        id: String, version: Int, title: String, summary: String, audience: [String],
        minutes: Int?, serves: [String], intro: Template?, sections: [Section],
        file: String, contentHash: String, location: SourceLocation
    ) {
        self.id = id
        self.version = version
        self.title = title
        self.summary = summary
        self.audience = audience
        self.minutes = minutes
        self.serves = serves
        self.intro = intro
        self.sections = sections
        self.file = file
        self.contentHash = contentHash
        self.location = location
        let steps = sections.flatMap(\.steps)
        self.steps = steps
        var index: [String: Int] = [:]
        for (i, step) in steps.enumerated() where index[step.id] == nil { index[step.id] = i }
        self.indexByID = index
    }

    /// The position of a step in `steps`, by id.
    public func index(of stepID: String) -> Int? { indexByID[stepID] }

    /// A step by id.
    public func step(_ id: String) -> Step? { indexByID[id].map { steps[$0] } }

    /// The section a step belongs to.
    public func section(of stepID: String) -> Section? {
        sections.first { $0.steps.contains { $0.id == stepID } }
    }

    /// Questions only, in reading order.
    public var questions: [Step] { steps.filter { $0.question != nil } }
}

/// A titled group of steps.
public struct Section: Sendable {
    public var id: String
    public var title: String
    public var steps: [Step]
    public var location: SourceLocation

    public init(id: String, title: String, steps: [Step], location: SourceLocation) {
        self.id = id
        self.title = title
        self.steps = steps
        self.location = location
    }
}

/// One step of a dialogue: a message (`say:`) or a question (`ask:` + `answer:`).
///
/// A class, immutable once loaded: the engine hands steps around on every turn, and sharing one
/// reference costs a single retain where copying the struct cost one per field.
public final class Step: Sendable {
    public let id: String
    public let sectionID: String
    public let content: Content
    /// Relevance: the step is passed over when this is false.
    public let when: Located<Expression>?
    /// Where to go after this step; empty means the next step in order.
    public let next: [Branch]
    public let location: SourceLocation

    public enum Content: Sendable {
        case say(Template)
        case ask(Question)
    }

    public init(
        id: String, sectionID: String, content: Content, when: Located<Expression>?,
        next: [Branch], location: SourceLocation
    ) {
        self.id = id
        self.sectionID = sectionID
        self.content = content
        self.when = when
        self.next = next
        self.location = location
    }

    public var question: Question? {
        if case .ask(let q) = content { return q }
        return nil
    }
}

/// A question and how its answer is read.
public final class Question: Sendable {
    public let prompt: Template
    public let answer: AnswerSpec
    public let hint: Template?
    public let why: Template?
    public let required: Bool
    /// `action: export`: answering yes shows the plan.
    public let action: Action?
    /// In a group room, who answers (`who:`); a person on their own answers every question.
    public let who: Who
    /// `start-with:`: the items a list or records answer begins with (already in the plan).
    public let startWith: AnswerValue?
    /// `options: {from: step}`: the options are only what that earlier pick-many question chose, or
    /// the items that earlier list question holds (see `Conversation.offered(_:)`).
    public let optionsFrom: String?
    /// Limits taken from earlier answers, and the question's own `check:` (see `Rules`).
    public let rules: Rules

    public enum Action: String, Sendable { case export }

    /// `who:` values.
    public enum Who: String, Sendable, CaseIterable {
        /// One answer for the whole group, typed by the facilitator (the default).
        case group
        /// Each person gives their own answer; all are shown together once everyone has answered.
        case everyone
    }

    public init(
        prompt: Template, answer: AnswerSpec, hint: Template? = nil, why: Template? = nil,
        required: Bool = false, action: Action? = nil, who: Who = .group, startWith: AnswerValue? = nil,
        optionsFrom: String? = nil, rules: Rules = Rules()
    ) {
        self.prompt = prompt
        self.answer = answer
        self.hint = hint
        self.why = why
        self.required = required
        self.action = action
        self.who = who
        self.startWith = startWith
        self.optionsFrom = optionsFrom
        self.rules = rules
    }
}

/// One `next:` branch: `if:` (optional) and `go:`.
public struct Branch: Sendable {
    public var condition: Located<Expression>?
    public var target: Located<String>
    public init(condition: Located<Expression>?, target: Located<String>) {
        self.condition = condition
        self.target = target
    }
    /// `go: end` finishes the dialogue.
    public static let endTarget = "end"
}

/// A value with the place it was written.
public struct Located<Value: Sendable>: Sendable {
    public var value: Value
    public var location: SourceLocation
    /// The source text, for diagnostics.
    public var text: String
    /// Where each character of `text` was written, and one more for its end (empty when not
    /// known: then a character is placed by counting columns from `location`).
    public var places: [SourceLocation]
    public init(_ value: Value, at location: SourceLocation, text: String, places: [SourceLocation] = []) {
        self.value = value
        self.location = location
        self.text = text
        self.places = places
    }

    /// Where the character at `offset` in `text` was written: on its own line and column even
    /// when the text had escapes (`\"`) or ran over several lines.
    public func location(at offset: Int) -> SourceLocation {
        if offset >= 0, offset < places.count { return places[offset] }
        var loc = location
        loc.column += max(0, offset)
        return loc
    }
}
