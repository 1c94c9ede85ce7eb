import Foundation
import GRDB

/// Group commit: writes that arrive while another commit is syncing wait, then share ONE transaction
/// and one sync to disk. Each caller still returns only after its own write is durable, so nothing
/// is acknowledged early; under load (many people answering at once on one server) the cost of a
/// sync is shared, instead of every answer paying for its own.
///
/// Each write runs in its own savepoint, so one that fails (a plan deleted meanwhile) is rolled back
/// alone and only its caller sees the error; a failed commit (a full disk) fails every write in it.
///
/// `@unchecked Sendable`: all mutable state (`pending`, `committing`, and each job's result) is read
/// and written only while `condition` is locked; a job's body runs on the committing thread while its
/// caller is blocked waiting for it, and the lock orders that hand-over.
final class GroupCommit: @unchecked Sendable {
    private final class Job {
        let body: (Database) throws -> Void
        var error: (any Error)?
        var done = false
        init(_ body: @escaping (Database) throws -> Void) { self.body = body }
    }

    private let condition = NSCondition()
    private var pending: [Job] = []
    private var committing = false
    /// How many commits have been made, and how many writes they carried (for tests and benchmarks).
    private(set) var commits = 0
    private(set) var writes = 0

    /// Runs `body` inside a write transaction shared with any writes waiting at the same time.
    func write<T>(_ writer: any DatabaseWriter, _ body: (Database) throws -> T) throws -> T {
        try withoutActuallyEscaping(body) { body in
            var result: T?
            // The caller blocks below until its job is done, so `result` outlives every use of it.
            let job = Job { db in result = try body(db) }
            try submit(job, to: writer)
            guard let result else { throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "group commit lost a result") }
            return result
        }
    }

    private func submit(_ job: Job, to writer: any DatabaseWriter) throws {
        condition.lock()
        pending.append(job)
        while !job.done {
            if committing {
                condition.wait()
                continue
            }
            // Lead: take every write waiting now (ours among them) and commit them together.
            committing = true
            let batch = pending
            pending = []
            condition.unlock()
            var commitError: (any Error)?
            do {
                try writer.write { db in
                    for j in batch {
                        do {
                            try db.inSavepoint {
                                try j.body(db)
                                return .commit
                            }
                        } catch {
                            j.error = error
                        }
                    }
                }
            } catch {
                commitError = error
            }
            condition.lock()
            // A write's own error says most (SQLite may abort the whole transaction after a full
            // disk); the others in a failed commit get the commit's error.
            let cause = commitError.map { error -> any Error in
                batch.lazy.compactMap { $0.error as? DatabaseError }.first ?? error
            }
            for j in batch {
                if j.error == nil, let cause { j.error = cause }
                j.done = true
            }
            commits += 1
            writes += batch.count
            committing = false
            condition.broadcast()
        }
        let error = job.error
        condition.unlock()
        if let error { throw error }
    }

    /// (commits, writes) so far.
    var counts: (commits: Int, writes: Int) {
        condition.lock()
        defer { condition.unlock() }
        return (commits, writes)
    }
}
