import DialogueEngine
import NIOCore
import TandemDoors
import TandemProtocol

/// What the door logic asks of this connection: output in its mode, work off the event loop, waits, closing.
extension ConnectionHandler: DoorTransport {
    func send(_ messages: [ServerMessage], betweenTurns: Bool) {
        guard open else { return }
        // A line from someone else arrives between this person's own turns: on a fresh line, then the
        // prompt again (in text mode). The group's activity counts as this person's.
        let interject = betweenTurns && !machine.busy && !json
        // What the group does counts as this person's activity (never the server's own warnings).
        if betweenTurns, messages.contains(where: { if case .events = $0 { true } else { false } }) { machine.activity(now: now) }
        if interject { append { $0.writeStaticString("\r\n") } }
        if json {
            for message in messages {
                for object in message.json { write(line: object.serialized()) }
            }
        } else {
            for message in messages { write(lines: message.text(renderer, me: id)) }
        }
        if interject { prompt() }
        if betweenTurns { flush() }
    }

    func perform<T: Sendable>(_ work: @escaping @Sendable () async throws -> T, then: @escaping (Result<T, any Error>) -> Void) {
        guard let context else { return }
        machine.workStarted()
        let promise = context.eventLoop.makePromise(of: T.self)
        promise.completeWithTask(work)
        promise.futureResult.assumeIsolated().whenComplete { [self] result in
            machine.workFinished()
            guard open else { return }
            then(result)
            workDone()
        }
    }

    func perform<T: Sendable>(reporting start: (@escaping @Sendable (Result<T, any Error>) -> Void) -> Void, then: @escaping (Result<T, any Error>) -> Void) {
        guard let context else { return }
        machine.workStarted()
        let loop = context.eventLoop
        // The callback may come on any thread: it carries what to do back to this connection's loop.
        let back = NIOLoopBound((handler: self, then: then), eventLoop: loop)
        let channel = context.channel
        start { result in
            // A connection closed meanwhile needs no answer, and its loop may be shutting down.
            guard channel.isActive else { return }
            loop.execute {
                let (handler, then) = back.value
                handler.machine.workFinished()
                guard handler.open else { return }
                then(result)
                handler.workDone()
            }
        }
    }

    func pause(for delay: Duration, then: @escaping () -> Void) {
        guard let context else { return }
        machine.workStarted()
        context.eventLoop.assumeIsolated().scheduleTask(in: .nanoseconds(Int64(delay / .nanoseconds(1)))) { [self] in
            machine.workFinished()
            guard open else { return }
            then()
            workDone()
        }
    }

    /// Work is done: unless more began, the person may type again.
    private func workDone() {
        guard !machine.busy, open else { return flush() }
        prompt()
        processQueue()
    }

    func close(now: Bool) {
        guard let context else { return }
        open = false
        if now {
            out = nil
            context.close(promise: nil)
            return
        }
        let pending = out ?? context.channel.allocator.buffer(capacity: 0)
        out = nil
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(pending)).whenComplete { _ in channel.close(promise: nil) }
    }

    /// Closes a connection that speaks another protocol (TLS, HTTP), or one refused for the
    /// connection caps, without resetting it: what was
    /// written (the greeting, which tells a person what this port is) goes out, then the end of
    /// output; what the client still sends is read and dropped until it closes its side, for two
    /// seconds at most. Closing with input unread would reset the connection, and the client could
    /// lose what was already sent to it.
    func turnAway() {
        guard let context, open else { return }
        open = false
        draining = true
        flush()
        context.close(mode: .output, promise: nil)
        context.eventLoop.assumeIsolated().scheduleTask(in: .seconds(2)) { [self] in
            self.context?.close(promise: nil)
        }
        context.read()
    }

    func modeChanged(json: Bool) {
        // Off the text prompt's line, so the hello is a line of its own.
        if json && !self.json { append { $0.writeStaticString("\r\n") } }
        self.json = json
        framer.maxLineLength = json ? limits.maxJSONLine : limits.maxTextLine
    }

    // MARK: Bytes

    private func allocate() -> ByteBuffer {
        context?.channel.allocator.buffer(capacity: 512) ?? ByteBuffer()
    }

    /// Appends to the output, keeping the buffer uniquely owned so it grows in place.
    func append(_ body: (inout ByteBuffer) -> Void) {
        var b = out ?? allocate()
        out = nil
        body(&b)
        out = b
    }

    /// Adds one line and its CRLF to the output.
    func write(line: String) {
        append { b in
            b.writeString(line)
            b.writeStaticString("\r\n")
        }
    }

    func write(lines: [String]) {
        guard !lines.isEmpty else { return }
        append { b in
            for line in lines {
                b.writeString(line)
                b.writeStaticString("\r\n")
            }
        }
    }

    /// The server waits for the next line: `> ` (no line end) in text mode, `{"t":"ready"}` in JSON mode.
    func prompt() {
        guard open else { return }
        if json {
            append { $0.writeStaticString("{\"t\":\"ready\"}\r\n") }
        } else {
            append { $0.writeStaticString("> ") }
        }
    }

    func flush() {
        guard let context, let pending = out else { return }
        out = nil
        context.writeAndFlush(wrapOutboundOut(pending), promise: nil)
        // Only a client that is not keeping up can have much waiting.
        guard !context.channel.isWritable else { return }
        if let buffered = try? context.channel.syncOptions?.getOption(.bufferedWritableBytes), buffered > limits.maxPendingOutput {
            logger.notice("closed: output not read")
            close(now: true)
        }
    }
}
