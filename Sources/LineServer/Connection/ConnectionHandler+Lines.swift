import DialogueEngine
import NIOCore
import PlanStore

extension ConnectionHandler {
    /// A line in text mode: a server command, or a line for the menu or the plan, exactly as the
    /// terminal would take it.
    func handleText(_ text: String) {
        if let command = ServerCommand(line: text) {
            run(command)
        } else {
            route(text)
        }
    }

    /// A line for the menu or the plan (never a server command).
    func route(_ raw: String) {
        // Ctrl-D typed in telnet arrives as a line holding only EOT: the end of input, as in the terminal.
        let endOfTransmission = raw.utf8.contains(0x04) && raw.trimmingCharacters(in: .whitespaces) == "\u{4}"
        let line = Sanitize.line(raw)
        switch phase {
        case .closing:
            return
        case .lobby:
            if endOfTransmission { return closeAfterFlush() }
            if ProtocolSniffer.isHTTPHeader(line) {
                logger.notice("closed: an HTTP header")
                return closeNow()
            }
            switch shared.lobby.handle(line) {
            case .stay(let events):
                show(events)
            case .start(let script):
                startPlan(script)
            case .leave(let events):
                show(events)
                closeAfterFlush()
            }
        case .room(let box):
            if endOfTransmission { return endOfInput() }
            roomLine(line, box: box)
        case .dialogue(let box):
            if endOfTransmission { return endOfInput() }
            // The engine works the turn out here; only its write (when it has one) leaves the event
            // loop, and its words are shown once that write is durable.
            let disclosed = disclosure
            let prepared = box.prepare(line)
            // What hosts may see of this turn is decided now, from what was private before it.
            let shown = disclosure?.reveal(from: prepared.before.conversation.state, to: box.session.conversation.state, in: box.session.conversation.script) ?? []
            guard !prepared.changes.isEmpty else { return finishTurn(prepared.result, shown: shown) }
            let changes = prepared.changes
            perform({ try box.save(changes) }) { [self] result in
                switch result {
                case .success:
                    finishTurn(prepared.result, shown: shown)
                case .failure(let error):
                    logger.error("journal write failed: \(type(of: error))")
                    if disclosure != nil { disclosure = disclosed }
                    show(box.undo(prepared, error))
                }
            }
        }
    }

    /// Shows a turn whose changes are safe, and tells the hosts watching.
    func finishTurn(_ turn: TurnResult, shown: [Disclosure.Shown]) {
        show(turn.events)
        if case .dialogue(let box) = phase { report(shown, in: box.session.conversation) }
        if turn.closed {
            logger.info("plan left")
            closeAfterFlush()
        }
    }

    /// Begins a new plan (in the store, when there is one) and shows its opening.
    func startPlan(_ script: Script) {
        let store = shared.configuration.store
        let support = shared.configuration.library.support
        let today = shared.configuration.today()
        let privacy = privacy
        perform({ () throws -> Opened in
            let journal = try store?.begin(script: script)
            var session = Session(conversation: Conversation(script: script, today: today), support: support, journal: journal)
            session.privacy = privacy
            let opening = session.start()
            return Opened(box: SessionBox(session: session), opening: opening)
        }) { [self] result in
            switch result {
            case .success(let opened):
                if let plan = opened.box.planID, let mailbox {
                    // A new plan: no one else can have it yet.
                    _ = shared.openPlans.claim(plan, id: id, mailbox: mailbox)
                    heldPlan = plan
                }
                open(opened)
                logger.info("plan started", metadata: ["dialogue": "\(script.id)"])
            case .failure(let error):
                show([.failure("I could not start that plan: \(error)")])
            }
        }
    }

    /// A plan begun or picked up: from now on lines go to its session.
    func open(_ opened: Opened) {
        phase = .dialogue(opened.box)
        if let plan = heldPlan { shared.openPlans.opened(plan, id: id) }
        // A saved plan opened while sharing: what it holds was given before, so it stays private.
        if sharing { disclosure = Disclosure(privateUntilNow: opened.box.session.conversation.state) }
        show(opened.opening)
        if opened.box.session.isClosed { closeAfterFlush() }
    }

    /// Runs `work` where it belongs, then `then` on this connection's event loop.
    ///
    /// With a store, work runs on the journal pool (it may wait for the disk) and the connection
    /// takes no other line until it is done; without one it runs here and now.
    func perform<T: Sendable>(_ work: @escaping @Sendable () throws -> T, then: @escaping (Result<T, any Error>) -> Void) {
        guard let pool = shared.journalPool, let context else {
            then(Result(catching: work))
            return
        }
        busy = true
        pool.runIfActive(eventLoop: context.eventLoop, work).assumeIsolated().whenComplete { [self] result in
            busy = false
            guard isOpen else { return }
            then(result)
            releaseWhatWasAsked()
            // `then` may have started another step (a plan claimed, then read): its end prompts.
            guard !busy else { return }
            if closeRequested {
                closeRequested = false
                fail(code: 503, ServerWords.closing)
            }
            prompt()
            processQueue()
        }
    }

    /// Waits for another connection's answer without taking this connection's next line meanwhile.
    ///
    /// The future may belong to another connection's event loop (with one loop per core, a host and
    /// the person they watch are usually on different loops): it is hopped onto this connection's
    /// loop before anything here is touched.
    func waitFor<T: Sendable>(_ future: EventLoopFuture<T>, then: @escaping (Result<T, any Error>) -> Void) {
        guard let context else { return }
        busy = true
        let loop = context.eventLoop
        future.hop(to: loop).assumeIsolated().whenComplete { [self] result in
            // Never inside the line being handled (a future already complete, such as /sessions with
            // no one else here, would answer at once): its end is what prompts, once.
            loop.assumeIsolated().execute { [self] in finishWaiting(result, then: then) }
        }
    }

    private func finishWaiting<T>(_ result: Result<T, any Error>, then: (Result<T, any Error>) -> Void) {
        busy = false
        guard isOpen else { return }
        then(result)
        releaseWhatWasAsked()
        // `then` may have started another step (a plan claimed, then read): its end prompts.
        guard !busy else { return }
        if closeRequested {
            closeRequested = false
            fail(code: 503, ServerWords.closing)
        }
        prompt()
        processQueue()
    }

    /// Lets go of the plan for those who asked while a turn was being written (now durable).
    func releaseWhatWasAsked() {
        guard !pendingReleases.isEmpty, !busy else { return }
        let asked = pendingReleases
        pendingReleases = []
        for request in asked { release(request.plan, reply: request.reply) }
    }

    // MARK: JSON mode

    /// A line in JSON mode: an object (`op`), or a `/command` as in text mode.
    func handleJSON(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return }
        if trimmed.hasPrefix("/") { return handleText(trimmed) }
        let message: ClientMessage
        do {
            message = try ClientMessage(json: trimmed)
        } catch {
            return self.error(code: 400, error.text)
        }
        switch message {
        case .command(let line):
            handleText(line)
        case .answer(let line, let step):
            // In a plan, and in a group (where the question can move on while an answer is on its way).
            if let step, let conversation = openConversation, let current = conversation.currentStep?.id, current != step {
                error(code: 400, "That answer is for \"\(step)\", but the question now is \"\(current)\".")
                show(conversation.repeatQuestion())
                return
            }
            route(line)
        }
    }

    /// The first object in JSON mode: what this server is and what it allows.
    func hello() -> JSONValue {
        let l = limits
        let seconds = { (t: TimeAmount) in JSONValue(Int(t.nanoseconds / 1_000_000_000)) }
        return .object([
            ("t", "hello"), ("version", JSONValue(JSONRenderer.version)), ("server", .string("tandem \(shared.configuration.version)")),
            ("id", .string(id)), ("saved", .bool(shared.configuration.store != nil)),
            ("limits", .object([
                ("line", JSONValue(l.maxJSONLine)), ("textLine", JSONValue(l.maxTextLine)),
                ("linesPerSecond", .number(l.linesPerSecond)), ("burst", .number(l.lineBurst)),
                ("lineSeconds", seconds(l.lineDeadline)), ("idleSeconds", seconds(l.idleWarning + l.idleGrace)),
            ])),
            ("capabilities", .array(["resume", "host", "share", "watch", "name", "naws", "rooms"])),
        ])
    }
}

/// A plan made ready on whichever thread did it.
struct Opened: Sendable {
    var box: SessionBox
    var opening: [Event]
}
