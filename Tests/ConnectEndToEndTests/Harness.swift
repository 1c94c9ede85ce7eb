import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Why a test of a running program stopped: says what it waited for and what it saw.
struct HarnessFailure: Error, CustomStringConvertible {
    var description: String
}

/// Where the built `tandem` is, and the package's dialogues.
enum Built {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static var dialogues: String { packageRoot.appendingPathComponent("dialogues").path }

    /// `$TANDEM_EXECUTABLE`, else `tandem` beside this test binary (the build `swift test` just made).
    static let tandem: String = {
        if let forced = ProcessInfo.processInfo.environment["TANDEM_EXECUTABLE"], !forced.isEmpty { return forced }
        let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var candidates = [me.deletingLastPathComponent().appendingPathComponent("tandem").path]
        if let arg0 = CommandLine.arguments.first {
            candidates.append(URL(fileURLWithPath: arg0).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("tandem").path)
        }
        candidates.append(packageRoot.appendingPathComponent(".build/debug/tandem").path)
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates.last!
    }()
}

/// A temporary folder that removes itself.
final class Scratch {
    let path: String
    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-connect-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// Output of a child (or a socket), read without blocking, waited on with deadlines, never by sleeping.
final class Output {
    let fd: Int32
    let name: String
    private(set) var bytes: [UInt8] = []
    private var mark = 0
    private(set) var ended = false

    init(fd: Int32, name: String) {
        self.fd = fd
        self.name = name
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }
    var unread: String { String(decoding: bytes[mark...], as: UTF8.self) }

    func pump(milliseconds: Int32) {
        guard !ended else { return }
        var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&pfd, 1, milliseconds) > 0 else { return }
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n > 0 { bytes += chunk[0..<n]; continue }
            if n < 0 && (errno == EAGAIN || errno == EINTR) { return }
            ended = true
            return
        }
    }

    /// Waits for `needle` after the last match; returns the text up to and including it.
    @discardableResult
    func expect(_ needle: String, timeout: TimeInterval = 15) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let text = unread
            if let range = text.range(of: needle) {
                let found = String(text[..<range.upperBound])
                mark += found.utf8.count
                return found
            }
            if ended || Date() >= deadline {
                throw HarnessFailure(description: "Waited for \(name) to show \(needle.debugDescription), but \(ended ? "it ended" : "time ran out"). It showed:\n\(text)")
            }
            pump(milliseconds: 100)
        }
    }

    /// Reads until the output ends; returns what was not yet matched.
    @discardableResult
    func readToEnd(timeout: TimeInterval = 15) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while !ended {
            if Date() >= deadline { throw HarnessFailure(description: "\(name) did not end within \(Int(timeout)) s. Last output:\n\(unread)") }
            pump(milliseconds: 100)
        }
        let rest = unread
        mark = bytes.count
        return rest
    }
}

/// The real `tandem` with pipes for its standard input, output and error.
final class Child {
    let process = Process()
    let stdout: Output
    let stderr: Output
    private let input = Pipe()
    private let out = Pipe()
    private let err = Pipe()
    private var inputOpen = true

    init(_ arguments: [String], home: String) throws {
        signal(SIGPIPE, SIG_IGN)
        process.executableURL = URL(fileURLWithPath: Built.tandem)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for key in ["TANDEM_DIALOGUES", "TANDEM_STORE", "COLUMNS", "INPUTRC"] { env[key] = nil }
        env["HOME"] = home
        env["XDG_DATA_HOME"] = home + "/.local/share"
        env["LANG"] = "C.UTF-8"
        process.environment = env
        process.standardInput = input
        process.standardOutput = out
        process.standardError = err
        stdout = Output(fd: out.fileHandleForReading.fileDescriptor, name: "tandem's output")
        stderr = Output(fd: err.fileHandleForReading.fileDescriptor, name: "tandem's error output")
        try process.run()
    }

    func send(_ line: String) throws {
        let bytes = Array((line + "\n").utf8)
        let n = bytes.withUnsafeBytes { write(input.fileHandleForWriting.fileDescriptor, $0.baseAddress, $0.count) }
        if n != bytes.count { throw HarnessFailure(description: "could not write to tandem (it may have ended). Output:\n\(stdout.text)") }
    }

    func closeInput() {
        guard inputOpen else { return }
        inputOpen = false
        try? input.fileHandleForWriting.close()
    }

    /// Waits for the end; returns the exit status. A child still running at the deadline is killed.
    func finish(timeout: TimeInterval = 15) throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while !(stdout.ended && stderr.ended) && Date() < deadline {
            stdout.pump(milliseconds: 20)
            stderr.pump(milliseconds: 0)
        }
        while process.isRunning && Date() < deadline { usleep(5_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            throw HarnessFailure(description: "tandem did not end within \(Int(timeout)) s. Output:\n\(stdout.text)")
        }
        process.waitUntilExit()
        guard process.terminationReason == .exit else {
            throw HarnessFailure(description: "tandem was ended by signal \(process.terminationStatus). Errors:\n\(stderr.text)")
        }
        return process.terminationStatus
    }

    deinit {
        closeInput()
        if process.isRunning {
            kill(process.processIdentifier, SIGTERM)
            let deadline = Date().addingTimeInterval(5)
            while process.isRunning && Date() < deadline { usleep(10_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }
    }
}

/// A real `tandem serve` on a free loopback port, with a fresh store; stopped when released.
final class RunningServer {
    let child: Child
    let scratch: Scratch
    let port: Int
    let token: String

    init(store: Bool = true, extra: [String] = []) throws {
        scratch = try Scratch()
        var args = ["serve", "--port", "0", "--dialogues", Built.dialogues, "--log-level", "error"] + extra
        args += store ? ["--store", scratch.path + "/plans.sqlite"] : ["--no-store"]
        child = try Child(args, home: scratch.path)
        let said: String
        do {
            said = try child.stdout.expect("Press Ctrl-C to stop")
        } catch {
            child.stderr.pump(milliseconds: 500)
            throw HarnessFailure(description: "tandem serve did not start: \(error)\nIts errors:\n\(child.stderr.text)")
        }
        guard let listening = said.range(of: #"listening on 127\.0\.0\.1:(\d+)"#, options: .regularExpression),
            let port = Int(said[listening].split(separator: ":").last ?? "")
        else { throw HarnessFailure(description: "tandem serve did not say where it listens:\n\(said)") }
        self.port = port
        guard let tokenLine = said.split(separator: "\n").first(where: { $0.hasPrefix("Host token: ") }) else {
            throw HarnessFailure(description: "tandem serve did not print a host token:\n\(said)")
        }
        token = String(tokenLine.dropFirst("Host token: ".count))
    }

    var address: String { "127.0.0.1:\(port)" }

    /// `tandem connect` to this server, through pipes.
    func connect() throws -> Child {
        try Child(["connect", address], home: scratch.path)
    }
}

/// A plain TCP connection, as nc would make (for a host, or to compare with text mode).
final class RawClient {
    let fd: Int32
    let output: Output

    /// The host of a new coproduction room on `server`, at its prompt, with the room's join code.
    static func hostingRoom(_ server: RunningServer) throws -> (host: RawClient, code: String) {
        let host = try RawClient(port: server.port)
        try host.output.expect("> ")
        host.send("/host \(server.token)")
        try host.output.expect("> ")
        host.send("/room new coproduction-conversation")
        let opened = try host.output.expect("type the group's answer.").replacingOccurrences(of: "\r\n", with: "\n")
        guard let code = opened.firstMatch(of: /\n  \/join ([0-9A-Z]{4}-[0-9A-Z]{4}) their-name/)?.1 else {
            throw HarnessFailure(description: "no join code in:\n\(opened)")
        }
        try host.output.expect("> ")
        return (host, String(code))
    }

    init(port: Int) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = in_port_t(UInt16(port).bigEndian)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            close(fd)
            throw HarnessFailure(description: "could not connect to port \(port)")
        }
        self.fd = fd
        output = Output(fd: fd, name: "the raw connection")
    }

    func send(_ line: String) {
        let bytes = Array((line + "\n").utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    deinit { close(fd) }
}

/// A loopback port with nothing listening on it (bound, then closed).
func unusedPort() -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var addr = sockaddr_in()
    addr.sin_family = sa_family_t(AF_INET)
    addr.sin_addr.s_addr = inet_addr("127.0.0.1")
    _ = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
    var size = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &size) } }
    return Int(UInt16(bigEndian: addr.sin_port))
}
