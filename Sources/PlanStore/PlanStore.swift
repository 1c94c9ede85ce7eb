import DialogueEngine
import Foundation
import GRDB
import TandemStore

/// Plans that last: an append-only journal of each plan's changes in SQLite, with resume codes.
///
/// The SQLite implementation of `PlanStorage` (GRDB). One store is one SQLite file in WAL mode with
/// `synchronous=FULL`, so changes are on disk when `append` returns, and several processes (a
/// terminal and a server) can share it. Appends go through one writer that batches those waiting
/// into one commit (`JournalWriter`), into a small table of recent changes that is folded into the
/// journal every 250 rows (`RecentChanges`). The store's folder is made 0700 and its files 0600;
/// `warnings` says when others can read them.
///
/// ```swift
/// let store = try PlanStore(path: PlanStore.defaultPath())
/// let plan = try await store.begin(PlanProgress(conversation))    // plan.code: "K7QM-3XRT-9PAE"
/// try await store.append(turn.changes, to: plan.id, progress: PlanProgress(next))
/// // ... later, perhaps in another process:
/// let again = try await store.open(code: "k7qm3xrt9pae")
/// ```
///
/// Resume codes are kept hashed (see `ResumeCode`) and stop working after `codeLifetimeDays` days in
/// which the plan was neither opened with the code nor changed.
public final class PlanStore: Sendable {
    /// Days a resume code keeps working without use.
    public static let codeLifetimeDays = ResumeCode.lifetimeDays

    /// The database file (`:memory:` for `inMemory()`).
    public let path: String
    /// Problems worth telling the person about, such as a store others can read.
    public let warnings: [String]
    let writer: any DatabaseWriter
    let clock: @Sendable () -> Date
    /// The journal's one writer: appends that arrive together share one commit (group commit).
    let journal: JournalWriter
    /// The locks on plans this store has open (`hold(plan:)`); nil for a store in memory.
    let holds: HoldFile?
    /// What was made for this store in this run (nil: it was there before); see `discardIfNothingSaved`.
    let made: MadeFiles?

    /// What tests can change; the defaults are what Tandem uses.
    struct Options: Sendable {
        /// How long to wait for another program's lock before saying the store is locked.
        var busyTimeout: TimeInterval = 5
        var readonly = false
        /// SQLite's `max_page_count`, to make a full store in tests.
        var maxPageCount: Int?
        var clock: @Sendable () -> Date = { Date() }
        /// Rows gathered in `recent` before the writer folds them (`RecentChanges`).
        var foldEvery = RecentChanges.foldEvery
    }

    /// Opens (or makes) the store at `path`, creating its folder if needed.
    ///
    /// - Parameter path: the SQLite file; `~/` is expanded.
    /// - Throws: `StoreError` when the store is locked, read-only, damaged, made by a newer Tandem,
    ///   or cannot be read. Nothing is changed in a store that is refused.
    public convenience init(path: String) throws {
        try self.init(path: path, options: Options())
    }

    init(path rawPath: String, options: Options) throws {
        let path = Self.absolutePath(rawPath)
        self.path = path
        self.clock = options.clock
        holds = HoldFile(storePath: path)
        let made = options.readonly ? nil : try Self.prepareFiles(at: path)
        let pool: DatabasePool
        do {
            pool = try Self.openPool(path: path, options: options)
        } catch {
            // A store made just now that could not be set up (a full disk): nothing is left behind.
            let error = StoreError.from(error, path: path)
            guard let made, MadeFiles.mayRemove(after: error), !MadeFiles.openElsewhere(path) else { throw error }
            made.remove()
            throw error.kind == .full ? StoreError.fullBeforeAnythingSaved(path) : error
        }
        self.writer = pool
        self.made = made
        journal = JournalWriter(writer: pool, path: path, clock: options.clock, foldEvery: options.foldEvery,
                                unfolded: options.readonly ? 0 : Self.foldIfDue(pool, foldEvery: options.foldEvery))
        self.warnings = Self.permissionWarnings(at: path)
    }

    /// Rows other processes left in `recent` (a program that stopped, or one that wrote less than a
    /// fold's worth): folded now if there is a fold's worth, so that many short runs of `tandem plan`
    /// cannot let it grow; otherwise left where readers find them, and counted towards this
    /// process's first fold. Returns how many rows still wait. A program that only reads (`tandem
    /// sessions`, `export`) so writes nothing, and does not wait for a busy server's lock, unless
    /// a fold is due. A fold that cannot be taken now (a full disk, a lock) is left for later:
    /// readers see the rows either way.
    static func foldIfDue(_ pool: DatabasePool, foldEvery: Int) -> Int {
        guard let waiting = try? pool.read(RecentChanges.waiting) else { return 0 }
        guard waiting >= foldEvery, (try? pool.write(RecentChanges.fold)) != nil else { return waiting }
        return 0
    }

    private init(queue: DatabaseQueue, options: Options, path: String = ":memory:") throws {
        self.path = path
        self.clock = options.clock
        self.writer = queue
        holds = path == ":memory:" ? nil : HoldFile(storePath: path)
        made = nil
        journal = JournalWriter(writer: queue, path: path, clock: options.clock, foldEvery: options.foldEvery)
        self.warnings = path == ":memory:" ? [] : Self.permissionWarnings(at: path)
        try Self.setUp(queue, path: path, readonly: options.readonly)
    }

    /// Opens the store at `path` only to read it, when it cannot be opened as usual because its
    /// disk or folder can only be read and SQLite's side files (`-wal`, `-shm`) are not there, so
    /// SQLite cannot make them: every change is then in the file itself, and it is read as it is
    /// (SQLite's `immutable`), with nothing written. For `tandem sessions` and `tandem export`.
    public static func readingOnly(path rawPath: String) throws -> PlanStore {
        let path = absolutePath(rawPath)
        guard !FileManager.default.fileExists(atPath: path + "-wal") else { throw StoreError.readOnly(path) }
        var options = Options()
        options.readonly = true
        var uri = URLComponents()
        uri.scheme = "file"
        uri.path = path
        uri.queryItems = [URLQueryItem(name: "immutable", value: "1")]
        do {
            let queue = try DatabaseQueue(path: uri.string ?? path, configuration: configuration(options))
            return try PlanStore(queue: queue, options: options, path: path)
        } catch {
            throw StoreError.from(error, path: path)
        }
    }

    /// A store that lives only as long as this object: for tests and previews.
    public static func inMemory() throws -> PlanStore {
        try inMemory(options: Options())
    }

    static func inMemory(options: Options) throws -> PlanStore {
        do {
            return try PlanStore(queue: DatabaseQueue(configuration: configuration(options)), options: options)
        } catch {
            throw StoreError.from(error, path: ":memory:")
        }
    }

    static func configuration(_ options: Options) -> Configuration {
        var config = Configuration()
        config.busyMode = .timeout(options.busyTimeout)
        config.readonly = options.readonly
        config.label = "PlanStore"
        let maxPages = options.maxPageCount
        config.prepareDatabase { db in
            // FULL: a commit in WAL mode syncs the log, so an acknowledged answer survives a power cut
            // (set again after DatabasePool's own WAL set-up; see `init(path:options:)`).
            // secure_delete: deleted plans are overwritten, not just unlinked from the tree.
            // temp_store: sorting never spills answer text into temporary files.
            try db.execute(sql: "PRAGMA synchronous = FULL; PRAGMA secure_delete = ON; PRAGMA temp_store = MEMORY")
            if let maxPages { try db.execute(sql: "PRAGMA max_page_count = \(maxPages)") }
        }
        return config
    }

    /// Refuses a store from a newer Tandem or from another program, then brings the schema up to date.
    static func setUp(_ writer: any DatabaseWriter, path: String, readonly: Bool) throws {
        let migrator = Self.migrator
        do {
            let (superseded, foreign) = try writer.read { db in
                let superseded = try migrator.hasBeenSuperseded(db)
                let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
                return (superseded, !tables.isEmpty && !tables.contains("grdb_migrations"))
            }
            if superseded { throw StoreError.newerVersion(path) }
            if foreign { throw StoreError.corrupt(path) }
            if readonly {
                guard try writer.read(migrator.hasCompletedMigrations) else { throw StoreError.readOnly(path) }
                return
            }
            // An up-to-date store is not written to just for being opened (and a program that only
            // reads does not wait for a busy server's write lock).
            if try writer.read(migrator.hasCompletedMigrations) { return }
            do {
                try migrator.migrate(writer)
            } catch {
                // Two programs making a new store at once: the other one may have won the race.
                guard try writer.read(migrator.hasCompletedMigrations) else { throw error }
            }
        } catch {
            throw StoreError.from(error, path: path)
        }
    }

    /// Runs a write transaction, mapping failures to `StoreError`.
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws(StoreError) -> T {
        do { return try await writer.write(body) } catch { throw StoreError.from(error, path: path) }
    }

    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws(StoreError) -> T {
        do { return try await writer.read(body) } catch { throw StoreError.from(error, path: path) }
    }

    var codeLifetime: TimeInterval { TimeInterval(Self.codeLifetimeDays) * 24 * 60 * 60 }
}
