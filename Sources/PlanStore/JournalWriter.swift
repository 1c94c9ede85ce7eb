import DialogueEngine
import Foundation
import GRDB
import TandemStore

/// The one writer of a plan store's journal, with group commit: appends that arrive while a commit
/// is on its way to disk wait, then share ONE transaction and one sync. Each caller still returns
/// only once its own changes are durable, so nothing is acknowledged early; under load (many people
/// answering at once on one server) the cost of a sync is shared instead of paid per answer.
///
/// New plans are made here too, in the same commits. Answers go to the end of `recent`, the last row
/// of each append with the plan's progress after it, and every `foldEvery` rows this writer folds
/// them into `event` and `plan` in a transaction of its own (`RecentChanges`). An append to a plan
/// no longer there fails (`StoreError.notFound`), and one of several rows (or a new plan's two) runs
/// in its own savepoint, so one that fails is rolled back alone and only its caller hears of it; a
/// failed commit (a full disk) fails every job in it.
///
/// Not an actor: appends wait in `state` (behind its lock) and are committed on one serial dispatch
/// queue, one batch at a time, by whoever found the writer idle; each caller hears back through its
/// own callback. A durable answer so costs no task, no actor hop and no continuation on the way (a
/// server's event loop hands the answer in and is called back).
final class JournalWriter: Sendable {
    /// Work that waits for the next commit.
    private enum Job {
        /// Changes to a plan, and its progress after them.
        case append(plan: String, rows: [String], progress: PlanProgress, done: @Sendable (Result<Void, StoreError>) -> Void)
        /// A new plan with its first resume code (kept hashed); `done` hears the plan's id.
        case begin(progress: PlanProgress, created: Date, codeHash: String, done: @Sendable (Result<String, StoreError>) -> Void)
    }

    private struct State {
        var waiting: [Job] = []
        var writing = false
        var commits = 0
        var appends = 0
        var begun = 0
        /// Rows this writer has put in `recent` since it last folded them (`RecentChanges`).
        var unfolded = 0
        var folds = 0
    }

    private let writer: any DatabaseWriter
    private let path: String
    private let clock: @Sendable () -> Date
    private let foldEvery: Int
    private let queue = DispatchQueue(label: "tandem.journal-writer")
    private let state: Locked<State>

    /// `unfolded`: rows already waiting in `recent` (left by other processes), so the first fold
    /// comes that much sooner.
    init(writer: any DatabaseWriter, path: String, clock: @escaping @Sendable () -> Date, foldEvery: Int = RecentChanges.foldEvery, unfolded: Int = 0) {
        self.writer = writer
        self.path = path
        self.clock = clock
        self.foldEvery = foldEvery
        state = Locked(State(unfolded: unfolded))
    }

    /// How many commits have been made, and how many appends and new plans they carried (for tests
    /// and benchmarks).
    var commits: Int { state.withLock { $0.commits } }
    var appends: Int { state.withLock { $0.appends } }
    var begun: Int { state.withLock { $0.begun } }
    var folds: Int { state.withLock { $0.folds } }

    /// Appends `changes` to `plan` and sets its progress; returns once they are on disk.
    func append(_ changes: [Change], to plan: String, progress: PlanProgress) async throws(StoreError) {
        let result = await withCheckedContinuation { (done: CheckedContinuation<Result<Void, StoreError>, Never>) in
            append(changes, to: plan, progress: progress) { done.resume(returning: $0) }
        }
        try result.get()
    }

    /// Appends `changes` to `plan` and sets its progress; `done` is called (on the writer's queue)
    /// once they are on disk, or with why not.
    func append(_ changes: [Change], to plan: String, progress: PlanProgress, done: @escaping @Sendable (Result<Void, StoreError>) -> Void) {
        let rows: [String]
        do {
            rows = try changes.map(ChangeCoding.encode)
        } catch {
            return done(.failure(StoreError.io(path, "a change could not be written down")))
        }
        enqueue(.append(plan: plan, rows: rows, progress: progress, done: done))
    }

    /// Makes a new plan with the resume code whose hash is `codeHash`; returns its id once it is on
    /// disk. It shares a commit with the answers being written at the same moment: when many people
    /// start at once, as in a room, each start does not cost a sync of its own.
    func begin(_ progress: PlanProgress, created: Date, codeHash: String) async throws(StoreError) -> String {
        let result = await withCheckedContinuation { (done: CheckedContinuation<Result<String, StoreError>, Never>) in
            enqueue(.begin(progress: progress, created: created, codeHash: codeHash) { done.resume(returning: $0) })
        }
        return try result.get()
    }

    private func enqueue(_ job: Job) {
        let start = state.withLock { state -> Bool in
            state.waiting.append(job)
            guard !state.writing else { return false }
            state.writing = true
            return true
        }
        if start { queue.async { self.drain() } }
    }

    /// Returns once the writer has finished what it began, a fold after the last commit included
    /// (callers hear of their commit before that fold: tests that count rows wait for it here).
    func settle() {
        queue.sync {}
    }

    /// Commits what waits, batch after batch, until nothing does.
    private func drain() {
        while true {
            let batch = state.withLock { state -> [Job] in
                let batch = state.waiting
                state.waiting = []
                if batch.isEmpty { state.writing = false }
                return batch
            }
            guard !batch.isEmpty else { return }
            let results = commit(batch)
            let begun = batch.reduce(0) { n, job in if case .begin = job { n + 1 } else { n } }
            var written = 0
            for case (.append(_, let rows, _, _), .success) in zip(batch, results) { written += rows.count }
            let fold = state.withLock { state -> Bool in
                state.commits += 1
                state.appends += batch.count - begun
                state.begun += begun
                state.unfolded += written
                return state.unfolded >= foldEvery
            }
            for (job, result) in zip(batch, results) {
                switch job {
                case .append(_, _, _, let done): done(result.map { _ in () })
                case .begin(_, _, _, let done):
                    // `commit` gives every new plan its id; a missing one would be a fault here,
                    // reported as one rather than handed on as an empty id.
                    done(result.flatMap { id in id.map { .success($0) } ?? .failure(StoreError.io(path, "a new plan was not given an id")) })
                }
            }
            // After the callers have heard: nobody waits on a fold but the next batch.
            if fold { self.fold() }
        }
    }

    /// Folds `recent` into `event` and `plan` (`RecentChanges.fold`), in a transaction of its own.
    /// If it fails (a full disk, another program's lock), the rows stay in `recent`, where readers
    /// see them, and the next fold takes them.
    private func fold() {
        do {
            try writer.write(RecentChanges.fold)
            state.withLock { state in
                state.unfolded = 0
                state.folds += 1
            }
        } catch {
            // Try again after as many rows again, not at every commit.
            state.withLock { $0.unfolded = 0 }
        }
    }

    /// Errors after which SQLite may have rolled the whole transaction back.
    static func endsTransaction(_ error: DatabaseError) -> Bool {
        [.SQLITE_FULL, .SQLITE_IOERR, .SQLITE_NOMEM, .SQLITE_BUSY, .SQLITE_LOCKED, .SQLITE_CORRUPT].contains(error.resultCode)
    }

    /// Runs the batch in one transaction: for each job, nil (an append) or the new plan's id, or why
    /// it failed.
    private func commit(_ batch: [Job]) -> [Result<String?, StoreError>] {
        // The time as stored, worked out once a commit (see `StoredTime`).
        let now = StoredTime.value(clock())
        let path = path
        do {
            return try writer.write { db -> [Result<String?, StoreError>] in
                var results: [Result<String?, StoreError>] = []
                results.reserveCapacity(batch.count)
                for job in batch {
                    do {
                        switch job {
                        case .append(let plan, let rows, let progress, _):
                            try RecentChanges.append(rows, to: plan, progress: progress, at: now, db)
                            results.append(.success(nil))
                        case .begin(let progress, let created, let codeHash, _):
                            results.append(.success(try Self.begin(progress, created: created, codeHash: codeHash, db)))
                        }
                    } catch let error as DatabaseError where Self.endsTransaction(error) {
                        // A full disk (or a failing one) may end the whole transaction: every job in
                        // it fails, and with this error, not with what SQLite says after it.
                        throw error
                    } catch {
                        results.append(.failure(StoreError.from(error, path: path)))
                    }
                }
                return results
            }
        } catch {
            let failure = StoreError.from(error, path: path)
            return Array(repeating: .failure(failure), count: batch.count)
        }
    }

    /// A new plan's row and its code's, in a savepoint: a failure (a code's hash already taken)
    /// leaves nothing behind and fails this job alone.
    private static func begin(_ p: PlanProgress, created: Date, codeHash: String, _ db: Database) throws -> String {
        let when = StoredTime.value(created)
        let taken = try db.cachedStatement(sql: "SELECT 1 FROM plan WHERE id = ?")
        let plan = try db.cachedStatement(sql: """
            INSERT INTO plan (id, dialogueID, dialogueVersion, contentHash, dialogueTitle, created, updated, answered, skipped, part, parts, finished)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let code = try db.cachedStatement(sql: "INSERT INTO resumeCode (hash, planID, created, lastUsed) VALUES (?, ?, ?, ?)")
        var id = ResumeCode.makeID()
        while try Bool.fetchOne(taken, arguments: [id]) == true { id = ResumeCode.makeID() }
        try db.inSavepoint {
            try plan.execute(arguments: [id, p.dialogueID, p.dialogueVersion, p.contentHash, p.title, when, when, p.answered, p.skipped, p.part, p.parts, p.finished])
            try code.execute(arguments: [codeHash, id, when, when])
            return .commit
        }
        return id
    }
}
