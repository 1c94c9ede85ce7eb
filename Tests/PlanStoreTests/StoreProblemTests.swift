import DialogueEngine
import Foundation
import GRDB
import Testing
@testable import PlanStore

@Suite("A store with a problem: a clear message, and nothing half-written")
struct StoreProblemTests {
    @Test("The folder is made 0700 and the files 0600, WAL files included")
    func modes() throws {
        let folder = try TempFolder()
        let path = folder.file("a/b/tandem/plans.sqlite")
        let store = try PlanStore(path: path, options: TestData.options())
        let plan = try store.begin(script: TestData.v1)
        try plan.record([.answered(step: "name", value: .text("R"))])
        #expect(mode(folder.file("a/b/tandem")) == 0o700)
        #expect(mode(folder.file("a")) == 0o700)
        #expect(mode(path) == 0o600)
        #expect(mode(path + "-wal") == 0o600)
        #expect(mode(path + "-shm") == 0o600)
        #expect(store.warnings.isEmpty)
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

    @Test("Locked by another program: .locked, and no half-written plan or answer")
    func locked() throws {
        let folder = try TempFolder()
        let path = folder.file("plans.sqlite")
        let store = try PlanStore(path: path, options: TestData.options(busyTimeout: 0.2))
        let plan = try store.begin(script: TestData.v1)

        var config = Configuration()
        config.allowsUnsafeTransactions = true
        let other = try DatabaseQueue(path: path, configuration: config)
        try other.writeWithoutTransaction { try $0.execute(sql: "BEGIN IMMEDIATE") }

        #expect(throws: StoreError.self) { try store.begin(script: TestData.v1) }
        do { try plan.record([.answered(step: "name", value: .text("R"))]) } catch let error as StoreError {
            #expect(error.kind == .locked)
            #expect(error.message.contains("another program"))
        }
        try other.writeWithoutTransaction { try $0.execute(sql: "COMMIT") }

        #expect(try store.list().count == 1)
        #expect(plan.changes.isEmpty)
        #expect(try store.open(plan.id).changes.isEmpty)
        try plan.record([.answered(step: "name", value: .text("R"))])  // and it works again
        #expect(try store.open(plan.id).changes.count == 1)
    }

    @Test("A session on a locked store says it could not save and does not move on")
    func sessionOnLockedStore() throws {
        let folder = try TempFolder()
        let path = folder.file("plans.sqlite")
        let store = try PlanStore(path: path, options: TestData.options(busyTimeout: 0.1))
        let plan = try store.begin(script: TestData.v1)
        var session = Session(conversation: Conversation(script: TestData.v1, today: TestData.today), support: TestData.support, journal: plan)
        _ = session.start()
        var config = Configuration()
        config.allowsUnsafeTransactions = true
        let other = try DatabaseQueue(path: path, configuration: config)
        try other.writeWithoutTransaction { try $0.execute(sql: "BEGIN IMMEDIATE") }
        let events = session.handle("Robin")
        try other.writeWithoutTransaction { try $0.execute(sql: "COMMIT") }
        #expect(events.contains { if case .failure(let text) = $0 { text.contains("could not save") } else { false } })
        #expect(session.conversation.currentStep?.id == "name")
        _ = session.handle("Robin")
        #expect(session.conversation.currentStep?.id == "mood")
    }

    @Test("Full: .full, and the answer that did not fit is not half-saved")
    func full() throws {
        let folder = try TempFolder()
        let path = folder.file("plans.sqlite")
        _ = try PlanStore(path: path, options: TestData.options())
        let pages = try DatabaseQueue(path: path).read { try Int.fetchOne($0, sql: "PRAGMA page_count") } ?? 0
        let store = try PlanStore(path: path, options: TestData.options(maxPageCount: pages + 4))
        let plan = try store.begin(script: TestData.v1)
        let big = String(repeating: "x", count: 3000)
        var failure: StoreError?
        for i in 0..<50 {
            do { try plan.record([.answered(step: "name", value: .text(big + "\(i)"))]) } catch let error as StoreError {
                failure = error
                break
            }
        }
        let error = try #require(failure)
        #expect(error.kind == .full)
        #expect(error.message.contains("no room left"))
        let saved = plan.changes.count
        #expect(try PlanStore(path: path, options: TestData.options()).open(plan.id).changes.count == saved)
    }

    @Test("Read-only: .readOnly when saving")
    func readOnly() throws {
        let folder = try TempFolder()
        let path = folder.file("plans.sqlite")
        let made = try PlanStore(path: path, options: TestData.options())
        let planID = try made.begin(script: TestData.v1).id
        let store = try PlanStore(path: path, options: TestData.options(readonly: true))
        let plan = try store.open(planID)
        #expect(throws: StoreError.self) { try plan.record([.answered(step: "name", value: .text("R"))]) }
        do { _ = try store.begin(script: TestData.v1) } catch let error as StoreError {
            #expect(error.kind == .readOnly)
            #expect(error.message.contains("can only be read"))
        }
    }

    @Test("Read-only file and folder (as a person without root sees it)", .enabled(if: getuid() != 0, "root can write read-only files"))
    func readOnlyFile() throws {
        let folder = try TempFolder()
        let path = folder.file("store/plans.sqlite")
        _ = try PlanStore(path: path, options: TestData.options())
        chmod(path, 0o400)
        chmod(folder.file("store"), 0o500)
        defer { chmod(folder.file("store"), 0o700) }
        #expect(throws: StoreError.self) { _ = try PlanStore(path: path, options: TestData.options()).begin(script: TestData.v1) }
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

    @Test("A store from a newer Tandem: .newerVersion, and it is not changed")
    func newer() throws {
        let folder = try TempFolder()
        let path = folder.file("plans.sqlite")
        _ = try PlanStore(path: path, options: TestData.options())
        try DatabaseQueue(path: path).write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99-rooms')") }
        #expect(throws: StoreError.newerVersion(path)) { _ = try PlanStore(path: path, options: TestData.options()) }
        #expect(StoreError.newerVersion(path).message.contains("newer version of Tandem"))
    }

    @Test("A change this Tandem cannot read (from a newer one): a clear error, not a crash")
    func unknownChange() throws {
        let folder = try TempFolder()
        let path = folder.file("plans.sqlite")
        let store = try PlanStore(path: path, options: TestData.options())
        let plan = try store.begin(script: TestData.v1)
        try store.write { try $0.execute(sql: "INSERT INTO event (planID, at, change) VALUES (?, ?, ?)", arguments: [plan.id, Date(), #"{"voted":{"step":"x"}}"#]) }
        #expect(throws: StoreError.newerVersion(path)) { _ = try store.open(plan.id) }
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
