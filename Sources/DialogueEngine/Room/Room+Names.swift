/// The names people are known by in a group room: unique in the room, chosen at joining and
/// changed with `/name`.
extension Room {
    /// Someone chose another name (`/name`), made unique in the room as at joining. Everyone there
    /// is told, this person too (a door may tell them in its own words). Their answers held for an
    /// open question stay theirs: they are kept by id, and shown with the name they have then.
    ///
    ///     room.rename(id: "p2", to: "Asha K")   // "Asha 2 is now called Asha K." to everyone
    public mutating func rename(id: String, to name: String) -> (name: String, deliveries: [Delivery]) {
        guard !isClosed, let index = members.firstIndex(where: { $0.id == id }) else { return (name, []) }
        let old = members[index].name
        let unique = uniqueName(name, except: id)
        guard unique != old else { return (old, []) }
        members[index].name = unique
        let note = Event.room(.renamed(from: old, to: unique))
        return (unique, present.map { Delivery(to: $0.id, events: [note]) })
    }

    /// The name, or the name with a number when someone else here already has a name that looks
    /// the same (case and compatibility forms aside).
    func uniqueName(_ name: String, except id: String? = nil) -> String {
        let key = { (s: String) in PersonName(s)?.key ?? s.lowercased() }
        let taken = Set(members.filter { $0.id != id }.map { key($0.name) })
        guard taken.contains(key(name)) else { return name }
        var n = 2
        while taken.contains(key("\(name) \(n)")) { n += 1 }
        return "\(name) \(n)"
    }
}
