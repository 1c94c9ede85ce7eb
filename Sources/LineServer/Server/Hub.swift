import NIOConcurrencyHelpers
import NIOCore

/// What every connection shares: who is connected (for caps, `/sessions`, `/say`, `/watch` and
/// shutdown) and which addresses are locked out. Safe from any event loop.
final class Hub: Sendable {
    enum Admission: Equatable {
        case admitted(id: String)
        case full
        case addressFull
        case closing
    }

    private struct State {
        var mailboxes: [String: Mailbox] = [:]
        var perAddress: [String: Int] = [:]
        var ledger: FailureLedger
        var shuttingDown = false
        var emptyWaiters: [EventLoopPromise<Void>] = []
    }

    private let state: NIOLockedValueBox<State>
    let maxConnections: Int
    let maxPerAddress: Int

    init(limits: ServerLimits) {
        maxConnections = limits.maxConnections
        maxPerAddress = limits.maxConnectionsPerAddress
        state = NIOLockedValueBox(State(ledger: FailureLedger(maxFailures: limits.maxFailures, window: limits.failureWindow, lockout: limits.lockout)))
    }

    /// Lets a connection in, or says why not. An admitted connection must `leave` when it closes.
    func admit(address: String, mailbox: Mailbox) -> Admission {
        state.withLockedValue { s in
            if s.shuttingDown { return .closing }
            if s.mailboxes.count >= maxConnections { return .full }
            if s.perAddress[address, default: 0] >= maxPerAddress { return .addressFull }
            var id = Self.makeID()
            while s.mailboxes[id] != nil { id = Self.makeID() }
            s.mailboxes[id] = mailbox
            s.perAddress[address, default: 0] += 1
            return .admitted(id: id)
        }
    }

    func leave(id: String, address: String) {
        let waiters = state.withLockedValue { s -> [EventLoopPromise<Void>] in
            guard s.mailboxes.removeValue(forKey: id) != nil else { return [] }
            let n = s.perAddress[address, default: 1] - 1
            s.perAddress[address] = n > 0 ? n : nil
            guard s.mailboxes.isEmpty else { return [] }
            defer { s.emptyWaiters = [] }
            return s.emptyWaiters
        }
        waiters.forEach { $0.succeed(()) }
    }

    var count: Int { state.withLockedValue { $0.mailboxes.count } }

    func mailbox(_ id: String) -> Mailbox? {
        state.withLockedValue { $0.mailboxes[id.lowercased()] }
    }

    /// Every connection, by id.
    func all() -> [(id: String, mailbox: Mailbox)] {
        state.withLockedValue { s in s.mailboxes.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } }
    }

    // MARK: Lockouts

    func isLocked(_ kind: FailureLedger.Kind, _ address: String, now: NIODeadline) -> Bool {
        state.withLockedValue { $0.ledger.isLocked(kind, address, now: now) }
    }

    /// Counts a failure; true when the address is now locked out.
    func fail(_ kind: FailureLedger.Kind, _ address: String, now: NIODeadline) -> Bool {
        state.withLockedValue { $0.ledger.fail(kind, address, now: now) }
    }

    // MARK: Shutdown

    /// Refuses new connections from now on; returns those open.
    func beginShutdown() -> [Mailbox] {
        state.withLockedValue { s in
            s.shuttingDown = true
            return Array(s.mailboxes.values)
        }
    }

    var isShuttingDown: Bool { state.withLockedValue { $0.shuttingDown } }

    /// Succeeds when no connection is open.
    func whenEmpty(on eventLoop: any EventLoop) -> EventLoopFuture<Void> {
        let promise = eventLoop.makePromise(of: Void.self)
        let empty = state.withLockedValue { s -> Bool in
            if s.mailboxes.isEmpty { return true }
            s.emptyWaiters.append(promise)
            return false
        }
        if empty { promise.succeed(()) }
        return promise.futureResult
    }

    /// Short ids people can type: four characters with no look-alikes (no 0/o, 1/l/i).
    static func makeID() -> String {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")
        var rng = SystemRandomNumberGenerator()
        return String((0..<4).map { _ in alphabet[Int(rng.next(upperBound: UInt32(alphabet.count)))] })
    }
}
