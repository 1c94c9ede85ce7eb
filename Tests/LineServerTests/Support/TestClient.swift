import DialogueEngine
import LineServer
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSL

/// A raw TCP client for loopback tests: it keeps every byte it receives, and waits for what a test
/// expects with a generous time limit (a limit only turns a hang into a failure; no test asserts
/// that anything is fast).
final class TestClient: Sendable {
    struct Inbox {
        var bytes: [UInt8] = []
        var read = 0
        var closed = false
        var unread: ArraySlice<UInt8> { bytes[read...] }
    }

    struct Timeout: Error, CustomStringConvertible {
        var what: String
        var got: String
        /// The last lines this client sent, and how many bytes it had received in all: which step of a
        /// test waited out the limit (a flaky wait under load says nothing else).
        var sent: [String] = []
        var received = 0
        var description: String {
            "timed out waiting for \(what); unread: \(got.debugDescription); last sent: \(sent.map(\.debugDescription).joined(separator: ", ")); \(received) bytes received in all"
        }
    }

    let channel: any Channel
    let inbox: NIOLockedValueBox<Inbox>
    /// The last few things sent, for a timeout's message.
    private let sent = NIOLockedValueBox<[String]>([])

    private init(channel: any Channel, inbox: NIOLockedValueBox<Inbox>) {
        self.channel = channel
        self.inbox = inbox
    }

    /// Connects. `reading: false` makes a client that never reads (its receive buffer fills up).
    /// `from` binds the client to a local address (any of 127.0.0.0/8 works on loopback), so a test
    /// can be several addresses at once.
    static func connect(_ address: SocketAddress, reading: Bool = true, receiveBuffer: Int? = nil, tls: NIOSSLContext? = nil, from local: String? = nil) async throws -> TestClient {
        let inbox = NIOLockedValueBox(Inbox())
        var bootstrap = ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelOption(.autoRead, value: reading)
            .channelOption(.allowRemoteHalfClosure, value: true)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let tls { try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: tls, serverHostname: "localhost")) }
                    try channel.pipeline.syncOperations.addHandler(Collector(inbox: inbox))
                }
            }
        if let receiveBuffer { bootstrap = bootstrap.channelOption(.socketOption(.so_rcvbuf), value: SocketOptionValue(receiveBuffer)) }
        if let local { bootstrap = bootstrap.bind(to: try SocketAddress(ipAddress: local, port: 0)) }
        let channel = try await bootstrap.connect(to: address).get()
        return TestClient(channel: channel, inbox: inbox)
    }

    func send(_ text: String) async throws {
        remember(String(text.prefix(80)))
        try await channel.writeAndFlush(ByteBuffer(string: text))
    }

    func send(bytes: [UInt8]) async throws {
        remember("\(bytes.count) bytes")
        try await channel.writeAndFlush(ByteBuffer(bytes: bytes))
    }

    private func remember(_ what: String) {
        sent.withLockedValue { $0 = Array(($0 + [what]).suffix(3)) }
    }

    /// A line as `nc -C` sends it.
    func line(_ text: String) async throws {
        try await send(text + "\r\n")
    }

    /// Stops sending (as `nc -N` does at the end of its input); the server may still write.
    func finishSending() async throws {
        try await channel.close(mode: .output)
    }

    func close() async {
        try? await channel.close()
    }

    /// The connection is lost without an end of input: a reset (RST), as when a network goes away
    /// and the other side's kernel gives up on it. An ordinary `close()` sends FIN, which the server
    /// cannot tell from a client that has only finished sending (`finishSending`).
    func drop() async {
        if let options = channel as? any SocketOptionProvider {
            try? await options.setSoLinger(linger(l_onoff: 1, l_linger: 0)).get()
        }
        try? await channel.close()
    }

    var isClosed: Bool { inbox.withLockedValue { $0.closed } }

    /// Everything received so far, as text.
    var everything: String { inbox.withLockedValue { String(decoding: $0.bytes, as: UTF8.self) } }

    /// Waits until `ready` finds what it needs in the unread bytes; it returns how many bytes it used
    /// and what it made of them.
    ///
    /// The wait is long (150 s): a test that passes never waits it out, and under a full machine (the
    /// whole suite in parallel, a fuzzer beside it) a group-room test once needed more than 15 s for
    /// one reply, and in CI on 7 December one waited out 60 s for the reply to /room new (the same
    /// test took 3 s alone, ten times over).
    func wait<T>(_ what: String, timeout: Duration = .seconds(150), _ ready: (ArraySlice<UInt8>, Bool) -> (Int, T)?) async throws -> T {
        let deadline = ContinuousClock.now + timeout
        while true {
            let result = inbox.withLockedValue { box -> T? in
                guard let (used, value) = ready(box.unread, box.closed) else { return nil }
                box.read += used
                return value
            }
            if let result { return result }
            if ContinuousClock.now > deadline {
                let (got, received) = inbox.withLockedValue { (String(decoding: $0.unread, as: UTF8.self), $0.bytes.count) }
                throw Timeout(what: what, got: got, sent: sent.withLockedValue { $0 }, received: received)
            }
            try await Task.sleep(for: .milliseconds(2))
        }
    }

    /// The lines up to the next prompt (`> `), without it; or up to the close. CRLF is required.
    func response() async throws -> [String] {
        try await wait("a response and a prompt") { unread, closed in
            let bytes = Array(unread)
            let prompt = bytes.count >= 2 && bytes.suffix(2) == [0x3E, 0x20] && (bytes.count == 2 || bytes.suffix(4).prefix(2) == [0x0D, 0x0A])
            guard prompt || closed else { return nil }
            let body = prompt ? Array(bytes.dropLast(2)) : bytes
            return (bytes.count, Self.lines(body))
        }
    }

    /// The next whole line (JSON mode), without its CRLF.
    func nextLine() async throws -> String {
        try await wait("a line") { unread, _ in
            let bytes = Array(unread)
            guard let i = (0..<max(0, bytes.count - 1)).first(where: { bytes[$0] == 0x0D && bytes[$0 + 1] == 0x0A }) else { return nil }
            return (i + 2, String(decoding: bytes[..<i], as: UTF8.self))
        }
    }

    /// The next JSON object (skipping the empty line that ends text mode's prompt).
    func nextJSON() async throws -> JSONValue {
        var line = try await nextLine()
        while line.isEmpty { line = try await nextLine() }
        return try JSONValue.parse(line)
    }

    /// JSON objects until one of type `t` (inclusive).
    func json(until t: String) async throws -> [JSONValue] {
        var out: [JSONValue] = []
        while true {
            let v = try await nextJSON()
            out.append(v)
            if v["t"]?.string == t { return out }
        }
    }

    /// Waits for the server to close; returns the unread text.
    func untilClosed() async throws -> String {
        try await wait("the server to close") { unread, closed in
            closed ? (unread.count, String(decoding: unread, as: UTF8.self)) : nil
        }
    }

    /// CRLF lines; a line end that is only LF is kept visible so tests notice it.
    static func lines(_ bytes: [UInt8]) -> [String] {
        var text = String(decoding: bytes, as: UTF8.self)
        if text.hasSuffix("\r\n") { text.removeLast() }
        guard !text.isEmpty else { return [] }
        return text.components(separatedBy: "\r\n")
    }
}

/// Keeps received bytes and notes the close.
private final class Collector: ChannelInboundHandler, Sendable {
    typealias InboundIn = ByteBuffer
    let inbox: NIOLockedValueBox<TestClient.Inbox>

    init(inbox: NIOLockedValueBox<TestClient.Inbox>) { self.inbox = inbox }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = unwrapInboundIn(data)
        inbox.withLockedValue { $0.bytes += buffer.readableBytesView }
    }

    func channelInactive(context: ChannelHandlerContext) {
        inbox.withLockedValue { $0.closed = true }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let e = event as? ChannelEvent, e == .inputClosed { inbox.withLockedValue { $0.closed = true } }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        inbox.withLockedValue { $0.closed = true }
        context.close(promise: nil)
    }
}

/// Starts a server for one test and always stops it.
func withServer(_ config: ServerConfiguration = Fixtures.configuration(), _ body: (LineServer, SocketAddress) async throws -> Void) async throws {
    let server = LineServer(configuration: config)
    let address = try await server.start()
    do {
        try await body(server, address)
    } catch {
        await server.shutdown()
        throw error
    }
    await server.shutdown()
}
