import DialogueEngine
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSL

/// The network door: a TCP line server that people (telnet, `nc`) and programs (JSON Lines)
/// use to work through the same plans, with the same words, as the terminal.
///
///     let server = LineServer(configuration: config)
///     let address = try await server.start()      // listening
///     ...
///     await server.shutdown()                      // everyone told, plans saved, closed
///
/// The protocol is in `docs/protocol.md`.
public final class LineServer: Sendable {
    public let configuration: ServerConfiguration

    private struct Running {
        var group: MultiThreadedEventLoopGroup
        var channel: any Channel
        var shared: ServerShared
        var sweeps: [RepeatedTask]
    }

    private enum State {
        case idle
        case running(Running)
        case stopped
    }

    private let state = NIOLockedValueBox(State.idle)
    private let closed = NIOLockedValueBox<[CheckedContinuation<Void, Never>]?>([])

    public init(configuration: ServerConfiguration) {
        self.configuration = configuration
    }

    /// Binds and starts serving; returns the address it listens on (the port, when 0 was asked).
    public func start() async throws -> SocketAddress {
        let config = configuration
        let group = MultiThreadedEventLoopGroup(numberOfThreads: max(1, config.threads))
        do {
            var loops: [any EventLoop] = []
            for loop in group.makeIterator() { loops.append(loop) }
            let sweepers = try await Sweepers.make(loops: loops)
            let shared = ServerShared(configuration: config, sweepers: sweepers)
            let channel = try await Self.bootstrap(group: group, shared: shared).bind(host: config.host, port: config.port).get()
            let sweeps = sweepers.start(every: config.limits.sweepInterval, now: config.now)
            state.withLockedValue { $0 = .running(Running(group: group, channel: channel, shared: shared, sweeps: sweeps)) }
            let address = channel.localAddress!
            config.logger.info("listening", metadata: ["address": "\(address)"])
            return address
        } catch {
            try? await group.shutdownGracefully()
            throw error
        }
    }

    /// Receive buffers of 256 bytes to start with, between 64 bytes and 64 KiB as reads need.
    static let receiveBuffers = AdaptiveRecvByteBufferAllocator(minimum: 64, initial: 256, maximum: 65536)

    static func bootstrap(group: MultiThreadedEventLoopGroup, shared: ServerShared) -> ServerBootstrap {
        let limits = shared.limits
        let logger = shared.configuration.logger
        return ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 512)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .serverChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(AcceptBackoff(logger: logger))
                }
            }
            .findingDeadPeers(within: limits.deadPeerTime)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelOption(.allowRemoteHalfClosure, value: true)
            .childChannelOption(.writeBufferWaterMark, value: .init(low: limits.outputLowWater, high: limits.outputHighWater))
            // SwiftNIO keeps a connection's last receive buffer for its next read: 2 KiB each by
            // default, kept by everyone who has typed a line. People type short lines; the buffer
            // grows for a long one (a JSON message, a paste), and SwiftNIO then keeps the larger
            // one while it is big enough for the next read.
            .childChannelOption(.recvAllocator, value: Self.receiveBuffers)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let tls = shared.configuration.tls {
                        try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tls))
                    }
                    try channel.pipeline.syncOperations.addHandler(ConnectionHandler(shared: shared))
                }
            }
    }

    /// Connections open now.
    public var connectionCount: Int {
        state.withLockedValue { s in
            if case .running(let r) = s { return r.shared.doors.hub.count }
            return 0
        }
    }

    /// Stops: refuses new connections, tells everyone (their plans are saved, with the code to carry
    /// on), lets that reach them for up to the grace period, then closes whatever is left.
    public func shutdown() async {
        let running: Running? = state.withLockedValue { s in
            guard case .running(let r) = s else { return nil }
            s = .stopped
            return r
        }
        guard let running else { return await waitUntilStopped() }
        let logger = configuration.logger
        logger.info("shutting down")
        let hub = running.shared.doors.hub
        let open = hub.beginShutdown()
        try? await running.channel.close()
        for link in open { link.send(.shutdown) }
        let grace = configuration.limits.shutdownGrace
        let forceClose = Task {
            try? await Task.sleep(nanoseconds: UInt64(max(0, grace.nanoseconds)))
            let left = hub.all()
            if !left.isEmpty { logger.notice("closing \(left.count) connections that had not closed") }
            for entry in left { (entry.link as? Mailbox)?.channel.close(promise: nil) }
        }
        await hub.whenEmpty()
        forceClose.cancel()
        for task in running.sweeps { task.cancel() }
        try? await running.group.shutdownGracefully()
        logger.info("stopped")
        let waiters = closed.withLockedValue { w -> [CheckedContinuation<Void, Never>] in
            defer { w = nil }
            return w ?? []
        }
        waiters.forEach { $0.resume() }
    }

    /// Returns once the server has stopped.
    public func waitUntilStopped() async {
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            let done = closed.withLockedValue { w -> Bool in
                guard w != nil else { return true }
                w!.append(c)
                return false
            }
            if done { c.resume() }
        }
    }
}
