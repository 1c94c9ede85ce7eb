import Foundation

/// One plan as `tandem sessions` lists it: what it is and how far it has got, never an answer.
public struct PlanSummary: Sendable, Equatable, Codable {
    public var id: String
    public var dialogueID: String
    public var dialogueTitle: String
    public var dialogueVersion: Int
    /// When the plan was started.
    public var started: Date
    /// When it last changed.
    public var updated: Date
    /// Questions answered on the plan's path so far.
    public var answered: Int
    /// Questions skipped on the plan's path so far.
    public var skipped: Int
    /// The part of the dialogue the plan is in, and how many parts there are.
    public var part: Int
    public var parts: Int
    public var finished: Bool

    public init(id: String, dialogueID: String, dialogueTitle: String, dialogueVersion: Int, started: Date, updated: Date, answered: Int, skipped: Int, part: Int, parts: Int, finished: Bool) {
        self.id = id
        self.dialogueID = dialogueID
        self.dialogueTitle = dialogueTitle
        self.dialogueVersion = dialogueVersion
        self.started = started
        self.updated = updated
        self.answered = answered
        self.skipped = skipped
        self.part = part
        self.parts = parts
        self.finished = finished
    }
}
