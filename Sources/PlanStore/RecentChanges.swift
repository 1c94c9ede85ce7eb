import DialogueEngine
import Foundation
import GRDB
import TandemStore

/// The newest changes, not yet folded into `event` and `plan` (table `recent`, migration `v2`).
///
/// Why: a commit that put each answer straight into `event` wrote a page of its `planID` index for
/// every plan in it (their ids are random, so their entries are far apart), and a page of `plan`
/// for every plan's progress: about 40 pages to the log for a commit of a dozen answers. `recent`
/// has no index and no foreign key, and rows only ever go at its end, so a commit writes one or two
/// pages. Every `foldEvery` rows, one transaction moves them into `event` (in order), sets each
/// plan's progress from its last row, and deletes them: the scattered pages are then written once
/// for hundreds of answers.
///
/// Readers see both, in one snapshot: a plan's changes are its `event` rows, then its `recent`
/// rows (every row in `recent` is newer than every row in `event`: a fold moves all rows up to an
/// id at once), and its progress is that of its last `recent` row carrying one, if any. `recent`
/// stays small (a fold's worth of rows), so reading it without an index costs little.
///
/// The last row of each append carries the plan's progress after it; its other rows leave those
/// columns NULL.
enum RecentChanges {
    /// Rows that a writer lets gather in `recent` before it folds them. A fold holds up the commits
    /// that wait behind it, so bigger folds save disk but lengthen those waits: at 50 people
    /// answering at once, 1,000 rows wrote 3.4 KB an answer with a p99 of 11 ms, 250 rows 4.0 KB
    /// with 8 ms (it was 8 KB and 6 ms before `recent`; `docs/performance.md`, eighth pass).
    static let foldEvery = 250

    /// The progress columns, in the order `append` and `latestProgress` use.
    private static let progressColumns = "answered, skipped, part, parts, finished, dialogueVersion, contentHash, dialogueTitle"

    static func createTable(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE recent (
                id INTEGER PRIMARY KEY,
                planID TEXT NOT NULL,
                at DATETIME NOT NULL,
                change TEXT NOT NULL,
                answered INTEGER, skipped INTEGER, part INTEGER, parts INTEGER, finished BOOLEAN,
                dialogueVersion INTEGER, contentHash TEXT, dialogueTitle TEXT)
            """)
    }

    /// Appends `rows` (each a `Change` as JSON) to `plan`, the last with `progress`.
    ///
    /// - Throws: `StoreError.notFound` when the plan is no longer there (another program may have
    ///   deleted it), and nothing is written.
    static func append(_ rows: [String], to plan: String, progress p: PlanProgress, at now: DatabaseValue, _ db: Database) throws {
        guard !rows.isEmpty else { return }
        let exists = try db.cachedStatement(sql: "SELECT 1 FROM plan WHERE id = ?")
        guard try Bool.fetchOne(exists, arguments: [plan]) == true else { throw StoreError.notFound }
        let last = try db.cachedStatement(sql: "INSERT INTO recent (planID, at, change, \(progressColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        let lastArguments: StatementArguments = [plan, now, rows[rows.count - 1], p.answered, p.skipped, p.part, p.parts, p.finished, p.dialogueVersion, p.contentHash, p.title]
        if rows.count == 1 {
            // One statement fails whole or not at all: no savepoint needed.
            try last.execute(arguments: lastArguments)
            return
        }
        let insert = try db.cachedStatement(sql: "INSERT INTO recent (planID, at, change) VALUES (?, ?, ?)")
        try db.inSavepoint {
            for row in rows.dropLast() { try insert.execute(arguments: [plan, now, row]) }
            try last.execute(arguments: lastArguments)
            return .commit
        }
    }

    /// Moves every row of `recent` into `event`, in order, sets each plan's progress from its last
    /// row carrying one, and empties `recent`. Run inside a write transaction.
    static func fold(_ db: Database) throws {
        guard let through = try Int64.fetchOne(db, sql: "SELECT max(id) FROM recent") else { return }
        // Rows of a plan deleted meanwhile are left out (`delete` removes them too; this is a guard,
        // so one stray row can never fail the fold on `event`'s foreign key).
        try db.execute(sql: """
            INSERT INTO event (planID, at, change)
            SELECT planID, at, change FROM recent WHERE id <= ? AND planID IN (SELECT id FROM plan) ORDER BY id
            """, arguments: [through])
        let update = try db.cachedStatement(sql: """
            UPDATE plan SET updated = ?, answered = ?, skipped = ?, part = ?, parts = ?, finished = ?,
                dialogueVersion = ?, contentHash = ?, dialogueTitle = ? WHERE id = ?
            """)
        for row in try latestRows(db, plan: nil, through: through) {
            let value = { (column: String) -> DatabaseValue in row[column] }
            try update.execute(arguments: StatementArguments(
                ["at", "answered", "skipped", "part", "parts", "finished", "dialogueVersion", "contentHash", "dialogueTitle", "planID"].map(value)))
        }
        try db.execute(sql: "DELETE FROM recent WHERE id <= ?", arguments: [through])
    }

    /// Each plan's newest row carrying progress in `recent` (only `plan`'s, if given), by plan id:
    /// `at` and the progress columns (see `PlanRecord.overlaid`).
    static func latestProgress(_ db: Database, plan: String? = nil) throws -> [String: Row] {
        var latest: [String: Row] = [:]
        for row in try latestRows(db, plan: plan, through: nil) { latest[row["planID"]] = row }
        return latest
    }

    /// How many rows wait in `recent` to be folded.
    static func waiting(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM recent") ?? 0
    }

    /// A plan's changes in `recent`, oldest first (they follow its changes in `event`).
    static func changes(_ db: Database, plan: String) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT change FROM recent WHERE planID = ? ORDER BY id", arguments: [plan])
    }

    /// The last row carrying progress, per plan. SQLite takes a bare column in a query with `max()`
    /// from the row holding that maximum.
    private static func latestRows(_ db: Database, plan: String?, through: Int64?) throws -> [Row] {
        var conditions = ["answered IS NOT NULL"]
        var arguments: StatementArguments = []
        if let plan { conditions.append("planID = ?"); arguments += [plan] }
        if let through { conditions.append("id <= ?"); arguments += [through] }
        return try Row.fetchAll(db, sql: """
            SELECT planID, max(id), at, \(progressColumns) FROM recent
            WHERE \(conditions.joined(separator: " AND ")) GROUP BY planID
            """, arguments: arguments)
    }
}

extension PlanRecord {
    /// This record with the progress of its newest `recent` row (from `latestProgress`), if any.
    /// The dialogue's id is the one thing a plan's progress never changes.
    func overlaid(_ latest: Row?) -> PlanRecord {
        guard let row = latest else { return self }
        var record = self
        record.updated = row["at"]
        record.answered = row["answered"]
        record.skipped = row["skipped"]
        record.part = row["part"]
        record.parts = row["parts"]
        record.finished = row["finished"]
        record.dialogueVersion = row["dialogueVersion"]
        record.contentHash = row["contentHash"]
        record.dialogueTitle = row["dialogueTitle"]
        return record
    }

    /// The plan `id` as it stands: its row, with its newest progress from `recent`.
    static func current(_ db: Database, id: String) throws -> PlanRecord? {
        try fetchOne(db, key: id)?.overlaid(RecentChanges.latestProgress(db, plan: id)[id])
    }
}
