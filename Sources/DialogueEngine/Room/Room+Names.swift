/// The names people are known by in a group room: unique in the room, chosen at joining and
/// changed with `/name`.
extension Room {
    /// Someone chose another name (`/name`), made unique in the room as at joining. Everyone there
    /// is told, this person too (a door may tell them in its own words). Their answers held for an
    /// open question stay theirs: they are kept by id, and shown with the name they have then.
    ///
    ///     room.rename(id: "p2", to: "Asha K")   // "Asha 2 is now called Asha K." to everyone
    /// A name kept for the host (``isKeptForHost(_:)``) is refused for anyone else: they alone
    /// are told so (a notice), and keep their name.
    public mutating func rename(id: String, to name: String) -> (name: String, deliveries: [Delivery]) {
        guard !isClosed, let index = members.firstIndex(where: { $0.id == id }) else { return (name, []) }
        let old = members[index].name
        if !members[index].isHost, Self.isKeptForHost(name) { return (old, only(id, .notice(Self.nameForHost))) }
        let unique = uniqueName(name, except: id)
        guard unique != old else { return (old, []) }
        members[index].name = unique
        // Their seat comes back with this name after a restart.
        if let key = seatKey(of: id), let seat = seats[key] { pendingChanges.append(.seated(seat: seat.code, name: unique)) }
        // The host's too, for the room opened again (`reopen`).
        if members[index].isHost { pendingChanges.append(.hosted(name: unique)) }
        let note = Event.room(.renamed(from: old, to: unique))
        return (unique, present.map { Delivery(to: $0.id, events: [note]) })
    }

    /// The name the host of a group's plan went by last, as its store knows it (`Change.hosted`):
    /// what a host who opens it again as a room, and has given no name of their own, is called.
    /// A plan kept before hosts' names were has the name only with an own answer of the host's
    /// (`Change.held`); nil when it has neither, or its host gave no name.
    public static func hostName(in changes: [Change]) -> String? {
        for change in changes.reversed() {
            switch change {
            case .hosted(let name), .held(_, let name, _, true, _): return isKeptForHost(name) ? nil : name
            default: continue
            }
        }
        return nil
    }

    /// Words for someone who asks for a name kept for the host.
    public static let nameForHost = "That name is for the group's host. Please choose another name."

    /// Names no one but the host may have in a room ("Host", "the host", in any case or form):
    /// a host who gives no name is called Host, and no one else's words should pass for theirs.
    public static func isKeptForHost(_ name: String) -> Bool {
        let key = { (s: String) in PersonName(s)?.key ?? s.lowercased() }
        return ["Host", "The host"].map(key).contains(key(name))
    }

    /// The name, or the name with a number when someone else here already has a name that looks
    /// the same (case and compatibility forms aside), or someone who went has an answer held under it.
    func uniqueName(_ name: String, except id: String? = nil) -> String {
        let key = { (s: String) in PersonName(s)?.key ?? s.lowercased() }
        var taken = Set(members.filter { $0.id != id }.map { key($0.name) })
        // The name of someone whose answer is held (for the open question, or one the host went
        // back from) stays theirs while it is: someone else who gives it is a newcomer (`Asha 2`),
        // and no two answers show as one name's.
        for round in rounds.values { taken.formUnion(round.departed.values.map(key)) }
        guard taken.contains(key(name)) else { return name }
        var n = 2
        while taken.contains(key("\(name) \(n)")) { n += 1 }
        return "\(name) \(n)"
    }
}
