import DialogueEngine
import TandemProtocol
import TandemStore

/// The limits the door logic keeps (the transport's own, such as line lengths, are its own).
public struct DoorLimits: Sendable {
    /// Connections open at once, in all and from one address.
    public var maxConnections = 1_024
    public var maxConnectionsPerAddress = 64
    /// Wrong codes or tokens from one place, or from everywhere, within `failureWindow` before tries
    /// are slowed for `lockout`, each waiting `lockedDelay` (see `FailureLedger`).
    public var maxFailures = 10
    public var maxGlobalFailures = 100
    public var failureWindow: Duration = .seconds(15 * 60)
    public var lockout: Duration = .seconds(15 * 60)
    public var lockedDelay: Duration = .seconds(5)
    /// How long a group room waits for its host when the host's connection drops.
    public var roomHostGrace: Duration = .seconds(10 * 60)

    public init() {}
}

/// What every connection's door logic shares: set once when a server starts.
public final class DoorServices: Sendable {
    public let library: DialogueLibrary
    public let store: (any PlanStorage)?
    /// The host's secret (see `HostToken`).
    public let hostToken: String
    public let limits: DoorLimits
    /// Whether connections are encrypted (TLS): for the words about where answers go.
    public let encrypted: Bool
    /// The server's name and version, and the limits it keeps, for JSON mode's `hello`.
    public let version: String
    public let helloLimits: [(key: String, value: JSONValue)]
    /// Today's date for new and resumed plans.
    public let today: @Sendable () -> SimpleDate
    /// A monotonic clock (since any origin), for lockouts.
    public let now: @Sendable () -> Duration

    public let hub: Hub
    public let openPlans: OpenPlans
    public let rooms = Rooms()
    public let lobby: Lobby

    public init(
        library: DialogueLibrary, store: (any PlanStorage)?, hostToken: String, limits: DoorLimits = DoorLimits(),
        encrypted: Bool = false, version: String = "0.1.0", helloLimits: [(key: String, value: JSONValue)] = [],
        today: @escaping @Sendable () -> SimpleDate, now: @escaping @Sendable () -> Duration
    ) {
        self.library = library
        self.store = store
        self.hostToken = hostToken
        self.limits = limits
        self.encrypted = encrypted
        self.version = version
        self.helloLimits = helloLimits
        self.today = today
        self.now = now
        hub = Hub(limits: limits)
        openPlans = OpenPlans(store: store)
        lobby = Lobby(library: library)
    }

    /// Where answers go, for a plan on its own or in a group room.
    var privacy: Privacy { .server(saved: store != nil, encrypted: encrypted) }
    var roomPrivacy: Privacy { .room(saved: store != nil, encrypted: encrypted) }
}
