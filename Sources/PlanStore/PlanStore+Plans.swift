import DialogueEngine
import Foundation
import GRDB

extension PlanStore {
    /// Starts a new plan for `script`, with a fresh resume code (`PlanHandle.resumeCode`).
    ///
    /// The plan and its code are written in one transaction: there is never half a plan.
    public func begin(script: Script) throws -> PlanHandle {
        let now = clock()
        let code = ResumeCode.make()
        let parts = max(1, script.sections.count)
        let record = try write { db -> PlanRecord in
            var id = ResumeCode.makeID()
            while try PlanRecord.exists(db, key: id) { id = ResumeCode.makeID() }
            let record = PlanRecord(
                id: id, dialogueID: script.id, dialogueVersion: script.version, contentHash: script.contentHash,
                dialogueTitle: script.title, created: now, updated: now, answered: 0, skipped: 0, part: 1, parts: parts, finished: false)
            try record.insert(db)
            try CodeRecord(hash: ResumeCode.hash(canonical: ResumeCode.canonical(code)!), planID: id, created: now, lastUsed: now).insert(db)
            return record
        }
        return PlanHandle(store: self, record: record, changes: [], lastEventID: 0, resumeCode: code, script: script)
    }

    /// Opens a plan by its id (as `tandem sessions` shows it) or by its resume code, typed in any
    /// case, with or without dashes.
    ///
    /// For people using their own store on their own computer. A door that strangers can reach (the
    /// network server) should use `open(code:)`, so that only a resume code opens a plan.
    /// - Throws: `StoreError.notFound` (one message, whatever the reason) or a store problem.
    public func open(_ idOrCode: String) throws -> PlanHandle {
        guard let digits = ResumeCode.canonical(idOrCode) else { throw StoreError.notFound }
        if digits.count == ResumeCode.idLength {
            let id = digits.lowercased()
            guard let record = try read({ try PlanRecord.fetchOne($0, key: id) }) else { throw StoreError.notFound }
            return try load(record, code: nil)
        }
        return try open(code: idOrCode)
    }

    /// Opens a plan by its resume code only. A wrong, unknown or expired code all give the same
    /// `StoreError.notFound`.
    public func open(code typed: String) throws -> PlanHandle {
        guard let digits = ResumeCode.canonical(typed), digits.count == ResumeCode.length else { throw StoreError.notFound }
        let hash = ResumeCode.hash(canonical: digits)
        let now = clock()
        let found = try read { db -> PlanRecord? in
            guard let code = try CodeRecord.fetchOne(db, key: hash), let plan = try PlanRecord.fetchOne(db, key: code.planID) else { return nil }
            return now.timeIntervalSince(max(code.lastUsed, plan.updated)) <= codeLifetime ? plan : nil
        }
        // Forget expired codes, and note this code's use. Not worth failing for: a read-only store
        // can still be exported.
        _ = try? write { db in
            try forgetExpiredCodes(db, now: now)
            if found != nil { try db.execute(sql: "UPDATE resumeCode SET lastUsed = ? WHERE hash = ?", arguments: [now, hash]) }
        }
        guard let record = found else { throw StoreError.notFound }
        return try load(record, code: ResumeCode.grouped(digits))
    }

    /// Codes unused, on plans unchanged, for longer than the lifetime stop working for good.
    func forgetExpiredCodes(_ db: Database, now: Date) throws {
        let cutoff = now.addingTimeInterval(-codeLifetime)
        try db.execute(
            sql: "DELETE FROM resumeCode WHERE lastUsed < ? AND planID IN (SELECT id FROM plan WHERE updated < ?)",
            arguments: [cutoff, cutoff])
    }

    /// Reads a plan's journal into a handle.
    func load(_ record: PlanRecord, code: String?) throws -> PlanHandle {
        let rows = try read { db in
            try Row.fetchAll(db, sql: "SELECT id, change FROM event WHERE planID = ? ORDER BY id", arguments: [record.id])
        }
        let changes = try rows.map { try PlanHandle.decode($0["change"] as String, path: path) }
        let last: Int64 = rows.last?["id"] ?? 0
        return PlanHandle(store: self, record: record, changes: changes, lastEventID: last, resumeCode: code, script: nil)
    }

    /// Every plan in the store, the most recently changed first. Never any answer text.
    public func list() throws -> [PlanSummary] {
        try read { db in
            try PlanRecord.order(Column("updated").desc, Column("id")).fetchAll(db).map(PlanSummary.init)
        }
    }

    /// Removes a plan, its journal and its codes for good.
    ///
    /// Deleted pages are overwritten (`secure_delete`), and the write-ahead log is then checkpointed
    /// and emptied, so the answers are no longer in the store's files.
    /// - Throws: `StoreError.notFound` when there is no such plan, or a store problem.
    public func delete(_ idOrCode: String) throws {
        let plan = try open(idOrCode)
        try write { db in
            try db.execute(sql: "DELETE FROM plan WHERE id = ?", arguments: [plan.id])
            if db.changesCount == 0 { throw StoreError.notFound }
        }
        if writer is DatabasePool {
            do {
                try writer.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
            } catch {
                // Another program is reading just now; SQLite finishes the checkpoint later on its own.
            }
        }
    }
}
