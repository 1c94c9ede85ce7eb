import Logging
import NIOCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Stops accepting for a moment when the process is out of file descriptors (EMFILE, ENFILE) or
/// memory (ENOBUFS, ENOMEM), so the server neither spins nor falls over; connections already open
/// carry on, and new ones wait in the kernel's backlog until accepting starts again.
///
/// NIO's own `AcceptBackoffHandler` does not help here: once a retry fails on its very first accept
/// the channel keeps its read pending, never asks to read again, and spins on the listening socket
/// (measured: about 29,000 failed accepts a second). Turning `autoRead` off takes the socket out of
/// the event loop's interest set for the pause.
final class AcceptBackoff: ChannelInboundHandler {
    typealias InboundIn = any Channel
    typealias InboundOut = any Channel

    let delay: TimeAmount
    let logger: Logger
    private(set) var paused = false
    private(set) var pauses = 0

    init(delay: TimeAmount = .seconds(1), logger: Logger) {
        self.delay = delay
        self.logger = logger
    }

    static func isOutOfResources(_ error: any Error) -> Bool {
        guard let error = error as? IOError else { return false }
        return [EMFILE, ENFILE, ENOBUFS, ENOMEM].contains(error.errnoCode)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard Self.isOutOfResources(error) else { return context.fireErrorCaught(error) }
        guard !paused else { return }
        paused = true
        pauses += 1
        logger.warning("cannot accept connections for now (out of file descriptors or memory); trying again in a moment", metadata: ["errno": "\((error as? IOError)?.errnoCode ?? 0)"])
        context.channel.setOption(.autoRead, value: false).whenComplete { _ in }
        context.eventLoop.assumeIsolated().scheduleTask(in: delay) { [self] in
            paused = false
            context.channel.setOption(.autoRead, value: true).whenComplete { _ in }
        }
    }
}
