import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The real `tandem` program, started with `Foundation.Process`, with pipes for its input and output.
/// Nothing here sleeps for a fixed time: `expect` reads until the text appears, the output ends, or
/// a generous deadline passes (and then fails, saying what it saw).
final class TandemProcess {
    let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let errors = Pipe()
    private(set) var stdout: [UInt8] = []
    private(set) var stderr: [UInt8] = []
    private var mark = 0
    private var inputOpen = true

    /// The built program: next to the test bundle (what `swift test` just built), else .build/debug.
    static let executable: String = {
        let fm = FileManager.default
        var candidates: [String] = []
        if let forced = ProcessInfo.processInfo.environment["TANDEM_EXECUTABLE"], !forced.isEmpty { candidates.append(forced) }
        let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        candidates.append(me.deletingLastPathComponent().appendingPathComponent("tandem").path)
        if let arg0 = CommandLine.arguments.first {
            candidates.append(URL(fileURLWithPath: arg0).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("tandem").path)
        }
        candidates.append(TestData.packageRoot.appendingPathComponent(".build/debug/tandem").path)
        return candidates.first { fm.isExecutableFile(atPath: $0) } ?? candidates.last!
    }()

    /// Starts `tandem arguments` with HOME (and the data and temporary folders) inside `home`.
    init(_ arguments: [String], home: TempFolder, environment extra: [String: String] = [:]) throws {
        _ = Glibc.signal(SIGPIPE, SIG_IGN)
        process.executableURL = URL(fileURLWithPath: Self.executable)
        process.arguments = arguments
        process.environment = Self.environment(home: home, extra: extra)
        process.currentDirectoryURL = URL(fileURLWithPath: home.path)
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        for fd in [output.fileHandleForReading.fileDescriptor, errors.fileHandleForReading.fileDescriptor] {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        }
        try process.run()
    }

    static func environment(home: TempFolder, extra: [String: String]) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        for key in ["TANDEM_STORE", "TANDEM_DIALOGUES", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "COLUMNS", "HISTFILE", "INPUTRC"] { env[key] = nil }
        let tmp = home.file("tmp")
        try? FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: true)
        env["HOME"] = home.path
        env["TMPDIR"] = tmp
        env["TANDEM_DIALOGUES"] = TestData.v1Folder
        env["LANG"] = "C.UTF-8"
        for (key, value) in extra { env[key] = value }
        return env
    }

    /// Runs `tandem arguments` to the end with `lines` as its input; returns status, output and errors.
    static func run(_ arguments: [String], home: TempFolder, input lines: [String] = [], environment: [String: String] = [:]) throws -> (status: Int32, out: String, err: String) {
        let child = try TandemProcess(arguments, home: home, environment: environment)
        for line in lines { try child.send(line) }
        child.closeInput()
        let status = try child.finish()
        return (status, child.text, child.errorText)
    }

    var text: String { String(decoding: stdout, as: UTF8.self) }
    var errorText: String { String(decoding: stderr, as: UTF8.self) }

    func send(_ line: String) throws {
        let bytes = Array((line + "\n").utf8)
        let fd = input.fileHandleForWriting.fileDescriptor
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure("could not write to tandem (errno \(errno)). It showed:\n\(text)\n\(errorText)")
            }
            offset += n
        }
    }

    func closeInput() {
        guard inputOpen else { return }
        inputOpen = false
        try? input.fileHandleForWriting.close()
    }

    /// Reads whatever is waiting; false when both outputs have ended.
    @discardableResult
    private func pump(milliseconds: Int32) -> Bool {
        var fds = [output.fileHandleForReading.fileDescriptor, errors.fileHandleForReading.fileDescriptor].map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
        _ = poll(&fds, 2, milliseconds)
        var open = false
        for (i, fd) in fds.map(\.fd).enumerated() {
            var chunk = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if n > 0 {
                    if i == 0 { stdout += chunk[0..<n] } else { stderr += chunk[0..<n] }
                    continue
                }
                if n < 0 && (errno == EAGAIN || errno == EINTR) { open = true }
                break
            }
        }
        return open
    }

    /// Waits until `needle` appears after the last match; returns the text up to it.
    @discardableResult
    func expect(_ needle: String, timeout: TimeInterval = 20) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let all = text
            let start = all.utf8.index(all.startIndex, offsetBy: min(mark, all.utf8.count))
            if let range = all[start...].range(of: needle) {
                mark = all.utf8.distance(from: all.startIndex, to: range.upperBound)
                return String(all[start..<range.upperBound])
            }
            if Date() > deadline || !pump(milliseconds: 100) && text == all {
                throw Failure("waited for \(needle.debugDescription), but \(Date() > deadline ? "time ran out" : "the output ended"). tandem showed:\n\(text)\nand on standard error:\n\(errorText)")
            }
        }
    }

    func send(signal number: Int32) { kill(process.processIdentifier, number) }

    /// Waits for the program to end, reading all its output; returns its exit status.
    @discardableResult
    func finish(timeout: TimeInterval = 20) throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while pump(milliseconds: 50) {
            if Date() > deadline {
                process.terminate()
                throw Failure("tandem did not end. It showed:\n\(text)\n\(errorText)")
            }
        }
        process.waitUntilExit()
        return process.terminationReason == .uncaughtSignal ? -process.terminationStatus : process.terminationStatus
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}

/// The first resume code in `text`, like `K7QM-3XRT-9PAE`.
func resumeCode(in text: String) -> String? {
    text.firstMatch(of: /[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/).map { String($0.output) }
}

/// Text with its line breaks and runs of spaces made single spaces, so checks do not depend on wrapping.
func flat(_ text: String) -> String {
    text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
}
