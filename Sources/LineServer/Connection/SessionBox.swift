import DialogueEngine

/// One person's plan on a connection.
///
/// `@unchecked Sendable` because a turn may run on the journal thread pool while the store writes:
/// the connection hands the box to that thread for one turn at a time and touches it again only
/// after the turn's future has completed on the connection's event loop (which orders the memory).
/// No two threads ever use it at once.
final class SessionBox: @unchecked Sendable {
    var session: Session
    let dialogueID: String
    let title: String

    init(session: Session) {
        self.session = session
        dialogueID = session.conversation.script.id
        title = session.conversation.script.title
    }
}

/// What one turn produced, handed back from wherever it ran.
struct TurnResult: Sendable {
    var events: [Event]
    var closed: Bool
    /// Answers that changed, for facilitators watching (empty unless someone watches).
    var changed: [ReviewItem] = []
}

extension SessionBox {
    /// Runs one line through the session; works out what watchers should see when `watched`.
    func turn(_ line: String, watched: Bool) -> TurnResult {
        let before = watched ? session.conversation.reviewItems : []
        let events = session.handle(line)
        var result = TurnResult(events: events, closed: session.isClosed)
        guard watched else { return result }
        let after = session.conversation.reviewItems
        let old = Dictionary(before.map { ($0.step, $0) }, uniquingKeysWith: { a, _ in a })
        for item in after where old[item.step]?.answer != item.answer || old[item.step]?.skipped != item.skipped {
            result.changed.append(item)
        }
        return result
    }
}
