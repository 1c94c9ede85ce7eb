/// Coming into a room: joining as someone new, or coming back to a seat.
///
/// Seats: each person who joins a room is given a seat code, privately (the door makes it, from
/// the system's secure random source, and tells it to them alone). A name in a room is not proof
/// of who someone is; the seat code is. With it, someone whose connection dropped (or who left)
/// comes back as themselves: the same name, and an answer they gave to the open question is theirs
/// again, to change. Someone who joins with their name but without the code is a newcomer
/// (`Asha 2`), and the held answer stays with the person who gave it.
///
///     room.join(id: "p1", name: "Asha", seat: "KQ7-4MT")   // Asha alone is told KQ7-4MT
///     room.leave(id: "p1", dropped: true)
///     room.comeBack(id: "p9", seat: "kq74mt")               // Asha again, her answer hers
extension Room {
    struct Seat: Sendable {
        /// The member who has it now, or had it last.
        var id: String
        /// As it was given.
        var code: String
        /// The name they had when they went, to come back with.
        var name: String
    }

    /// Seat codes tried in one room that were no seat, before seats stop being given back there
    /// (guessing one would take far more tries than this).
    public static let maxWrongSeats = 20

    /// What coming back to a seat did.
    public enum Comeback: Sendable, Equatable {
        /// Back in the room, as `name`.
        case back(name: String, deliveries: [Delivery])
        /// No seat here has that code (counted toward `maxWrongSeats`).
        case wrongSeat
        /// Its person is in the room now, on a connection the server has not yet found gone.
        case seatTaken
        /// Too many codes that were no seat have been tried here: no seat is given back now.
        case tooManyWrong
    }

    /// A seat given in a group's plan before its room was opened again, as its store knows it.
    public struct GivenSeat: Sendable, Equatable {
        public var code: String
        /// The name its person went by last.
        public var name: String

        public init(code: String, name: String) {
            self.code = code
            self.name = name
        }
    }

    /// The seats given in a group's plan, as its store knows them: each seat code kept when its
    /// person joined, came back or changed their name (`Change.seated`), or with an own answer
    /// (`Change.held`, all a plan kept before seats were), with the name it was kept with last, in
    /// the order first given. A room opened on the plan gives each back to its person
    /// (`reopen`); any other code is still no seat, and counted as a wrong one.
    public static func seatsGiven(in changes: [Change]) -> [GivenSeat] {
        var seats: [GivenSeat] = []
        var at: [String: Int] = [:]
        func keep(_ code: String, _ name: String) {
            let key = seatKey(code)
            if let i = at[key] {
                seats[i].name = name
            } else {
                at[key] = seats.count
                seats.append(GivenSeat(code: code, name: name))
            }
        }
        for change in changes {
            switch change {
            case .seated(let seat, let name): keep(seat, name)
            case .held(_, let name, let seat?, false, _): keep(seat, name)
            default: break
            }
        }
        return seats
    }

    /// Each seat given before the room was opened again is a seat again, with the name its person
    /// had last, so their seat code takes them back to it. A seat with an answer held for it
    /// (`restoreHeld`) stays with that answer.
    mutating func restoreSeats(_ given: [GivenSeat]) {
        for seat in given {
            let key = Self.seatKey(seat.code)
            if seats[key] != nil { continue }
            seats[key] = Seat(id: "seat:" + key, code: seat.code, name: seat.name)
        }
    }

    /// Someone joins with the name they gave (made unique in the room). Returns the name used.
    /// `seat`: the seat code the door made for them (see `Room+Seats.swift`), told to them alone;
    /// nil where the door gives none (or when that code is a seat here already).
    /// Joining by name never takes over anyone's held answer: that takes the seat code.
    public mutating func join(id: String, name: String, seat: String? = nil) -> (name: String, deliveries: [Delivery]) {
        guard !isClosed, member(id) == nil else { return (name, []) }
        let seat = seat.flatMap { hasSeat($0) ? nil : $0 }
        return admit(id: id, name: name, seat: seat, heldAgain: false, back: false)
    }

    /// Adds a person to the room and tells everyone. `back`: they came back to their seat (the
    /// others are told they are back, not that someone joined); `heldAgain`: an answer they gave to
    /// the open question is theirs again.
    mutating func admit(id: String, name: String, seat: String?, heldAgain: Bool, back: Bool) -> (name: String, deliveries: [Delivery]) {
        let unique = uniqueName(name)
        let others = present.map(\.name)  // not a host whose connection has dropped
        let newcomer = Member(id: id, name: unique)
        members.append(newcomer)
        if let seat {
            seats[Self.seatKey(seat)] = Seat(id: id, code: seat, name: unique)
            // Kept in the group's plan, so that it is a seat again after a restart (`reopen`).
            pendingChanges.append(.seated(seat: seat, name: unique))
        }
        let told: RoomNote = back ? .back(name: unique) : .joined(name: unique)
        var deliveries = present.dropLast().map { Delivery(to: $0.id, events: [.room(told)]) }
        let hello = RoomNote.welcome(name: unique, title: title, others: others, seat: seat, code: seat == nil ? nil : code)
        var welcome: [Event] = Session.withPrivacy(session.privacy, [.room(hello)])
        if hostAway { welcome.append(.room(.waitingForHost)) }
        if session.conversation.isFinished {
            welcome += personal([.finished(session.conversation.summary)], for: newcomer)
        } else {
            welcome += personal(session.conversation.repeatQuestion(), for: newcomer) + turnNote(for: newcomer)
            if heldAgain { welcome.append(.room(.kept(count: answeredCount, of: answerersCount, changed: false, back: true))) }
        }
        deliveries.append(Delivery(to: id, events: welcome))
        return (unique, deliveries)
    }

    /// A seat code as typed, in any case, with or without its dash or spaces. A seat code as a
    /// store keeps it (a hash, `keptSeatPrefix`) is its own key.
    public static func seatKey(_ code: String) -> String {
        if code.hasPrefix(keptSeatPrefix) { return code }
        return String(code.uppercased().filter { $0 != "-" && $0 != " " })
    }

    /// How a seat code kept as a hash by a store begins (`PlanStorage.keptSeat`): such a seat,
    /// given back by `reopen`, is found by the hash of the code typed.
    public static let keptSeatPrefix = "sha256:"

    public func hasSeat(_ code: String) -> Bool { seats[Self.seatKey(code)] != nil }

    func seatKey(of id: String) -> String? {
        seats.first { $0.value.id == id }?.key
    }

    /// Someone comes back to their seat on a new connection (`id`): in the room again under the
    /// name they had, with their held answer to the open question, if any (told: `kept`).
    /// `kept`: the code as the group plan's store keeps it (`PlanStorage.keptSeat`, a hash), which
    /// finds a seat given before the room was opened again; nil where the store keeps codes as given.
    public mutating func comeBack(id: String, seat typed: String, kept: String? = nil) -> Comeback {
        guard !isClosed, member(id) == nil else { return .seatTaken }
        guard wrongSeats < Self.maxWrongSeats else { return .tooManyWrong }
        guard let key = [Self.seatKey(typed), kept].compactMap({ $0 }).first(where: { seats[$0] != nil }), let seat = seats[key] else {
            wrongSeats += 1
            return .wrongSeat
        }
        guard member(seat.id) == nil else { return .seatTaken }
        let heldAgain = reclaimAnswer(from: seat.id, to: id)
        let name = heldAgain.name ?? seat.name
        seats[key] = nil  // given again by `admit`, to the new connection
        // A seat kept as a hash is told again, and kept again, as the code its person typed.
        let code = seat.code.hasPrefix(Self.keptSeatPrefix) ? typed : seat.code
        let (used, deliveries) = admit(id: id, name: name, seat: code, heldAgain: heldAgain.held, back: true)
        return .back(name: used, deliveries: deliveries)
    }

    /// Answers that `old` gave before they went are `new`'s now (the same person, back at their
    /// seat): to change, not to give twice. That to the open question, and those to questions the
    /// host went back from. Returns whether one is held for the open question, and the name it
    /// was held under.
    mutating func reclaimAnswer(from old: String, to new: String) -> (held: Bool, name: String?) {
        let open = isEveryoneQuestion ? round?.step : nil
        var result: (held: Bool, name: String?) = (false, nil)
        for step in rounds.keys {
            guard let name = rounds[step]!.departed[old],
                  let i = rounds[step]!.answers.firstIndex(where: { $0.id == old }) else { continue }
            rounds[step]!.answers[i].id = new
            rounds[step]!.departed[old] = nil
            if step == open { result = (true, name) }
        }
        return result
    }
}
