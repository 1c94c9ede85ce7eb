import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `tandem connect` in a pseudo-terminal (its standard input, output and error, and its
/// controlling terminal in a new session), typed at as a person would.
final class TerminalChild {
    let pid: pid_t
    let master: Int32
    let output: Output

    private static func libc<T>(_ name: String, as type: T.Type) -> T {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { fatalError("glibc has no \(name)") }
        return unsafeBitCast(symbol, to: type)
    }
    private static let openpt = libc("posix_openpt", as: (@convention(c) (Int32) -> Int32).self)
    private static let grantpt = libc("grantpt", as: (@convention(c) (Int32) -> Int32).self)
    private static let unlockpt = libc("unlockpt", as: (@convention(c) (Int32) -> Int32).self)
    private static let ptsname = libc("ptsname_r", as: (@convention(c) (Int32, UnsafeMutablePointer<CChar>, Int) -> Int32).self)

    /// `inShell`: started by a shell that leads the terminal's session, as in a terminal window, so
    /// that tandem is not the one the terminal's hang-up signals first.
    init(_ arguments: [String], home: String, columns: UInt16 = 80, inShell: Bool = false) throws {
        signal(SIGPIPE, SIG_IGN)
        master = Self.openpt(O_RDWR | O_NOCTTY | O_CLOEXEC)
        var name = [CChar](repeating: 0, count: 128)
        guard master >= 0, Self.grantpt(master) == 0, Self.unlockpt(master) == 0, Self.ptsname(master, &name, name.count) == 0 else {
            throw HarnessFailure(description: "could not open a pseudo-terminal (errno \(errno))")
        }
        let slave = name.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        var size = winsize(ws_row: 24, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, slave, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for sig in [SIGINT, SIGPIPE, SIGTERM, SIGHUP] { sigaddset(&defaults, sig) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        // 0x80 is POSIX_SPAWN_SETSID (glibc 2.26 and later): the pty becomes the controlling terminal.
        posix_spawnattr_setflags(&attributes, Int16(0x80 | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        var env = ProcessInfo.processInfo.environment
        for key in ["TANDEM_DIALOGUES", "TANDEM_STORE", "COLUMNS", "LINES", "INPUTRC"] { env[key] = nil }
        env["HOME"] = home
        env["XDG_DATA_HOME"] = home + "/.local/share"
        env["LANG"] = "C.UTF-8"
        env["TERM"] = "xterm"
        env["INPUTRC"] = "/dev/null"
        let program = inShell ? "/bin/sh" : Built.tandem
        let words = inShell ? ["/bin/sh", "-c", "\"$0\" \"$@\"; exit $?", Built.tandem] + arguments : [Built.tandem] + arguments
        let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var child: pid_t = 0
        let result = posix_spawn(&child, program, &actions, &attributes, argv, envp)
        guard result == 0 else {
            close(master)
            throw HarnessFailure(description: "could not start tandem (error \(result))")
        }
        pid = child
        output = Output(fd: master, name: "the terminal")
    }

    /// Types bytes as at the keyboard ("\r" is Enter, "\t" Tab, "\u{03}" Ctrl-C, "\u{04}" Ctrl-D).
    func type(_ keys: String) {
        let bytes = Array(keys.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// Waits for the child to end; its exit status.
    func finish(timeout: TimeInterval = 15) throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        while Date() < deadline {
            output.pump(milliseconds: 20)
            if waitpid(pid, &status, WNOHANG) == pid {
                return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : -(status & 0x7F)
            }
        }
        kill(pid, SIGKILL)
        waitpid(pid, &status, 0)
        throw HarnessFailure(description: "tandem connect did not end within \(Int(timeout)) s. The terminal showed:\n\(output.text)")
    }

    /// Closes the terminal, as a closed window does (it hangs up), and waits for the child to end.
    func hangUp(timeout: TimeInterval = 15) {
        guard !hungUp else { return }
        hungUp = true
        close(master)
        var status: Int32 = 0
        let deadline = Date().addingTimeInterval(timeout)
        while waitpid(pid, &status, WNOHANG) == 0, Date() < deadline { usleep(20_000) }
    }

    private var hungUp = false

    deinit {
        var status: Int32 = 0
        if waitpid(pid, &status, WNOHANG) == 0 {
            kill(pid, SIGKILL)
            waitpid(pid, &status, 0)
        }
        if !hungUp { close(master) }
    }
}
