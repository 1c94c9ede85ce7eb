import DialogueEngine
import Logging
import TandemProtocol
import TandemStore

/// What one network connection does, with no network in it: the menu, a plan of one's own, a group
/// room, and a host's desk. A line comes in; messages go out through the `DoorTransport`. Every
/// network door (a TCP line connection, a web page) runs the same logic, so people see the same
/// words whichever door they came through.
///
/// Confined to its connection's executor: the transport calls it, and runs its callbacks, one at a
/// time there. Turns that write to the store go through `DoorTransport.perform`; a turn's words are
/// shown once its changes are durable.
public final class ConnectionLogic {
    enum Phase {
        case lobby
        /// In a plan of one's own.
        case plan(PlanSeat)
        /// In a group room (this connection's id is its member id there).
        case room(RoomKeeper)
        case closing
    }

    /// A plan of one's own: the session, and its plan's id in the store. A class, so that the phase
    /// stays small while a connection waits at the menu (a `Session` inline would make every idle
    /// connection ~700 bytes bigger), and so that a turn changes the session where it is, with no
    /// copy of the plan.
    final class PlanSeat {
        var session: Session
        var dialogueID: String { session.conversation.script.id }
        var title: String { session.conversation.script.title }
        init(session: Session) { self.session = session }
    }

    public let id: String
    let services: DoorServices
    weak var transport: (any DoorTransport)?
    /// How others reach this connection.
    let link: any PeerLink
    /// What per-address caps and failure counts count by (an IPv6 address's /64), and whether the
    /// host trusts its network to be many people.
    let limitKey: String
    let trusted: Bool
    let address: String
    /// The server's logger. Its copy with this connection's id is made only when something is
    /// logged: metadata kept in every connection would cost an idle one ~300 bytes.
    let baseLogger: Logger
    public var logger: Logger {
        var logger = baseLogger
        logger[metadataKey: "connection"] = "\(id)"
        return logger
    }

    /// Logs with this connection's id, making that copy of the logger only when the level is on
    /// (a server logs at `error` by default, and every connection opens, closes and starts a plan).
    func log(_ level: Logger.Level, _ message: @autoclosure () -> Logger.Message, metadata: @autoclosure () -> Logger.Metadata? = nil) {
        guard baseLogger.logLevel <= level else { return }
        logger.log(level: level, message(), metadata: metadata())
    }

    public internal(set) var json = false
    /// What a JSON-mode client said it is (`/mode json tandem-connect`), for the host's `/sessions`.
    var client: String?
    var phase = Phase.lobby {
        didSet {
            // Someone in a plan or a room is never closed to make room for a newcomer. The hub is
            // told only of a change (it takes a lock shared by every connection).
            switch (oldValue, phase) {
            case (.plan, .plan), (.room, .room), (.room, .plan), (.plan, .room), (.lobby, .lobby), (_, .closing): break
            case (_, .plan), (_, .room): services.hub.setInPlan(id, true)
            case (_, .lobby): services.hub.setInPlan(id, false)
            }
        }
    }
    var name: String?
    public internal(set) var isHost = false
    /// Set while this person shares their answers with hosts (`/share`): what they may see.
    var disclosure: Disclosure?
    var sharing: Bool { disclosure != nil }
    /// Hosts who see this person's answers, and people this host sees.
    var watchers: [String] = []
    var watching: Set<String> = []
    /// The saved plan this connection has open on its own (see `OpenPlans`).
    var heldPlan: String?
    /// Work of this connection's own that is on its way (a plan's write, a room's turn).
    var working = 0
    /// Requests to let go of the plan that came while a turn was being written.
    var pendingReleases: [(plan: String, done: @Sendable () -> Void)] = []
    /// The server is stopping, but a turn was on its way: close once it is done.
    var closeRequested = false
    /// What the check-in has said to this person at the menu (lines there are heard too).
    var lobbyCheckIns = CheckInState()

    public init(id: String, services: DoorServices, transport: any DoorTransport, link: any PeerLink, limitKey: String, trusted: Bool, address: String, logger: Logger) {
        self.id = id
        self.services = services
        self.transport = transport
        self.link = link
        self.limitKey = limitKey
        self.trusted = trusted
        self.address = address
        baseLogger = logger
    }

    // MARK: What the transport asks

    /// At the menu (where the short idle times, and sniffing for other protocols, apply).
    public var atMenu: Bool {
        if case .lobby = phase { return true }
        return false
    }

    /// In a plan of one's own or a group room.
    public var inPlanOrRoom: Bool {
        switch phase {
        case .plan, .room: true
        case .lobby, .closing: false
        }
    }

    /// What failures are counted by: the address, or, on a trusted network, this connection alone.
    var ledgerKey: String { trusted ? "connection \(id)" : limitKey }

    /// The plan this connection is in on its own.
    var openConversation: Conversation? {
        if case .plan(let seat) = phase { return seat.session.conversation }
        return nil
    }

    /// The question open now, on its own or in a group (the group's as last seen).
    var currentStep: String? {
        switch phase {
        case .plan(let seat): seat.session.conversation.currentStep?.id
        case .room(let keeper): keeper.status.step
        case .lobby, .closing: nil
        }
    }

    /// The menu, or the open question again (after a change of mode, or a stale answer).
    func showWhereWeAre(resumeHint: Bool = true) {
        switch phase {
        case .lobby: transport?.send(menu(resumeHint: resumeHint), betweenTurns: false)
        case .plan(let seat): send(.events(seat.session.conversation.repeatQuestion()))
        case .room(let keeper):
            let me = id
            work({ await keeper.question(for: me) }) { [self] result in
                if case .success(let events) = result { send(.events(events)) }
            }
        case .closing: break
        }
    }

    // MARK: Lines

    /// A framed line, in the connection's mode.
    public func line(_ text: String) {
        guard !isClosing else { return }
        if json { jsonLine(text) } else { textLine(text) }
    }

    /// A line in text mode: a network command, or a line for the menu, the plan or the room,
    /// exactly as the terminal would take it. The command is read from the cleaned line, as the
    /// plan reads its own: a stray arrow key (`ESC [ A`), a control or a bidi mark before
    /// `/unshare` must not hide it and leave the person sharing.
    func textLine(_ text: String) {
        let clean = Sanitize.line(text)
        if let command = NetworkCommand(line: clean) {
            hearThenRun(command, line: clean)
        } else {
            route(text)
        }
    }

    /// A line in JSON mode: an object (`op`), or a `/command` as in text mode. Ctrl-D alone is the
    /// end of input, as in text mode; controls between the JSON's tokens are cleaned away first.
    func jsonLine(_ text: String) {
        if text.utf8.contains(0x04), text.trimmedSpaces == "\u{4}" { return route(text) }
        let trimmed = ClientMessage.cleanedLine(text).trimmedSpaces
        if trimmed.isEmpty { return }
        if trimmed.hasPrefix("/") { return textLine(trimmed) }
        let message: ClientMessage
        do {
            message = try ClientMessage(json: trimmed)
        } catch {
            return self.error(code: 400, error.text)
        }
        switch message {
        case .line(let line):
            textLine(line)
        case .hear(let words):
            hear(words)
        case .answer(let input, let step):
            // An answer meant for a question the plan (or the group) has left is not used.
            if let step, let current = currentStep, current != step {
                error(code: 400, "That answer is for \"\(step)\", but the question now is \"\(current)\".")
                return showWhereWeAre()
            }
            let clean = input.sanitized
            if case .plan = phase { return planTurn { $0.handle(answer: clean) } }
            route(clean.line)
        }
    }

    /// A line for the menu, the plan or the room (never a network command).
    func route(_ raw: String) {
        // Ctrl-D typed in telnet arrives as a line holding only EOT: the end of input, as in the terminal.
        let endOfTransmission = raw.utf8.contains(0x04) && raw.trimmedSpaces == "\u{4}"
        let line = Sanitize.line(raw)
        switch phase {
        case .closing:
            return
        case .lobby:
            if endOfTransmission { return close(now: false) }
            // A join code typed without /join (as the host read it out): joining, not a plan's name.
            if JoinLine(line)?.looksLikeCode == true { return join(line) }
            switch services.lobby.handle(line, checkIns: &lobbyCheckIns, host: hostPresence) {
            case .stay(let events):
                send(.events(events))
            case .start(let script):
                startPlan(script)
            case .leave(let events):
                send(.events(events))
                close(now: false)
            }
        case .room(let keeper):
            if endOfTransmission { return endOfInput(typed: true) }
            roomLine(line, keeper: keeper)
        case .plan:
            if endOfTransmission { return endOfInput(typed: true) }
            // As typed: the session cleans it, and keeps the lines of a paste apart at a list.
            planTurn { $0.handle(raw) }
        }
    }

    /// One turn of a plan of one's own: worked out here, its changes made durable, then shown; what
    /// hosts may see of it is decided from what was private before it.
    func planTurn(_ handle: (Session) -> Session.Turn) {
        guard case .plan(let seat) = phase else { return }
        let turn = handle(seat.session)
        let disclosed = disclosure
        let shown = disclosure?.reveal(from: seat.session.conversation.state, to: turn.next.conversation.state, in: seat.session.conversation.script) ?? []
        guard !turn.changes.isEmpty, let store = services.store, let plan = seat.session.plan?.id else {
            return finish(turn, shown: shown)
        }
        let changes = turn.changes, progress = turn.progress
        work(reporting: { done in store.append(changes, to: plan, progress: progress) { done($0.mapError { $0 }) } }) { [self] result in
            switch result {
            case .success:
                finish(turn, shown: shown)
            case .failure(let error as StoreError) where error.kind == .notFound:
                // Deleted meanwhile (`tandem delete` on this computer): trying again could never
                // work, so the turn is taken and the plan lives on here only, as in the terminal.
                log(.notice, "plan deleted elsewhere: kept on this connection only")
                guard case .plan(let seat) = phase else { return }
                send(.events(seat.session.planGone(after: turn)))
                report(shown, in: seat.session.conversation)
                if seat.session.isClosed { close(now: false) }
            case .failure(let error):
                log(.error, "journal write failed: \(type(of: error))")
                disclosure = disclosed
                if case .plan(let seat) = phase { send(.events(seat.session.unsaved(error))) }
            }
        }
    }

    /// Takes a turn whose changes are safe, shows it, and tells the hosts watching.
    func finish(_ turn: Session.Turn, shown: [Disclosure.Shown]) {
        guard case .plan(let seat) = phase else { return }
        seat.session.accept(turn)
        send(.events(turn.events))
        report(shown, in: seat.session.conversation)
        if seat.session.isClosed {
            log(.info, "plan left")
            close(now: false)
        }
    }

    /// Runs work away from the connection through the transport, counting it as this connection's
    /// own: requests to let go of the plan wait for it, and so does a shutdown.
    func work<T: Sendable>(_ body: @escaping @Sendable () async throws -> T, then: @escaping (Result<T, any Error>) -> Void) {
        guard let transport else { return }
        working += 1
        transport.perform(body) { [self] result in workDone(result, then: then) }
    }

    /// `work` for work that reports back through a callback of its own (the store's durable append).
    func work<T: Sendable>(reporting start: (@escaping @Sendable (Result<T, any Error>) -> Void) -> Void, then: @escaping (Result<T, any Error>) -> Void) {
        guard let transport else { return }
        working += 1
        transport.perform(reporting: start) { [self] result in workDone(result, then: then) }
    }

    private func workDone<T>(_ result: Result<T, any Error>, then: (Result<T, any Error>) -> Void) {
        working -= 1
        guard !isClosing else { return }
        then(result)
        guard working == 0 else { return }
        releaseWhatWasAsked()
        if closeRequested {
            closeRequested = false
            shutDown()
        }
    }

    // MARK: Output

    func send(_ message: ServerMessage) {
        transport?.send([message])
    }

    /// The server's own words (not an error).
    func note(_ text: String) {
        send(.note(text))
    }

    /// An error: words for people, a code for programs.
    func error(code: Int, _ text: String, closing: Bool = false) {
        send(.error(code: code, text: text, close: closing))
    }

    /// Says why, shows how to come back to an open plan, then closes once that is written.
    public func fail(code: Int, _ text: String) {
        guard !isClosing else { return }
        error(code: code, text, closing: true)
        send(.events(farewell()))
        close(now: false)
    }

    // MARK: What reaches this connection from others

    public func receive(_ message: PeerMessage) {
        guard !isClosing else { return }
        switch message {
        case .unwatch(let hostID):
            watchers.removeAll { $0 == hostID }
        case .fromHost(let text):
            send(.fromHost(text))
        case .watched(let event):
            if event.kind.isLeaving { watching.remove(event.id) }
            guard watching.contains(event.id) || event.kind.isLeaving else { return }
            send(.watched(event))
        case .roomEvents(let events):
            roomEvents(events, betweenTurns: true)
        case .shutdown:
            if working > 0 {
                closeRequested = true
            } else {
                shutDown()
            }
        case .evicted:
            log(.notice, "closed to make room for a newcomer")
            fail(code: 503, ServerWords.evicted)
        case .wantsToTalk(let other, let otherName):
            guard isHost else { return }
            transport?.send([.note(ServerWords.wantsToTalk(otherName.map { "\(other) (\($0))" } ?? other))], betweenTurns: true)
        }
    }
}
