import DialogueEngine
import Foundation
import NIOCore
import PlanStore
import Testing

@testable import LineServer

/// The real `tandem serve` program, for what only a whole process can show: signals, and running
/// out of file descriptors.
@Suite("tandem serve as a process", .serialized)
struct ServeProcessTests {
    /// SIGHUP is what a host's terminal window sends when it is closed.
    @Test("SIGTERM, Ctrl-\\ (SIGQUIT), or SIGHUP (the host's window closed): the person is told, with their code; the answer is in the store; exit 0", arguments: [SIGTERM, SIGHUP, SIGQUIT])
    func sigterm(_ signal: Int32) async throws {
        let folder = try TemporaryDirectory()
        let storePath = folder.path + "/plans.sqlite"
        let server = try ServeProcess(["--store", storePath])
        let client = try await TestClient.connect(server.address)
        _ = try await client.response()
        try await client.line("/start 1")
        _ = try await client.response()
        try await client.line("Morgan")
        _ = try await client.response()

        kill(server.process.processIdentifier, signal)
        let told = try await client.untilClosed()
        #expect(told.hasPrefix("The server is closing now.\r\n\r\nYour plan is saved. To carry on later, use this code: "))
        let status = try await server.exitStatus(within: .seconds(15))
        #expect(status == 0)

        let code = String(told.components(separatedBy: "use this code: ")[1].prefix(14))
        let store = try PlanStore(path: storePath)
        let plan = try await store.open(code: code)
        #expect(plan.changes.contains(.answered(step: "name", value: .text("Morgan"))))
    }

    /// Swift's crash report to a log prints the memory registers point at, where answers can be.
    @Test("with its errors going to a log, tandem serve asks Swift for crash reports without memory in them, and still serves")
    func plainCrashReports() async throws {
        let server = try ServeProcess(["--no-store"])
        let environ = try Data(contentsOf: URL(fileURLWithPath: "/proc/\(server.process.processIdentifier)/environ"))
        let settings = environ.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        #expect(settings.contains("SWIFT_BACKTRACE=preset=friendly"))
        let client = try await TestClient.connect(server.address)
        _ = try await client.response()
        try await client.line("/start 1")
        #expect(try await client.response().contains("== Looking after me too =="))
        kill(server.process.processIdentifier, SIGTERM)
        #expect(try await server.exitStatus(within: .seconds(15)) == 0)
    }

    @Test("out of file descriptors: accepting pauses instead of spinning, and starts again")
    func emfile() async throws {
        let server = try ServeProcess(["--no-store"], fileLimit: 40)
        var clients: [TestClient] = []
        for _ in 0..<60 { clients.append(try await TestClient.connect(server.address)) }
        // Some are served; the rest wait in the backlog while the server has no descriptors left.
        try await Task.sleep(for: .seconds(3))
        let served = clients.filter { $0.everything.hasSuffix("> ") }.count
        #expect(served > 0 && served < 60)
        let warnings = server.log().components(separatedBy: "cannot accept connections for now").count - 1
        #expect(warnings >= 1)
        #expect(warnings < 20, "one pause a second, not a spin (\(warnings) warnings)")
        for c in clients { await c.close() }
        let late = try await TestClient.connect(server.address)
        #expect(try await late.response().contains("Welcome to Tandem. Which plan would you like to work on?"))
        #expect(server.process.isRunning)
        server.process.terminate()
        _ = try await server.exitStatus(within: .seconds(15))
    }
}

/// `tandem serve --port 0` in a child process, its address read from what it prints.
final class ServeProcess {
    let process = Process()
    let address: NIOCore.SocketAddress
    let logFile: String
    private let folder: TemporaryDirectory

    init(_ arguments: [String], fileLimit: Int? = nil) throws {
        folder = try TemporaryDirectory()
        logFile = folder.path + "/serve.log"
        try #require(FileManager.default.createFile(atPath: logFile, contents: nil), "could not make the log file \(logFile)")
        let tandem = Self.executable
        let serve = [tandem, "serve", "--port", "0", "--dialogues", Fixtures.dialogues] + arguments
        if let fileLimit {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/prlimit")
            process.arguments = ["--nofile=\(fileLimit):\(fileLimit)"] + serve
        } else {
            process.executableURL = URL(fileURLWithPath: tandem)
            process.arguments = Array(serve.dropFirst())
        }
        var env = ProcessInfo.processInfo.environment
        env["HOME"] = folder.path
        env["XDG_DATA_HOME"] = folder.path
        process.environment = env
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle(forWritingAtPath: logFile)
        try process.run()
        var printed = ""
        while !printed.contains("\n"), process.isRunning || out.fileHandleForReading.availableData.count > 0 {
            let data = out.fileHandleForReading.availableData
            if data.isEmpty { break }
            printed += String(decoding: data, as: UTF8.self)
        }
        // "Tandem is listening on 127.0.0.1:43017."
        guard let range = printed.range(of: "listening on 127.0.0.1:"),
            let port = Int(printed[range.upperBound...].prefix { $0.isNumber })
        else { throw TestClient.Timeout(what: "the port", got: printed) }
        address = try SocketAddress(ipAddress: "127.0.0.1", port: port)
    }

    /// What the server logged so far.
    func log() -> String {
        (try? String(contentsOfFile: logFile, encoding: .utf8)) ?? ""
    }

    func exitStatus(within limit: Duration) async throws -> Int32 {
        let deadline = ContinuousClock.now + limit
        while process.isRunning {
            if ContinuousClock.now > deadline {
                process.interrupt()
                throw TestClient.Timeout(what: "tandem serve to exit", got: log())
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        return process.terminationStatus
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    /// The `tandem` built next to these tests.
    static let executable: String = {
        let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        let candidates = [me.appendingPathComponent("tandem").path, Fixtures.packageRoot.appendingPathComponent(".build/debug/tandem").path]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[1]
    }()
}

/// A temporary folder that removes itself.
final class TemporaryDirectory {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-serve-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
