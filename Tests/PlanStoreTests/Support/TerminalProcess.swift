import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The real `tandem` in a pseudo-terminal that is its controlling terminal (in a new session), as
/// in a terminal window: closing the window (the master side) sends it SIGHUP, and it reads with
/// GNU readline, not plain lines.
final class TerminalProcess {
    let pid: pid_t
    private var master: Int32
    private(set) var output: [UInt8] = []

    init(_ arguments: [String], home: TempFolder) throws {
        master = PTY.openpt(O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard master >= 0, PTY.grantpt(master) == 0, PTY.unlockpt(master) == 0 else { throw TandemProcess.Failure("no pseudo-terminal (errno \(errno))") }
        var name = [CChar](repeating: 0, count: 128)
        guard PTY.ptsname_r(master, &name, name.count) == 0 else { throw TandemProcess.Failure("cannot name the pseudo-terminal") }
        var size = winsize(ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)

        var env = TandemProcess.environment(home: home, extra: [:])
        env["TERM"] = "xterm"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Opened after setsid in the child, so it becomes the controlling terminal.
        posix_spawn_file_actions_addopen(&actions, 0, String(cString: name), O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        _ = PTY.addchdir(&actions, home.path)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // 0x80 is POSIX_SPAWN_SETSID (glibc 2.26+). The test runner's blocked signals are left as
        // they are on purpose: tandem must unblock SIGTERM and SIGHUP itself.
        posix_spawnattr_setflags(&attributes, Int16(0x80))

        let argv = [TandemProcess.executable] + arguments
        let envp = env.map { "\($0.key)=\($0.value)" }
        var cArgv = argv.map { strdup($0) } + [nil]
        var cEnvp = envp.map { strdup($0) } + [nil]
        defer { (cArgv + cEnvp).forEach { free($0) } }
        var child: pid_t = 0
        let result = posix_spawn(&child, TandemProcess.executable, &actions, &attributes, &cArgv, &cEnvp)
        guard result == 0 else { throw TandemProcess.Failure("could not start tandem (error \(result))") }
        pid = child
    }

    var text: String { String(decoding: output, as: UTF8.self) }

    /// Reads until `needle` has appeared, or fails after `timeout` seconds saying what was shown.
    func expect(_ needle: String, timeout: TimeInterval = 20) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while !text.contains(needle) {
            guard Date() < deadline else { throw TandemProcess.Failure("waited for \(needle.debugDescription); the terminal showed:\n\(text)") }
            var pfd = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            _ = poll(&pfd, 1, 100)
            var chunk = [UInt8](repeating: 0, count: 4096)
            let n = chunk.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            if n > 0 { output += chunk[0..<n] }
        }
    }

    /// Types a line as a person would (Enter is a carriage return on a terminal).
    func type(_ line: String) {
        let bytes = Array((line + "\r").utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// Closes the terminal window: the program gets SIGHUP.
    func closeWindow() {
        close(master)
        master = -1
    }

    /// Waits for the program to end: its exit status, or minus the signal that ended it.
    func finish(timeout: TimeInterval = 20) throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        while waitpid(pid, &status, WNOHANG) == 0 {
            guard Date() < deadline else {
                kill(pid, SIGKILL)
                throw TandemProcess.Failure("tandem did not end after its terminal closed")
            }
            usleep(20_000)
        }
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : -signal
    }

    deinit {
        if master >= 0 { close(master) }
    }
}

/// glibc's pseudo-terminal calls, which Swift does not import without _XOPEN_SOURCE: looked up by name.
private enum PTY {
    static func function<T>(_ name: String, as type: T.Type) -> T {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { fatalError("glibc has no \(name)") }
        return unsafeBitCast(symbol, to: type)
    }
    static let openpt = function("posix_openpt", as: (@convention(c) (Int32) -> Int32).self)
    static let grantpt = function("grantpt", as: (@convention(c) (Int32) -> Int32).self)
    static let unlockpt = function("unlockpt", as: (@convention(c) (Int32) -> Int32).self)
    static let ptsname_r = function("ptsname_r", as: (@convention(c) (Int32, UnsafeMutablePointer<CChar>?, Int) -> Int32).self)
    static let addchdir = function(
        "posix_spawn_file_actions_addchdir_np",
        as: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32).self)
}
