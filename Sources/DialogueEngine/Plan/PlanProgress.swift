/// How far a plan has got, and under which dialogue: what a store keeps beside a plan's changes so
/// it can list plans without reading them (never an answer). The engine works it out; stores keep it.
public struct PlanProgress: Sendable, Equatable, Codable {
    public var dialogueID: String
    public var dialogueVersion: Int
    public var contentHash: String
    public var title: String
    /// Questions answered and skipped on the plan's path so far.
    public var answered: Int
    public var skipped: Int
    /// The part the plan is in, of how many.
    public var part: Int
    public var parts: Int
    public var finished: Bool

    public init(dialogueID: String, dialogueVersion: Int, contentHash: String, title: String, answered: Int, skipped: Int, part: Int, parts: Int, finished: Bool) {
        self.dialogueID = dialogueID
        self.dialogueVersion = dialogueVersion
        self.contentHash = contentHash
        self.title = title
        self.answered = answered
        self.skipped = skipped
        self.part = part
        self.parts = parts
        self.finished = finished
    }

    /// Where a conversation stands now.
    public init(_ conversation: Conversation) {
        let script = conversation.script
        let progress = conversation.progress()
        self.init(
            dialogueID: script.id, dialogueVersion: script.version, contentHash: script.contentHash, title: script.title,
            answered: progress.answered, skipped: progress.skipped, part: progress.part, parts: progress.parts,
            finished: conversation.isFinished)
    }
}
