import DialogueEngine
import TandemProtocol
import TandemStore

/// Group rooms: a host opens one (`/room new`), people join with its code (`/join`), and every line
/// in a room goes to the room's keeper, which runs it through the engine's `Room`.
extension ConnectionLogic {
    // MARK: /room

    func roomCommand(_ rest: String) {
        guard isHost else { return error(code: 403, ServerWords.hostOnly) }
        let parts = rest.split(separator: " ", maxSplits: 1).map { String($0).trimmedSpaces }
        switch parts.first?.lowercased() {
        case nil, "list":
            let rooms = services.rooms.all().map { keeper in
                let status = keeper.status
                return RoomListing(code: keeper.code, dialogue: keeper.dialogueID, title: keeper.title, people: status.people, finished: status.finished, waitingForHost: status.waitingForHost)
            }
            send(.rooms(rooms))
        case "new", "open", "start":
            guard parts.count > 1, !parts[1].isEmpty else { return error(code: 400, ServerWords.roomUsage) }
            openRoom(parts[1])
        case "resume", "continue":
            guard parts.count > 1, !parts[1].isEmpty else { return error(code: 400, ServerWords.roomUsage) }
            // A room by its join code: when its host dropped, this host takes it back; when its
            // host is there, it is open already (409, as for its resume code). Either way the code
            // was right, so it never counts toward the slowdown for wrong codes.
            if let keeper = services.rooms.find(parts[1]) {
                if keeper.isWaitingForHost { return retake(keeper) }
                return error(code: 409, ServerWords.roomAlreadyOpen(keeper.code))
            }
            reopenRoom(parts[1])
        case "close", "end":
            guard parts.count > 1, let keeper = services.rooms.find(parts[1]) else {
                return error(code: parts.count > 1 ? 404 : 400, parts.count > 1 ? ServerWords.noSuchRoom : ServerWords.roomUsage)
            }
            let me = id
            work({ await keeper.run(for: me) { $0.close() } }) { [self] result in
                log(.info, "group room closed")
                note(ServerWords.roomClosed(keeper.code))
                if case .success(let events) = result, !events.isEmpty { roomEvents(events, betweenTurns: false) }
            }
        default:
            error(code: 400, ServerWords.roomUsage)
        }
    }

    /// Why a room cannot be opened or joined here: in a plan, or in a room already (whose host
    /// would end it for everyone with the `/quit` that people are told to type).
    var notAtMenu: String {
        if inPlan { return ServerWords.inPlanNoRoom }
        if case .room(let keeper) = phase, keeper.status.hostID == id { return ServerWords.hostingRoom(keeper.code) }
        return ServerWords.inRoom
    }

    /// What telnet's Ctrl-C says the first time: how to stop, or, to a room's host, that `/quit`
    /// ends the group for everyone.
    public var lineCleared: String {
        if case .room(let keeper) = phase, keeper.status.hostID == id { return ServerWords.lineClearedHosting }
        return ServerWords.lineCleared
    }

    /// This connection as a room's host: by the name it gave (`/name`), else the name the group's
    /// host had last (`before`, a room opened again), else Host.
    private func host(before: String? = nil) -> Room.Member {
        Room.Member(id: id, name: name ?? before ?? "Host", isHost: true)
    }

    private func openRoom(_ word: String) {
        guard atMenu else { return error(code: 400, notAtMenu) }
        let library = services.library
        guard let script = library.find(word) else { return error(code: 404, library.unknownMessage(word)) }
        let conversation = Conversation(script: script, today: services.today())
        var session = Session(conversation: conversation, support: library.support)
        session.privacy = services.roomPrivacy
        let store = services.store
        let progress = PlanProgress(conversation)
        work({ try await store?.begin(progress) }) { [self] result in
            switch result {
            case .success(let plan):
                session.plan = plan?.info
                let keeper = makeKeeper(session)
                // A new plan: no one else can have it yet.
                if let planID = keeper.planID { _ = services.openPlans.claim(planID, room: keeper) }
                enterNewRoom(keeper) { $0.open() }
                log(.info, "group room opened", metadata: ["dialogue": "\(script.id)"])
            case .failure(let error):
                send(.events([.failure("I could not open a group room: \(error)")]))
            }
        }
    }

    private func makeKeeper(_ session: Session, hostBefore: String? = nil) -> RoomKeeper {
        let room = Room(code: services.rooms.makeCode(), session: session, host: host(before: hostBefore))
        let keeper = RoomKeeper(room: room, host: link, store: services.store, registry: services.rooms, plans: services.openPlans)
        services.rooms.add(keeper)
        return keeper
    }

    /// This host is in a new room now; `open` says what they see first.
    private func enterNewRoom(_ keeper: RoomKeeper, _ open: @escaping @Sendable (inout Room) -> [Room.Delivery]) {
        phase = .room(keeper)
        let me = id
        work({ await keeper.run(for: me, open) }) { [self] result in
            if case .success(let events) = result { roomEvents(events, betweenTurns: false) }
        }
    }

    /// `/room resume <code>`: a group's saved plan, opened as a room again (after `/room close`, or
    /// after the server restarted), with a new join code.
    private func reopenRoom(_ typed: String) {
        openSaved(typed, notInLobby: notAtMenu) { [self] keeper in
            // The group's plan is open in a room: its host may take it back if they dropped.
            if keeper.isWaitingForHost { return retake(keeper) }
            error(code: 409, ServerWords.roomAlreadyOpen(keeper.code))
        } then: { [self] plan, script in
            log(.info, "group room opened again", metadata: ["dialogue": "\(script.id)"])
            var session = plan.session(script, support: services.library.support, today: services.today())
            session.privacy = services.roomPrivacy
            let opening = session.resumeAsRoom(dialogueChanged: plan.dialogueChanged(script))
            let seatsBefore = Room.seatsGiven(in: plan.changes)
            // The host is called what they were called before (not Host) unless they chose a name.
            let hostBefore = Room.hostName(in: plan.changes)
            let keeper = makeKeeper(session, hostBefore: hostBefore)
            services.openPlans.move(plan.id, from: id, to: keeper)
            heldPlan = nil
            enterNewRoom(keeper) { $0.reopen(opening: opening, seatsBefore: seatsBefore, hostBefore: hostBefore) }
        }
    }

    /// A host takes back a room whose host's connection dropped.
    private func retake(_ keeper: RoomKeeper) {
        guard atMenu else { return error(code: 400, notAtMenu) }
        let me = id, link = link
        work({ await keeper.hostReturns(id: me, link: link) }) { [self] result in
            guard case .success(let events?) = result else { return error(code: 404, ServerWords.noSuchRoom) }
            log(.info, "host back in a group room")
            phase = .room(keeper)
            send(.events(events))
        }
    }

    // MARK: /join

    /// `/join CODE NAME` joins as someone new; `/join CODE SEAT` (or `/join CODE NAME SEAT`) comes
    /// back to a seat with its seat code (see `ConnectionLogic+Seats.swift`).
    func join(_ rest: String) {
        guard atMenu else { return error(code: 400, notAtMenu) }
        let parts = JoinLine(Sanitize.line(rest))
        if let parts, !parts.name.isEmpty, let (seat, before) = Self.seat(in: parts.name) {
            // Coming back to a seat; with a name before the seat code, they join as someone new
            // with that name if the code is not right.
            var newcomer: String?
            if !before.isEmpty {
                guard let typedName = PersonName(before)?.text else { return error(code: 400, PersonName.rule) }
                guard !Room.isKeptForHost(typedName) else { return error(code: 400, Room.nameForHost) }
                newcomer = typedName
            }
            return whenAllowed(.joinCode, what: "codes") { [self] in
                whenAllowed(.seatCode, what: "codes") { [self] in comeBack(parts.code, seat: seat, newcomer: newcomer) }
            }
        }
        let typed = parts.map { $0.name.isEmpty ? (name ?? "") : $0.name } ?? ""
        guard let code = parts?.code, !typed.trimmedSpaces.isEmpty else { return error(code: 400, ServerWords.joinUsage) }
        guard let typedName = PersonName(typed)?.text else { return error(code: 400, PersonName.rule) }
        guard !Room.isKeptForHost(typedName) else { return error(code: 400, Room.nameForHost) }
        whenAllowed(.joinCode, what: "codes") { [self] in enter(code, as: typedName) }
    }

    func enter(_ code: String, as typedName: String) {
        guard atMenu else { return }
        guard let keeper = findRoom(code) else { return }
        let me = id, link = link
        work({ await keeper.join(id: me, name: typedName, link: link) }) { [self] result in
            guard case .success(let joined?) = result else { return error(code: 404, ServerWords.noSuchRoom) }
            log(.info, "joined a group room")
            name = joined.name
            phase = .room(keeper)
            send(.events(joined.events))
        }
    }

    /// The open room a join code names; when none, the wrong code is counted and the person told.
    func findRoom(_ code: String) -> RoomKeeper? {
        if let keeper = services.rooms.find(code) { return keeper }
        if services.hub.fail(.joinCode, ledgerKey, now: services.now()) {
            log(.warning, "slowed after wrong join codes", metadata: ["address": "\(address)"])
        }
        error(code: 404, ServerWords.noSuchRoom)
        return nil
    }

    /// `/name` in a room: the group knows this person by the new name too (made unique there, as
    /// at `/join`), and everyone else in it is told.
    func rename(to wanted: String, in keeper: RoomKeeper) {
        let me = id
        work({ await keeper.run(for: me) { $0.rename(id: me, to: wanted).deliveries } }) { [self] result in
            guard case .success(let events) = result else { return }
            // A name kept for the host: refused, and the name stays.
            if case .notice(let why)? = events.first { return error(code: 400, why) }
            // Nothing to tell (the same name): the name stays as typed.
            let renamed = events.lazy.compactMap { if case .room(.renamed(_, let to)) = $0 { to } else { nil } }.first
            name = renamed ?? wanted
            var inRoom = false
            if case .room = phase { inRoom = true }
            note(inRoom ? ServerWords.namedInGroup(renamed ?? wanted) : ServerWords.named(wanted))
        }
    }

    // MARK: Lines in a room

    func roomLine(_ line: String, keeper: RoomKeeper) {
        let me = id
        let quitting = Command(line: line).map { $0 == .quit || $0 == .pause } ?? false
        work({ await keeper.run(for: me) { $0.handle(line, from: me) } }) { [self] result in
            if quitting {
                // Leaving (or, for the host, closing the room) always ends here, whatever was shown.
                if case .success(let events) = result { send(.events(events)) }
                log(.info, "left a group room")
                close(now: false)
            } else if case .success(let events) = result {
                roomEvents(events, betweenTurns: false)
            }
        }
    }

    /// Shows what happened in the room. When it has closed, this person is back at the menu.
    func roomEvents(_ events: [Event], betweenTurns: Bool) {
        guard !isClosing, !events.isEmpty else { return }
        let closed = events.contains { if case .room(.closed) = $0 { true } else { false } }
        if closed, case .room = phase { phase = .lobby }
        transport?.send(closed ? menu(after: events) : [.events(events)], betweenTurns: betweenTurns)
    }

    /// This connection has gone: the room hears it. When it was the host's, the group waits for them
    /// for a while (`DoorLimits.roomHostGrace`), then the room closes if they have not come back.
    func leave(_ keeper: RoomKeeper) {
        let me = id
        let grace = services.limits.roomHostGrace
        let minutes = max(1, Int((grace / .seconds(60)).rounded(.up)))
        Task {
            guard let absence = await keeper.left(id: me, graceMinutes: minutes) else { return }
            try? await Task.sleep(for: grace)
            await keeper.closeIfHostStillAway(absence: absence)
        }
    }
}
