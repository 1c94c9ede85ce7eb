import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// After a full plan, no answer is in any file under the home folder except the store and the files
/// the person exported.
@Suite("Privacy with the real tandem program")
struct PrivacyTests {
    @Test("Answers are only in the store and in exported files")
    func answersStayInTheStore() throws {
        let home = try TempFolder("tandem-privacy")
        let run = try TandemProcess.run(
            ["plan", "store-test"], home: home,
            input: Array(TestData.fullPlan.prefix(4)) + ["/export text my-plan.txt", "/pause"])
        #expect(run.status == 0, "\(run.err)")
        let code = try #require(resumeCode(in: run.out))
        let resumed = try TandemProcess.run(["resume", code], home: home, input: Array(TestData.fullPlan.dropFirst(4)) + ["/review", "/quit"])
        #expect(resumed.out.contains("That is the end of"))
        _ = try TandemProcess.run(["sessions"], home: home)
        _ = try TandemProcess.run(["sessions", "--format", "json"], home: home)
        _ = try TandemProcess.run(["export", code, "--format", "markdown", "--output", "exported/plan.md"], home: home)  // no folder: refused
        _ = try TandemProcess.run(["export", code, "--format", "json", "--output", "plan.json"], home: home)
        _ = try TandemProcess.run(["export", code], home: home)

        let store = home.file(".local/share/tandem/plans.sqlite")
        let allowed: Set<String> = [store, store + "-wal", store + "-shm", home.file("my-plan.txt"), home.file("plan.json")]
        let files = home.allFiles()
        #expect(files.contains(store))
        var checked = 0
        for file in files where !allowed.contains(file) {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
            checked += 1
            for secret in TestData.secrets {
                #expect(bytes.range(of: Data(secret.utf8)) == nil, "\"\(secret)\" is in \(file)")
            }
        }
        // The exported files do hold the plan, so the search above would have found leaks.
        #expect(try String(contentsOfFile: home.file("plan.json"), encoding: .utf8).contains("Zebrafinch"))
        #expect(try String(contentsOfFile: home.file("my-plan.txt"), encoding: .utf8).contains("Zebrafinch"))
    }

    @Test("A crash leaves no core file: a program holding answers sets its core file size to 0")
    func noCoreFiles() throws {
        let home = try TempFolder("tandem-core")
        // Started as a shell with `ulimit -c unlimited` would start it (core files are often off
        // already, and then this test would prove nothing).
        var limit = rlimit()
        getrlimit(Int32(RLIMIT_CORE.rawValue), &limit)
        let before = limit
        limit.rlim_cur = limit.rlim_max
        setrlimit(Int32(RLIMIT_CORE.rawValue), &limit)
        let child = try TandemProcess(["plan", "store-test"], home: home)
        var restore = before
        setrlimit(Int32(RLIMIT_CORE.rawValue), &restore)
        _ = try child.expect("> ")
        let limits = try String(contentsOfFile: "/proc/\(child.process.processIdentifier)/limits", encoding: .utf8)
        let core = try #require(limits.split(separator: "\n").first { $0.hasPrefix("Max core file size") })
        let soft = core.split(separator: " ", omittingEmptySubsequences: true).dropFirst(4).first
        #expect(soft == "0", "\(core)")
        child.closeInput()
        _ = try child.finish()
    }
}
