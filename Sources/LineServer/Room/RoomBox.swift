import DialogueEngine
import NIOConcurrencyHelpers
import PlanStore

/// One group room on the server: the engine's `Room` behind a lock, and how to reach each person
/// in it.
///
/// Every change runs under the lock, and what others should see is sent to them under it too, so
/// each person sees the room's events in the order they happened. A change may write to the store,
/// so with a store connections run it on the journal pool, not on their event loop.
/// `@unchecked Sendable` because the lock guards `room` and `mailboxes` (and `snapshot` has its own).
final class RoomBox: @unchecked Sendable {
    let code: String
    let title: String
    let dialogueID: String
    private let lock = NIOLock()
    private var room: Room
    private var mailboxes: [String: Mailbox]
    /// How far the group has got, kept apart so `/sessions` can read it without waiting for a turn
    /// that holds `lock` while it writes to the store.
    private let snapshot: NIOLockedValueBox<Status>
    /// The open rooms this one is listed in: it takes itself off once it has closed.
    private let registry: Rooms
    /// Which plans are open where: the room lets go of its plan once it has closed.
    private let plans: OpenPlans
    /// The group's saved plan; nil when plans are not saved.
    let planID: String?

    /// How far the group has got.
    struct Status: Sendable {
        var progress: Progress
        var finished: Bool

        init(_ room: Room) {
            progress = room.session.conversation.progress()
            finished = room.session.conversation.isFinished
        }
    }

    var status: Status { snapshot.withLockedValue { $0 } }

    init(room: Room, hostMailbox: Mailbox, registry: Rooms, plans: OpenPlans) {
        self.registry = registry
        self.plans = plans
        planID = room.session.journal?.planInfo.id
        code = room.code
        title = room.title
        dialogueID = room.session.conversation.script.id
        self.room = room
        mailboxes = [room.host.id: hostMailbox]
        snapshot = NIOLockedValueBox(Status(room))
    }

    /// Changes the room for `me`: returns what `me` should see, and sends everyone else theirs.
    /// A room that closes is taken off the list of open rooms (its code stops working).
    func run(for me: String, _ change: (inout Room) -> [Room.Delivery]) -> [Event] {
        let (mine, closed) = lock.withLock { () -> ([Event], Bool) in
            let deliveries = change(&room)
            var mine: [Event] = []
            for delivery in deliveries where !delivery.events.isEmpty {
                if delivery.to == me {
                    mine += delivery.events
                } else {
                    mailboxes[delivery.to]?.send(.roomEvents(delivery.events))
                }
            }
            if room.isClosed { mailboxes = [:] }
            snapshot.withLockedValue { $0 = Status(room) }
            return (mine, room.isClosed)
        }
        // Outside the room's lock: `Rooms` never takes a room's lock while holding its own, nor the other way.
        if closed {
            registry.remove(self)
            if let planID { plans.release(planID, room: self) }
        }
        return mine
    }

    /// The host's connection ended: returns the absence's number, so the door can close the room
    /// later if the host has not come back by then (`closeIfHostStillAway`).
    func hostLeft(id: String, graceMinutes: Int) -> Int? {
        var absence: Int?
        _ = run(for: id) { room in
            let deliveries = room.leave(id: id, graceMinutes: graceMinutes)
            if room.hostAway, !room.isClosed { absence = room.absences }
            return deliveries
        }
        lock.withLock { mailboxes[id] = nil }
        return absence
    }

    /// Whether the host's connection dropped and the group is waiting for them.
    var isWaitingForHost: Bool { read { $0.hostAway && !$0.isClosed } }

    /// The host is back on a new connection: returns what they see (nil if the room closed meanwhile).
    func hostReturns(id: String, mailbox: Mailbox) -> [Event]? {
        lock.withLock {
            guard room.hostAway, !room.isClosed else { return nil }
            mailboxes[id] = mailbox
            var mine: [Event] = []
            for delivery in room.hostReturns(id: id) {
                if delivery.to == id { mine += delivery.events } else { mailboxes[delivery.to]?.send(.roomEvents(delivery.events)) }
            }
            return mine
        }
    }

    /// Someone joins with the name they gave; returns the name used (unique in the room) and what
    /// they see, or nil when the room has closed meanwhile.
    func join(id: String, name: String, mailbox: Mailbox) -> (name: String, events: [Event])? {
        lock.withLock {
            guard !room.isClosed else { return nil }
            mailboxes[id] = mailbox
            let (used, deliveries) = room.join(id: id, name: name)
            var mine: [Event] = []
            for delivery in deliveries {
                if delivery.to == id { mine += delivery.events } else { mailboxes[delivery.to]?.send(.roomEvents(delivery.events)) }
            }
            return (used, mine)
        }
    }

    /// Reads the room without changing it.
    func read<T>(_ body: (Room) -> T) -> T {
        lock.withLock { body(room) }
    }

    var isClosed: Bool { read(\.isClosed) }
}

/// The open group rooms, by join code. Safe from any event loop.
final class Rooms: Sendable {
    private let rooms = NIOLockedValueBox<[String: RoomBox]>([:])

    /// Characters in a join code: 40 random bits.
    static let codeDigits = 8

    /// A fresh join code no open room uses.
    func makeCode() -> String {
        rooms.withLockedValue { open in
            var code = ResumeCode.make(digits: Self.codeDigits)
            while open[ResumeCode.canonical(code) ?? code] != nil { code = ResumeCode.make(digits: Self.codeDigits) }
            return code
        }
    }

    func add(_ box: RoomBox) {
        let key = ResumeCode.canonical(box.code) ?? box.code
        rooms.withLockedValue { $0[key] = box }
    }

    /// The room a typed code names (any case, with or without the dash), if it is open.
    func find(_ typed: String) -> RoomBox? {
        guard let key = ResumeCode.canonical(typed), key.count == Self.codeDigits else { return nil }
        return rooms.withLockedValue { $0[key] }.flatMap { $0.isClosed ? nil : $0 }
    }

    func remove(_ box: RoomBox) {
        let key = ResumeCode.canonical(box.code) ?? box.code
        rooms.withLockedValue { open in
            if open[key] === box { open[key] = nil }
        }
    }

    /// The open rooms, oldest code first.
    func all() -> [RoomBox] {
        rooms.withLockedValue { Array($0.values) }.filter { !$0.isClosed }.sorted { $0.code < $1.code }
    }
}
