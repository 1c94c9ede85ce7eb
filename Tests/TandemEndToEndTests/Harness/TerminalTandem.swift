import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The real `tandem` program in a pseudo-terminal of a given size, as a person at a terminal would
/// run it: the terminal is its standard input, output and error, and its controlling terminal in a
/// new session, so Ctrl-C typed into it becomes SIGINT as it would for a person.
final class TerminalTandem {
    /// Which of the program's streams are the terminal.
    enum Streams {
        /// Standard input, output and error: how a person runs it.
        case terminal
        /// Only standard input; output and errors go to a pipe.
        case inputOnly
        /// Only standard output and error; input comes from a pipe.
        case outputOnly
    }

    let pid: pid_t
    let master: Int32
    /// What the program shows (on the terminal, or on the output pipe with `.inputOnly`).
    let output: OutputBuffer
    /// Where typing goes (the terminal, or the input pipe with `.outputOnly`).
    private var input: Int32
    private var extraDescriptors: [Int32] = []
    private var status: Int32?

    init(_ arguments: [String], home: TemporaryFolder, columns: UInt16 = 80, rows: UInt16 = 24, streams: Streams = .terminal, environment extra: [String: String] = [:]) throws {
        master = PTY.openpt(O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard master >= 0, PTY.grantpt(master) == 0, PTY.unlockpt(master) == 0 else {
            throw ChildFailure(description: "Could not open a pseudo-terminal (errno \(errno)).")
        }
        var nameBuffer = [CChar](repeating: 0, count: 128)
        guard PTY.ptsname_r(master, &nameBuffer, nameBuffer.count) == 0 else {
            close(master)
            throw ChildFailure(description: "Could not name the pseudo-terminal (errno \(errno)).")
        }
        let slaveName = nameBuffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)

        var environment = TandemExecutable.environment(home: home, extra: extra)
        if environment["TERM"] == nil || environment["TERM"] == "dumb" { environment["TERM"] = "xterm" }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // The terminal is opened after setsid in the child, so it becomes the controlling terminal.
        var pipeEnds: [Int32] = [-1, -1]
        var readFrom = master
        input = master
        switch streams {
        case .terminal:
            posix_spawn_file_actions_addopen(&actions, 0, slaveName, O_RDWR, 0)
            posix_spawn_file_actions_adddup2(&actions, 0, 1)
            posix_spawn_file_actions_adddup2(&actions, 0, 2)
        case .inputOnly:
            guard PTY.pipeClosedOnExec(&pipeEnds) else { throw ChildFailure(description: "Could not make a pipe.") }
            posix_spawn_file_actions_addopen(&actions, 0, slaveName, O_RDWR, 0)
            posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
            posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 2)
            readFrom = pipeEnds[0]
        case .outputOnly:
            guard PTY.pipeClosedOnExec(&pipeEnds) else { throw ChildFailure(description: "Could not make a pipe.") }
            posix_spawn_file_actions_adddup2(&actions, pipeEnds[0], 0)
            posix_spawn_file_actions_addopen(&actions, 1, slaveName, O_RDWR, 0)
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
            input = pipeEnds[1]
        }
        Self.closeFrom3(&actions)
        Self.changeDirectory(&actions, to: home.path)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // 0x80 is POSIX_SPAWN_SETSID (glibc 2.26 and later), which Swift does not import.
        // The signal mask is left as the test runner's on purpose: tandem must unblock SIGINT itself.
        posix_spawnattr_setflags(&attributes, Int16(0x80 | POSIX_SPAWN_SETSIGDEF))
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)

        let argv = [TandemExecutable.path] + arguments
        let envp = environment.map { "\($0.key)=\($0.value)" }
        var child: pid_t = 0
        let result = Self.withCStrings(argv) { cArgv in
            Self.withCStrings(envp) { cEnvp in
                posix_spawn(&child, TandemExecutable.path, &actions, &attributes, cArgv, cEnvp)
            }
        }
        // Keep only our own ends of the pipes: the child's ends must close when it ends.
        switch streams {
        case .terminal: break
        case .inputOnly: close(pipeEnds[1]); extraDescriptors = [pipeEnds[0]]
        case .outputOnly: close(pipeEnds[0]); extraDescriptors = [pipeEnds[1]]
        }
        guard result == 0 else {
            close(master)
            extraDescriptors.forEach { close($0) }
            throw ChildFailure(description: "Could not start \(TandemExecutable.path) (error \(result)).")
        }
        pid = child
        output = OutputBuffer(fd: readFrom, name: streams == .inputOnly ? "tandem's output pipe" : "the terminal")
    }

    /// Starts the child in `path` (the temporary HOME), so files it might write relative to its
    /// working folder land where the test looks.
    private static func changeDirectory(_ actions: inout posix_spawn_file_actions_t, to path: String) {
        typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addchdir_np") else { return }
        _ = path.withCString { unsafeBitCast(symbol, to: AddChdir.self)(&actions, $0) }
    }

    /// Closes every inherited descriptor above 2 in the child, so it never holds another test's pipes open.
    private static func closeFrom3(_ actions: inout posix_spawn_file_actions_t) {
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else { return }
        _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, 3)
    }

    private static func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> R) -> R {
        let pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) } + [nil]
        defer { pointers.forEach { free($0) } }
        return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
    }

    /// Types bytes as if at the keyboard (Enter is "\r", Tab "\t", Ctrl-C "\u{03}", Ctrl-D "\u{04}").
    func type(_ text: String) throws {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(input, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw ChildFailure(description: "Could not type into the terminal (errno \(errno)).")
            }
            offset += n
        }
    }

    /// Waits for text to appear on the terminal.
    @discardableResult
    func expect(_ text: String, timeout: TimeInterval = 10) throws -> String {
        try output.expect(text, timeout: timeout)
    }

    /// Ends the input pipe (only with `.outputOnly`).
    func closeInput() {
        guard input != master else { return }
        close(input)
        extraDescriptors.removeAll { $0 == input }
        input = master
    }

    /// Changes the terminal's size, as a person dragging the window would (the kernel sends SIGWINCH).
    func resize(columns: UInt16, rows: UInt16 = 24) {
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    }

    /// The exit status once the program has ended, or nil while it runs.
    func poll() -> Int32? {
        if let status { return status }
        var raw: Int32 = 0
        guard waitpid(pid, &raw, WNOHANG) == pid else { return nil }
        status = raw
        return raw
    }

    /// Waits for the program to end and returns its exit code; fails if it was killed by a signal
    /// or is still running after the deadline (then it is killed).
    @discardableResult
    func finish(timeout: TimeInterval = 10) throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while poll() == nil && deadline.timeIntervalSinceNow > 0 {
            output.pump(milliseconds: 20)
        }
        guard let raw = poll() else {
            kill(pid, SIGKILL)
            var ignored: Int32 = 0
            waitpid(pid, &ignored, 0)
            status = ignored
            throw ChildFailure(description: "tandem did not end within \(Int(timeout)) s. The terminal showed:\n\(OutputBuffer.visible(String(output.text.suffix(800))))")
        }
        // Collect what is left on the terminal (it reports an error once the program has gone).
        let drainDeadline = Date().addingTimeInterval(2)
        while !output.ended && drainDeadline.timeIntervalSinceNow > 0 { output.pump(milliseconds: 50) }
        let signal = raw & 0x7f
        guard signal == 0 else {
            throw ChildFailure(description: "tandem was ended by signal \(signal). The terminal showed:\n\(OutputBuffer.visible(String(output.text.suffix(800))))")
        }
        return (raw >> 8) & 0xff
    }

    deinit {
        if poll() == nil {
            kill(pid, SIGKILL)
            var ignored: Int32 = 0
            waitpid(pid, &ignored, 0)
        }
        close(master)
        extraDescriptors.forEach { close($0) }
    }
}

/// The pseudo-terminal calls of glibc. Swift's Glibc module leaves them out (they sit behind
/// _XOPEN_SOURCE), so they are looked up by name in the C library already loaded.
enum PTY {
    private static func function<T>(_ name: String, as type: T.Type) -> T {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { fatalError("glibc has no \(name)") }
        return unsafeBitCast(symbol, to: type)
    }

    static let openpt = function("posix_openpt", as: (@convention(c) (Int32) -> Int32).self)
    static let grantpt = function("grantpt", as: (@convention(c) (Int32) -> Int32).self)
    static let unlockpt = function("unlockpt", as: (@convention(c) (Int32) -> Int32).self)
    static let ptsname_r = function("ptsname_r", as: (@convention(c) (Int32, UnsafeMutablePointer<CChar>, Int) -> Int32).self)

    /// A pipe whose ends close when a program is started (so no other child inherits them).
    static func pipeClosedOnExec(_ ends: inout [Int32]) -> Bool {
        guard pipe(&ends) == 0 else { return false }
        for fd in ends { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return true
    }
}

extension String {
    /// Terminal output as plain text: escape sequences and carriage returns removed, bells dropped.
    var withoutTerminalControls: String {
        var out = String.UnicodeScalarView()
        var scalars = unicodeScalars.makeIterator()
        while let s = scalars.next() {
            switch s {
            case "\u{1B}":
                guard let next = scalars.next() else { break }
                if next == "[" {
                    while let c = scalars.next(), !(0x40...0x7E).contains(c.value) {}
                } else if next == "]" {
                    while let c = scalars.next(), c != "\u{07}" {}
                }
            case "\r", "\u{07}": continue
            default: out.append(s)
            }
        }
        return String(out)
    }
}
