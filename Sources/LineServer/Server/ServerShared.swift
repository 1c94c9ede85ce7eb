import DialogueEngine
import NIOCore
import TandemDoors

/// What every connection handler of one server reads: set once when the server starts.
final class ServerShared: Sendable {
    let configuration: ServerConfiguration
    /// The door logic's shared parts: the dialogues, the store, who is connected, open rooms and plans.
    let doors: DoorServices
    let sweepers: Sweepers
    /// The menu as rendered for greetings, shared by the connections' renderers.
    let menus = MenuCache()
    /// The questions of the dialogues as rendered, shared the same way.
    let questions = QuestionLines()
    /// The limits every connection's state machine applies, made once.
    let machineLimits: ConnectionStateMachine.Limits

    init(configuration: ServerConfiguration, sweepers: Sweepers = Sweepers()) {
        self.configuration = configuration
        self.sweepers = sweepers
        let l = configuration.limits
        machineLimits = ConnectionStateMachine.Limits(l)
        let seconds = { (t: TimeAmount) in JSONValue(Int(t.nanoseconds / 1_000_000_000)) }
        let now = configuration.now
        doors = DoorServices(
            library: configuration.library, store: configuration.store, hostToken: configuration.hostToken, limits: l.doorLimits,
            encrypted: configuration.tls != nil, version: configuration.version,
            helloLimits: [
                ("line", JSONValue(l.maxJSONLine)), ("textLine", JSONValue(l.maxTextLine)),
                ("linesPerSecond", .number(l.linesPerSecond)), ("burst", .number(l.lineBurst)),
                ("lineSeconds", seconds(l.lineDeadline)), ("idleSeconds", seconds(l.idleWarning + l.idleGrace)),
            ],
            today: configuration.today, now: { .nanoseconds(Int64(now().uptimeNanoseconds)) })
    }

    var limits: ServerLimits { configuration.limits }
}
