import NIOCore
import TandemDoors
import TandemProtocol

/// How other connections, and group rooms, reach this one: everything runs on this connection's own
/// event loop, never on the sender's, and answers come back to the asker through `async`.
///
/// A connection that has closed is not written to: a room's timer or another connection may still
/// hold its link, and once every connection has closed the server shuts its event loops down, where
/// nothing may be scheduled any more (SwiftNIO reports it, and will stop the process for it). The
/// loops stop only after every connection has closed, so a link whose channel is still active has
/// a running loop.
struct Mailbox: PeerLink {
    let channel: any Channel
    let handler: NIOLoopBound<ConnectionHandler>

    func send(_ message: PeerMessage) {
        guard channel.isActive else { return }
        let handler = handler
        channel.eventLoop.execute { handler.value.logic?.receive(message) }
    }

    func snapshot() async -> ConnectionSnapshot? {
        guard channel.isActive else { return nil }
        let handler = handler
        return try? await channel.eventLoop.submit { () -> ConnectionSnapshot? in
            let h = handler.value
            let idle = Int((h.now - h.machine.lastLine).nanoseconds / 1_000_000_000)
            // While a turn's write is on its way to disk, its answer is not shown as given yet.
            return h.logic?.snapshot(idleSeconds: idle)
        }.get()
    }

    func watch(by host: String) async -> WatchReply {
        guard channel.isActive else { return .notShared }
        let handler = handler
        return (try? await channel.eventLoop.submit { handler.value.logic?.watchRequest(by: host) ?? .notShared }.get()) ?? .notShared
    }

    func release(plan: String) async {
        guard channel.isActive else { return }
        let handler = handler
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            channel.eventLoop.execute {
                guard let logic = handler.value.logic else { return done.resume() }
                logic.release(plan: plan) { done.resume() }
            }
        }
    }
}
