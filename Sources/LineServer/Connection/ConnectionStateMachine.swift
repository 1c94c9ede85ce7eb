import NIOCore
import TandemProtocol

/// The rules of one connection's time and pace, with no channel in them: the queue of framed lines,
/// whether the door logic is busy, the rate limit, the deadline for a line's arrival, idle time, a
/// client that stops reading, and the TLS handshake's deadline. Each method takes what happened and
/// says what to do; `ConnectionHandler` does it. Tested with a hand-moved clock.
struct ConnectionStateMachine {
    /// A framed line waiting its turn.
    enum Pending: Equatable {
        case line(String)
        case invalidUTF8
        case tooLong
        /// Telnet's interrupt (Ctrl-C): the line typed so far was dropped; in its turn, a fresh prompt.
        case interrupt

        /// Something the person did (a line, a Ctrl-C), as opposed to what the framer found wrong.
        var isTyped: Bool {
            switch self {
            case .line, .interrupt: true
            case .invalidUTF8, .tooLong: false
            }
        }
    }

    /// What to do next with the queue.
    enum Next: Equatable {
        /// Handle this line now.
        case handle(Pending)
        /// Over the rate: wait until `until` (say so when `warn`).
        case throttle(until: NIODeadline, warn: Bool)
        /// Nothing to do now (empty queue, busy, or the client is not reading).
        case wait
        /// Every line is handled and the client has finished sending.
        case endOfInput
    }

    /// What a sweep of the timers found.
    enum Tick: Equatable {
        case none
        /// Close without a word (no TLS handshake, output not read).
        case closeNow(String)
        /// Say why (408), show how to come back, and close.
        case fail(String)
        /// Warn that the connection will close if nothing comes within `seconds`.
        case warnIdle(seconds: Int)
    }

    /// The limits the machine applies, and only those, made once for a server and shared by every
    /// connection's machine (a pointer each): a copy in each was 72 bytes of every idle connection,
    /// and all of `ServerLimits` would be about 300.
    final class Limits: Sendable {
        let maxQueuedLines: Int
        let tlsHandshakeDeadline, stalledOutputGrace, lineDeadline, lobbyLineDeadline: TimeAmount
        let idleWarning, idleGrace, lobbyIdleWarning, lobbyIdleGrace: TimeAmount
        /// The rate limit's pace and burst, for each connection's bucket.
        let linesPerSecond, lineBurst: Double

        init(_ l: ServerLimits) {
            maxQueuedLines = l.maxQueuedLines
            linesPerSecond = l.linesPerSecond
            lineBurst = l.lineBurst
            tlsHandshakeDeadline = l.tlsHandshakeDeadline
            stalledOutputGrace = l.stalledOutputGrace
            lineDeadline = l.lineDeadline
            lobbyLineDeadline = l.lobbyLineDeadline
            idleWarning = l.idleWarning
            idleGrace = l.idleGrace
            lobbyIdleWarning = l.lobbyIdleWarning
            lobbyIdleGrace = l.lobbyIdleGrace
        }
    }

    let limits: Limits
    private var queue: [Pending] = []
    private var head = 0
    /// The door logic is working (a write to the store, a room's turn, a wait): no line is taken.
    private(set) var busy = false
    private var bucket: RateLimiter
    private var throttleWarned = false
    /// A throttle wait is scheduled.
    private(set) var throttled = false
    private var partialSince: NIODeadline?
    private(set) var lastLine: NIODeadline
    private var idleWarned = false
    private var stalledSince: NIODeadline?
    private var handshakeSince: NIODeadline?
    private(set) var inputEnded = false
    private(set) var linesSeen = 0

    init(limits: ServerLimits, now: NIODeadline, tls: Bool) {
        self.init(limits: Limits(limits), now: now, tls: tls)
    }

    /// A machine applying `limits`, made once for a server (``ServerShared/machineLimits``).
    init(limits: Limits, now: NIODeadline, tls: Bool) {
        self.limits = limits
        bucket = RateLimiter(rate: limits.linesPerSecond, burst: limits.lineBurst, now: now)
        lastLine = now
        handshakeSince = tls ? now : nil
    }

    var waiting: Int { queue.count - head }

    // MARK: Input

    /// A framed line arrived. False when too many wait: the client is flooding (429 and close).
    mutating func received(_ item: Pending) -> Bool {
        if case .line = item { linesSeen += 1 }
        guard waiting < limits.maxQueuedLines else {
            queue.removeAll()
            head = 0
            return false
        }
        queue.append(item)
        return true
    }

    /// After a read: whether part of a line is still on its way (the line deadline counts from its first byte).
    mutating func partial(_ pending: Bool, gotLine: Bool, now: NIODeadline) {
        if pending {
            if gotLine || partialSince == nil { partialSince = now }
        } else {
            partialSince = nil
        }
    }

    mutating func inputClosed() { inputEnded = true }
    mutating func handshakeDone() { handshakeSince = nil }
    var handshaking: Bool { handshakeSince != nil }

    /// Whether to read more from the socket: only when no line waits, so TCP slows a flood down.
    /// While the logic is busy with a line (its write on the way to disk) reading goes on: the
    /// next line waits in the queue, and then reading stops. Stopping for every turn would take
    /// two `epoll_ctl` calls a turn (reading off, then on again) for a client that sends one line
    /// and waits for the answer, as people do.
    func shouldRead(writable: Bool) -> Bool {
        waiting == 0 && writable
    }

    // MARK: The queue

    /// The next thing to do with the queue, as the rate limit allows.
    mutating func next(now: NIODeadline, writable: Bool) -> Next {
        guard !busy, writable else { return .wait }
        guard head < queue.count else {
            queue.removeAll(keepingCapacity: queue.capacity <= 16)
            head = 0
            // One warning a flood: said again only once the sender has kept below the rate a while.
            if throttleWarned, bucket.isFull(now: now) { throttleWarned = false }
            return inputEnded ? .endOfInput : .wait
        }
        // A telnet Ctrl-C is a person's doing, as a line is: it is paced, and counts as activity.
        if queue[head].isTyped, !bucket.isUnlimited, !bucket.take(now: now) {
            guard !throttled else { return .wait }
            throttled = true
            let warn = !throttleWarned
            throttleWarned = true
            return .throttle(until: bucket.nextToken(now: now), warn: warn)
        }
        let item = queue[head]
        head += 1
        if item.isTyped {
            lastLine = now
            idleWarned = false
        }
        return .handle(item)
    }

    /// The throttle's wait is over.
    mutating func throttleEnded() { throttled = false }

    /// The door logic began, or finished, work that keeps the next line waiting.
    mutating func workStarted() { busy = true }
    mutating func workFinished() { busy = false }

    /// Someone in a group is taking part while others speak: the group's activity counts as theirs.
    mutating func activity(now: NIODeadline) {
        lastLine = now
        idleWarned = false
    }

    // MARK: Output

    mutating func writabilityChanged(writable: Bool, now: NIODeadline) {
        if writable {
            stalledSince = nil
        } else if stalledSince == nil {
            stalledSince = now
        }
    }

    // MARK: Timers

    /// A sweep of the timers: `inPlan` for someone in a plan or a room (longer times), `host` for a
    /// host (never closed for being idle).
    mutating func tick(now: NIODeadline, inPlan: Bool, host: Bool) -> Tick {
        if let since = handshakeSince, now - since > limits.tlsHandshakeDeadline { return .closeNow("no TLS handshake") }
        if let since = stalledSince, now - since > limits.stalledOutputGrace { return .closeNow("output not read") }
        if busy { return .none }
        if let since = partialSince, now - since > (inPlan ? limits.lineDeadline : limits.lobbyLineDeadline) {
            partialSince = nil
            return .fail(ServerWords.lineTooSlow)
        }
        guard !host else { return .none }
        let warning = inPlan ? limits.idleWarning : limits.lobbyIdleWarning
        let grace = inPlan ? limits.idleGrace : limits.lobbyIdleGrace
        let quiet = now - lastLine
        if !idleWarned, quiet > warning {
            idleWarned = true
            return .warnIdle(seconds: Int(grace.nanoseconds / 1_000_000_000))
        }
        if idleWarned, quiet > warning + grace { return .fail(ServerWords.idleClosed) }
        return .none
    }
}
