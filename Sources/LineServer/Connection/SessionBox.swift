import DialogueEngine

/// One person's plan on a connection.
///
/// `@unchecked Sendable` because a turn's write runs on the journal thread pool (`save`), or, for a
/// plan being opened, the whole box is made there: the connection hands the box over for one step at
/// a time and touches it again only after that step's future has completed on the connection's event
/// loop (which orders the memory). No two threads ever use it at once.
final class SessionBox: @unchecked Sendable {
    var session: Session
    let dialogueID: String
    let title: String
    /// The saved plan's id; nil when plans are not saved.
    let planID: String?
    /// The session's journal, holding each turn's changes until the connection has them written.
    let deferred: DeferredJournal?

    init(session: Session) {
        var session = session
        if let journal = session.journal {
            let deferred = DeferredJournal(target: journal)
            session.journal = deferred
            self.deferred = deferred
        } else {
            deferred = nil
        }
        self.session = session
        planID = session.journal?.planInfo.id
        dialogueID = session.conversation.script.id
        title = session.conversation.script.title
    }
}

/// A journal that keeps a turn's changes instead of writing them: the engine part of a turn runs on
/// the connection's event loop, and only the write goes to the journal pool. The connection shows
/// the turn's events only after `save` has made its changes durable, and puts the session back as it
/// was (`PreparedTurn.before`) when the write fails: nothing is acknowledged before it is on disk.
///
/// `@unchecked Sendable` as `SessionBox` is: one turn at a time, handed over through futures.
final class DeferredJournal: Journal, @unchecked Sendable {
    let target: any Journal
    private var pending: [Change] = []

    init(target: any Journal) {
        self.target = target
    }

    func record(_ changes: [Change]) throws {
        pending += changes
    }

    var resumeCode: String? { target.resumeCode }
    var planInfo: PlanInfo { target.planInfo }

    /// The changes kept since the last call.
    func take() -> [Change] {
        defer { pending = [] }
        return pending
    }
}

/// A turn worked out on the event loop, with what still has to be written before it is shown.
/// `@unchecked Sendable` because `before` holds the session's journal (a class): it only travels with
/// the turn it belongs to, and is used again on the same event loop.
struct PreparedTurn: @unchecked Sendable {
    var result: TurnResult
    var changes: [Change]
    /// The session as it was before the turn, to go back to if the write fails.
    var before: Session
}

/// What one turn produced, handed back from wherever it ran.
struct TurnResult: Sendable {
    var events: [Event]
    var closed: Bool
}

extension SessionBox {
    /// Runs one line through the session here and now, keeping its changes to be written.
    func prepare(_ line: String) -> PreparedTurn {
        let before = session
        let events = session.handle(line)
        let result = TurnResult(events: events, closed: session.isClosed)
        return PreparedTurn(result: result, changes: deferred?.take() ?? [], before: before)
    }

    /// Writes a prepared turn's changes; returns once they are durable (on the journal pool).
    func save(_ changes: [Change]) throws {
        try deferred?.target.record(changes)
    }

    /// The write failed: the session goes back to before the turn, and the person is told.
    func undo(_ prepared: PreparedTurn, _ error: any Error) -> [Event] {
        session = prepared.before
        return [.failure("I could not save that, so I have not moved on. Please try again. (\(error))")] + session.conversation.repeatQuestion()
    }
}
