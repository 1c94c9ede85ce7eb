import DialogueEngine
import TandemProtocol

/// The network's own commands are heard too: the words after `/name`, `/join CODE`, `/talk` or
/// `/say ID` are part of a line someone typed, and every line is heard. The check-in comes first,
/// from what this person has been shown so far (at the menu, in a plan, or in a room), then the
/// command runs; words of distress given as a name are not kept as one (as at a plan's name
/// question), so they never head the host's list or greet a group.
extension ConnectionLogic {
    /// Runs a network command typed as `line`, after hearing the words after its word.
    func hearThenRun(_ command: NetworkCommand, line: String) {
        guard let words = CommandCatalogue.argument(of: line), services.library.support.distress(in: words) != nil else {
            return run(command)
        }
        checkIn(words) { [self] in
            switch command {
            case .name: note(ServerWords.nameUsage)
            case .join: note(ServerWords.joinUsage)
            default: run(command)
            }
        }
    }

    /// At the menu, as in a plan: a session has a host, so after the full check-in the person is
    /// asked, once, whether they would like the host to come and talk with them (`/talk`).
    func offeringTheHost(_ events: [Event]) -> [Event] {
        guard let at = events.firstIndex(where: { if case .checkIn = $0 { true } else { false } }),
              let offer = lobbyCheckIns.offer(hosted: true, after: events[at]) else { return events }
        var events = events
        events.insert(offer, at: at + 1)
        return events
    }

    /// Shows the check-in (or the reminder) for `words`, to this person alone, then goes on.
    private func checkIn(_ words: String, then: @escaping () -> Void) {
        switch phase {
        case .lobby:
            send(.events(offeringTheHost(services.lobby.hear(words, checkIns: &lobbyCheckIns) ?? [])))
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
}
