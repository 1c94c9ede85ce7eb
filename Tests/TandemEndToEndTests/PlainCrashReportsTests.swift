import Foundation
import Testing

/// Swift's crash report to anywhere but a terminal prints the memory each register points at,
/// where a plan's answers can be. Only `tandem serve` asked for the short report; `tandem plan`
/// with its errors going to a log or a pipe did not.
@Suite("every tandem command with its errors going to a log asks Swift for crash reports without memory in them")
struct PlainCrashReportsTests {
    static func environment(of pid: Int32) throws -> [String] {
        let environ = try Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/environ"))
        return environ.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test("tandem plan through pipes: the short report is asked for, and the plan goes on as the same process")
    func aPlanThroughPipes() throws {
        let home = try TemporaryFolder()
        let child = try PipedTandem(["plan", "looking-after-me-too", "--dialogues", TandemExecutable.dialogues], home: home)
        try child.expectPrompt()
        let settings = try Self.environment(of: child.process.processIdentifier)
        #expect(settings.contains("SWIFT_BACKTRACE=preset=friendly"), "\(settings.filter { $0.hasPrefix("SWIFT") })")
        try child.send("Morgan")
        try child.expect("Hello Morgan")
        try child.send("/pause")
        child.closeInput()
        #expect(try child.finish() == 0)
    }

    @Test("a setting already given is kept: whoever runs Tandem can still ask for the full report")
    func aSettingGivenIsKept() throws {
        let home = try TemporaryFolder()
        let child = try PipedTandem(["plan", "looking-after-me-too", "--dialogues", TandemExecutable.dialogues], home: home, environment: ["SWIFT_BACKTRACE": "preset=full"])
        try child.expectPrompt()
        #expect(try Self.environment(of: child.process.processIdentifier).contains("SWIFT_BACKTRACE=preset=full"))
        child.closeInput()
        #expect(try child.finish() == 0)
    }
}
