import NIOCore
import NIOPosix
#if canImport(Glibc)
import Glibc
#endif

/// The floor under Tandem's server: a SwiftNIO line server that does nothing but answer each line
/// with `+PONG`, built the way `tandem serve` is (one handler per connection, one event loop per
/// core unless told). `scripts/bench-server` runs `redis-benchmark -t ping_inline` and the idle
/// test against it in the same run as against Tandem and Redis, so what SwiftNIO itself costs (a
/// turn's bytes in and out, an idle channel's memory) is measured, not guessed.
enum NIOLineServer {
    /// Answers every line (ended by LF) with `+PONG\r\n`, one write per read.
    final class Pong: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let buffer = unwrapInboundIn(data)
            var lines = 0
            for byte in buffer.readableBytesView where byte == UInt8(ascii: "\n") { lines += 1 }
            guard lines > 0 else { return }
            var out = context.channel.allocator.buffer(capacity: 7 * lines)
            for _ in 0..<lines { out.writeStaticString("+PONG\r\n") }
            context.writeAndFlush(wrapOutboundOut(out), promise: nil)
        }
    }

    /// Serves until killed; prints `listening on 127.0.0.1:PORT` once ready.
    static func run(port: Int, threads: Int) throws -> Never {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: max(1, threads))
        let channel = try ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 512)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            // The receive buffers `tandem serve` uses (LineServer.receiveBuffers): SwiftNIO keeps a
            // connection's last one, so the default (2 KiB) would make this floor higher than Tandem.
            .childChannelOption(.recvAllocator, value: AdaptiveRecvByteBufferAllocator(minimum: 64, initial: 256, maximum: 65536))
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(Pong()) }
            }
            .bind(host: "127.0.0.1", port: port).wait()
        print("listening on 127.0.0.1:\(channel.localAddress?.port ?? port)")
        fflush(nil)
        try channel.closeFuture.wait()
        fatalError("the listening channel closed")
    }
}
