import Foundation
import GRDB
import TandemStore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `PlanStore.prepareFiles` made for a store new in this run: taken away again when nothing
/// could be saved in it (a full disk), so no empty or half-made store is left behind. A store that
/// was there before is never in here.
struct MadeFiles: Sendable {
    let path: String
    /// The folders made for it, outermost first.
    var folders: [String]
    /// Whether the store's own file was made here (not through a link that was there before).
    var file = false
    /// Of `-wal`, `-shm` and `-open`: the ones that were not there before the file was made.
    var sideFiles: [String] = []

    /// The folders above `path` that are not there yet, outermost first.
    static func missingFolders(above path: String) -> [String] {
        var missing: [String] = []
        var folder = (path as NSString).deletingLastPathComponent
        while !folder.isEmpty, folder != "/", !FileManager.default.fileExists(atPath: folder) {
            missing.insert(folder, at: 0)
            folder = (folder as NSString).deletingLastPathComponent
        }
        return missing
    }

    /// Takes away the file and the side files SQLite made beside it, then each folder made for it,
    /// innermost first, and only while it is empty.
    func remove() {
        if file {
            for suffix in sideFiles { unlink(path + suffix) }
            unlink(path)
        }
        for folder in folders.reversed() { rmdir(folder) }
    }

    /// Whether another program has the store open: SQLite keeps a shared lock on byte 128 of the
    /// `-shm` file (its "dead man's switch") for as long as a connection to a WAL store is open.
    /// Locks this program holds are not seen, so this program's own connections must be closed first.
    static func openElsewhere(_ path: String) -> Bool {
        let fd = open(path + "-shm", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var lock = flock()
        lock.l_type = Int16(F_WRLCK)
        lock.l_whence = Int16(SEEK_SET)
        lock.l_start = 128
        lock.l_len = 1
        guard fcntl(fd, F_GETLK, &lock) == 0 else { return true }
        return lock.l_type != Int16(F_UNLCK)
    }

    /// Problems that mean someone else has the file now (another program, or something it wrote):
    /// then it is left alone.
    static func mayRemove(after error: StoreError) -> Bool {
        ![.locked, .corrupt, .newerVersion, .notFound].contains(error.kind)
    }
}

extension PlanStore {
    /// For a store made in this run whose first plan could not be begun (a full disk): takes away
    /// the files and folders made for it, so that no empty store is left behind, and says whether it
    /// did. A store that was there before, or that holds any plan (another program's), is never
    /// taken away. The store cannot be used after this returns true.
    public func discardIfNothingSaved(after error: StoreError) -> Bool {
        guard let made, MadeFiles.mayRemove(after: error), let pool = writer as? DatabasePool else { return false }
        let count = try? pool.read { db in
            try Int.fetchOne(db, sql: "SELECT (SELECT count(*) FROM plan) + (SELECT count(*) FROM recent)")
        }
        guard count == 0 else { return false }
        try? pool.close()
        // Another program that opened it meanwhile (a server) would go on writing into a file no
        // one could find again: then it stays.
        guard !MadeFiles.openElsewhere(made.path) else { return false }
        made.remove()
        return true
    }

    /// A store SQLite cannot open because it may not make its side files beside it (a read-only
    /// disk or folder) is one that can only be read, and is said so, not "it cannot be opened".
    static func cannotOpen(_ error: any Error, path: String) -> StoreError {
        let mapped = StoreError.from(error, path: path)
        guard mapped.kind == .io, (error as? DatabaseError)?.resultCode == .SQLITE_CANTOPEN else { return mapped }
        let folder = (path as NSString).deletingLastPathComponent
        return access(path, W_OK) != 0 || access(folder.isEmpty ? "." : folder, W_OK) != 0 ? .readOnly(path) : mapped
    }

    /// Opens the pool and sets up the schema; on a failure, closes what it opened before throwing.
    static func openPool(path: String, options: Options) throws -> DatabasePool {
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: Self.configuration(options))
        } catch {
            throw cannotOpen(error, path: path)
        }
        do {
            // DatabasePool turns on WAL *after* `prepareDatabase` and sets synchronous=NORMAL as it
            // does (a commit is then not synced until a checkpoint). Put FULL back on the one
            // connection that writes, so every commit is on disk before `record` returns.
            if !options.readonly {
                try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
            }
            try Self.setUp(pool, path: path, readonly: options.readonly)
        } catch {
            try? pool.close()
            throw cannotOpen(error, path: path)
        }
        return pool
    }
}

extension PlanStore {
    /// Whether new answers can be saved here: the file, and its folder or write-ahead log, can be
    /// written. False for a store on a disk that can only be read, or one kept where the person may
    /// not write; such a store can still be read (`tandem export`).
    public var canSave: Bool {
        guard path != ":memory:" else { return true }
        let wal = path + "-wal"
        let folder = (path as NSString).deletingLastPathComponent
        let side = FileManager.default.fileExists(atPath: wal) ? wal : (folder.isEmpty ? "." : folder)
        return access(path, W_OK) == 0 && access(side, W_OK) == 0
    }
}
