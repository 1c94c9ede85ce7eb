import DialogueEngine
import NIOPosix

/// What every connection handler of one server reads: set once when the server starts.
final class ServerShared: Sendable {
    let configuration: ServerConfiguration
    let hub: Hub
    let sweepers: Sweepers
    /// Runs turns that write to the store, so a slow disk never stalls the event loop. nil when
    /// there is no store: turns then run on the event loop at once.
    let journalPool: NIOThreadPool?
    let lobby: Lobby
    /// Open group rooms, by join code.
    let rooms = Rooms()
    /// Which connection or room has each saved plan open.
    let openPlans = OpenPlans()

    init(configuration: ServerConfiguration, sweepers: Sweepers = Sweepers(), journalPool: NIOThreadPool? = nil) {
        self.configuration = configuration
        self.hub = Hub(limits: configuration.limits)
        self.sweepers = sweepers
        self.journalPool = journalPool
        self.lobby = Lobby(library: configuration.library)
    }

    var limits: ServerLimits { configuration.limits }
}
