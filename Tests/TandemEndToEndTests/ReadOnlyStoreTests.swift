import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A store that can only be read (a read-only disk, or files the person may not write): carrying on
/// with a plan in it says so before the first question, and how to see the plan, rather than
/// refusing every answer one by one with "Please try again".
@Suite("tandem resume on a store that can only be read")
struct ReadOnlyStoreTests {
    @Test("said at once, with the way to see the plan; no question is asked", .enabled(if: getuid() != 0, "root can write read-only files"))
    func resumeRefusedAtOnce() throws {
        let home = try TemporaryFolder()
        let folder = home.path + "/kept"
        let store = folder + "/plans.sqlite"
        let made = try PipedTandem.run(["plan", "looking-after-me-too", "--dialogues", TandemExecutable.dialogues, "--store", store], home: home, input: "Sam\n/pause\n")
        #expect(made.status == 0, "\(made.stderr)")
        let code = try #require(made.stdout.firstMatch(of: /[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/).map { String($0.output) })
        // Another window keeps the store open, so its write-ahead log and shared-memory file are
        // there (SQLite opens a store it may not write only when they are; see the report's notes).
        let keeper = try PipedTandem(["plan", "looking-after-me-too", "--dialogues", TandemExecutable.dialogues, "--store", store], home: home)
        try keeper.expect("What would you like me to call you?")
        defer {
            try? keeper.send("/quit")
            keeper.closeInput()
            _ = try? keeper.finish()
        }
        chmod(store, 0o400)
        defer { chmod(store, 0o600) }
        let resumed = try PipedTandem.run(["resume", "--dialogues", TandemExecutable.dialogues, "--store", store], home: home, input: code + "\nmy partner\n")
        #expect(resumed.status == 1, "\(resumed.stdout)\n\(resumed.stderr)")
        #expect(resumed.stderr.contains("it can only be read, not written"), "\(resumed.stderr)")
        #expect(resumed.stderr.contains("Your plan is still there: to see it, run: tandem export "), "\(resumed.stderr)")
        #expect(!resumed.stdout.contains("I could not save that"), "\(resumed.stdout)")
        #expect(!resumed.stdout.contains("How are you linked to the person you help?"), "no question that cannot be saved")
        // And it can still be seen.
        let seen = try PipedTandem.run(["export", code, "--dialogues", TandemExecutable.dialogues, "--store", store], home: home)
        #expect(seen.status == 0, "\(seen.stderr)")
        #expect(seen.stdout.contains("Sam"))
    }
}
