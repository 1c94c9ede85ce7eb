import DialogueEngine
import Foundation
import GRDB

/// One plan in a `PlanStore`, and the `Journal` a `Session` writes it through.
///
/// `record` appends a turn's changes in one transaction and returns only once they are on disk, so
/// nothing is shown to a person as done before it is saved. Once a script is attached (by
/// `PlanStore.begin(script:)`, `conversation(script:today:)` or `resume(script:support:today:)`),
/// each `record` also keeps the plan's progress and "finished" mark up to date for `PlanStore.list()`.
///
/// Thread safety: `PlanHandle` is `Sendable`. Its mutable state is guarded by a lock, and every
/// database access goes through GRDB's serialized writer, so a handle can be used from any thread
/// (one session usually owns it). Two handles on one plan, in one or two processes, both append
/// safely; each also reads the other's changes into `changes` at its next `record`.
public final class PlanHandle: Journal, @unchecked Sendable {
    /// The plan's id, as `tandem sessions` shows it (e.g. `k7qm3xrt`).
    public let id: String
    /// The dialogue the plan follows.
    public let dialogueID: String
    /// When the plan was started.
    public let created: Date

    let store: PlanStore
    private let lock = NSLock()
    // Guarded by `lock`.
    private var record: PlanRecord
    private var allChanges: [Change]
    private var lastEventID: Int64
    private var code: String?
    private var script: Script?
    /// The fold of `allChanges` fitted to `script` (see `PlanHandle.fitted`).
    private var fittedState = PlanState()
    /// The day the attached conversation runs on (for `when:` conditions about dates).
    private var today: SimpleDate

    init(store: PlanStore, record: PlanRecord, changes: [Change], lastEventID: Int64, resumeCode: String?, script: Script?) {
        self.store = store
        self.id = record.id
        self.dialogueID = record.dialogueID
        self.created = record.created
        self.record = record
        self.allChanges = changes
        self.lastEventID = lastEventID
        self.code = resumeCode
        self.today = SimpleDate(record.updated)
        if let script { attachLocked(script) }
    }

    // MARK: What the plan is

    /// The dialogue version and content hash the plan was last saved under.
    public var dialogueVersion: Int { lock.withLock { record.dialogueVersion } }
    public var contentHash: String { lock.withLock { record.contentHash } }
    public var dialogueTitle: String { lock.withLock { record.dialogueTitle } }
    /// When the plan last changed.
    public var updated: Date { lock.withLock { record.updated } }
    /// Every change journaled so far, oldest first.
    public var changes: [Change] { lock.withLock { allChanges } }
    /// Whether the plan was finished, as of the last save with a script attached.
    public var isFinished: Bool { lock.withLock { record.finished } }
    /// The plan's progress as `list()` shows it.
    public var summary: PlanSummary { lock.withLock { PlanSummary(record) } }
    /// Id and dates, for `PlanExporter` (and `/export` in a session).
    public var planInfo: PlanInfo { lock.withLock { PlanInfo(id: id, created: record.created, updated: record.updated) } }

    /// The code that opens this plan again, e.g. `K7QM-3XRT-9PAE`.
    ///
    /// A plan begun or opened with a code has that code. A plan opened by its id gets a new code the
    /// first time this is read (earlier codes keep working); nil only if the store cannot be written.
    public var resumeCode: String? {
        lock.withLock {
            if code == nil { code = try? mintCode() }
            return code
        }
    }

    private func mintCode() throws -> String {
        let fresh = ResumeCode.make()
        let now = store.clock()
        let planID = id
        try store.write { db in
            try CodeRecord(hash: ResumeCode.hash(canonical: ResumeCode.canonical(fresh)!), planID: planID, created: now, lastUsed: now).insert(db)
        }
        return fresh
    }

    // MARK: Journal

    /// Appends changes to the journal; returns once they are durable (WAL, `synchronous=FULL`).
    ///
    /// - Throws: `StoreError` (nothing was saved; the session does not move on).
    public func record(_ changes: [Change]) throws {
        guard !changes.isEmpty else { return }
        let encoded = try changes.map(Self.encode)
        try lock.withLock {
            let now = store.clock()
            let planID = id
            let since = lastEventID
            var next = record
            let script = script
            let today = today
            var state = fittedState
            let (fresh, last) = try store.write { db -> ([Change], Int64) in
                let insert = try db.cachedStatement(sql: "INSERT INTO event (planID, at, change) VALUES (?, ?, ?)")
                var mine: [Int64: Change] = [:]
                for (change, json) in zip(changes, encoded) {
                    try insert.execute(arguments: [planID, now, json])
                    mine[db.lastInsertedRowID] = change
                }
                // Ours, and any that another program added since we last looked (read only then).
                let ids = try Int64.fetchAll(db.cachedStatement(sql: "SELECT id FROM event WHERE planID = ? AND id > ? ORDER BY id"), arguments: [planID, since])
                let fresh = try ids.map { id -> Change in
                    if let change = mine[id] { return change }
                    let json = try String.fetchOne(db.cachedStatement(sql: "SELECT change FROM event WHERE id = ?"), arguments: [id]) ?? ""
                    return try Self.decode(json, path: store.path)
                }
                next.updated = now
                if let script {
                    for change in fresh { state.apply(Self.fitted(change, to: script)) }
                    Self.bookkeep(&next, state: state, script: script, today: today)
                }
                try db.cachedStatement(sql: """
                    UPDATE plan SET updated = ?, answered = ?, skipped = ?, part = ?, parts = ?, finished = ?,
                        dialogueVersion = ?, contentHash = ?, dialogueTitle = ? WHERE id = ?
                    """).execute(arguments: [
                        now, next.answered, next.skipped, next.part, next.parts, next.finished,
                        next.dialogueVersion, next.contentHash, next.dialogueTitle, planID,
                    ])
                if db.changesCount == 0 { throw StoreError.notFound }
                return (fresh, ids.last ?? since)
            }
            record = next
            allChanges += fresh
            lastEventID = last
            fittedState = state
        }
    }

    // MARK: Picking up the plan

    /// The plan as a conversation over `script`, with the answers replayed, ready for a `Session`.
    ///
    /// Attaches `script`, so later saves keep the plan's progress current. When the dialogue changed
    /// since the plan was saved, answers are kept by step id, answers that no longer fit their
    /// question are left out (the question is asked again), and answers to removed steps are kept
    /// (`Conversation.earlierAnswers`, "Earlier answers" in exports).
    public func conversation(script: Script, today: SimpleDate) -> Conversation {
        lock.withLock {
            attachLocked(script)
            self.today = today
            return Conversation(script: script, state: fittedState, today: today)
        }
    }

    /// Whether `script` differs from the dialogue the plan was last saved under.
    public func dialogueChanged(_ script: Script) -> Bool {
        lock.withLock { record.contentHash != script.contentHash }
    }

    /// A session that carries on this plan, with this handle as its journal, and what to show first:
    /// "welcome back", a word about a changed dialogue if it changed, where the plan stands, and the
    /// question it stopped at.
    public func resume(script: Script, support: SupportDirectory, today: SimpleDate) -> (session: Session, opening: [Event]) {
        let changed = dialogueChanged(script)
        let session = Session(conversation: conversation(script: script, today: today), support: support, journal: self)
        var opening = session.resume()
        if changed {
            let notice = Event.notice("The questions in this plan have been updated since you last used it. Your answers are kept. If a question has changed, I will ask it again.")
            opening.insert(notice, at: min(1, opening.count))
        }
        return (session, opening)
    }

    private func attachLocked(_ script: Script) {
        self.script = script
        var state = PlanState()
        for change in allChanges { state.apply(Self.fitted(change, to: script)) }
        fittedState = state
    }

    /// Brings the plan row's bookkeeping in line with the state: progress, finished, and the dialogue
    /// it is now kept under.
    static func bookkeep(_ record: inout PlanRecord, state: PlanState, script: Script, today: SimpleDate) {
        let conversation = Conversation(script: script, state: state, today: today)
        let progress = conversation.progress()
        record.answered = progress.answered
        record.skipped = progress.skipped
        record.part = progress.part
        record.parts = progress.parts
        record.finished = conversation.isFinished
        record.dialogueVersion = script.version
        record.contentHash = script.contentHash
        record.dialogueTitle = script.title
    }
}
