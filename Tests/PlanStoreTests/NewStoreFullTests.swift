import DialogueEngine
import Foundation
import GRDB
import TandemStore
import Testing
@testable import PlanStore

/// A disk that is full when a store is first made: the store, its side files and the folders made
/// for it are taken away again, and the words say nothing could be saved. A store that was there
/// before is never taken away. (scripts/full-disk does the same on a real full disk.)
@Suite("A new store on a full disk: nothing half-made is left behind")
struct NewStoreFullTests {
    static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    /// The pages of a store just made, with nothing in it.
    static func emptyStorePages() throws -> Int {
        let folder = try TempFolder()
        let path = folder.file("scratch.sqlite")
        _ = try PlanStore(path: path, options: TestData.options())
        return try TestData.rawQueue(path).read { try Int.fetchOne($0, sql: "PRAGMA page_count") } ?? 0
    }

    /// A plan's start that needs pages of its own (a long title), so it cannot fit in a store that is full.
    static var bigStart: PlanProgress {
        var progress = TestData.startProgress
        progress.title = String(repeating: "x", count: 40_000)
        return progress
    }

    @Test("The schema does not fit: .full in words that say nothing was saved, and no file, side file or folder is left")
    func schemaDoesNotFit() throws {
        let folder = try TempFolder()
        let path = folder.file("new/tandem/plans.sqlite")
        do {
            _ = try PlanStore(path: path, options: TestData.options(maxPageCount: 1))
            Issue.record("a store was made with no room for it")
        } catch let error as StoreError {
            #expect(error.kind == .full)
            #expect(error.message.contains("so I could not save anything"), "\(error.message)")
            #expect(!error.message.contains("Nothing saved before was lost"), "there was nothing before")
        }
        for file in [path, path + "-wal", path + "-shm", path + "-open", folder.file("new/tandem"), folder.file("new")] {
            #expect(!Self.exists(file), "\(file) was left behind")
        }
        #expect(Self.exists(folder.path), "a folder that was there before stays")
    }

    @Test("The first plan does not fit in a store made just now: it is taken away")
    func firstPlanDoesNotFit() async throws {
        let folder = try TempFolder()
        let path = folder.file("plans.sqlite")
        let store = try PlanStore(path: path, options: TestData.options(maxPageCount: try Self.emptyStorePages()))
        do {
            _ = try await store.begin(Self.bigStart)
            Issue.record("a plan was begun with no room for it")
        } catch {
            #expect(error.kind == .full)
            #expect(store.discardIfNothingSaved(after: error))
        }
        for file in [path, path + "-wal", path + "-shm", path + "-open"] {
            #expect(!Self.exists(file), "\(file) was left behind")
        }
    }

    @Test("A store made just now with a plan in it is kept")
    func madeWithAPlanIsKept() async throws {
        let folder = try TempFolder()
        let path = folder.file("plans.sqlite")
        let store = try PlanStore(path: path, options: TestData.options())
        _ = try await store.begin(TestData.startProgress)
        #expect(!store.discardIfNothingSaved(after: .full(path)))
        #expect(Self.exists(path))
        #expect(try await store.list().count == 1)
    }

    @Test("A store that was there before, even an empty one, is never taken away")
    func beforeIsKept() async throws {
        let folder = try TempFolder()
        let path = folder.file("plans.sqlite")
        _ = try PlanStore(path: path, options: TestData.options())
        let store = try PlanStore(path: path, options: TestData.options(maxPageCount: try Self.emptyStorePages() + 4))
        do {
            _ = try await store.begin(Self.bigStart)
            Issue.record("a plan was begun with no room for it")
        } catch {
            #expect(error.kind == .full)
            #expect(!store.discardIfNothingSaved(after: error))
        }
        #expect(Self.exists(path))

        let touched = folder.file("touched.sqlite")
        #expect(FileManager.default.createFile(atPath: touched, contents: nil))
        #expect(throws: StoreError.self) { _ = try PlanStore(path: touched, options: TestData.options(maxPageCount: 1)) }
        #expect(Self.exists(touched), "an empty file the person made is theirs")
    }

    @Test("A store made just now that another program has opened meanwhile (tandem at its menu) is left alone")
    func openElsewhereIsKept() async throws {
        let folder = try TempFolder()
        let path = folder.file("plans.sqlite")
        let store = try PlanStore(path: path, options: TestData.options(maxPageCount: try Self.emptyStorePages()))
        let other = try TandemProcess(["--store", path], home: folder)
        try other.expect("Type a number to start.")
        do {
            _ = try await store.begin(Self.bigStart)
            Issue.record("a plan was begun with no room for it")
        } catch {
            #expect(!store.discardIfNothingSaved(after: error), "another program has it open")
        }
        #expect(Self.exists(path))
        try other.send("/quit")
        #expect(try other.finish() == 0)
    }

    @Test("A store another program has locked is left alone")
    func lockedIsKept() throws {
        let folder = try TempFolder()
        let path = folder.file("plans.sqlite")
        let store = try PlanStore(path: path, options: TestData.options())
        #expect(!store.discardIfNothingSaved(after: .locked()))
        #expect(Self.exists(path))
    }

    @Test("The shared-memory file that cannot grow (SQLITE_IOERR_SHMSIZE) is a full disk, in words")
    func shmSizeIsFull() {
        let error = StoreError.from(DatabaseError(resultCode: ResultCode(rawValue: 4874)), path: "/x/plans.sqlite")
        #expect(error.kind == .full)
    }
}

@Suite("A store path that names a folder: which file to give instead")
struct StorePathIsAFolderTests {
    @Test("A folder that is there: said so, with a file's name in it to use, and nothing made")
    func existingFolder() throws {
        let folder = try TempFolder()
        #expect(throws: StoreError.folder(folder.path)) { _ = try PlanStore(path: folder.path, options: TestData.options()) }
        #expect(StoreError.folder(folder.path).message.contains("it is a folder, not a file. To keep your plans in that folder, give the name of a file in it, like --store \(folder.path)/plans.sqlite."))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test("A name ending in / that is not there yet: not the system's bare 'Is a directory'")
    func trailingSlash() throws {
        let folder = try TempFolder()
        let path = folder.file("plans") + "/"
        do {
            _ = try PlanStore(path: path, options: TestData.options())
            Issue.record("a store was made at a folder's name")
        } catch let error as StoreError {
            #expect(error.message.contains("a name that ends in / is a folder's name"), "\(error.message)")
            #expect(error.message.contains("--store \(folder.file("plans"))/plans.sqlite"), "\(error.message)")
            #expect(!error.message.contains("Is a directory"))
        }
    }
}
