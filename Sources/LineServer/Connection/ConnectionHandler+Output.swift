import DialogueEngine
import NIOCore

/// What a connection writes: gathered while a line is handled, then written and flushed once.
extension ConnectionHandler {
    // MARK: Output

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

    func write(json value: JSONValue) {
        write(line: value.serialized())
    }

    /// Shows events: rendered for people in text mode, one object each in JSON mode.
    func show(_ events: [Event]) {
        if json {
            for event in events { write(json: JSONRenderer.encode(event)) }
        } else {
            write(lines: renderer.render(events))
        }
    }

    /// The server's own words (not an error).
    func note(_ text: String) {
        if json {
            write(json: .object([("t", "note"), ("text", .string(text))]))
        } else {
            write(lines: Wrap.lines(Sanitize.text(text), width: renderer.width))
        }
    }

    /// An error: words for people, a code for programs.
    func error(code: Int, _ text: String, closing: Bool = false) {
        if json {
            write(json: .object([("t", "err"), ("code", JSONValue(code)), ("text", .string(text)), ("close", .bool(closing))]))
        } else {
            write(lines: Wrap.lines(Sanitize.text(text), width: renderer.width))
        }
    }

    /// The server waits for the next line: `> ` (no line end) in text mode, `{"t":"ready"}` in
    /// JSON mode. Sent once after the greeting and once after each line, unless the connection closes.
    func prompt() {
        guard isOpen else { return }
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
            closeNow()
        }
    }

    // MARK: Closing

    /// Says why, shows how to come back to an open plan, then closes once that is written.
    func fail(code: Int, _ text: String) {
        guard isOpen else { return }
        error(code: code, text, closing: true)
        if !busy, case .dialogue(let box) = phase { show(box.session.endOfInput()) }
        closeAfterFlush()
    }

    /// Closes once everything written so far has gone out.
    func closeAfterFlush() {
        guard let context else { return }
        enterClosing()
        let pending = out ?? context.channel.allocator.buffer(capacity: 0)
        out = nil
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(pending)).whenComplete { _ in channel.close(promise: nil) }
    }

    /// From now on nothing more is taken; a group room hears that this person has gone.
    func enterClosing() {
        if case .room(let box) = phase { leaveRoom(box) }
        phase = .closing
    }

    /// Closes without a word (another protocol, a client that does not read).
    func closeNow() {
        guard let context else { return }
        enterClosing()
        out = nil
        context.close(promise: nil)
    }

    /// The client has finished sending: a plan is paused (its code shown), then the connection closes.
    func endOfInput() {
        guard isOpen else { return }
        if case .dialogue(let box) = phase { show(box.session.endOfInput()) }
        closeAfterFlush()
    }
}
