import DialogueEngine
import Foundation
import GRDB
import TandemStore

/// The one writer of a plan store's journal, with group commit: appends that arrive while a commit
/// is on its way to disk wait, then share ONE transaction and one sync. Each caller still returns
/// only once its own changes are durable, so nothing is acknowledged early; under load (many people
/// answering at once on one server) the cost of a sync is shared instead of paid per answer.
///
/// Each append checks its plan is still there, and one of several rows runs in its own savepoint,
/// so one that fails (a plan deleted meanwhile) is rolled back alone and only its caller hears of
/// it; a failed commit (a full disk) fails every append in it. A plan's progress row is written
/// once per commit, with the last progress given for it.
///
/// Not an actor: appends wait in `state` (behind its lock) and are committed on one serial dispatch
/// queue, one batch at a time, by whoever found the writer idle; each caller hears back through its
/// own callback. A durable answer so costs no task, no actor hop and no continuation on the way (a
/// server's event loop hands the answer in and is called back).
final class JournalWriter: Sendable {
    private struct Append {
        var plan: String
        var rows: [String]
        var progress: PlanProgress
        var done: @Sendable (Result<Void, StoreError>) -> Void
    }

    private struct State {
        var waiting: [Append] = []
        var writing = false
        var commits = 0
        var appends = 0
    }

    private let writer: any DatabaseWriter
    private let path: String
    private let clock: @Sendable () -> Date
    private let queue = DispatchQueue(label: "tandem.journal-writer")
    private let state = Locked(State())

    init(writer: any DatabaseWriter, path: String, clock: @escaping @Sendable () -> Date) {
        self.writer = writer
        self.path = path
        self.clock = clock
    }

    /// How many commits have been made, and how many appends they carried (for tests and benchmarks).
    var commits: Int { state.withLock { $0.commits } }
    var appends: Int { state.withLock { $0.appends } }

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
        let start = state.withLock { state -> Bool in
            state.waiting.append(Append(plan: plan, rows: rows, progress: progress, done: done))
            guard !state.writing else { return false }
            state.writing = true
            return true
        }
        if start { queue.async { self.drain() } }
    }

    /// Commits what waits, batch after batch, until nothing does.
    private func drain() {
        while true {
            let batch = state.withLock { state -> [Append] in
                let batch = state.waiting
                state.waiting = []
                if batch.isEmpty { state.writing = false }
                return batch
            }
            guard !batch.isEmpty else { return }
            let results = commit(batch.map { ($0.plan, $0.rows, $0.progress) })
            state.withLock { state in
                state.commits += 1
                state.appends += batch.count
            }
            for (append, result) in zip(batch, results) { append.done(result) }
        }
    }

    /// Errors after which SQLite may have rolled the whole transaction back.
    static func endsTransaction(_ error: DatabaseError) -> Bool {
        [.SQLITE_FULL, .SQLITE_IOERR, .SQLITE_NOMEM, .SQLITE_BUSY, .SQLITE_LOCKED, .SQLITE_CORRUPT].contains(error.resultCode)
    }

    private func commit(_ batch: [(plan: String, rows: [String], progress: PlanProgress)]) -> [Result<Void, StoreError>] {
        // The time as stored, worked out once: formatting a `Date` for SQLite costs more than a row.
        let now = clock().databaseValue
        let path = path
        do {
            return try writer.write { db -> [Result<Void, StoreError>] in
                let insert = try db.cachedStatement(sql: "INSERT INTO event (planID, at, change) VALUES (?, ?, ?)")
                let update = try db.cachedStatement(sql: """
                    UPDATE plan SET updated = ?, answered = ?, skipped = ?, part = ?, parts = ?, finished = ?,
                        dialogueVersion = ?, contentHash = ?, dialogueTitle = ? WHERE id = ?
                    """)
                let exists = try db.cachedStatement(sql: "SELECT 1 FROM plan WHERE id = ?")
                var results: [Result<Void, StoreError>] = []
                var last: [String: PlanProgress] = [:]
                for job in batch {
                    do {
                        // The plan must still be there (another program may have deleted it).
                        guard try Bool.fetchOne(exists, arguments: [job.plan]) == true else { throw StoreError.notFound }
                        if job.rows.count == 1 {
                            // One statement fails whole or not at all: no savepoint needed.
                            try insert.execute(arguments: [job.plan, now, job.rows[0]])
                        } else {
                            try db.inSavepoint {
                                for row in job.rows { try insert.execute(arguments: [job.plan, now, row]) }
                                return .commit
                            }
                        }
                        last[job.plan] = job.progress
                        results.append(.success(()))
                    } catch let error as DatabaseError where Self.endsTransaction(error) {
                        // A full disk (or a failing one) may end the whole transaction: every append
                        // in it fails, and with this error, not with what SQLite says after it.
                        throw error
                    } catch {
                        results.append(.failure(StoreError.from(error, path: path)))
                    }
                }
                for (plan, p) in last {
                    try update.execute(arguments: [now, p.answered, p.skipped, p.part, p.parts, p.finished, p.dialogueVersion, p.contentHash, p.title, plan])
                }
                return results
            }
        } catch {
            let failure = StoreError.from(error, path: path)
            return Array(repeating: .failure(failure), count: batch.count)
        }
    }
}
