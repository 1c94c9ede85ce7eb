import NIOCore

/// Checks every connection's timers on one event loop, a few times a second: one repeating task
/// per loop instead of a timer per connection, so idle connections stay small and a line costs
/// no timer work at all.
final class Sweeper {
    private var handlers: [ObjectIdentifier: ConnectionHandler] = [:]

    func add(_ handler: ConnectionHandler) { handlers[ObjectIdentifier(handler)] = handler }
    func remove(_ handler: ConnectionHandler) { handlers[ObjectIdentifier(handler)] = nil }

    var count: Int { handlers.count }

    func sweep(now: NIODeadline) {
        for handler in Array(handlers.values) { handler.tick(now: now) }
    }
}

/// One sweeper per event loop of the server's group, made when the server starts.
struct Sweepers: Sendable {
    private let byLoop: [ObjectIdentifier: NIOLoopBound<Sweeper>]

    init() { byLoop = [:] }

    private init(byLoop: [ObjectIdentifier: NIOLoopBound<Sweeper>]) { self.byLoop = byLoop }

    /// A sweeper on each loop.
    static func make(loops: [any EventLoop]) async throws -> Sweepers {
        var byLoop: [ObjectIdentifier: NIOLoopBound<Sweeper>] = [:]
        for loop in loops {
            byLoop[ObjectIdentifier(loop)] = try await loop.submit { NIOLoopBound(Sweeper(), eventLoop: loop) }.get()
        }
        return Sweepers(byLoop: byLoop)
    }

    /// The sweeper of `loop`; nil for loops the server did not make (tests drive `tick` by hand).
    func sweeper(for loop: any EventLoop) -> Sweeper? { byLoop[ObjectIdentifier(loop)]?.value }

    /// Starts sweeping every loop.
    func start(every interval: TimeAmount, now: @escaping @Sendable () -> NIODeadline) -> [RepeatedTask] {
        byLoop.values.map { bound in
            bound.eventLoop.scheduleRepeatedTask(initialDelay: interval, delay: interval) { _ in
                bound.value.sweep(now: now())
            }
        }
    }
}
