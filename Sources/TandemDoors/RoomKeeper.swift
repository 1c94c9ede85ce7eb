import DialogueEngine
import TandemProtocol
import TandemStore

/// One group room on a server: the engine's `Room`, how to reach each person in it, and the store
/// its plan is kept in.
///
/// An actor that takes one change at a time: each change runs on a copy of the room (`Room.turn`),
/// its changes are made durable, and only then is the room updated and everyone told, in order.
/// Changes that arrive meanwhile wait their turn; no lock is ever held across a write to disk.
public actor RoomKeeper {
    public nonisolated let code: String
    public nonisolated let title: String
    public nonisolated let dialogueID: String
    /// The group's saved plan; nil when plans are not saved.
    public nonisolated let planID: String?

    private var room: Room
    private var links: [String: any PeerLink]
    private let store: (any PlanStorage)?
    /// The open rooms this one is listed in, and which plans are open where: it leaves both once closed.
    private let registry: Rooms
    private let plans: OpenPlans
    private var busy = false
    /// False once the group's plan was found deleted from the store: the room goes on unsaved.
    private var saving = true
    /// What each person is shown when the server stops (see `shutDown(for:)`), until they take it.
    private var shutdownWords: [String: [Event]]?
    private var waiting: [CheckedContinuation<Void, Never>] = []
    /// How the room stands, readable at once (for `/sessions` and `/room`) without waiting for a turn.
    private nonisolated let snapshot: Locked<Status>

    /// How the room stands.
    public struct Status: Sendable {
        public var progress: Progress
        public var finished: Bool
        public var people: [String]
        public var closed: Bool
        public var waitingForHost: Bool
        /// The question open now.
        public var step: String?
        /// The connection that hosts the room (the latest, after a drop and a return).
        public var hostID: String

        init(_ room: Room) {
            step = room.session.conversation.currentStep?.id
            progress = room.session.conversation.progress()
            finished = room.session.conversation.isFinished
            people = room.present.map(\.name)  // not a host whose connection has dropped
            closed = room.isClosed
            waitingForHost = room.hostAway && !room.isClosed
            hostID = room.host.id
        }
    }

    public init(room: Room, host: any PeerLink, store: (any PlanStorage)?, registry: Rooms, plans: OpenPlans) {
        code = room.code
        title = room.title
        dialogueID = room.session.conversation.script.id
        planID = room.session.plan?.id
        self.room = room
        links = [room.host.id: host]
        self.store = store
        self.registry = registry
        self.plans = plans
        snapshot = Locked(Status(room))
    }

    public nonisolated var status: Status { snapshot.withLock { $0 } }
    public nonisolated var isClosed: Bool { status.closed }
    public nonisolated var isWaitingForHost: Bool { status.waitingForHost }

    /// Changes the room for `me`: returns what `me` should see, after the change is durable and
    /// everyone else has been sent theirs. When it cannot be kept, the room stays as it was.
    public func run(for me: String, _ change: @Sendable (inout Room) -> [Room.Delivery]) async -> [Event] {
        await takeTurn()
        defer { endTurn() }
        let turn = room.turn(change)
        if !turn.changes.isEmpty, saving, let store, let planID {
            do {
                try await store.append(turn.changes, to: planID, progress: turn.progress)
            } catch where error.kind == .notFound {
                // Deleted meanwhile: trying again could never work, so the turn is taken (nothing
                // typed is lost) and the group carries on unsaved, told so once.
                room.accept(turn)
                saving = false
                return deliver(room.planGone() + turn.deliveries, me: me)
            } catch {
                return room.session.unsaved(error)
            }
        }
        room.accept(turn)
        return deliver(turn.deliveries, me: me)
    }

    /// Someone joins with the name they gave; returns the name used (unique in the room) and what
    /// they see (their seat code among it, for them alone), or nil when the room has closed meanwhile.
    public func join(id: String, name: String, link: any PeerLink) async -> (name: String, events: [Event])? {
        await takeTurn()
        defer { endTurn() }
        guard !room.isClosed else { return nil }
        links[id] = link
        var seat = SeatCode.make()
        // Not one given before the room was opened again either (kept as a hash by the store).
        while room.hasSeat(seat) || store?.keptSeat(seat).map(room.hasSeat) == true { seat = SeatCode.make() }
        var used = name
        let turn = room.turn { r in
            let joined = r.join(id: id, name: name, seat: seat)
            used = joined.name
            return joined.deliveries
        }
        await keepSeats(turn)
        room.accept(turn)
        return (used, deliver(turn.deliveries, me: id))
    }

    /// What coming back to a seat did, for the door.
    public enum Comeback: Sendable {
        case back(name: String, events: [Event])
        case wrongSeat, seatTaken, tooManyWrong
    }

    /// Someone comes back to their seat with its code (`Room.comeBack`); nil when the room has
    /// closed meanwhile.
    public func comeBack(id: String, seat: String, link: any PeerLink) async -> Comeback? {
        await takeTurn()
        defer { endTurn() }
        guard !room.isClosed else { return nil }
        var outcome = Room.Comeback.seatTaken
        // The store keeps seat codes as a hash: a seat given before a restart is found by it.
        let kept = store?.keptSeat(seat)
        let turn = room.turn { r in
            outcome = r.comeBack(id: id, seat: seat, kept: kept)
            if case .back(_, let deliveries) = outcome { return deliveries }
            return []
        }
        await keepSeats(turn)
        room.accept(turn)  // a wrong code is counted (`Room.wrongSeats`) whatever else happens
        switch outcome {
        case .back(let name, let deliveries):
            links[id] = link
            return .back(name: name, events: deliver(deliveries, me: id))
        case .wrongSeat: return .wrongSeat
        case .seatTaken: return .seatTaken
        case .tooManyWrong: return .tooManyWrong
        }
    }

    /// Keeps the seat given in a turn of joining or coming back (`Change.seated`), so that after a
    /// restart its code takes its person back to it. Before they are told it, when it can be; a
    /// store that cannot keep it now only means that seat is not given back after a restart, so
    /// no one is kept out of the room for it.
    private func keepSeats(_ turn: Room.Turn) async {
        guard !turn.changes.isEmpty, saving, let store, let planID else { return }
        try? await store.append(turn.changes, to: planID, progress: turn.progress)
    }

    /// Someone's connection ended. When it was the host's, returns the absence's number, so the
    /// door can close the room later if the host has not come back by then (`closeIfHostStillAway`).
    /// Someone who left (`/quit`, `/pause`, the end of input) is out of the room by now: anyone
    /// still in it when their connection ends has dropped, and the group is told so.
    public func left(id: String, graceMinutes: Int) async -> Int? {
        let wasHost = room.host.id == id && !room.hostAway
        _ = await run(for: id) { $0.leave(id: id, graceMinutes: graceMinutes, dropped: true) }
        links[id] = nil
        return wasHost && room.hostAway && !room.isClosed ? room.absences : nil
    }

    /// The host is back on a new connection: what they see, or nil when the room closed meanwhile.
    public func hostReturns(id: String, link: any PeerLink) async -> [Event]? {
        await takeTurn()
        defer { endTurn() }
        guard room.hostAway, !room.isClosed else { return nil }
        links[id] = link
        return deliver(room.hostReturns(id: id), me: id)
    }

    /// Closes the room if its host has not come back since absence number `absence`.
    public func closeIfHostStillAway(absence: Int) async {
        _ = await run(for: "") { $0.closeIfHostStillAway(absence: absence) }
    }

    /// The server is stopping: the room closes, as the host's `/room close` closes it, once its
    /// last turn is durable (the first person to ask closes it), and each person is given what
    /// closing shows them (the host, the group plan's code). Nothing is sent: each connection asks
    /// for its own words, so that they follow its own "The server is closing now."
    public func shutDown(for me: String) async -> [Event] {
        await takeTurn()
        defer { endTurn() }
        if shutdownWords == nil, !room.isClosed {
            let turn = room.turn { $0.close() }
            if !turn.changes.isEmpty, saving, let store, let planID {
                // The words say the plan is saved: they are not said unless it is.
                do { try await store.append(turn.changes, to: planID, progress: turn.progress) } catch { return [] }
            }
            room.accept(turn)
            var words: [String: [Event]] = [:]
            for delivery in turn.deliveries { words[delivery.to, default: []] += delivery.events }
            shutdownWords = words
            _ = deliver([], me: me)
        }
        return shutdownWords?.removeValue(forKey: me) ?? []
    }

    /// Someone in the room would like the host to come and talk: only the host is told, and only
    /// that. False when the host is away.
    public func alertHost(from id: String) -> Bool {
        guard !room.hostAway, !room.isClosed, let member = room.member(id), let host = links[room.host.id], room.host.id != id else { return false }
        host.send(.wantsToTalk(id: id, name: member.name))
        return true
    }

    /// The open question as `id` sees it (after a change of mode, or a stale answer).
    public func question(for id: String) -> [Event] {
        room.whereWeAre(for: id)
    }

    /// Reads the room as it stands (for `/room`).
    public func read<T: Sendable>(_ body: @Sendable (Room) -> T) -> T {
        body(room)
    }

    /// Sends everyone but `me` their events, in order; returns `me`'s. A room that has closed is
    /// taken off the list of open rooms, and lets go of its plan.
    private func deliver(_ deliveries: [Room.Delivery], me: String) -> [Event] {
        var mine: [Event] = []
        for delivery in deliveries where !delivery.events.isEmpty {
            if delivery.to == me {
                mine += delivery.events
            } else {
                links[delivery.to]?.send(.roomEvents(delivery.events))
            }
        }
        snapshot.withLock { $0 = Status(room) }
        if room.isClosed {
            links = [:]
            registry.remove(self)
            if let planID { plans.release(planID, room: self) }
        }
        return mine
    }

    /// Waits until no other change is running.
    private func takeTurn() async {
        while busy { await withCheckedContinuation { waiting.append($0) } }
        busy = true
    }

    private func endTurn() {
        busy = false
        if !waiting.isEmpty { waiting.removeFirst().resume() }
    }
}

/// The open group rooms, by join code. Safe from any thread.
public final class Rooms: Sendable {
    private let rooms = Locked<[String: RoomKeeper]>([:])

    /// Characters in a join code: 40 random bits.
    static let codeDigits = 8

    public init() {}

    /// A fresh join code no open room uses.
    public func makeCode() -> String {
        rooms.withLock { open in
            var code = ResumeCode.make(digits: Self.codeDigits)
            while open[ResumeCode.canonical(code) ?? code] != nil { code = ResumeCode.make(digits: Self.codeDigits) }
            return code
        }
    }

    func add(_ keeper: RoomKeeper) {
        let key = ResumeCode.canonical(keeper.code) ?? keeper.code
        rooms.withLock { $0[key] = keeper }
    }

    /// The room a typed code names (any case, with or without the dash), if it is open.
    public func find(_ typed: String) -> RoomKeeper? {
        guard let key = ResumeCode.canonical(typed), key.count == Self.codeDigits else { return nil }
        return rooms.withLock { $0[key] }.flatMap { $0.isClosed ? nil : $0 }
    }

    func remove(_ keeper: RoomKeeper) {
        let key = ResumeCode.canonical(keeper.code) ?? keeper.code
        rooms.withLock { open in
            if open[key] === keeper { open[key] = nil }
        }
    }

    /// The open rooms, oldest code first.
    public func all() -> [RoomKeeper] {
        rooms.withLock { Array($0.values) }.filter { !$0.isClosed }.sorted { $0.code < $1.code }
    }
}
