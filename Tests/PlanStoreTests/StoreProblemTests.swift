import DialogueEngine
import Foundation
import GRDB
import TandemStore
import Testing
@testable import PlanStore

@Suite("A store with a problem: a clear message, and nothing half-written")
struct StoreProblemTests {
    @Test("The folder is made 0700 and the files 0600, WAL files included")
    func modes() async throws {
        let folder = try TempFolder()
        let path = folder.file("a/b/tandem/plans.sqlite")
        let store = try PlanStore(path: path, options: TestData.options())
        var session = try await TestData.begin(store)
        try await TestData.play(["R"], into: &session, store: store)
        #expect(mode(folder.file("a/b/tandem")) == 0o700)
        #expect(mode(folder.file("a")) == 0o700)
        #expect(mode(path) == 0o600)
        #expect(mode(path + "-wal") == 0o600)
        #expect(mode(path + "-shm") == 0o600)
        #expect(store.warnings.isEmpty)
    }

    /// A link made ahead of the store (to keep plans in another folder): SQLite made the file it
    /// points to with its own mode, 0644.
    @Test("A store path that is a link to a file not made yet: the file is made 0600, WAL files included")
    func linkToAStoreNotMadeYet() async throws {
        let folder = try TempFolder()
        let target = folder.file("kept/plans.sqlite")
        try FileManager.default.createDirectory(atPath: folder.file("kept"), withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        let link = folder.file("plans.sqlite")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        let store = try PlanStore(path: link, options: TestData.options())
        var session = try await TestData.begin(store)
        try await TestData.play(["R"], into: &session, store: store)
        #expect(mode(target) == 0o600)
        #expect(mode(target + "-wal") == 0o600)
        #expect(store.warnings.isEmpty, "\(store.warnings)")
    }

    @Test("Every commit is synced: WAL and synchronous=FULL on the connection that writes, secure_delete on")
    func durability() throws {
        let folder = try TempFolder()
        let store = try PlanStore(path: folder.file("plans.sqlite"), options: TestData.options())
        let (mode, synchronous, secureDelete) = try store.writer.writeWithoutTransaction { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"), try Int.fetchOne(db, sql: "PRAGMA secure_delete"))
        }
        #expect(mode == "wal")
        #expect(synchronous == 2)  // FULL
        #expect(secureDelete == 1)
    }

    @Test("A store that others can read gets a clear warning")
    func warning() throws {
        let folder = try TempFolder()
        let path = folder.file("plans.sqlite")
        _ = try PlanStore(path: path, options: TestData.options())
        chmod(path, 0o644)
        let store = try PlanStore(path: path, options: TestData.options())
        #expect(store.warnings.count >= 1)
        #expect(store.warnings[0].contains("Other people on this computer may be able to read your plans"))
        #expect(store.warnings[0].contains("chmod 600 \(path)"))
    }

    static let progress = TestData.startProgress

    @Test("Locked by another program: .locked, and no half-written plan or answer")
    func locked() async throws {
        let folder = try TempFolder()
        let path = folder.file("plans.sqlite")
        let store = try PlanStore(path: path, options: TestData.options(busyTimeout: 0.2))
        let plan = try await store.begin(Self.progress)

        var config = Configuration()
        config.allowsUnsafeTransactions = true
        let other = try DatabaseQueue(path: path, configuration: config)
        try await other.writeWithoutTransaction { try $0.execute(sql: "BEGIN IMMEDIATE") }

        await #expect(throws: StoreError.self) { try await store.begin(Self.progress) }
        do {
            try await store.append([.answered(step: "name", value: .text("R"))], to: plan.id, progress: Self.progress)
            Issue.record("saved into a locked store")
        } catch {
            #expect(error.kind == .locked)
            #expect(error.message.contains("another program"))
        }
        try await other.writeWithoutTransaction { try $0.execute(sql: "COMMIT") }

        #expect(try await store.list().count == 1)
        #expect(try await store.open(id: plan.id).changes.isEmpty)
        try await store.append([.answered(step: "name", value: .text("R"))], to: plan.id, progress: Self.progress)  // and it works again
        #expect(try await store.open(id: plan.id).changes.count == 1)
    }

    @Test("A session on a locked store says it could not save and does not move on")
    func sessionOnLockedStore() async throws {
        let folder = try TempFolder()
        let path = folder.file("plans.sqlite")
        let store = try PlanStore(path: path, options: TestData.options(busyTimeout: 0.1))
        var session = try await TestData.begin(store)
        var config = Configuration()
        config.allowsUnsafeTransactions = true
        let other = try DatabaseQueue(path: path, configuration: config)
        try await other.writeWithoutTransaction { try $0.execute(sql: "BEGIN IMMEDIATE") }
        let turn = session.handle("Robin")
        var shown: [Event] = []
        do {
            try await store.append(turn.changes, to: session.plan!.id!, progress: turn.progress)
            Issue.record("saved into a locked store")
        } catch {
            shown = session.unsaved(error)
        }
        try await other.writeWithoutTransaction { try $0.execute(sql: "COMMIT") }
        #expect(shown.contains { if case .failure(let text) = $0 { text.contains("could not save") } else { false } })
        #expect(session.conversation.currentStep?.id == "name")
        try await TestData.play(["Robin"], into: &session, store: store)
        #expect(session.conversation.currentStep?.id == "mood")
    }

    @Test("Full: .full, and the answer that did not fit is not half-saved")
    func full() async throws {
        let folder = try TempFolder()
        let path = folder.file("plans.sqlite")
        _ = try PlanStore(path: path, options: TestData.options())
        let pages = try await TestData.rawQueue(path).read { try Int.fetchOne($0, sql: "PRAGMA page_count") } ?? 0
        let store = try PlanStore(path: path, options: TestData.options(maxPageCount: pages + 4))
        let plan = try await store.begin(Self.progress)
        let big = String(repeating: "x", count: 3000)
        var failure: StoreError?
        var saved = 0
        for i in 0..<50 {
            do {
                try await store.append([.answered(step: "name", value: .text(big + "\(i)"))], to: plan.id, progress: Self.progress)
                saved += 1
            } catch {
                failure = error
                break
            }
        }
        let error = try #require(failure)
        #expect(error.kind == .full)
        #expect(error.message.contains("no room left"))
        #expect(try await PlanStore(path: path, options: TestData.options()).open(id: plan.id).changes.count == saved)
    }

    @Test("Read-only: .readOnly when saving")
    func readOnly() async throws {
        let folder = try TempFolder()
        let path = folder.file("plans.sqlite")
        let made = try PlanStore(path: path, options: TestData.options())
        let planID = try await made.begin(Self.progress).id
        let store = try PlanStore(path: path, options: TestData.options(readonly: true))
        _ = try await store.open(id: planID)
        await #expect(throws: StoreError.self) { try await store.append([.answered(step: "name", value: .text("R"))], to: planID, progress: Self.progress) }
        do {
            _ = try await store.begin(Self.progress)
            Issue.record("began a plan in a read-only store")
        } catch {
            #expect(error.kind == .readOnly)
            #expect(error.message.contains("can only be read"))
        }
    }

    @Test("Read-only file and folder (as a person without root sees it)", .enabled(if: getuid() != 0, "root can write read-only files"))
    func readOnlyFile() async throws {
        let folder = try TempFolder()
        let path = folder.file("store/plans.sqlite")
        _ = try PlanStore(path: path, options: TestData.options())
        chmod(path, 0o400)
        chmod(folder.file("store"), 0o500)
        defer { chmod(folder.file("store"), 0o700) }
        await #expect(throws: (any Error).self) { _ = try await PlanStore(path: path, options: TestData.options()).begin(Self.progress) }
    }

    @Test("A damaged file, or one that is not a store: .corrupt, and the file is left alone")
    func corrupt() throws {
        let folder = try TempFolder()
        let path = folder.file("plans.sqlite")
        let garbage = Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) })
        try garbage.write(to: URL(fileURLWithPath: path))
        do {
            _ = try PlanStore(path: path, options: TestData.options())
            Issue.record("a damaged store opened")
        } catch let error as StoreError {
            #expect(error.kind == .corrupt)
            #expect(error.message.contains("damaged or is not a Tandem plan store"))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == garbage)

        let other = folder.file("other.sqlite")
        try DatabaseQueue(path: other).write { try $0.execute(sql: "CREATE TABLE photos (id INTEGER PRIMARY KEY)") }
        #expect(throws: StoreError.corrupt(other)) { _ = try PlanStore(path: other, options: TestData.options()) }
        #expect(try DatabaseQueue(path: other).read { try $0.tableExists("plan") } == false)
    }

    @Test("A truncated store: a clear error, never a crash and never a store that seems empty")
    func truncated() async throws {
        let folder = try TempFolder()
        let path = folder.file("plans.sqlite")
        do {
            let store = try PlanStore(path: path, options: TestData.options())
            for i in 0..<40 {
                let plan = try await store.begin(Self.progress)
                try await store.append([.answered(step: "name", value: .text(String(repeating: "y", count: 2000) + "\(i)"))], to: plan.id, progress: Self.progress)
            }
        }
        try await TestData.rawQueue(path).writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        #expect(size > 40 * 2000)
        #expect(truncate(path, off_t(size / 2)) == 0)
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        do {
            let store = try PlanStore(path: path, options: TestData.options())
            let plans = try await store.list()
            #expect(!plans.isEmpty, "a damaged store must not look like an empty one")
            for plan in plans { _ = try await store.open(id: plan.id) }
            Issue.record("every plan of a store cut in half opened without an error")
        } catch let error as StoreError {
            #expect(error.kind == .corrupt, "\(error)")
            #expect(error.message.contains("damaged"))
        }
    }

    @Test("A store from a newer Tandem: .newerVersion, and it is not changed")
    func newer() throws {
        let folder = try TempFolder()
        let path = folder.file("plans.sqlite")
        _ = try PlanStore(path: path, options: TestData.options())
        try TestData.rawQueue(path).write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99-rooms')") }
        #expect(throws: StoreError.newerVersion(path)) { _ = try PlanStore(path: path, options: TestData.options()) }
        #expect(StoreError.newerVersion(path).message.contains("newer version of Tandem"))
    }

    @Test("A change this Tandem cannot read (from a newer one): a clear error, not a crash")
    func unknownChange() async throws {
        let folder = try TempFolder()
        let path = folder.file("plans.sqlite")
        let store = try PlanStore(path: path, options: TestData.options())
        let plan = try await store.begin(Self.progress)
        try await store.write { try $0.execute(sql: "INSERT INTO event (planID, at, change) VALUES (?, ?, ?)", arguments: [plan.id, Date(), #"{"voted":{"step":"x"}}"#]) }
        await #expect(throws: StoreError.newerVersion(path)) { _ = try await store.open(id: plan.id) }
    }

    @Test("A path that is a folder: a clear message")
    func folderPath() throws {
        let folder = try TempFolder()
        do {
            _ = try PlanStore(path: folder.path, options: TestData.options())
            Issue.record("opened a folder")
        } catch let error as StoreError {
            #expect(error.kind == .io)
            #expect(error.message.contains("it is a folder"))
        }
    }
}

@Suite("A store the disc cannot write: plain words, not only a number")
struct StoreWriteFailureWordsTests {
    @Test("A write or sync that fails (as with --store /dev/null) says what went wrong in words")
    func ioErrorInWords() {
        let error = StoreError.from(DatabaseError(resultCode: ResultCode(rawValue: 1034)), path: "/dev/null")
        #expect(error.kind == .io)
        #expect(error.message.contains("could not save to it"), "\(error.message)")
        #expect(error.message.contains("1034"), "the number is still there for whoever helps")
        #expect(!error.message.contains("(SQLite error"), "\(error.message)")
    }
}
