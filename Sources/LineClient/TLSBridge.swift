import Dispatch
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSL
#if canImport(Glibc)
import Glibc
#endif

/// TLS for `tandem connect --tls`: swift-nio-ssl speaks TLS with the server on one event loop
/// thread, and hands the plain lines to the client's own poll loop over a socket pair, so the
/// client reads and writes the same way with TLS or without it.
///
/// The server's certificate is checked against the system's trusted roots, or only against the
/// certificate given with `--tls-ca` (a server with its own, self-made certificate), and must name
/// the host typed (or its IP address). TLS 1.2 or later.
final class TLSBridge: Sendable {
    let address: ServerAddress
    let group: MultiThreadedEventLoopGroup
    /// The client's end of the socket pair.
    let fd: Int32
    private let problem = NIOLockedValueBox<ConnectFailure?>(nil)
    /// The connection to the server, once it is open.
    private let remote = NIOLockedValueBox<(any Channel)?>(nil)

    private init(address: ServerAddress, group: MultiThreadedEventLoopGroup, fd: Int32) {
        self.address = address
        self.group = group
        self.fd = fd
    }

    /// What went wrong with TLS, if something did (the client sees only the socket pair close).
    ///
    /// The client may see its end of the socket pair close a moment before the bridge's thread
    /// has finished closing the server's side, which is where the reason is noted. So this waits
    /// (a short while at most) for the server's side to be closed before it answers.
    var failure: ConnectFailure? {
        if let channel = remote.withLockedValue({ $0 }) {
            let closed = DispatchSemaphore(value: 0)
            channel.closeFuture.whenComplete { _ in closed.signal() }
            _ = closed.wait(timeout: .now() + .seconds(2))
        }
        return problem.withLockedValue { $0 }
    }

    /// Connects with TLS; returns once the TCP connection is open (the handshake follows, and lines
    /// written meanwhile wait for it).
    static func connect(to address: ServerAddress, trusting caFile: String?, timeout: Int64 = 10) throws(ConnectFailure) -> TLSBridge {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.minimumTLSVersion = .tlsv12
        if let caFile {
            guard let certificates = try? NIOSSLCertificate.fromPEMFile(caFile), !certificates.isEmpty else {
                throw .badCertificateFile(caFile)
            }
            configuration.trustRoots = .certificates(certificates)
        }
        let context: NIOSSLContext
        do {
            context = try NIOSSLContext(configuration: configuration)
        } catch {
            throw .tls(address, "\(error)")
        }
        var pair: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &pair) == 0 else {
            throw .system(address, String(cString: strerror(errno)))
        }
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let bridge = TLSBridge(address: address, group: group, fd: pair[0])
        let link = Link()
        // A name is sent (SNI) and checked; an IP address is checked against the certificate's addresses.
        let hostname = Self.isIPAddress(address.host) ? nil : address.host
        do {
            let local = try ClientBootstrap(group: group)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(Relay(link: link, side: .local, bridge: bridge))
                    }
                }
                .withConnectedSocket(pair[1]).wait()
            // Linked before the server can say or do anything, so nothing it does is missed.
            try local.eventLoop.submit { link.local = local }.wait()
            let channel = try ClientBootstrap(group: group)
                .connectTimeout(.seconds(timeout))
                .channelOption(.socketOption(.tcp_nodelay), value: 1)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        link.remote = channel
                        try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: context, serverHostname: hostname))
                        try channel.pipeline.syncOperations.addHandler(Relay(link: link, side: .remote, bridge: bridge))
                    }
                }
                .connect(host: address.host, port: address.port).wait()
            bridge.remote.withLockedValue { $0 = channel }
        } catch {
            close(pair[0])
            try? group.syncShutdownGracefully()
            throw Self.failure(error, address)
        }
        return bridge
    }

    /// Stops the TLS thread (after the client has finished).
    func shutdown() {
        try? group.syncShutdownGracefully()
    }

    /// Notes what went wrong (the first thing only). Before the handshake has finished, a connection
    /// that ends or is reset means the server does not speak TLS.
    func record(_ error: any Error, handshakeDone: Bool) {
        var failure = Self.failure(error, address)
        if !handshakeDone, failure == .lost(address) { failure = .tlsNotOffered(address) }
        record(failure)
    }

    func record(_ failure: ConnectFailure) {
        problem.withLockedValue { p in
            if p == nil { p = failure }
        }
    }

    static func failure(_ error: any Error, _ address: ServerAddress) -> ConnectFailure {
        if let failure = error as? ConnectFailure { return failure }
        if let io = error as? IOError { return LineSocket.failure(io.errnoCode, address) }
        if error is ChannelError, case .connectTimeout = error as? ChannelError { return .timedOut(address) }
        if let connection = error as? NIOConnectionError {
            if connection.dnsAAAAError != nil && connection.dnsAError != nil && connection.connectionErrors.isEmpty { return .unknownHost(address) }
            if let first = connection.connectionErrors.first?.error { return failure(first, address) }
            return .unknownHost(address)
        }
        if let ssl = error as? NIOSSLError {
            switch ssl {
            case .handshakeFailed(let inner):
                let text = "\(inner)"
                if text.contains("CERTIFICATE_VERIFY_FAILED") || text.contains("certificate") { return .certificateNotTrusted(address) }
                if text.contains("WRONG_VERSION_NUMBER") || text.contains("PACKET_LENGTH") { return .tlsNotOffered(address) }
                return .tls(address, text)
            case .uncleanShutdown:
                return .tlsNotOffered(address)
            default:
                return .tls(address, "\(ssl)")
            }
        }
        if error is NIOSSLExtraError { return .certificateNotTrusted(address) }
        return .tls(address, "\(error)")
    }

    static func isIPAddress(_ host: String) -> Bool {
        (try? SocketAddress(ipAddress: host, port: 0)) != nil
    }
}

/// The two channels, each set as soon as it exists; read and written only on the bridge's event loop.
/// `@unchecked Sendable` because NIO's channel initialisers need a Sendable capture, but every access
/// happens on that one event loop, so no two threads ever touch it at once.
private final class Link: @unchecked Sendable {
    var local: (any Channel)?
    var remote: (any Channel)?
}

/// Copies bytes from one side to the other; when either side closes, so does the other.
private final class Relay: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    enum Side { case local, remote }

    let link: Link
    let side: Side
    let bridge: TLSBridge
    /// Bytes that came before the other side was linked (the server's first words).
    var waiting: [ByteBuffer] = []
    var handshakeDone = false

    init(link: Link, side: Side, bridge: TLSBridge) {
        self.link = link
        self.side = side
        self.bridge = bridge
    }

    var other: (any Channel)? { side == .local ? link.remote : link.local }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let bytes = unwrapInboundIn(data)
        // Plain bytes from the server: the handshake is done (the server speaks first, with its greeting).
        if side == .remote { handshakeDone = true }
        guard let other else {
            waiting.append(bytes)
            return
        }
        for early in waiting { other.write(early, promise: nil) }
        waiting = []
        other.write(bytes, promise: nil)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        other?.flush()
    }

    func channelInactive(context: ChannelHandlerContext) {
        if side == .remote && !handshakeDone { bridge.record(.tlsNotOffered(bridge.address)) }
        if let other {
            for early in waiting { other.write(early, promise: nil) }
            waiting = []
            other.flush()
            other.close(promise: nil)
        }
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if side == .remote { bridge.record(error, handshakeDone: handshakeDone) }
        context.close(promise: nil)
    }
}
