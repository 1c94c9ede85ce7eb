import DialogueEngine
import NIOCore

extension ConnectionHandler {
    // MARK: What a host asks

    /// `/sessions`: every connection's id, name, dialogue, progress and idle time. Never answers.
    func sessions() {
        guard isHost else {
            error(code: 403, ServerWords.hostOnly)
            return
        }
        guard let context else { return }
        let loop = context.eventLoop
        let others = shared.hub.all().filter { $0.id != id }
        let futures = others.map { entry -> EventLoopFuture<ConnectionSnapshot> in
            let promise = entry.mailbox.eventLoop.makePromise(of: ConnectionSnapshot.self)
            entry.mailbox.send(.snapshot(promise))
            return promise.futureResult
        }
        let mine = snapshot()
        waitFor(EventLoopFuture.whenAllComplete(futures, on: loop)) { [self] result in
            var list = [mine]
            if case .success(let results) = result {
                list += results.compactMap { try? $0.get() }
            }
            list.sort { $0.id < $1.id }
            if json {
                write(json: .object([("t", "sessions"), ("connections", .array(list.map(Self.json)))]))
            } else {
                write(lines: SessionList.lines(list, me: id, width: renderer.width))
            }
        }
    }

    /// What `/sessions` shows about this connection.
    func snapshot() -> ConnectionSnapshot {
        var snap = ConnectionSnapshot(id: id, name: name, isHost: isHost, dialogue: nil, progress: nil, finished: false,
            idleSeconds: Int((now - lastLine).nanoseconds / 1_000_000_000), sharing: sharing, json: json, client: json ? client : nil)
        if case .room(let box) = phase {
            snap.dialogue = "\(box.title) (group \(box.code))"
            let status = box.status
            snap.finished = status.finished
            snap.progress = status.progress
        }
        if case .dialogue(let box) = phase {
            snap.dialogue = box.title
            // While a turn's write is on its way to disk, its answer is not shown as given yet.
            if !busy {
                snap.finished = box.session.conversation.isFinished
                snap.progress = box.session.conversation.progress()
            }
        }
        return snap
    }

    static func json(_ s: ConnectionSnapshot) -> JSONValue {
        var m: [(key: String, value: JSONValue)] = [("id", .string(s.id)), ("name", JSONValue(s.name)), ("host", .bool(s.isHost)), ("dialogue", JSONValue(s.dialogue))]
        if let p = s.progress {
            m.append(("progress", .object([("part", JSONValue(p.part)), ("parts", JSONValue(p.parts)), ("answered", JSONValue(p.answered)), ("skipped", JSONValue(p.skipped))])))
        }
        m += [("finished", .bool(s.finished)), ("idleSeconds", JSONValue(s.idleSeconds)), ("sharing", .bool(s.sharing)), ("json", .bool(s.json)), ("client", JSONValue(s.client))]
        return .object(m)
    }

    /// `/say ID TEXT`
    func say(to target: String, _ text: String) {
        guard isHost else { return error(code: 403, ServerWords.hostOnly) }
        let words = Sanitize.line(text).trimmingCharacters(in: .whitespaces)
        guard !target.isEmpty, !words.isEmpty else { return error(code: 400, ServerWords.sayUsage) }
        guard let mailbox = shared.hub.mailbox(target) else { return error(code: 404, ServerWords.noSuchConnection(Sanitize.line(target))) }
        mailbox.send(.facilitatorSays(words))
        note(ServerWords.sent(target.lowercased()))
    }

    /// `/watch ID`: only if that person chose `/share`.
    func watch(_ target: String) {
        guard isHost else {
            error(code: 403, ServerWords.hostOnly)
            return
        }
        let target = target.lowercased()
        guard !target.isEmpty else {
            error(code: 400, ServerWords.watchUsage)
            return
        }
        guard let mailbox = shared.hub.mailbox(target) else {
            error(code: 404, ServerWords.noSuchConnection(Sanitize.line(target)))
            return
        }
        let promise = mailbox.eventLoop.makePromise(of: WatchReply.self)
        mailbox.send(.watch(hostID: id, reply: promise))
        waitFor(promise.futureResult) { [self] result in
            switch result {
            case .success(.watching(let name)):
                watching.insert(target)
                note(ServerWords.watching(Self.label(target, name)))
            case .success(.notShared), .failure:
                error(code: 403, ServerWords.notShared(target))
            }
        }
    }

    /// `/unwatch ID`
    func unwatch(_ target: String) {
        let target = target.lowercased()
        guard isHost else { return error(code: 403, ServerWords.hostOnly) }
        guard watching.remove(target) != nil else { return error(code: 400, ServerWords.watchUsage) }
        shared.hub.mailbox(target)?.send(.unwatch(hostID: id))
        note(ServerWords.stoppedWatching(target))
    }

    static func label(_ id: String, _ name: String?) -> String {
        name.map { "\(id) (\($0))" } ?? id
    }

    // MARK: What reaches this connection from others

    func receive(_ message: ConnectionMessage) {
        switch message {
        case .snapshot(let promise):
            promise.succeed(snapshot())
        case .watch(let hostID, let reply):
            if sharing && isOpen {
                if !watchers.contains(hostID) { watchers.append(hostID) }
                reply.succeed(.watching(name: name))
            } else {
                reply.succeed(.notShared)
            }
        case .unwatch(let hostID):
            watchers.removeAll { $0 == hostID }
        case .facilitatorSays(let text):
            guard isOpen else { return }
            if json {
                write(json: .object([("t", "room"), ("event", "message"), ("from", "host"), ("text", .string(text))]))
            } else {
                interject(Wrap.lines(ServerWords.fromFacilitator(text), width: renderer.width))
            }
            flush()
        case .room(let event):
            guard isOpen, context?.channel.isWritable == true else { return }
            if event.kind.isLeaving { watching.remove(event.id) }
            guard watching.contains(event.id) || event.kind.isLeaving else { return }
            if json {
                write(json: Self.json(event))
            } else {
                interject(Self.lines(event, width: renderer.width))
            }
            flush()
        case .roomEvents(let events):
            roomEvents(events)
        case .release(let plan, let reply):
            release(plan, reply: reply)
        case .evicted:
            guard isOpen else { return }
            logger.notice("closed to make room for a newcomer")
            fail(code: 503, ServerWords.evicted)
            flush()
        case .shutdown:
            guard isOpen else { return }
            if busy {
                closeRequested = true
            } else {
                logger.info("closing for shutdown")
                fail(code: 503, ServerWords.closing)
                flush()
            }
        }
    }

    /// Lines that arrive between a person's own turns: on a fresh line, then the prompt again.
    func interject(_ lines: [String]) {
        if !busy { append { $0.writeStaticString("\r\n") } }
        write(lines: lines)
        if !busy { prompt() }
    }

    /// After a turn: the answers that changed, to the hosts this person shares with.
    func report(_ shown: [Disclosure.Shown], in conversation: Conversation) {
        guard sharing, !watchers.isEmpty else { return }
        for item in shown {
            guard let step = conversation.script.step(item.step), let q = step.question else { continue }
            let question = conversation.render(q.prompt) ?? item.step
            let answer = item.value.map { AnswerText.inline($0, spec: q.answer) }
            tellWatchers(.answered(step: item.step, question: question, answer: answer, withheld: item.withheld))
        }
    }

    func tellWatchers(_ kind: RoomEvent.Kind) {
        guard !watchers.isEmpty else { return }
        let event = RoomEvent(id: id, name: name, kind: kind)
        watchers.removeAll { host in
            guard let mailbox = shared.hub.mailbox(host) else { return true }
            mailbox.send(.room(event))
            return false
        }
    }

    /// A watched person's event as the host reads it. What the person typed is quoted on lines of
    /// its own, each marked `    | `, so it can never pass for one of the server's own lines.
    static func lines(_ e: RoomEvent, width: Int) -> [String] {
        let who = label(e.id, e.name)
        let server = { (text: String) in Wrap.lines(Sanitize.text(text), width: width, indent: "    ", firstIndent: "  ") }
        switch e.kind {
        case .answered(_, let question, let answer?, let withheld):
            var lines = server(ServerWords.answered(who, question: Tidy.question(question)))
            lines += Wrap.quoted(answer, width: width, marker: "    | ")
            if withheld { lines += server(ServerWords.withheld).map { "  " + $0 } }
            return lines
        case .answered(_, let question, nil, _): return server(ServerWords.leftForNow(who, question: Tidy.question(question)))
        case .stoppedSharing: return server(ServerWords.stoppedSharing(who))
        case .left: return server(ServerWords.left(who))
        }
    }

    static func json(_ e: RoomEvent) -> JSONValue {
        var m: [(key: String, value: JSONValue)] = [("t", "room")]
        switch e.kind {
        case .answered(let step, let question, let answer, let withheld):
            m += [("event", "answered"), ("id", .string(e.id)), ("name", JSONValue(e.name)), ("step", .string(step)), ("question", .string(question)), ("answer", JSONValue(answer))]
            if withheld { m.append(("withheld", .bool(true))) }
        case .stoppedSharing:
            m += [("event", "unshared"), ("id", .string(e.id)), ("name", JSONValue(e.name))]
        case .left:
            m += [("event", "left"), ("id", .string(e.id)), ("name", JSONValue(e.name))]
        }
        return .object(m)
    }
}

extension RoomEvent.Kind {
    /// The participant is gone or stopped sharing: the host no longer watches them.
    var isLeaving: Bool {
        switch self {
        case .answered: false
        case .stoppedSharing, .left: true
        }
    }
}
