import NIOCore

extension ConnectionHandler {
    /// Called by the sweeper a few times a second: line deadlines, idle time, stalled output.
    func tick(now: NIODeadline) {
        guard isOpen, admitted else { return }
        if let since = handshakeSince, now - since > limits.tlsHandshakeDeadline {
            logger.notice("closed: no TLS handshake")
            return closeNow()
        }
        if let since = stalledSince, now - since > limits.stalledOutputGrace {
            logger.notice("closed: output not read")
            return closeNow()
        }
        if busy { return }
        let started = inDialogue || inRoom
        if let since = partialSince, now - since > (started ? limits.lineDeadline : limits.lobbyLineDeadline) {
            logger.notice("closed: line too slow")
            fail(code: 408, ServerWords.lineTooSlow)
            return flush()
        }
        // Hosts may sit quietly for as long as their session lasts.
        guard !isHost else { return }
        let warning = started ? limits.idleWarning : limits.lobbyIdleWarning
        let grace = started ? limits.idleGrace : limits.lobbyIdleGrace
        let quiet = now - lastLine
        if !idleWarned, quiet > warning {
            idleWarned = true
            if !json { append { $0.writeStaticString("\r\n") } }
            error(code: 408, ServerWords.idleWarning(Int(grace.nanoseconds / 1_000_000_000)))
            if !json { prompt() }
            flush()
        } else if idleWarned, quiet > warning + grace {
            logger.info("closed: idle")
            fail(code: 408, ServerWords.idleClosed)
            flush()
        }
    }
}
