import DialogueEngine
import Foundation
import GRDB
import TandemStore

/// A row of `plan`: one person's plan, with the bookkeeping `list()` shows. Never answer text.
struct PlanRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "plan"
    var id: String
    var dialogueID: String
    var dialogueVersion: Int
    var contentHash: String
    var dialogueTitle: String
    var created: Date
    var updated: Date
    var answered: Int
    var skipped: Int
    var part: Int
    var parts: Int
    var finished: Bool

    init(id: String, progress p: PlanProgress, created: Date) {
        self.init(
            id: id, dialogueID: p.dialogueID, dialogueVersion: p.dialogueVersion, contentHash: p.contentHash, dialogueTitle: p.title,
            created: created, updated: created, answered: p.answered, skipped: p.skipped, part: p.part, parts: p.parts, finished: p.finished)
    }

    init(id: String, dialogueID: String, dialogueVersion: Int, contentHash: String, dialogueTitle: String, created: Date, updated: Date, answered: Int, skipped: Int, part: Int, parts: Int, finished: Bool) {
        self.id = id
        self.dialogueID = dialogueID
        self.dialogueVersion = dialogueVersion
        self.contentHash = contentHash
        self.dialogueTitle = dialogueTitle
        self.created = created
        self.updated = updated
        self.answered = answered
        self.skipped = skipped
        self.part = part
        self.parts = parts
        self.finished = finished
    }

    var progress: PlanProgress {
        PlanProgress(dialogueID: dialogueID, dialogueVersion: dialogueVersion, contentHash: contentHash, title: dialogueTitle, answered: answered, skipped: skipped, part: part, parts: parts, finished: finished)
    }
}

/// A row of `event`: one `Change`, as JSON. Append-only; rows go only when their plan is deleted.
struct EventRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "event"
    var id: Int64?
    var planID: String
    var at: Date
    var change: String
}

/// A row of `resumeCode`: the SHA-256 of a code, and when it was last used.
struct CodeRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "resumeCode"
    var hash: String
    var planID: String
    var created: Date
    var lastUsed: Date
}

extension PlanStore {
    /// The schema, one migration per change, never edited once shipped (see GRDB's `DatabaseMigrator`).
    /// A store with a migration this list does not know was made by a newer Tandem: it is refused.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "plan") { t in
                t.primaryKey("id", .text)
                t.column("dialogueID", .text).notNull()
                t.column("dialogueVersion", .integer).notNull()
                t.column("contentHash", .text).notNull()
                t.column("dialogueTitle", .text).notNull()
                t.column("created", .datetime).notNull()
                t.column("updated", .datetime).notNull()
                t.column("answered", .integer).notNull().defaults(to: 0)
                t.column("skipped", .integer).notNull().defaults(to: 0)
                t.column("part", .integer).notNull().defaults(to: 1)
                t.column("parts", .integer).notNull().defaults(to: 1)
                t.column("finished", .boolean).notNull().defaults(to: false)
            }
            try db.create(table: "event") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("planID", .text).notNull().indexed().references("plan", onDelete: .cascade)
                t.column("at", .datetime).notNull()
                t.column("change", .text).notNull()
            }
            try db.create(table: "resumeCode") { t in
                t.primaryKey("hash", .text)
                t.column("planID", .text).notNull().indexed().references("plan", onDelete: .cascade)
                t.column("created", .datetime).notNull()
                t.column("lastUsed", .datetime).notNull()
            }
        }
        // The newest changes, before they are folded into `event` and `plan` (see `RecentChanges`).
        migrator.registerMigration("v2", migrate: RecentChanges.createTable)
        return migrator
    }
}
