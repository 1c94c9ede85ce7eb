import DialogueEngine
import TandemStore
/// Which connection or group room has each saved plan open: one plan, one writer.
///
/// Two writers on one plan would each fold only their own changes, and the store would keep
/// whichever list or draft was written last: an answer acknowledged to one of them would be lost.
/// So a plan is claimed before it is opened. When a person opens (`/resume`) a plan that another
/// connection holds, that connection lets it go first (it finishes a write on its way, and tells its
/// person where the plan went); a plan a group room holds is not opened elsewhere.
///
/// Other programs on the server's computer are kept off the same plans too: a plan claimed here is
/// held in the store (`PlanStorage.hold(plan:)`) until it is let go, so `tandem resume` in a
/// terminal window cannot write over a plan a connection has open, nor the other way round (the
/// claim is then `elsewhere`). Safe from any thread.
public final class OpenPlans: Sendable {
    enum Holder: Sendable {
        /// A connection, on its own; `ready` once the plan is open there (not while it is opening).
        case connection(id: String, link: any PeerLink, ready: Bool)
        case room(RoomKeeper)
    }

    /// What a claim found.
    enum Claim {
        /// The plan is now this claimant's.
        case claimed
        /// Another connection has it open: ask it to let go, then claim again.
        case heldBy(any PeerLink)
        /// Another connection is opening it at this moment.
        case opening
        /// A group room has it open.
        case inRoom(RoomKeeper)
        /// Another program on this computer has it open (a terminal window).
        case elsewhere
    }

    private struct Held {
        var holders: [String: Holder] = [:]
        /// The store's holds on the claimed plans: dropped as each plan is let go.
        var holds: [String: PlanHold] = [:]
    }

    private let held = Locked(Held())
    private let store: (any PlanStorage)?

    /// `store`, when there is one, keeps other programs off the claimed plans.
    public init(store: (any PlanStorage)? = nil) {
        self.store = store
    }

    /// Claims `plan` for `holder` when nobody here holds it: taking the store's hold first, so a
    /// plan another program has open is never claimed.
    private func claimFree(_ plan: String, as holder: Holder, in held: inout Held) -> Claim {
        if let store {
            guard let hold = store.hold(plan: plan) else { return .elsewhere }
            held.holds[plan] = hold
        }
        held.holders[plan] = holder
        return .claimed
    }

    /// Lets go of `plan` here and in the store.
    private func free(_ plan: String, in held: inout Held) {
        held.holders[plan] = nil
        held.holds[plan] = nil
    }

    /// Claims `plan` for a connection, unless someone else holds it.
    func claim(_ plan: String, id: String, link: any PeerLink) -> Claim {
        held.withLock { held in
            switch held.holders[plan] {
            case nil:
                return claimFree(plan, as: .connection(id: id, link: link, ready: false), in: &held)
            case .connection(let other, let otherLink, let ready)?:
                if other == id { return .claimed }
                return ready ? .heldBy(otherLink) : .opening
            case .room(let box)?:
                return .inRoom(box)
            }
        }
    }

    /// The connection has the plan open now: another who wants it must ask it to let go.
    func opened(_ plan: String, id: String) {
        held.withLock { held in
            if case .connection(id, let link, _)? = held.holders[plan] { held.holders[plan] = .connection(id: id, link: link, ready: true) }
        }
    }

    /// Claims `plan` for a group room, unless a connection or another room holds it.
    func claim(_ plan: String, room: RoomKeeper) -> Claim {
        held.withLock { held in
            switch held.holders[plan] {
            case nil:
                return claimFree(plan, as: .room(room), in: &held)
            case .connection(_, let link, let ready)?:
                return ready ? .heldBy(link) : .opening
            case .room(let other)?:
                return other === room ? .claimed : .inRoom(other)
            }
        }
    }

    /// A connection's plan becomes a group room's (`/room resume`).
    func move(_ plan: String, from id: String, to room: RoomKeeper) {
        held.withLock { held in
            if case .connection(id, _, _)? = held.holders[plan] { held.holders[plan] = .room(room) }
        }
    }

    /// Lets go of a plan a connection held (it left the plan, or closed).
    func release(_ plan: String, id: String) {
        held.withLock { held in
            if case .connection(id, _, _)? = held.holders[plan] { free(plan, in: &held) }
        }
    }

    /// Lets go of a plan a room held (the room closed).
    func release(_ plan: String, room: RoomKeeper) {
        held.withLock { held in
            if case .room(let box)? = held.holders[plan], box === room { free(plan, in: &held) }
        }
    }
}
