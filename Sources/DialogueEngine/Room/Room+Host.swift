/// When the host's connection drops: the group waits for them, and carries on when they are back.
extension Room {
    /// The host's connection dropped. Everyone else is told the group will wait `graceMinutes`;
    /// a question everyone answers can still close without the host.
    mutating func hostLeft(graceMinutes: Int) -> [Delivery] {
        hostAway = true
        absences += 1
        var deliveries = present.map { Delivery(to: $0.id, events: [.room(.hostAway(minutes: graceMinutes))]) }
        deliveries += closeRoundIfDone()
        return deliveries
    }

    /// The host is back, on a new connection (`id`): they see where the group is, and everyone
    /// else hears they are back.
    public mutating func hostReturns(id: String) -> [Delivery] {
        guard !isClosed, hostAway else { return [] }
        hostAway = false
        // An answer the host gave before the drop is still theirs, on the new connection.
        let oldID = members[0].id
        for step in rounds.keys {
            if let i = rounds[step]!.answers.firstIndex(where: { $0.id == oldID }) { rounds[step]!.answers[i].id = id }
        }
        members[0].id = id
        let back = members[0]
        var deliveries = members.dropFirst().map { Delivery(to: $0.id, events: [.room(.hostBack(name: back.name))]) }
        // Who is here now (some may have joined or left while the host was away), as `/people` says it.
        var mine: [Event] = [.room(.opened(code: code, title: title))]
        // Everyone's answers that showed while they were away, so they know what the group gave.
        mine += missedByHost.map { .room($0) }
        missedByHost = []
        mine.append(.room(.people(names: present.map(\.name), waitingFor: waitingFor())))
        mine += personal(session.conversation.isFinished ? [.finished(session.conversation.summary)] : session.conversation.repeatQuestion(), for: back)
        deliveries.insert(Delivery(to: id, events: mine + turnNote(for: back)), at: 0)
        return deliveries
    }

    /// Closes the room if the host has not come back since absence number `absence`.
    public mutating func closeIfHostStillAway(absence: Int) -> [Delivery] {
        guard !isClosed, hostAway, absence == absences else { return [] }
        return close()
    }
}
