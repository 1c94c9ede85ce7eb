import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Why a test of the running program stopped: always says what it waited for and what it saw.
struct ChildFailure: Error, CustomStringConvertible {
    var description: String
}

/// Collects a child's output from a file descriptor and waits, with a deadline, for text to appear.
/// Nothing here sleeps for a fixed time: it reads until the text is there, the output ends, or time runs out.
final class OutputBuffer {
    let fd: Int32
    let name: String
    private(set) var bytes: [UInt8] = []
    /// Where the next `expect` starts looking.
    private var mark = 0
    private(set) var ended = false

    init(fd: Int32, name: String) {
        self.fd = fd
        self.name = name
        let flags = fcntl(fd, F_GETFL)
        _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK)
    }

    /// Everything read so far, as text.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Text read since the last `expect` matched.
    var unread: String { String(decoding: bytes[mark...], as: UTF8.self) }

    /// Reads whatever is there, waiting at most `milliseconds` for something to arrive.
    /// Returns false once the output has ended.
    @discardableResult
    func pump(milliseconds: Int32) -> Bool {
        guard !ended else { return false }
        var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let ready = poll(&pfd, 1, milliseconds)
        if ready < 0 { return errno == EINTR }
        if ready == 0 { return true }
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n > 0 {
                bytes.append(contentsOf: chunk[0..<n])
                continue
            }
            if n < 0 && (errno == EAGAIN || errno == EINTR) { return true }
            // 0 is the end of a pipe; EIO is how a pseudo-terminal says the other side has gone.
            ended = true
            return false
        }
    }

    /// Waits until `needle` appears after the last match and returns the text up to and including it.
    @discardableResult
    func expect(_ needle: String, timeout: TimeInterval = 10, sourceLocation: String = #function) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        let target = Array(needle.utf8)
        while true {
            if let range = find(target, from: mark) {
                let found = String(decoding: bytes[mark..<range.upperBound], as: UTF8.self)
                mark = range.upperBound
                return found
            }
            let left = deadline.timeIntervalSinceNow
            if left <= 0 || ended {
                let why = ended ? "the output ended" : "\(Int(timeout)) s passed"
                throw ChildFailure(description: """
                    Waited for \(name) to show \(needle.debugDescription), but \(why). \
                    It showed this since the last match:
                    \(Self.visible(unread))
                    """)
            }
            pump(milliseconds: Int32(max(1, min(200, left * 1000))))
        }
    }

    /// Reads until the output ends (or the deadline passes); returns what was not yet matched.
    @discardableResult
    func readToEnd(timeout: TimeInterval = 10) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while !ended {
            let left = deadline.timeIntervalSinceNow
            if left <= 0 {
                throw ChildFailure(description: "Waited \(Int(timeout)) s for \(name) to end, but it is still open. Last output:\n\(Self.visible(unread))")
            }
            pump(milliseconds: Int32(max(1, min(200, left * 1000))))
        }
        let rest = unread
        mark = bytes.count
        return rest
    }

    private func find(_ target: [UInt8], from start: Int) -> Range<Int>? {
        guard !target.isEmpty else { return start..<start }
        guard bytes.count - start >= target.count else { return nil }
        var i = start
        while i + target.count <= bytes.count {
            if bytes[i] == target[0] && bytes[i..<(i + target.count)].elementsEqual(target) { return i..<(i + target.count) }
            i += 1
        }
        return nil
    }

    /// Control characters shown as escapes, so a failure message is readable.
    static func visible(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n\n"
            case "\r": out += "\\r"
            case "\u{1B}": out += "\\e"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += String(format: "\\x%02x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
