import DialogueEngine
import Foundation
import Logging
import NIOCore
import NIOSSL
import TandemStore

/// What a ``LineServer`` serves and how.
///
///     var config = ServerConfiguration(library: library, hostToken: HostToken.make())
///     config.store = try PlanStore(path: PlanStore.defaultPath())   // any `PlanStorage`
///     let server = LineServer(configuration: config)
///     let address = try await server.start()
public struct ServerConfiguration: Sendable {
    /// Where to listen. `127.0.0.1` unless the facilitator opens it wider on purpose.
    public var host = "127.0.0.1"
    /// 0 picks a free port (tests); `tandem serve` uses 7300.
    public var port = 7_300
    /// The dialogues offered.
    public var library: DialogueLibrary
    /// Where plans are kept. nil: plans are not saved (tests, and transcripts that must match the
    /// terminal's unsaved wording).
    public var store: (any PlanStorage)?
    /// The facilitator's secret (see ``HostToken``).
    public var hostToken: String
    public var limits = ServerLimits()
    /// Event loop threads: one per processor core (as `tandem serve` runs), so connections are
    /// spread over several loops and everything one connection asks of another crosses loops.
    public var threads = System.coreCount
    /// Today's date for new and resumed plans ("in 2 weeks" is counted from it).
    public var today: @Sendable () -> SimpleDate = { SimpleDate(Date()) }
    /// The server's clock; tests may replace it.
    public var now: @Sendable () -> NIODeadline = { .now() }
    public var logger = Logger(label: "tandem.serve")
    /// TLS for every connection (`--tls-cert`, `--tls-key`); nil serves plain TCP.
    public var tls: NIOSSLContext?
    /// The version sent in JSON mode's `hello`.
    public var version = "0.1.0"

    public init(library: DialogueLibrary, store: (any PlanStorage)? = nil, hostToken: String) {
        self.library = library
        self.store = store
        self.hostToken = hostToken
    }
}
