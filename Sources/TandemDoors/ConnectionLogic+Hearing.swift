import DialogueEngine
import TandemProtocol

/// The network's own commands are heard too: the person's own words after `/name`, `/join CODE`,
/// `/talk` or `/say ID` are part of a line someone typed, and every line is heard. (Codes, tokens,
/// ids and plan names are not: a random code can look like words to the weighed words.) The
/// check-in comes first, from what this person has been shown so far (at the menu, in a plan, or
/// in a room), then the command runs; words of distress the patterns hear in a name are not kept
/// as one (as at a plan's name question), so they never head the host's list or greet a group. A
/// name only the weighed words heard is kept: they are less sure, and a real name must never be
/// refused for good.
extension ConnectionLogic {
    /// Runs a network command, after hearing the person's own words in it.
    func hearThenRun(_ command: NetworkCommand, line: String) {
        guard let words = Self.ownWords(command), let match = services.library.support.distress(in: words) else {
            return run(command)
        }
        checkIn(words) { [self] in
            switch command {
            case .name where !match.weighed: note(ServerWords.nameUsage)
            case .join where !match.weighed: note(ServerWords.joinUsage)
            // `/mode json I want to die`: the mode changes, but the words never label the client.
            case .mode(let rest) where !match.weighed: run(.mode(NetworkCommand.modeWords(rest).mode ?? rest))
            default: run(command)
            }
        }
    }

    /// Words a client answered itself (`{"op":"hear"}`), heard as every line is, and used for
    /// nothing else: the check-in (or the reminder) when they hold words of distress.
    func hear(_ words: String) {
        let trimmed = words.trimmedSpaces
        guard !trimmed.isEmpty, services.library.support.distress(in: trimmed) != nil else { return }
        checkIn(trimmed) {}
    }

    /// The words in a network command that are the person's own: a name, a message, what follows
    /// `/talk`, anything after `/mode` but the mode. Nil for codes, tokens, ids and plan names.
    public static func ownWords(_ command: NetworkCommand) -> String? {
        var words: String
        switch command {
        case .name(let typed): words = typed
        case .talk(let rest): words = rest
        case .say(_, let text): words = text
        case .join(let rest):
            // The name, never the join code or a seat code after it.
            words = JoinLine(rest)?.name ?? ""
            if let (_, before) = seat(in: words) { words = before }
        case .mode(let rest): words = NetworkCommand.modeWords(rest).words
        case .resume, .host, .sessions, .watch, .unwatch, .share, .unshare, .room: return nil
        }
        let trimmed = words.trimmedSpaces
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Shows the check-in (or the reminder) for `words`, to this person alone, then goes on.
    private func checkIn(_ words: String, then: @escaping () -> Void) {
        switch phase {
        case .lobby:
            send(.events(services.lobby.hear(words, checkIns: &lobbyCheckIns, host: hostPresence) ?? []))
            then()
        case .plan(let seat):
            send(.events(seat.session.hear(words)))
            then()
        case .room(let keeper):
            let me = id
            work({ await keeper.run(for: me) { $0.hear(words, from: me) } }) { [self] result in
                if case .success(let events) = result, !events.isEmpty { send(.events(events)) }
                then()
            }
        case .closing:
            return
        }
    }

    /// Whether a host (someone other than this person) is connected, to be offered after a full
    /// check-in (at the menu, as in a plan). The engine asks only when it has an offer to make:
    /// rarely, never on an ordinary turn.
    var hostPresence: HostPresence {
        let hub = services.hub, me = id
        return HostPresence { hub.hasHost(besides: me) }
    }
}
