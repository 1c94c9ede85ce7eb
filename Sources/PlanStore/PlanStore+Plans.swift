import DialogueEngine
import Foundation
import GRDB
import TandemStore

/// The store's part of `PlanStorage`: records only. What the records mean is the engine's.
extension PlanStore: PlanStorage {
    public var location: String { displayPath }

    public func begin(_ progress: PlanProgress) async throws(StoreError) -> StoredPlan {
        let now = clock()
        let code = ResumeCode.make()
        let hash = ResumeCode.hash(canonical: ResumeCode.canonical(code)!)
        let id = try await journal.begin(progress, created: now, codeHash: hash)
        return StoredPlan(id: id, progress: progress, created: now, updated: now, code: code, changes: [])
    }

    public func append(_ changes: [Change], to plan: String, progress: PlanProgress) async throws(StoreError) {
        guard !changes.isEmpty else { return }
        try await journal.append(changes, to: plan, progress: progress)
    }

    public func append(_ changes: [Change], to plan: String, progress: PlanProgress, done: @escaping @Sendable (Result<Void, StoreError>) -> Void) {
        guard !changes.isEmpty else { return done(.success(())) }
        journal.append(changes, to: plan, progress: progress, done: done)
    }

    public func open(code typed: String) async throws(StoreError) -> StoredPlan {
        guard let digits = ResumeCode.canonical(typed), digits.count == ResumeCode.length else { throw StoreError.notFound }
        let hash = ResumeCode.hash(canonical: digits)
        let now = clock()
        let lifetime = codeLifetime
        let found = try await read { db -> PlanRecord? in
            guard let code = try CodeRecord.fetchOne(db, key: hash), let plan = try PlanRecord.current(db, id: code.planID) else { return nil }
            return now.timeIntervalSince(max(code.lastUsed, plan.updated)) <= lifetime ? plan : nil
        }
        // Forget expired codes, and note this code's use. Not worth failing for: a read-only store
        // can still be exported.
        _ = try? await write { db in
            try Self.forgetExpiredCodes(db, now: now, lifetime: lifetime)
            if found != nil { try db.execute(sql: "UPDATE resumeCode SET lastUsed = ? WHERE hash = ?", arguments: [now, hash]) }
        }
        guard let record = found else { throw StoreError.notFound }
        return try await load(record, code: ResumeCode.grouped(digits))
    }

    public func open(id: String) async throws(StoreError) -> StoredPlan {
        guard let record = try await read({ db in try PlanRecord.current(db, id: id) }) else { throw StoreError.notFound }
        return try await load(record, code: nil)
    }

    public func list() async throws(StoreError) -> [PlanSummary] {
        try await read { db in
            let latest = try RecentChanges.latestProgress(db)
            return try PlanRecord.fetchAll(db)
                .map { $0.overlaid(latest[$0.id]) }
                .sorted { ($0.updated, $1.id) > ($1.updated, $0.id) }
                .map(PlanSummary.init)
        }
    }

    /// Deleted pages are overwritten (`secure_delete`), and the write-ahead log is then checkpointed
    /// and emptied, so the answers are no longer in the store's files.
    public func delete(id: String) async throws(StoreError) {
        try await write { db in
            try db.execute(sql: "DELETE FROM plan WHERE id = ?", arguments: [id])
            if db.changesCount == 0 { throw StoreError.notFound }
            // Its newest changes have no foreign key to take them with it.
            try db.execute(sql: "DELETE FROM recent WHERE planID = ?", arguments: [id])
        }
        if writer is DatabasePool {
            do {
                try await writer.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
            } catch {
                // Another program is reading just now; SQLite finishes the checkpoint later on its own.
            }
        }
    }

    public func newCode(for plan: String) async throws(StoreError) -> String {
        let fresh = ResumeCode.make()
        let hash = ResumeCode.hash(canonical: ResumeCode.canonical(fresh)!)
        let now = clock()
        try await write { db in
            guard try PlanRecord.exists(db, key: plan) else { throw StoreError.notFound }
            try CodeRecord(hash: hash, planID: plan, created: now, lastUsed: now).insert(db)
        }
        return fresh
    }

    /// Codes unused, on plans unchanged, for longer than the lifetime stop working for good. A plan
    /// changed since its row says has its newer changes in `recent` (`RecentChanges`).
    static func forgetExpiredCodes(_ db: Database, now: Date, lifetime: TimeInterval) throws {
        let cutoff = now.addingTimeInterval(-lifetime)
        try db.execute(
            sql: """
                DELETE FROM resumeCode WHERE lastUsed < ?
                AND planID IN (SELECT id FROM plan WHERE updated < ?)
                AND planID NOT IN (SELECT planID FROM recent WHERE at >= ?)
                """,
            arguments: [cutoff, cutoff, cutoff])
    }

    /// Reads a plan's journal.
    func load(_ record: PlanRecord, code: String?) async throws(StoreError) -> StoredPlan {
        // One snapshot: every change in `recent` is newer than every change in `event`.
        let rows = try await read { db in
            try String.fetchAll(db, sql: "SELECT change FROM event WHERE planID = ? ORDER BY id", arguments: [record.id])
                + RecentChanges.changes(db, plan: record.id)
        }
        var changes: [Change] = []
        changes.reserveCapacity(rows.count)
        for row in rows { changes.append(try ChangeCoding.decode(row, path: path)) }
        return StoredPlan(id: record.id, progress: record.progress, created: record.created, updated: record.updated, code: code, changes: changes)
    }
}
