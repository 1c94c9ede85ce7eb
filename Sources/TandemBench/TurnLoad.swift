import Foundation
import Histogram
#if os(Linux)
import CEpoll
#endif
#if canImport(Glibc)
import Glibc
#endif

/// The closed-loop client: each connection sends one line, waits for the whole reply (it ends
/// with the prompt `> `, or the connection closes after `/quit`), records how long that took,
/// and sends the next. Connections walk whole dialogues again and again, reconnecting after each.
/// One thread per core, each waiting on its own connections with epoll (on Linux; `poll`
/// elsewhere). `poll` looks at every connection on every call, and that cost the client about a
/// third of its CPU, which on a small machine is taken from the server it measures.
///
/// `@unchecked Sendable` because each worker is handed to one dispatch thread and used only there;
/// the main thread reads its figures only after `DispatchGroup.wait()`, which orders the memory.
final class TurnWorker: @unchecked Sendable {
    struct Connection {
        var fd: Int32 = -1
        var walk: Int
        var step = -1
        var sentAt: UInt64 = 0
        var tail: (UInt8, UInt8) = (0, 0)
        /// Collecting the reply to the last answer, to check the plan finished.
        var capture: [UInt8]?
    }

    let port: Int
    let walks: [Walk]
    var connections: [Connection]
    var histogram = Histogram<UInt64>(lowestDiscernibleValue: 1, highestTrackableValue: 60_000_000_000, numberOfSignificantValueDigits: .three)
    /// Turns whose reply came inside the measured window.
    var turns = 0
    var walksStarted = 0
    var walksFinished = 0
    var walksChecked = 0
    var errors = 0
    var firstError: String?
    private var pollfds: [pollfd] = []
    /// The epoll set of this worker's connections (Linux), or -1.
    private var epoll: Int32 = -1
    private var buffer = [UInt8](repeating: 0, count: 65_536)
    private static let finishedWords = Array("That is the end of".utf8)

    init(port: Int, walks: [Walk], firstWalk: Int, count: Int) {
        self.port = port
        self.walks = walks
        connections = (0..<count).map { Connection(walk: (firstWalk + $0) % walks.count) }
    }

    /// Runs until `end` (monotonic ns); turns and latencies count from `measureFrom`.
    func run(measureFrom: UInt64, end: UInt64) {
        pollfds = connections.map { _ in pollfd(fd: -1, events: Int16(POLLIN), revents: 0) }
        #if os(Linux)
        epoll = cepoll_create()
        if epoll >= 0 {
            defer { close(epoll) }
            for i in connections.indices { open(i) }
            var ready = [UInt32](repeating: 0, count: 64)
            while Sockets.now() < end {
                let n = cepoll_wait(epoll, &ready, Int32(ready.count), 100)
                if n < 0 { if errno == EINTR { continue } else { break } }
                for k in 0..<Int(n) { readable(Int(ready[k]), measureFrom: measureFrom, end: end) }
            }
            for c in connections where c.fd >= 0 { close(c.fd) }
            return
        }
        #endif
        for i in connections.indices { open(i) }
        while Sockets.now() < end {
            let n = poll(&pollfds, nfds_t(pollfds.count), 100)
            if n < 0 { if errno == EINTR { continue } else { break } }
            guard n > 0 else { continue }
            for i in pollfds.indices where pollfds[i].revents != 0 {
                pollfds[i].revents = 0
                readable(i, measureFrom: measureFrom, end: end)
            }
        }
        for c in connections where c.fd >= 0 { close(c.fd) }
    }

    private func open(_ i: Int) {
        do {
            let fd = try Sockets.connect(port: port)
            connections[i].fd = fd
            connections[i].step = -1
            connections[i].tail = (0, 0)
            connections[i].capture = nil
            pollfds[i].fd = fd
            #if os(Linux)
            if epoll >= 0 {
                // Closing a connection takes it out of the set; its next one is added here.
                if cepoll_add(epoll, fd, UInt32(i)) != 0 { fail("epoll_ctl: \(String(cString: strerror(errno)))") }
            }
            #endif
        } catch {
            fail("\(error)")
        }
    }

    private func fail(_ what: String) {
        errors += 1
        if firstError == nil { firstError = what }
    }

    private func readable(_ i: Int, measureFrom: UInt64, end: UInt64) {
        let fd = connections[i].fd
        guard fd >= 0 else { return }
        var closed = false
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n > 0 {
                if n >= 2 {
                    connections[i].tail = (buffer[n - 2], buffer[n - 1])
                } else {
                    connections[i].tail = (connections[i].tail.1, buffer[0])
                }
                if connections[i].capture != nil { connections[i].capture! += buffer[0..<n] }
                if n < buffer.count { break }
            } else if n == 0 {
                closed = true
                break
            } else if errno == EINTR {
                continue
            } else if errno == EAGAIN {
                break
            } else {
                closed = true
                break
            }
        }
        let walk = walks[connections[i].walk]
        let quitting = connections[i].step == walk.lines.count - 1
        let prompted = connections[i].tail == (0x3E, 0x20) // "> "
        guard prompted || closed else { return }
        let now = Sockets.now()
        if connections[i].step >= 0 && (prompted || quitting) {
            if now >= measureFrom && now <= end {
                turns += 1
                _ = histogram.record(now - connections[i].sentAt)
            }
        }
        if let capture = connections[i].capture {
            walksChecked += 1
            if Self.contains(capture, Self.finishedWords) { walksFinished += 1 }
            connections[i].capture = nil
        }
        if closed {
            if !quitting { fail("the server closed a connection in the middle of a dialogue (step \(connections[i].step))") }
            close(fd)
            connections[i].fd = -1
            pollfds[i].fd = -1
            connections[i].walk = (connections[i].walk + 1) % walks.count
            if now < end { open(i) }
            return
        }
        guard now < end else { return }
        connections[i].step += 1
        let step = connections[i].step
        if step == 0 { walksStarted += 1 }
        if step == walk.lastAnswer { connections[i].capture = [] }
        connections[i].tail = (0, 0)
        connections[i].sentAt = Sockets.now()
        if !Sockets.send(fd, walk.lines[step]) { fail("send failed: \(String(cString: strerror(errno)))") }
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }
}

/// What `tandem-bench turns` measured.
struct TurnResult {
    var connections: Int
    var seconds: Double
    var turns: Int
    var histogram: Histogram<UInt64>
    var walksStarted: Int
    var walksChecked: Int
    var walksFinished: Int
    var errors: Int
    var firstError: String?

    var perSecond: Double { Double(turns) / seconds }
    func percentileMs(_ p: Double) -> Double { Double(histogram.valueAtPercentile(p)) / 1_000_000 }
}

enum TurnLoad {
    /// `connections` clients over `threads` threads for `warmup` + `seconds` seconds.
    static func run(port: Int, walks: [Walk], connections: Int, threads: Int, warmup: Double, seconds: Double) -> TurnResult {
        let threads = max(1, min(threads, connections))
        var workers: [TurnWorker] = []
        var first = 0
        for t in 0..<threads {
            let count = connections / threads + (t < connections % threads ? 1 : 0)
            workers.append(TurnWorker(port: port, walks: walks, firstWalk: first, count: count))
            first += count
        }
        let start = Sockets.now()
        let measureFrom = start + UInt64(warmup * 1e9)
        let end = measureFrom + UInt64(seconds * 1e9)
        let group = DispatchGroup()
        for worker in workers {
            group.enter()
            let thread = Thread {
                worker.run(measureFrom: measureFrom, end: end)
                group.leave()
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        group.wait()
        var histogram = workers[0].histogram
        for w in workers.dropFirst() { histogram.add(w.histogram) }
        return TurnResult(
            connections: connections, seconds: seconds, turns: workers.reduce(0) { $0 + $1.turns }, histogram: histogram,
            walksStarted: workers.reduce(0) { $0 + $1.walksStarted }, walksChecked: workers.reduce(0) { $0 + $1.walksChecked },
            walksFinished: workers.reduce(0) { $0 + $1.walksFinished }, errors: workers.reduce(0) { $0 + $1.errors },
            firstError: workers.compactMap(\.firstError).first)
    }
}
