import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Resident memory per idle connection: the server's RSS before and after `count` connections
/// have each received the greeting (so the server has set each one up) and then sit idle. With
/// `ping`, each sends `PING` and waits for the answer's line end instead (the bare SwiftNIO server
/// says nothing first). With `line`, each sends that line after the greeting and waits for the next
/// prompt: someone who has typed, as everyone in a plan has.
enum IdleLoad {
    struct Result {
        var opened: Int
        var before: Int
        var after: Int
        var kibPerConnection: Double { Double(after - before) / Double(max(1, opened)) }
    }

    static func run(port: Int, pid: Int32, count: Int, settle: Double, ping: Bool = false, line: String? = nil) throws -> Result {
        let limit = Sockets.raiseFileLimit()
        guard limit > count + 32 else { throw BenchError("the open-file limit is \(limit); \(count) connections need more (ulimit -n)") }
        guard let before = Sockets.residentKiB(pid: pid) else { throw BenchError("cannot read /proc/\(pid)/status") }
        var fds: [Int32] = []
        fds.reserveCapacity(count)
        defer { fds.forEach { close($0) } }
        var waiting: [pollfd] = []
        var greeted = 0
        /// Connections that have sent `line` (and wait for the prompt after it).
        var sent = Set<Int32>()
        let lineBytes = line.map { Array(($0 + "\r\n").utf8) }
        var buffer = [UInt8](repeating: 0, count: 16_384)
        /// Reads greetings that have arrived; a connection counts once its prompt has come, and is
        /// then no longer watched.
        func drain(timeout: Int32) {
            let n = poll(&waiting, nfds_t(waiting.count), timeout)
            guard n > 0 else { return }
            for i in waiting.indices where waiting[i].revents != 0 {
                waiting[i].revents = 0
                while true {
                    let r = buffer.withUnsafeMutableBytes { recv(waiting[i].fd, $0.baseAddress, $0.count, 0) }
                    if r <= 0 { break }
                    // Tandem's prompt "> ", or the end of the answer to PING.
                    if r >= 2 && (ping ? buffer[r - 2] == 0x0D && buffer[r - 1] == 0x0A : buffer[r - 2] == 0x3E && buffer[r - 1] == 0x20) {
                        let fd = waiting[i].fd
                        if let lineBytes, !sent.contains(fd) {
                            sent.insert(fd)
                            guard lineBytes.withUnsafeBytes({ send(fd, $0.baseAddress, $0.count, 0) }) == lineBytes.count else { break }
                            continue
                        }
                        greeted += 1
                        waiting[i].fd = -1
                        break
                    }
                }
            }
            waiting.removeAll { $0.fd < 0 }
        }
        for _ in 0..<count {
            let fd = try Sockets.connect(port: port)
            fds.append(fd)
            if ping {
                let sent = "PING\r\n".utf8CString.withUnsafeBytes { send(fd, $0.baseAddress, 6, 0) }
                guard sent == 6 else { throw BenchError("could not send PING") }
            }
            waiting.append(pollfd(fd: fd, events: Int16(POLLIN), revents: 0))
            if fds.count % 256 == 0 { drain(timeout: 0) }
        }
        let deadline = Date().addingTimeInterval(30)
        while greeted < count && Date() < deadline { drain(timeout: 100) }
        guard greeted == count else { throw BenchError("only \(greeted) of \(count) connections were greeted within 30 s") }
        Thread.sleep(forTimeInterval: settle)
        guard let after = Sockets.residentKiB(pid: pid) else { throw BenchError("the server has gone") }
        return Result(opened: count, before: before, after: after)
    }
}
