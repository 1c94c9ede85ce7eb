import DialogueEngine
import NIOCore

/// How one connection reaches another (a facilitator's `/say`, `/watch`, `/sessions`; shutdown):
/// messages run on the receiving connection's own event loop.
struct Mailbox: Sendable {
    let channel: any Channel
    let handler: NIOLoopBound<ConnectionHandler>

    var eventLoop: any EventLoop { channel.eventLoop }

    func send(_ message: ConnectionMessage) {
        let handler = handler
        channel.eventLoop.execute { handler.value.receive(message) }
    }
}

/// What one connection can ask of another.
enum ConnectionMessage: Sendable {
    /// A facilitator's words for this participant.
    case facilitatorSays(String)
    /// A facilitator would like to watch; answered on the promise.
    case watch(hostID: String, reply: EventLoopPromise<WatchReply>)
    case unwatch(hostID: String)
    /// Something a facilitator should hear about a participant they watch.
    case room(RoomEvent)
    /// What `/sessions` shows about this connection.
    case snapshot(EventLoopPromise<ConnectionSnapshot>)
    /// What happened in this person's group room.
    case roomEvents([Event])
    /// The server is stopping: say goodbye and close.
    case shutdown
    /// The server is full and this connection, at the menu, was closed to let someone else in.
    case evicted
    /// Someone is opening this connection's plan elsewhere: let it go (once any write on its way is
    /// durable), then complete the promise.
    case release(plan: String, reply: EventLoopPromise<Void>)
}

enum WatchReply: Sendable {
    case watching(name: String?)
    case notShared
}

/// A participant event for the facilitators watching them.
struct RoomEvent: Sendable {
    enum Kind: Sendable {
        /// An answer given or changed after sharing began; `answer` nil when it was skipped.
        /// `withheld` when part of it was given before sharing and is left out.
        case answered(step: String, question: String, answer: String?, withheld: Bool)
        case stoppedSharing
        case left
    }

    var id: String
    var name: String?
    var kind: Kind
}

/// One line of `/sessions`: never an answer.
struct ConnectionSnapshot: Sendable {
    var id: String
    var name: String?
    var isHost: Bool
    var dialogue: String?
    var progress: Progress?
    var finished: Bool
    var idleSeconds: Int
    var sharing: Bool
    var json: Bool
    /// What a JSON-mode client said it is; nil for a program that did not say.
    var client: String? = nil
}
