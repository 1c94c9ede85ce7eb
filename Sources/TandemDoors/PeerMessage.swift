import DialogueEngine
import TandemProtocol

/// How one connection reaches another (a host's `/say`, `/watch`, `/sessions`; a group room's
/// events; shutdown). A door implements it on its own transport: what arrives runs on the receiving
/// connection's own executor (its event loop), never on the sender's.
public protocol PeerLink: Sendable {
    /// Sends without waiting.
    func send(_ message: PeerMessage)
    /// What `/sessions` shows about this connection; nil when it has gone.
    func snapshot() async -> ConnectionSnapshot?
    /// A host would like to watch; says whether this person shares.
    func watch(by host: String) async -> WatchReply
    /// Someone is opening this connection's plan elsewhere: returns once it has let go (after any
    /// write on its way is durable).
    func release(plan: String) async
}

/// What one connection can tell another.
public enum PeerMessage: Sendable {
    /// A host's words for this person.
    case fromHost(String)
    /// A host stops watching.
    case unwatch(hostID: String)
    /// Something a host should hear about a person they watch.
    case watched(WatchEvent)
    /// What happened in this person's group room.
    case roomEvents([Event])
    /// The server is stopping: say goodbye and close.
    case shutdown
    /// The server is full and this connection, at the menu, was closed to let someone else in.
    case evicted
    /// To a host: this person would like them to come and talk (never why).
    case wantsToTalk(id: String, name: String?)
}

public enum WatchReply: Sendable, Equatable {
    case watching(name: String?)
    case notShared
    /// They are in a group room: the group sees what they type there already, and their own
    /// answers show to all once everyone has answered, so there is nothing to watch (and `/share`
    /// changes nothing there).
    case inRoom(name: String?)
}
