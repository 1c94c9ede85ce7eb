import Foundation
import Testing

/// Commands that never hear an answer (`export`, `list`, `graph`) do not read the check-in's words:
/// compiling them was nine tenths of `tandem export`'s time. Shown by a folder whose check-in
/// words are broken: these commands neither stumble on them nor warn about them, and the plan they
/// export still ends with its support contacts. A command that hears answers still says so.
@Suite struct ExportWithoutCheckInTests {
    @Test("export and list leave the check-in's words alone; plan still checks them")
    func commandsThatHearNothingSkipTheCheckIn() throws {
        let home = try TemporaryFolder()
        let folder = home.path + "/dialogues"
        try FileManager.default.copyItem(atPath: TandemExecutable.dialogues, toPath: folder)
        try? FileManager.default.removeItem(atPath: folder + "/tests")
        try "signals:\n  - [unclosed\n".write(toFile: folder + "/check-in.yaml", atomically: true, encoding: .utf8)
        let store = home.path + "/plans.sqlite"

        let made = try PipedTandem.run(["plan", "my-goals", "--dialogues", folder, "--store", store], home: home, input: "Sam\n/pause\n")
        #expect(made.status == 0)
        #expect(made.stderr.contains("check-in.yaml"), "a command that hears answers still says the words are broken: \(made.stderr)")

        let listed = try PipedTandem.run(["sessions", "--format", "json", "--store", store], home: home)
        let id = try #require(listed.stdout.firstMatch(of: /"id" : "([a-z0-9]+)"/)?.1).description
        let exported = try PipedTandem.run(["export", id, "--dialogues", folder, "--store", store], home: home)
        #expect(exported.status == 0)
        #expect(exported.stderr.isEmpty, "\(exported.stderr)")
        #expect(exported.stdout.contains("My goals") && exported.stdout.contains("Sam"))
        #expect(exported.stdout.contains("116 123"), "the support contacts are on the plan")

        let list = try PipedTandem.run(["list", "--dialogues", folder], home: home)
        #expect(list.status == 0 && list.stderr.isEmpty, "\(list.stderr)")
        #expect(list.stdout.contains("my-goals"))
    }
}
