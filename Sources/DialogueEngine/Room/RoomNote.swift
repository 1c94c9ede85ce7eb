/// What happens in a group room, as shown to one person in it (``Event/room(_:)``).
public enum RoomNote: Sendable, Equatable, Codable {
    /// To the facilitator: the room is open and people join with `code`.
    case opened(code: String, title: String)
    /// To someone who has just joined: who else is here. `seat` is their own seat code, for them
    /// alone: with the room's join `code`, it takes them back to their seat (and an answer they
    /// gave) if their connection drops. Nil where the door gives no seats.
    case welcome(name: String, title: String, others: [String], seat: String? = nil, code: String? = nil)
    case joined(name: String)
    /// Someone came back to their seat with their seat code. In JSON, `joined` with `"back": true`,
    /// so a client that knows only `joined` still shows them.
    case back(name: String)
    case left(name: String)
    /// Someone's connection was lost without their leaving (a reset, a network gone): they are out
    /// of the group until they join again; an answer they gave is kept.
    case dropped(name: String)
    /// Someone chose another name in the group (`/name`): the group knows them as `to` from now on.
    case renamed(from: String, to: String)
    /// Someone gave their own answer to a question everyone answers (the answer is not shown yet).
    case answered(name: String, count: Int, of: Int)
    /// Your own answer is kept until everyone has answered; `changed` when it replaced an earlier one;
    /// `back` when you came back to your seat and it is the answer you gave before (not one just given).
    case kept(count: Int, of: Int, changed: Bool, back: Bool = false)
    /// Everyone's answers to a question, shown together.
    case views(question: String, lines: [String])
    /// The facilitator wrote down the group's answer.
    case recorded(question: String, answer: String?)
    /// Someone's words for the group, on a question the group answers together.
    case remark(name: String, text: String)
    /// Who answers the question just asked: everyone, or the facilitator for the group.
    case turn(everyone: Bool, host: Bool)
    /// Who is in the room (`/people`); `waitingFor` lists those yet to answer an open question.
    case people(names: [String], waitingFor: [String])
    /// Something only the facilitator can do in a group.
    case hostOnly(String)
    /// The commands that work in a room.
    case help(host: Bool)
    /// The group's plan is saved as it goes; `code` opens the room again another time (`/room resume`).
    case savedAs(code: String)
    /// You left the group (`/quit`).
    case youLeft
    /// The host's connection dropped; the group waits for them this long.
    case hostAway(minutes: Int)
    /// To someone who joins, or asks who is here, while the host's connection is down: the group
    /// is waiting for them.
    case waitingForHost
    /// The host is back.
    case hostBack(name: String)
    /// The room has ended; `code` carries the group's plan on (for the host; for everyone when the
    /// room ended because the host did not come back), or opens it again to read when it is
    /// `finished`.
    case closed(code: String?, saved: Bool, host: Bool, finished: Bool = false)
}
