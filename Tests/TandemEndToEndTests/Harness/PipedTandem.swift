import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The real `tandem` program with pipes for standard input, output and error (none of them a terminal),
/// started with `Foundation.Process`.
final class PipedTandem {
    let process = Process()
    let stdout: OutputBuffer
    let stderr: OutputBuffer
    private let input = Pipe()
    private let outputPipe = Pipe()
    private let errorPipe = Pipe()
    private var inputOpen = true

    /// Starts `tandem` with these arguments. `home` becomes HOME; `directory` the working folder.
    init(_ arguments: [String], home: TemporaryFolder, directory: String? = nil, environment extra: [String: String] = [:]) throws {
        Self.ignoreBrokenPipes
        process.executableURL = URL(fileURLWithPath: TandemExecutable.path)
        process.arguments = arguments
        process.environment = TandemExecutable.environment(home: home, extra: extra)
        process.currentDirectoryURL = URL(fileURLWithPath: directory ?? home.path)
        process.standardInput = input
        process.standardOutput = outputPipe
        process.standardError = errorPipe
        stdout = OutputBuffer(fd: outputPipe.fileHandleForReading.fileDescriptor, name: "tandem's output")
        stderr = OutputBuffer(fd: errorPipe.fileHandleForReading.fileDescriptor, name: "tandem's error output")
        try process.run()
    }

    /// A child that has gone away must not take the test runner with it.
    private static let ignoreBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN); return () }()

    /// Types one line (a line end is added).
    func send(_ line: String) throws {
        try write(Array((line + "\n").utf8))
    }

    /// Writes raw bytes to the program's standard input.
    func write(_ bytes: [UInt8]) throws {
        let fd = input.fileHandleForWriting.fileDescriptor
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw ChildFailure(description: "Could not write to tandem's input (errno \(errno)); it may have ended. Output so far:\n\(OutputBuffer.visible(stdout.text))")
            }
            offset += n
        }
    }

    /// Waits for text on standard output.
    @discardableResult
    func expect(_ text: String, timeout: TimeInterval = 10) throws -> String {
        try stdout.expect(text, timeout: timeout)
    }

    /// Waits for the prompt that asks for the next line.
    @discardableResult
    func expectPrompt(timeout: TimeInterval = 10) throws -> String {
        try stdout.expect("> ", timeout: timeout)
    }

    /// Closes standard input: end of input.
    func closeInput() {
        guard inputOpen else { return }
        inputOpen = false
        try? input.fileHandleForWriting.close()
    }

    /// Waits for the program to end, collecting all its output; returns its exit status.
    /// A program still running after the deadline is killed and the test fails with what it showed.
    @discardableResult
    func finish(timeout: TimeInterval = 10) throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while !(stdout.ended && stderr.ended) && deadline.timeIntervalSinceNow > 0 {
            stdout.pump(milliseconds: 20)
            stderr.pump(milliseconds: 0)
        }
        while process.isRunning && deadline.timeIntervalSinceNow > 0 { usleep(5_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            throw ChildFailure(description: "tandem did not end within \(Int(timeout)) s. Its output ended with:\n\(OutputBuffer.visible(String(stdout.text.suffix(800))))")
        }
        process.waitUntilExit()
        guard process.terminationReason == .exit else {
            throw ChildFailure(description: "tandem was ended by signal \(process.terminationStatus). Output:\n\(OutputBuffer.visible(String(stdout.text.suffix(800))))\nErrors:\n\(stderr.text)")
        }
        return process.terminationStatus
    }

    deinit {
        closeInput()
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }
}

extension PipedTandem {
    /// Runs `tandem` with no input to give (standard input closed at once) and returns
    /// its exit status, standard output and standard error.
    static func run(_ arguments: [String], home: TemporaryFolder, directory: String? = nil, environment: [String: String] = [:], input: String? = nil, timeout: TimeInterval = 20) throws -> (status: Int32, stdout: String, stderr: String) {
        let child = try PipedTandem(arguments, home: home, directory: directory, environment: environment)
        if let input { try child.write(Array(input.utf8)) }
        child.closeInput()
        let status = try child.finish(timeout: timeout)
        return (status, child.stdout.text, child.stderr.text)
    }
}
