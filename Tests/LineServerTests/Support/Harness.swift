import DialogueEngine
import NIOCore
import NIOEmbedded

@testable import LineServer

/// One connection handler on an `EmbeddedChannel`, with a clock the test moves.
final class Harness {
    let clock = ManualClock()
    let channel: EmbeddedChannel
    let handler: ConnectionHandler
    let shared: ServerShared

    init(_ config: ServerConfiguration = Fixtures.configuration(), address: String = "192.0.2.7") throws {
        var config = config
        config.now = clock.function
        shared = ServerShared(configuration: config)
        handler = ConnectionHandler(shared: shared)
        channel = EmbeddedChannel(handler: handler)
        try channel.connect(to: SocketAddress(ipAddress: address, port: 40_000)).wait()
    }

    convenience init(_ change: (inout ServerLimits) -> Void) throws {
        try self.init(Fixtures.configuration(change))
    }

    func send(_ text: String) throws { try send(bytes: Array(text.utf8)) }

    func send(bytes: [UInt8]) throws {
        guard channel.isActive else { return }
        try channel.writeInbound(ByteBuffer(bytes: bytes))
    }

    /// Everything written since the last call, as bytes.
    func outputBytes() throws -> [UInt8] {
        var out: [UInt8] = []
        while let b = try channel.readOutbound(as: ByteBuffer.self) { out += b.readableBytesView }
        return out
    }

    /// Everything written since the last call, as text.
    func output() throws -> String { String(decoding: try outputBytes(), as: UTF8.self) }

    /// Moves time on and lets the sweeper look.
    func wait(_ amount: TimeAmount) {
        clock.advance(amount)
        (channel.eventLoop as! EmbeddedEventLoop).advanceTime(by: amount)
        handler.tick(now: clock.now)
    }

    var isOpen: Bool { channel.isActive }
}
