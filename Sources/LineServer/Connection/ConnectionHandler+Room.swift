import DialogueEngine
import NIOCore
import PlanStore

/// Group rooms: a host opens one (`/room new`), people join with its code (`/join`), and every
/// line in a room goes to the shared `Room` in the engine.
extension ConnectionHandler {
    // MARK: /room

    func roomCommand(_ rest: String) {
        guard isHost else { return error(code: 403, ServerWords.hostOnly) }
        let parts = rest.split(separator: " ", maxSplits: 1).map { String($0).trimmingCharacters(in: .whitespaces) }
        switch parts.first?.lowercased() {
        case nil, "list":
            listRooms()
        case "new", "open", "start":
            guard parts.count > 1, !parts[1].isEmpty else { return error(code: 400, ServerWords.roomUsage) }
            openRoom(parts[1])
        case "resume", "continue":
            guard parts.count > 1, !parts[1].isEmpty else { return error(code: 400, ServerWords.roomUsage) }
            // A room whose host dropped, by its join code: the host takes it back.
            if let box = shared.rooms.find(parts[1]), box.isWaitingForHost { return retake(box) }
            reopenRoom(parts[1])
        case "close", "end":
            guard parts.count > 1, let box = shared.rooms.find(parts[1]) else {
                return error(code: parts.count > 1 ? 404 : 400, parts.count > 1 ? ServerWords.noSuchRoom : ServerWords.roomUsage)
            }
            let me = id
            perform({ box.run(for: me) { $0.close() } }) { [self] result in
                logger.info("group room closed")
                note(ServerWords.roomClosed(box.code))
                if case .success(let events) = result, !events.isEmpty { roomEvents(events, interjected: false) }
            }
        default:
            error(code: 400, ServerWords.roomUsage)
        }
    }

    private func listRooms() {
        let rooms = shared.rooms.all()
        guard !rooms.isEmpty else { return note(ServerWords.noRooms) }
        if json {
            let list = rooms.map { box in
                box.read { room in
                    JSONValue.object([("code", .string(box.code)), ("dialogue", .string(box.dialogueID)), ("title", .string(box.title)),
                                      ("people", .array(room.members.map { .string($0.name) })), ("finished", .bool(room.session.conversation.isFinished))])
                }
            }
            write(json: .object([("t", "rooms"), ("rooms", .array(list))]))
        } else {
            let lines = rooms.map { box in
                box.read { ServerWords.roomLine(code: box.code, title: Sanitize.line(box.title), people: $0.members.count, finished: $0.session.conversation.isFinished) }
            }
            write(lines: ["Open group rooms:"] + lines)
        }
    }

    private func openRoom(_ word: String) {
        guard case .lobby = phase else { return error(code: 400, inDialogue ? ServerWords.inPlanNoRoom : ServerWords.inRoom) }
        let library = shared.configuration.library
        guard let script = library.find(word) else { return error(code: 404, library.unknownMessage(word)) }
        guard let mailbox else { return }
        let store = shared.configuration.store
        let today = shared.configuration.today()
        let rooms = shared.rooms
        let plans = shared.openPlans
        let host = Room.Member(id: id, name: name ?? "Host", isHost: true)
        let privacy = roomPrivacy
        perform({ () throws -> RoomOpened in
            let journal = try store?.begin(script: script)
            var session = Session(conversation: Conversation(script: script, today: today), support: library.support, journal: journal)
            session.privacy = privacy
            let box = RoomBox(room: Room(code: rooms.makeCode(), session: session, host: host), hostMailbox: mailbox, registry: rooms, plans: plans)
            // A new plan: no one else can have it yet.
            if let planID = box.planID { _ = plans.claim(planID, room: box) }
            let events = box.run(for: host.id) { $0.open() }
            rooms.add(box)
            return RoomOpened(box: box, events: events)
        }) { [self] result in
            switch result {
            case .success(let opened):
                logger.info("group room opened", metadata: ["dialogue": "\(script.id)"])
                phase = .room(opened.box)
                show(opened.events)
            case .failure(let error):
                show([.failure("I could not open a group room: \(error)")])
            }
        }
    }

    /// `/room resume <code>`: a group's saved plan, opened as a room again (after `/room close`, or
    /// after the server restarted), with a new join code.
    private func reopenRoom(_ typed: String) {
        guard let mailbox else { return }
        let rooms = shared.rooms
        let plans = shared.openPlans
        let host = Room.Member(id: id, name: name ?? "Host", isHost: true)
        openSaved(typed, notInLobby: inDialogue ? ServerWords.inPlanNoRoom : ServerWords.inRoom) { [self] box in
            // The group's plan is open in a room: its host may take it back if they dropped.
            if box.isWaitingForHost { return retake(box) }
            error(code: 409, ServerWords.roomAlreadyOpen(box.code))
        } make: { [roomPrivacy] session, opening in
            var session = session
            session.privacy = roomPrivacy
            let box = RoomBox(room: Room(code: rooms.makeCode(), session: session, host: host), hostMailbox: mailbox, registry: rooms, plans: plans)
            let events = box.run(for: host.id) { $0.reopen(opening: Session.withPrivacy(roomPrivacy, opening)) }
            rooms.add(box)
            return RoomOpened(box: box, events: events)
        } then: { [self] opened in
            logger.info("group room opened again", metadata: ["dialogue": "\(opened.box.dialogueID)"])
            if let planID = opened.box.planID { shared.openPlans.move(planID, from: id, to: opened.box) }
            heldPlan = nil
            phase = .room(opened.box)
            show(opened.events)
        }
    }

    /// A host takes back a room whose host's connection dropped.
    private func retake(_ box: RoomBox) {
        guard case .lobby = phase else { return error(code: 400, inDialogue ? ServerWords.inPlanNoRoom : ServerWords.inRoom) }
        guard let mailbox else { return }
        let me = id
        perform({ box.hostReturns(id: me, mailbox: mailbox) }) { [self] result in
            guard case .success(let events?) = result else { return error(code: 404, ServerWords.noSuchRoom) }
            logger.info("host back in a group room")
            phase = .room(box)
            show(events)
        }
    }

    struct RoomOpened: Sendable {
        var box: RoomBox
        var events: [Event]
    }

    // MARK: /join

    func join(_ rest: String) {
        guard case .lobby = phase else { return error(code: 400, inDialogue ? ServerWords.inPlanNoRoom : ServerWords.inRoom) }
        let parts = Sanitize.line(rest).split(separator: " ", maxSplits: 1).map { String($0).trimmingCharacters(in: .whitespaces) }
        let typed = parts.count > 1 ? parts[1] : (name ?? "")
        guard let code = parts.first, !typed.trimmedSpaces.isEmpty else { return error(code: 400, ServerWords.joinUsage) }
        guard let typedName = PersonName(typed)?.text else { return error(code: 400, PersonName.rule) }
        whenAllowed(.joinCode, what: "codes") { [self] in enter(code, as: typedName) }
    }

    private func enter(_ code: String, as typedName: String) {
        guard case .lobby = phase else { return }
        guard let box = shared.rooms.find(code), let mailbox else {
            if shared.hub.fail(.joinCode, ledgerKey, now: now) {
                logger.warning("locked out after wrong join codes", metadata: ["address": "\(address)"])
            }
            return error(code: 404, ServerWords.noSuchRoom)
        }
        let me = id
        perform({ box.join(id: me, name: typedName, mailbox: mailbox) }) { [self] result in
            guard case .success(let joined?) = result else { return error(code: 404, ServerWords.noSuchRoom) }
            logger.info("joined a group room")
            name = joined.name
            phase = .room(box)
            show(joined.events)
        }
    }

    // MARK: Lines in a room

    func roomLine(_ line: String, box: RoomBox) {
        let me = id
        let quitting = Command(line: line).map { $0 == .quit || $0 == .pause } ?? false
        perform({ box.run(for: me) { $0.handle(line, from: me) } }) { [self] result in
            switch result {
            case .success(let events):
                if quitting {
                    show(events)
                    logger.info("left a group room")
                    closeAfterFlush()
                } else {
                    roomEvents(events, interjected: false)
                }
            case .failure(let error):
                logger.error("room turn failed: \(type(of: error))")
                self.error(code: 503, ServerWords.busy)
            }
        }
    }

    /// Shows what happened in the room. When it has closed, this person is back at the menu.
    func roomEvents(_ events: [Event], interjected: Bool = true) {
        guard isOpen, !events.isEmpty else { return }
        // Someone listening to their group is taking part: the group's activity keeps them from idling out.
        if interjected {
            lastLine = now
            idleWarned = false
        }
        let closed = events.contains { if case .room(.closed) = $0 { true } else { false } }
        var shown = events
        if closed {
            if case .room = phase { phase = .lobby }
            shown += shared.lobby.greeting()
        }
        if interjected && !json {
            interject(renderer.render(shown))
        } else {
            show(shown)
        }
        if interjected { flush() }
    }

    /// This connection has gone: the room hears it. When it was the host's, the group waits for them
    /// for a while (`ServerLimits.roomHostGrace`), then the room closes if they have not come back.
    func leaveRoom(_ box: RoomBox) {
        let me = id
        let host = isHost && box.read { $0.host.id == me }
        let grace = limits.roomHostGrace
        let minutes = max(1, Int(grace.nanoseconds / 60_000_000_000))
        let loop = context?.eventLoop
        let pool = shared.journalPool
        let closeLater: @Sendable (Int) -> Void = { absence in
            loop?.scheduleTask(in: grace) {
                let work: @Sendable () -> Void = { _ = box.run(for: me) { $0.closeIfHostStillAway(absence: absence) } }
                if let pool { pool.submit { _ in work() } } else { work() }
            }
        }
        let work: @Sendable () -> Void = {
            if host {
                if let absence = box.hostLeft(id: me, graceMinutes: minutes) { closeLater(absence) }
            } else {
                _ = box.run(for: me) { $0.leave(id: me) }
            }
        }
        if let pool {
            pool.submit { _ in work() }
        } else {
            work()
        }
    }
}
