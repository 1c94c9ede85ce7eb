import CReadline
import Foundation

/// Lines typed, and a file that may change while the person thinks: what `tandem preview --watch`
/// waits on. In a terminal, readline's callback interface keeps the line being typed while text is
/// printed above it; through a pipe, lines are read as they come. Either way the file is looked at
/// four times a second, and a change is reported once it has stayed the same for a moment (editors
/// often write a file in more than one step).
public final class WatchedInput {
    public enum Next: Equatable {
        case line(String)
        /// The watched file's contents changed (or it appeared or went away).
        case changed
        case end
    }

    private let path: String?
    private let interactive: Bool
    private var installed = false
    private var buffer: [UInt8] = []
    private var inputEnded = false
    private var lastSeen: FileStamp?
    /// Through a pipe: the prompt is the last thing written, so text shown next starts a new line.
    private var afterPrompt = false
    public static let prompt = REPL.prompt

    public init(watching path: String?, interactive: Bool = Terminal.isInteractive) {
        self.path = path
        self.interactive = interactive
        lastSeen = path.map(FileStamp.init(path:))
    }

    /// Blocks until a whole line, a change of the file, or the end of input.
    public func next() -> Next {
        if interactive {
            if !installed {
                fflush(nil)
                tandem_rlcb_install(Self.prompt)
                installed = true
            }
            while true {
                if fileChanged() { return .changed }
                let flags = Int(tandem_rlcb_wait(0, -1, 250))
                if flags & Int(TANDEM_RLCB_TERMINATE) != 0 { return .end }
                if flags & Int(TANDEM_RLCB_INTERRUPT) != 0 { tandem_rlcb_clear_line() }
                if flags & Int(TANDEM_RLCB_RESIZE) != 0 { tandem_rlcb_resize() }
                if flags & Int(TANDEM_RLCB_STOP) != 0 { tandem_rlcb_suspend() }
                guard flags & Int(TANDEM_RLCB_KEYBOARD) != 0 else { continue }
                switch Int(tandem_rlcb_read_char()) {
                case Int(TANDEM_RLCB_LINE):
                    guard let raw = tandem_rlcb_take_line() else { continue }
                    defer { tandem_rl_free(raw) }
                    let line = String(cString: raw)
                    if !line.trimmingCharacters(in: .whitespaces).isEmpty { tandem_rl_add_history(line) }
                    return .line(line)
                case Int(TANDEM_RLCB_ENDED):
                    return .end
                default:
                    continue
                }
            }
        }
        while true {
            if let line = takeLine() {
                afterPrompt = false
                return .line(line)
            }
            if inputEnded {
                if !buffer.isEmpty {
                    defer { buffer.removeAll() }
                    return .line(String(decoding: buffer, as: UTF8.self))
                }
                return .end
            }
            if fileChanged() { return .changed }
            var fds = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
            guard poll(&fds, 1, 250) > 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let n = read(0, &chunk, chunk.count)
            if n > 0 { buffer += chunk[0..<n] } else if n == 0 || errno != EINTR { inputEnded = true }
        }
    }

    /// Shows text (whole lines), above the line being typed in a terminal.
    public func show(_ text: String) {
        guard !text.isEmpty else { return }
        if installed {
            tandem_rlcb_print_above(text)
        } else {
            StandardStreams.out((afterPrompt ? "\n" : "") + text)
            afterPrompt = false
        }
    }

    /// Shows the prompt when lines come through a pipe (the terminal's prompt is always there).
    public func prompt() {
        if !interactive {
            StandardStreams.out(Self.prompt)
            afterPrompt = true
        }
    }

    /// Puts the terminal back as it was.
    public func close() {
        if installed {
            tandem_rlcb_remove()
            installed = false
        }
    }

    private func takeLine() -> String? {
        guard let end = buffer.firstIndex(of: UInt8(ascii: "\n")) else { return nil }
        var line = Array(buffer[..<end])
        buffer.removeSubrange(...end)
        if line.last == UInt8(ascii: "\r") { line.removeLast() }
        return String(decoding: line, as: UTF8.self)
    }

    private func fileChanged() -> Bool {
        guard let path else { return false }
        let now = FileStamp(path: path)
        guard now != lastSeen else { return false }
        // Settle: wait until two looks a tenth of a second apart agree.
        var settled = now
        for _ in 0..<20 {
            usleep(100_000)
            let again = FileStamp(path: path)
            if again == settled { break }
            settled = again
        }
        lastSeen = settled
        return true
    }
}

/// Enough about a file to tell that it changed: its size, time of change and inode (an editor that
/// saves by writing a new file and renaming it gives a new inode).
struct FileStamp: Equatable {
    var size: Int64 = -1
    var seconds: Int = 0
    var nanoseconds: Int = 0
    var inode: UInt64 = 0

    init(path: String) {
        var s = stat()
        guard stat(path, &s) == 0 else { return }
        size = Int64(s.st_size)
        seconds = s.st_mtim.tv_sec
        nanoseconds = s.st_mtim.tv_nsec
        inode = UInt64(s.st_ino)
    }
}
