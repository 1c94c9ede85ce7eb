/// What someone says on a question the group answers together: shown to everyone, as their
/// thoughts (`Asha says: …`).
///
/// Except words of distress, the first time: the check-in goes to its person alone, and says
/// Tandem tells no one, so the words it heard are not shown to the group either, until the person
/// chooses to. They are told so, privately, and the same words typed again go to the group. A
/// person in a group with staff, carers and others should not have their distress put before
/// everyone by one line typed in a hard moment.
extension Room {
    static let remarkKeptPrivate = "Only you can see what you just wrote: it was not shown to the group. If you want the group to see it, type it again."

    mutating func remark(_ line: String, from me: Member) -> [Delivery] {
        let text = Sanitize.line(line.trimmedSpaces)
        guard !text.isEmpty else { return [] }
        if heldRemarks[me.id] != text, session.support.distress(in: text) != nil {
            heldRemarks[me.id] = text
            return only(me.id, .notice(Self.remarkKeptPrivate))
        }
        if heldRemarks[me.id] == text { heldRemarks[me.id] = nil }
        return present.map { Delivery(to: $0.id, events: [.room(.remark(name: me.name, text: text))]) }
    }
}
