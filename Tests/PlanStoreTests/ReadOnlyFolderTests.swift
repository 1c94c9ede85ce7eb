import Foundation
import GRDB
import Testing
@testable import PlanStore

#if canImport(Glibc)
import Glibc
#endif

/// A store in a folder (or on a disk) that can only be read, with SQLite's side files not there
/// (as a program that ended cleanly leaves it): SQLite cannot make them, so the store could not be
/// opened at all, and `tandem export` could not even show the plan. It is now read as it is.
@Suite("A store in a folder that can only be read", .serialized)
struct ReadOnlyFolderTests {
    @Test("sessions and export read it; resume and a new plan say it can only be read", .enabled(if: getuid() != 0, "root can write read-only files"))
    func readAsItIs() throws {
        let home = try TempFolder("tandem-read-only")
        let folder = home.file("kept")
        let path = folder + "/plans.sqlite"
        let made = try TandemProcess.run(["plan", "store-test", "--store", path], home: home, input: ["Robin Zebrafinch", "/pause"])
        #expect(made.status == 0, "\(made.err)")
        let id = try #require(made.out.firstMatch(of: /[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/).map { String($0.output) })
        // Everything into the file itself, and the side files gone, as a clean close leaves them.
        let raw = try TestData.rawQueue(path)
        try raw.writeWithoutTransaction { _ = try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        try raw.close()
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        chmod(path, 0o400)
        chmod(folder, 0o500)
        defer { chmod(folder, 0o700) }

        let sessions = try TandemProcess.run(["sessions", "--store", path], home: home)
        #expect(sessions.status == 0, "\(sessions.err)")
        #expect(sessions.out.contains("A plan for testing the store"), "\(sessions.out)")
        let export = try TandemProcess.run(["export", id, "--store", path], home: home)
        #expect(export.status == 0, "\(export.err)")
        #expect(export.out.contains("Robin Zebrafinch"), "\(export.out)")

        let resumed = try TandemProcess.run(["resume", id, "--store", path], home: home, input: ["7"])
        #expect(resumed.status == 1)
        #expect(resumed.err.contains("it can only be read, not written"), "\(resumed.err)")
        #expect(resumed.err.contains("Your plan is still there: to see it, run: tandem export "), "\(resumed.err)")
        let new = try TandemProcess.run(["plan", "store-test", "--store", path], home: home, input: ["Sam"])
        #expect(new.status == 1)
        #expect(new.err.contains("it can only be read, not written"), "not 'it cannot be opened': \(new.err)")
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }
}
