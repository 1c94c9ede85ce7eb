import DialogueEngine
import TandemStore
/// What every connection shares: who is connected (for caps, `/sessions`, `/say`, `/watch` and
/// shutdown) and which places are slowed for wrong codes. Safe from any thread.
public final class Hub: Sendable {
    public enum Admission: Sendable {
        /// In, with this id; `evicted` is a connection closed to make room (see `admit`).
        case admitted(id: String, evicted: (any PeerLink)?)
        case full
        case addressFull
        case closing
    }

    private struct Entry {
        var link: any PeerLink
        var address: String
        /// In a plan or a room (never closed to make room for someone else).
        var inPlan = false
        /// Signed in as a host (never closed to make room either).
        var host = false
        /// Order of arrival.
        var number: Int
    }

    private struct State {
        var entries: [String: Entry] = [:]
        var perAddress: [String: Int] = [:]
        var arrivals = 0
        var ledger: FailureLedger
        var shuttingDown = false
        var emptyWaiters: [CheckedContinuation<Void, Never>] = []
    }

    private let state: Locked<State>
    let maxConnections: Int
    let maxPerAddress: Int

    init(limits: DoorLimits) {
        maxConnections = limits.maxConnections
        maxPerAddress = limits.maxConnectionsPerAddress
        state = Locked(State(ledger: FailureLedger(
            maxFailures: limits.maxFailures, maxGlobalFailures: limits.maxGlobalFailures, window: limits.failureWindow, lockout: limits.lockout)))
    }

    /// Lets a connection in, or says why not. An admitted connection must `leave` when it closes.
    ///
    /// When the server is full, a few addresses must not keep everyone else out: if one address holds
    /// more than its share (the cap shared by the addresses connected, the newcomer's included), its
    /// oldest connection that has not started a plan is closed to let the newcomer in. A host is never
    /// closed this way: at the menu, they may be watching people or waiting for someone's `/talk`.
    /// `trusted` connections (see `ServerLimits.trustedNetworks`) are not held to the per-address cap.
    public func admit(address: String, trusted: Bool = false, link: any PeerLink) -> Admission {
        state.withLock { s in
            if s.shuttingDown { return .closing }
            if !trusted, s.perAddress[address, default: 0] >= maxPerAddress { return .addressFull }
            var evicted: (any PeerLink)?
            if s.entries.count >= maxConnections {
                let addresses = s.perAddress.count + (s.perAddress[address] == nil ? 1 : 0)
                let share = max(1, maxConnections / max(1, addresses))
                guard let (heaviest, held) = s.perAddress.max(by: { $0.value < $1.value }), heaviest != address, held > share,
                      let victim = s.entries.filter({ $0.value.address == heaviest && !$0.value.inPlan && !$0.value.host }).min(by: { $0.value.number < $1.value.number })
                else { return .full }
                s.entries[victim.key] = nil
                s.perAddress[heaviest] = held - 1
                evicted = victim.value.link
            }
            var id = Self.makeID()
            while s.entries[id] != nil { id = Self.makeID() }
            s.arrivals += 1
            s.entries[id] = Entry(link: link, address: address, number: s.arrivals)
            s.perAddress[address, default: 0] += 1
            return .admitted(id: id, evicted: evicted)
        }
    }

    /// A connection signed in as a host.
    public func setHost(_ id: String) {
        state.withLock { $0.entries[id]?.host = true }
    }

    /// The hosts connected now.
    public func hosts() -> [(id: String, link: any PeerLink)] {
        state.withLock { s in s.entries.filter(\.value.host).sorted { $0.key < $1.key }.map { ($0.key, $0.value.link) } }
    }

    /// Whether a host other than `id` is connected (to be offered after a check-in).
    public func hasHost(besides id: String) -> Bool {
        state.withLock { $0.entries.contains { $0.value.host && $0.key != id } }
    }

    /// Whether a connection is in a plan or a room (then it is never closed to make room).
    public func setInPlan(_ id: String, _ inPlan: Bool) {
        state.withLock { $0.entries[id]?.inPlan = inPlan }
    }

    public func leave(id: String, address: String) {
        let waiters = state.withLock { s -> [CheckedContinuation<Void, Never>] in
            guard s.entries.removeValue(forKey: id) != nil else { return [] }
            let n = s.perAddress[address, default: 1] - 1
            s.perAddress[address] = n > 0 ? n : nil
            guard s.entries.isEmpty else { return [] }
            defer { s.emptyWaiters = [] }
            return s.emptyWaiters
        }
        waiters.forEach { $0.resume() }
    }

    public var count: Int { state.withLock { $0.entries.count } }

    public func link(_ id: String) -> (any PeerLink)? {
        state.withLock { $0.entries[id.lowercased()]?.link }
    }

    /// Every connection, by id.
    public func all() -> [(id: String, link: any PeerLink)] {
        state.withLock { s in s.entries.sorted { $0.key < $1.key }.map { ($0.key, $0.value.link) } }
    }

    // MARK: Lockouts

    public func isLocked(_ kind: FailureLedger.Kind, _ address: String, now: Duration) -> Bool {
        state.withLock { $0.ledger.isLocked(kind, address, now: now) }
    }

    /// Counts a failure; true when the address is now locked out.
    public func fail(_ kind: FailureLedger.Kind, _ address: String, now: Duration) -> Bool {
        state.withLock { $0.ledger.fail(kind, address, now: now) }
    }

    // MARK: Shutdown

    /// Refuses new connections from now on; returns those open.
    public func beginShutdown() -> [any PeerLink] {
        state.withLock { s in
            s.shuttingDown = true
            return s.entries.values.map(\.link)
        }
    }

    public var isShuttingDown: Bool { state.withLock { $0.shuttingDown } }

    /// Returns when no connection is open.
    public func whenEmpty() async {
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            let empty = state.withLock { s -> Bool in
                if s.entries.isEmpty { return true }
                s.emptyWaiters.append(done)
                return false
            }
            if empty { done.resume() }
        }
    }

    /// Short ids people can type: four characters with no look-alikes (no 0/o, 1/l/i).
    static func makeID() -> String {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")
        var rng = SystemRandomNumberGenerator()
        return String((0..<4).map { _ in alphabet[Int(rng.next(upperBound: UInt32(alphabet.count)))] })
    }
}
