import DialogueEngine
import Foundation

/// One plan as a store keeps it: its journal of changes and what a list shows about it.
public struct StoredPlan: Sendable, Equatable {
    /// The plan's id, as `tandem sessions` shows it (e.g. `k7qm3xrt`).
    public var id: String
    /// The dialogue, its version and content hash, and how far the plan got, as last saved.
    public var progress: PlanProgress
    public var created: Date
    public var updated: Date
    /// The code that opens it: the one it was opened with, a fresh one from `begin`, or nil when it
    /// was opened by its id.
    public var code: String?
    /// Every change so far, oldest first.
    public var changes: [Change]

    public init(id: String, progress: PlanProgress, created: Date, updated: Date, code: String?, changes: [Change]) {
        self.id = id
        self.progress = progress
        self.created = created
        self.updated = updated
        self.code = code
        self.changes = changes
    }

    public var dialogueID: String { progress.dialogueID }

    /// Id, code and dates, for the session that carries the plan on and for exports.
    public var info: PlanInfo { PlanInfo(id: id, code: code, created: created, updated: updated) }

    /// The plan as a conversation over `script` (fitted to it, when the dialogue changed since).
    public func conversation(_ script: Script, today: SimpleDate) -> Conversation {
        Conversation(script: script, replaying: changes, today: today)
    }

    /// Whether `script` differs from the dialogue the plan was last saved under in a way the person
    /// will meet on picking it up (`PlanReplay.changeIsMet`): what decides the "questions have been
    /// updated" notice.
    public func dialogueChanged(_ script: Script) -> Bool {
        PlanReplay.changeIsMet(changes, saved: progress, script: script)
    }
}

extension StoredPlan {
    /// A session that carries this plan on over `script`.
    public func session(_ script: Script, support: SupportDirectory, today: SimpleDate) -> Session {
        Session(conversation: conversation(script, today: today), support: support, plan: info)
    }
}
