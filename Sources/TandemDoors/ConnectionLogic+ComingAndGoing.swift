import DialogueEngine
import TandemProtocol

/// Coming and going: the greeting, the end of a person's input, the server stopping, and the
/// connection closing.
extension ConnectionLogic {
    /// The connection is open: the greeting and the menu.
    public func greet() {
        log(.info, "connection opened", metadata: ["address": "\(address)"])
        transport?.send(menu(), betweenTurns: false)
    }

    /// The menu, as the server shows it of its own accord (the greeting, after `/mode text`, after
    /// a takeover, after a group room closes), after `before`: when plans are kept, with the line on
    /// carrying on with a code, every time the same, in JSON mode too (a `note`). Not `resumeHint`
    /// right after `/mode json`: the `hello` just sent says the same with `saved` (and `tandem
    /// connect` shows the line itself there).
    func menu(after before: [Event] = [], resumeHint: Bool = true) -> [ServerMessage] {
        let menu = ServerMessage.events(before + services.lobby.greeting())
        return services.store != nil && resumeHint ? [menu, .note(ServerWords.resumeHint)] : [menu]
    }

    /// The client has finished sending (`typed`: Ctrl-D alone on a line; otherwise the connection's
    /// input ended): the same as `/pause`. A plan is paused (its code shown); in a group room, anyone
    /// but its host leaves the group, and a host who typed Ctrl-D closes the room (and is shown the
    /// group plan's code). A host's input that just ends is taken as a dropped connection: a closed
    /// window cannot be told from a lost one, and the group waits for its host to come back.
    public func endOfInput(typed: Bool = false) {
        guard !isClosing else { return }
        if case .room(let keeper) = phase, typed || !isHost { return roomLine("/pause", keeper: keeper) }
        send(.events(farewell()))
        close(now: false)
    }

    /// What a person in a plan is told when the connection ends for any reason: how to come back.
    public func farewell() -> [Event] {
        guard working == 0, case .plan(let seat) = phase else { return [] }
        let end = seat.session.endOfInput()
        seat.session.accept(end)
        return end.events
    }

    /// The connection has gone: its room hears it, its plan is free, its hosts are told.
    public func closed() {
        enterClosing()
        services.hub.leave(id: id, address: limitKey)
        tellWatchers(.left)
        letGoOfPlan()
        for pending in pendingReleases { pending.done() }
        pendingReleases = []
        log(.info, "connection closed")
    }

    var isClosing: Bool {
        if case .closing = phase { return true }
        return false
    }

    /// From now on nothing more is taken; a group room hears that this person has gone.
    func enterClosing() {
        if case .room(let keeper) = phase { leave(keeper) }
        phase = .closing
    }

    func close(now: Bool) {
        enterClosing()
        transport?.close(now: now)
    }

    /// The server is stopping. In a plan of one's own: the reason, then how to come back. In a group
    /// room: the room closes as the host's `/room close` closes it (once its last turn is durable), and
    /// this person is told so after the reason: the host with the group plan's code.
    func shutDown() {
        log(.info, "closing for shutdown")
        guard case .room(let keeper) = phase else { return fail(code: 503, ServerWords.closing) }
        let me = id
        work({ await keeper.shutDown(for: me) }) { [self] result in
            error(code: 503, ServerWords.closing, closing: true)
            if case .success(let events) = result, !events.isEmpty { send(.events(events)) }
            close(now: false)
        }
    }
}
