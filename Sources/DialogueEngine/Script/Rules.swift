/// Rules across answers: limits that come from earlier answers, and a question's own `check:`.
///
///     - id: review-date
///       ask: When shall we look at this again?
///       answer: date
///       after: meeting-date          # later than the date given to meeting-date
///     - id: names
///       ask: Who will come?
///       answer: list
///       max: how-many                # no more names than the number given to how-many
///       check: count(names) >= 1
///       message: Please name at least one person.
public struct Rules: Sendable {
    /// `after:` / `before:` naming an earlier date question.
    public var after: String?
    public var before: String?
    /// `min:` / `max:` naming an earlier number or scale question (whole numbers, rounded down).
    public var min: String?
    public var max: String?
    /// `check:` (true for an answer to be taken, with this answer under the question's own id)
    /// and `message:` (what to say when it is false).
    public var check: Located<Expression>?
    public var message: Template?

    public init(after: String? = nil, before: String? = nil, min: String? = nil, max: String? = nil,
                check: Located<Expression>? = nil, message: Template? = nil) {
        self.after = after
        self.before = before
        self.min = min
        self.max = max
        self.check = check
        self.message = message
    }

    public var isEmpty: Bool { after == nil && before == nil && min == nil && max == nil && check == nil }

    /// Whether a limit comes from another answer (`references` is not empty), without building
    /// the list: asked on every answer.
    public var hasReferences: Bool { after != nil || before != nil || min != nil || max != nil }

    /// The steps the limits name, with the key that names each.
    public var references: [(key: String, id: String)] {
        [("after", after), ("before", before), ("min", min), ("max", max)].compactMap { key, id in id.map { (key, $0) } }
    }
}
