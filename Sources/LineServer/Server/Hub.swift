import NIOConcurrencyHelpers
import NIOCore

/// What every connection shares: who is connected (for caps, `/sessions`, `/say`, `/watch` and
/// shutdown) and which addresses are locked out. Safe from any event loop.
final class Hub: Sendable {
    enum Admission {
        /// In, with this id; `evicted` is a connection closed to make room (see `admit`).
        case admitted(id: String, evicted: Mailbox?)
        case full
        case addressFull
        case closing
    }

    private struct Entry {
        var mailbox: Mailbox
        var address: String
        /// In a plan or a room (never closed to make room for someone else).
        var inPlan = false
        /// Order of arrival.
        var number: Int
    }

    private struct State {
        var entries: [String: Entry] = [:]
        var perAddress: [String: Int] = [:]
        var arrivals = 0
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
        state = NIOLockedValueBox(State(ledger: FailureLedger(
            maxFailures: limits.maxFailures, maxGlobalFailures: limits.maxGlobalFailures, window: limits.failureWindow, lockout: limits.lockout)))
    }

    /// Lets a connection in, or says why not. An admitted connection must `leave` when it closes.
    ///
    /// When the server is full, a few addresses must not keep everyone else out: if one address holds
    /// more than its share (the cap shared by the addresses connected, the newcomer's included), its
    /// oldest connection that has not started a plan is closed to let the newcomer in.
    /// `trusted` connections (see `ServerLimits.trustedNetworks`) are not held to the per-address cap.
    func admit(address: String, trusted: Bool = false, mailbox: Mailbox) -> Admission {
        state.withLockedValue { s in
            if s.shuttingDown { return .closing }
            if !trusted, s.perAddress[address, default: 0] >= maxPerAddress { return .addressFull }
            var evicted: Mailbox?
            if s.entries.count >= maxConnections {
                let addresses = s.perAddress.count + (s.perAddress[address] == nil ? 1 : 0)
                let share = max(1, maxConnections / max(1, addresses))
                guard let (heaviest, held) = s.perAddress.max(by: { $0.value < $1.value }), heaviest != address, held > share,
                      let victim = s.entries.filter({ $0.value.address == heaviest && !$0.value.inPlan }).min(by: { $0.value.number < $1.value.number })
                else { return .full }
                s.entries[victim.key] = nil
                s.perAddress[heaviest] = held - 1
                evicted = victim.value.mailbox
            }
            var id = Self.makeID()
            while s.entries[id] != nil { id = Self.makeID() }
            s.arrivals += 1
            s.entries[id] = Entry(mailbox: mailbox, address: address, number: s.arrivals)
            s.perAddress[address, default: 0] += 1
            return .admitted(id: id, evicted: evicted)
        }
    }

    /// Whether a connection is in a plan or a room (then it is never closed to make room).
    func setInPlan(_ id: String, _ inPlan: Bool) {
        state.withLockedValue { $0.entries[id]?.inPlan = inPlan }
    }

    func leave(id: String, address: String) {
        let waiters = state.withLockedValue { s -> [EventLoopPromise<Void>] in
            guard s.entries.removeValue(forKey: id) != nil else { return [] }
            let n = s.perAddress[address, default: 1] - 1
            s.perAddress[address] = n > 0 ? n : nil
            guard s.entries.isEmpty else { return [] }
            defer { s.emptyWaiters = [] }
            return s.emptyWaiters
        }
        waiters.forEach { $0.succeed(()) }
    }

    var count: Int { state.withLockedValue { $0.entries.count } }

    func mailbox(_ id: String) -> Mailbox? {
        state.withLockedValue { $0.entries[id.lowercased()]?.mailbox }
    }

    /// Every connection, by id.
    func all() -> [(id: String, mailbox: Mailbox)] {
        state.withLockedValue { s in s.entries.sorted { $0.key < $1.key }.map { ($0.key, $0.value.mailbox) } }
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
            return s.entries.values.map(\.mailbox)
        }
    }

    var isShuttingDown: Bool { state.withLockedValue { $0.shuttingDown } }

    /// Succeeds when no connection is open.
    func whenEmpty(on eventLoop: any EventLoop) -> EventLoopFuture<Void> {
        let promise = eventLoop.makePromise(of: Void.self)
        let empty = state.withLockedValue { s -> Bool in
            if s.entries.isEmpty { return true }
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
