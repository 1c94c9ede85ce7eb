import TandemProtocol

/// What a door's transport does for the door logic of one connection: a TCP line connection, a
/// web page's WebSocket, a test. Every call comes from, and every callback returns to, the
/// connection's own executor (its event loop), one at a time.
public protocol DoorTransport: AnyObject {
    /// Sends messages to the person, encoded for their mode (text or JSON). `betweenTurns` when
    /// they come from someone else, not as the answer to this person's own line (a text door sets
    /// them on a fresh line and prompts again after them).
    func send(_ messages: [ServerMessage], betweenTurns: Bool)

    /// Runs `work` away from this connection (the store, another connection, a group room); `then`
    /// runs back here with its result. No other line is taken meanwhile.
    func perform<T: Sendable>(_ work: @escaping @Sendable () async throws -> T, then: @escaping (Result<T, any Error>) -> Void)

    /// Like `perform`, for work that reports back through a callback of its own (called on any
    /// thread, once): `start` runs here and hands the work on; `then` runs back here with its
    /// result. It needs no task, so a durable answer (the store's `append(…, done:)`) uses it.
    func perform<T: Sendable>(reporting start: (@escaping @Sendable (Result<T, any Error>) -> Void) -> Void, then: @escaping (Result<T, any Error>) -> Void)

    /// Waits `delay`, then runs `then` here. No other line is taken meanwhile.
    func pause(for delay: Duration, then: @escaping () -> Void)

    /// Closes the connection: at once, or once everything sent so far has gone out.
    func close(now: Bool)

    /// JSON mode turned on or off (a transport may allow longer lines in JSON mode).
    func modeChanged(json: Bool)
}

extension DoorTransport {
    /// Sends messages in answer to this person's own line.
    public func send(_ messages: [ServerMessage]) {
        send(messages, betweenTurns: messages.contains(where: \.isBetweenTurns))
    }
}
