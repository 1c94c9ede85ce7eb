import Foundation
import Testing

/// Output that cannot be written (a full disk: `tandem export > plan.txt`, here `/dev/full`):
/// words on standard error and exit status 1, never Foundation's crash report (which prints the
/// program's memory, where answers may be, in hex).
@Suite("tandem's output sent to a full disk")
struct OutputNowhereTests {
    static let carers = "looking-after-me-too"

    /// Runs `tandem arguments` with standard output on `/dev/full` and `input` on standard input.
    static func runToFullDisk(_ arguments: [String], home: TemporaryFolder, input: String = "") throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TandemExecutable.path)
        process.arguments = arguments
        process.environment = TandemExecutable.environment(home: home)
        process.currentDirectoryURL = home.url
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let inputPipe = Pipe(), errors = Pipe()
        process.standardOutput = full
        process.standardInput = inputPipe
        process.standardError = errors
        try process.run()
        try inputPipe.fileHandleForWriting.write(contentsOf: Data(input.utf8))
        try inputPipe.fileHandleForWriting.close()
        let said = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let status = process.terminationReason == .uncaughtSignal ? -process.terminationStatus : process.terminationStatus
        return (status, String(decoding: said, as: UTF8.self))
    }

    static func plannedHome() throws -> TemporaryFolder {
        let home = try TemporaryFolder()
        let made = try PipedTandem.run(["plan", carers, "--dialogues", TandemExecutable.dialogues], home: home, input: "Sam\n/pause\n")
        #expect(made.status == 0, "\(made.stderr)")
        return home
    }

    @Test("tandem export > a full disk: says the plan could not be written out, and that it is safe")
    func export() throws {
        let home = try Self.plannedHome()
        let result = try Self.runToFullDisk(["export", "--dialogues", TandemExecutable.dialogues], home: home)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("I could not write out your plan, because there is no room left on the disk it goes to. Your plan is safe."), "\(result.stderr)")
        #expect(!result.stderr.contains("crashed") && !result.stderr.contains("Fatal error"), "\(result.stderr)")
    }

    @Test("tandem sessions, and a plan, with their words going to a full disk: a message and status 1, not a crash", arguments: ["sessions", "plan"])
    func others(_ command: String) throws {
        let home = try Self.plannedHome()
        let arguments = command == "plan" ? ["plan", Self.carers, "--dialogues", TandemExecutable.dialogues] : [command]
        let result = try Self.runToFullDisk(arguments, home: home, input: "/pause\n")
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("I could not write out my words, because there is no room left on the disk it goes to."), "\(result.stderr)")
        #expect(!result.stderr.contains("crashed") && !result.stderr.contains("Fatal error"), "\(result.stderr)")
    }
}
