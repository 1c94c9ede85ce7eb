import NIOCore
import TandemProtocol
import Testing

@testable import LineServer

/// A connection's time and pace, with no channel and a clock the test moves.
@Suite("The connection state machine")
struct ConnectionStateMachineTests {
    typealias Machine = ConnectionStateMachine
    let start = NIODeadline.uptimeNanoseconds(1_000_000_000_000)

    func machine(tls: Bool = false, _ change: (inout ServerLimits) -> Void = { _ in }) -> Machine {
        var limits = ServerLimits()
        change(&limits)
        return Machine(limits: limits, now: start, tls: tls)
    }

    @Test func linesAreHandledInOrderOneAtATimeAndNotWhileBusy() {
        var m = machine()
        let a = m.received(.line("a")), b = m.received(.line("b"))
        #expect(a && b)
        #expect(!m.shouldRead(writable: true), "nothing more is read while lines wait")
        do { let n = m.next(now: start, writable: true); #expect(n == .handle(.line("a"))) }
        m.workStarted()
        do { let n = m.next(now: start, writable: true); #expect(n == .wait, "the logic is busy") }
        #expect(!m.shouldRead(writable: true), "busy, and a line waits")
        m.workFinished()
        do { let n = m.next(now: start, writable: false); #expect(n == .wait, "the client is not reading") }
        do { let n = m.next(now: start, writable: true); #expect(n == .handle(.line("b"))) }
        do { let n = m.next(now: start, writable: true); #expect(n == .wait) }
        #expect(m.shouldRead(writable: true))
        m.workStarted()
        #expect(m.shouldRead(writable: true), "busy with the last line: the next may be read into the queue")
        #expect(!m.shouldRead(writable: false), "never while the client is not reading its output")
        _ = m.received(.line("c"))
        #expect(!m.shouldRead(writable: true), "busy, and a line waits: TCP holds the rest")
        do { let n = m.next(now: start, writable: true); #expect(n == .wait, "the logic is busy") }
        m.workFinished()
        do { let n = m.next(now: start, writable: true); #expect(n == .handle(.line("c"))) }
        m.inputClosed()
        do { let n = m.next(now: start, writable: true); #expect(n == .endOfInput) }
    }

    @Test func telnetInterruptsArePacedAsLinesAre() {
        var m = machine { $0.linesPerSecond = 10; $0.lineBurst = 2 }
        for _ in 0..<3 { _ = m.received(.interrupt) }
        for _ in 0..<2 {
            let next = m.next(now: start, writable: true)
            #expect(next == .handle(.interrupt))
        }
        guard case .throttle(_, true) = m.next(now: start, writable: true) else {
            Issue.record("a flood of Ctrl-C is slowed as a flood of lines is")
            return
        }
    }

    @Test func aBurstGoesThroughThenOneWarningAndTheRestWaitsItsTurn() {
        var m = machine { $0.linesPerSecond = 10; $0.lineBurst = 3 }
        for i in 0..<6 { _ = m.received(.line("\(i)")) }
        for i in 0..<3 {
            let next = m.next(now: start, writable: true)
            #expect(next == .handle(.line("\(i)")))
        }
        guard case .throttle(let until, true) = m.next(now: start, writable: true) else {
            Issue.record("over the rate: wait, with a warning")
            return
        }
        #expect(until > start && until <= start + .milliseconds(101))
        do { let n = m.next(now: start, writable: true); #expect(n == .wait, "one throttle at a time") }
        m.throttleEnded()
        do { let n = m.next(now: until, writable: true); #expect(n == .handle(.line("3"))) }
        guard case .throttle(_, false) = m.next(now: until, writable: true) else {
            Issue.record("a second wait in the same flood: no second warning")
            return
        }
    }

    @Test func tooManyLinesWaitingIsAFlood() {
        var m = machine { $0.maxQueuedLines = 3 }
        for i in 0..<3 { _ = m.received(.line("\(i)")) }
        let flood = !m.received(.line("3"))
        #expect(flood)
        #expect(m.waiting == 0, "the queue is dropped")
    }

    @Test func idleTimeWarnsThenCloses_longerInAPlan_neverForAHost() {
        var m = machine { $0.lobbyIdleWarning = .seconds(60); $0.lobbyIdleGrace = .seconds(30); $0.idleWarning = .seconds(600); $0.idleGrace = .seconds(60) }
        do { let t = m.tick(now: start + .seconds(59), inPlan: false, host: false); #expect(t == .none) }
        do { let t = m.tick(now: start + .seconds(61), inPlan: false, host: false); #expect(t == .warnIdle(seconds: 30)) }
        do { let t = m.tick(now: start + .seconds(62), inPlan: false, host: false); #expect(t == .none, "one warning") }
        do { let t = m.tick(now: start + .seconds(92), inPlan: false, host: false); #expect(t == .fail(ServerWords.idleClosed)) }

        var plan = machine { $0.idleWarning = .seconds(600); $0.idleGrace = .seconds(60) }
        do { let t = plan.tick(now: start + .seconds(599), inPlan: true, host: false); #expect(t == .none) }
        do { let t = plan.tick(now: start + .seconds(601), inPlan: true, host: false); #expect(t == .warnIdle(seconds: 60)) }
        _ = plan.received(.line("still here"))
        _ = plan.next(now: start + .seconds(602), writable: true)
        do { let t = plan.tick(now: start + .seconds(700), inPlan: true, host: false); #expect(t == .none, "a line resets the idle time") }

        var host = machine()
        do { let t = host.tick(now: start + .seconds(100_000), inPlan: false, host: true); #expect(t == .none) }
    }

    @Test func aLineThatTakesTooLongToArriveFails() {
        var m = machine { $0.lobbyLineDeadline = .seconds(30); $0.lineDeadline = .seconds(120) }
        m.partial(true, gotLine: false, now: start)
        do { let t = m.tick(now: start + .seconds(29), inPlan: false, host: true); #expect(t == .none) }
        do { let t = m.tick(now: start + .seconds(31), inPlan: false, host: true); #expect(t == .fail(ServerWords.lineTooSlow)) }
        var plan = machine { $0.lineDeadline = .seconds(120) }
        plan.partial(true, gotLine: false, now: start)
        do { let t = plan.tick(now: start + .seconds(31), inPlan: true, host: false); #expect(t == .none) }
        plan.partial(false, gotLine: true, now: start + .seconds(40))
        do { let t = plan.tick(now: start + .seconds(200), inPlan: true, host: true); #expect(t == .none, "the line ended") }
    }

    @Test func noTLSHandshakeInTimeOrOutputNeverReadClosesAtOnce() {
        var tls = machine(tls: true) { $0.tlsHandshakeDeadline = .seconds(10) }
        do { let t = tls.tick(now: start + .seconds(11), inPlan: false, host: true); #expect(t == .closeNow("no TLS handshake")) }
        tls.handshakeDone()
        do { let t = tls.tick(now: start + .seconds(12), inPlan: false, host: true); #expect(t == .none) }

        var stalled = machine { $0.stalledOutputGrace = .seconds(30) }
        stalled.writabilityChanged(writable: false, now: start)
        do { let t = stalled.tick(now: start + .seconds(29), inPlan: false, host: true); #expect(t == .none) }
        do { let t = stalled.tick(now: start + .seconds(31), inPlan: false, host: true); #expect(t == .closeNow("output not read")) }
        stalled.writabilityChanged(writable: true, now: start + .seconds(31))
        do { let t = stalled.tick(now: start + .seconds(90), inPlan: false, host: true); #expect(t == .none) }
    }

    @Test func whileBusyNoDeadlineOrIdleTimeCounts() {
        var m = machine { $0.lobbyIdleWarning = .seconds(1) }
        m.workStarted()
        do { let t = m.tick(now: start + .seconds(100), inPlan: false, host: false); #expect(t == .none) }
    }
}
