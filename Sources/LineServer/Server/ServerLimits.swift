import DialogueEngine
import NIOCore
import TandemDoors

/// Every limit the server enforces, with the numbers `docs/protocol.md` promises.
/// Tests shorten the times; `tandem serve` changes a few with options.
public struct ServerLimits: Sendable {
    /// Longest line in text mode, in bytes (line end not counted). Over it: one error line, then close.
    public var maxTextLine = 2_048
    /// Longest line in JSON mode.
    public var maxJSONLine = 8_192

    /// Time from a line's first byte to its line end, once a plan has started (slowloris).
    public var lineDeadline: TimeAmount = .seconds(120)
    /// The same before a plan has started: the menu needs only short lines.
    public var lobbyLineDeadline: TimeAmount = .seconds(30)

    /// Quiet time in a plan before a warning, and the time after the warning before closing.
    public var idleWarning: TimeAmount = .minutes(25)
    public var idleGrace: TimeAmount = .minutes(5)
    /// The same at the menu, before a plan has started.
    public var lobbyIdleWarning: TimeAmount = .minutes(4)
    public var lobbyIdleGrace: TimeAmount = .minutes(1)

    /// Lines a second a connection may send on average, and how many may come at once.
    /// 0 turns the limit off (for benchmarks).
    public var linesPerSecond: Double = 20
    public var lineBurst: Double = 40
    /// Lines waiting to be handled; a client that gets this far ahead is closed (429).
    public var maxQueuedLines = 256
    /// Lines one connection has handled in a row before the event loop serves others.
    public var linesPerPass = 16

    /// Connections open at once, in all and from one address.
    public var maxConnections = 1_024
    public var maxConnectionsPerAddress = 64

    /// Wrong resume codes, join codes or host tokens from one address within `failureWindow` before
    /// its tries are slowed for `lockout`: each then waits `lockedDelay` before it is checked (a right
    /// one still works). `maxGlobalFailures` from everywhere slows everyone the same way.
    public var maxFailures = 10
    public var maxGlobalFailures = 100
    public var failureWindow: TimeAmount = .minutes(15)
    public var lockout: TimeAmount = .minutes(15)
    public var lockedDelay: TimeAmount = .seconds(5)

    /// Networks the host knows to be many people behind one address (a care service's NAT, a tunnel):
    /// connections from them are not held to `maxConnectionsPerAddress`, and their wrong codes count
    /// per connection, not per address (`tandem serve --trusted-network CIDR`).
    public var trustedNetworks: [NetworkRange] = []

    /// Output waiting for a client that does not read: above `outputHighWater` the server stops
    /// reading from it; if it stays that way for `stalledOutputGrace`, or the waiting output passes
    /// `maxPendingOutput`, the client is dropped.
    public var outputLowWater = 32 * 1_024
    public var outputHighWater = 64 * 1_024
    public var maxPendingOutput = 1_024 * 1_024
    public var stalledOutputGrace: TimeAmount = .seconds(30)

    /// A network that goes away without a word (a laptop shut, Wi-Fi lost) sends no FIN and no
    /// reset. Within this time the kernel finds such a connection dead (TCP keepalive for a quiet
    /// one, `TCP_USER_TIMEOUT` for one with data unacknowledged) and it is closed as a drop: a
    /// group's host can then take the room back. Checks start after a third of it.
    public var deadPeerTime: TimeAmount = .minutes(2)

    /// How long a group room waits for its host when the host's connection drops, before it closes
    /// (everyone then gets the group plan's code).
    public var roomHostGrace: TimeAmount = .minutes(10)

    /// With TLS: the time a client has to finish its handshake (a plain-text client on the TLS port
    /// sends none, and is closed after this).
    public var tlsHandshakeDeadline: TimeAmount = .seconds(10)

    /// How often timers are checked (one sweep per event loop covers every connection).
    public var sweepInterval: TimeAmount = .milliseconds(500)
    /// After SIGTERM: how long people's connections get to receive the goodbye.
    public var shutdownGrace: TimeAmount = .seconds(5)

    /// Wrap width for people whose client does not say (telnet NAWS), and the range accepted.
    public var defaultWidth = 80
    public var widthRange: ClosedRange<Int> = TextRenderer.narrowest...200

    public init() {}

    /// The limits the door logic keeps.
    var doorLimits: DoorLimits {
        var d = DoorLimits()
        let duration = { (t: TimeAmount) in Duration.nanoseconds(t.nanoseconds) }
        d.maxConnections = maxConnections
        d.maxConnectionsPerAddress = maxConnectionsPerAddress
        d.maxFailures = maxFailures
        d.maxGlobalFailures = maxGlobalFailures
        d.failureWindow = duration(failureWindow)
        d.lockout = duration(lockout)
        d.lockedDelay = duration(lockedDelay)
        d.roomHostGrace = duration(roomHostGrace)
        return d
    }
}
