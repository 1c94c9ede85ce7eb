/// A group working through one dialogue together: one shared plan (one `Session`, one journal),
/// several people. The facilitator who opened the room types the group's answers and moves the
/// group on; on a question marked `who: everyone`, each person gives their own answer, and the
/// answers are shown together, with names, once everyone has answered, so no one's answer leads.
///
/// Pure like `Session`: it takes a line from one person and returns what each person should see.
/// A door delivers the events and renders them for each person.
///
///     var room = Room(code: "K7QM-4TZD", session: session, host: .init(id: "h1", name: "Sam"))
///     room.open()                                  // to Sam: the code, the opening, the first question
///     room.join(id: "p1", name: "Asha")            // to Asha: welcome and the question; to Sam: joined
///     room.handle("Weekly", from: "p1")            // on an everyone question: kept until all answer
public struct Room: Sendable {
    public struct Member: Sendable, Equatable {
        public var id: String
        public var name: String
        public var isHost: Bool

        public init(id: String, name: String, isHost: Bool = false) {
            self.id = id
            self.name = name
            self.isHost = isHost
        }
    }

    /// Events for one person.
    public struct Delivery: Sendable, Equatable {
        public var to: String
        public var events: [Event]

        public init(to: String, events: [Event]) {
            self.to = to
            self.events = events
        }
    }

    /// Own answers to an open `who: everyone` question, in the order given.
    struct Round {
        var step: String
        var answers: [(id: String, value: AnswerValue?)] = []
        /// The names of those who answered and then left (or whose connection dropped): an answer
        /// acknowledged is kept, and shown with the others, under the name they had. Only its
        /// person takes it back, with their seat code (`comeBack`), never someone with that name.
        var departed: [String: String] = [:]

        func has(_ id: String) -> Bool { answers.contains { $0.id == id } }
    }

    public let code: String
    public private(set) var session: Session
    /// The facilitator first, then people in the order they joined.
    public internal(set) var members: [Member]
    public private(set) var isClosed = false
    /// Own answers held, by question: the open one's, and those of questions everyone answers that
    /// the host went back from (`/back`, `/change`), there again when the group comes back to them.
    var rounds: [String: Round] = [:]
    /// The round of the open question, if it has one.
    var round: Round? {
        get { session.conversation.currentStep.flatMap { rounds[$0.id] } }
        set {
            guard let step = session.conversation.currentStep?.id else { return }
            rounds[step] = newValue
        }
    }
    /// Changes made since the last `turn` began: the group's plan's, to keep before anyone is told.
    var pendingChanges: [Change] = []
    /// The host's connection dropped: the group waits for them (see `Room+Host.swift`).
    public internal(set) var hostAway = false
    /// Counts the host's absences, so a late close for an earlier one does nothing.
    public internal(set) var absences = 0
    /// Everyone's answers shown together while the host was away (a question everyone answers
    /// can close without them): shown to the host when they are back (`hostReturns`).
    var missedByHost: [RoomNote] = []
    /// What each person has been told about words of distress (check-in once, then reminders), by member id.
    var checkIns: [String: CheckInState] = [:]
    /// A remark with words of distress that was shown to its person alone, by member id: typed
    /// again, it goes to the group (see `Room+Remarks.swift`).
    var heldRemarks: [String: String] = [:]
    /// Each person's seat, by its code (`seatKey`): who has it, to come back to (see `Room+Seats.swift`).
    var seats: [String: Seat] = [:]
    /// Seat codes tried here that were no seat: past `maxWrongSeats`, no seat is given back.
    public internal(set) var wrongSeats = 0

    public init(code: String, session: Session, host: Member) {
        self.code = code
        self.session = session
        // In a group, a word on its own ("back", "help") is something said to the group.
        self.session.takesBareWords = false
        var host = host
        host.isHost = true
        members = [host]
    }

    public var title: String { session.conversation.script.title }

    // MARK: Turns

    /// What one change to the room produced: what each person should see, the group plan's changes
    /// to keep first, and the room after them (taken with `accept`).
    public struct Turn: Sendable {
        public var deliveries: [Delivery]
        public var changes: [Change]
        public var next: Room
        /// How far the group's plan has got after this turn, for the store.
        public var progress: PlanProgress { PlanProgress(next.session.conversation) }
    }

    /// Runs a change on a copy of the room: the door keeps the turn's changes, then `accept`s it and
    /// delivers; when they cannot be kept, the room stays as it was.
    ///
    ///     let turn = room.turn { $0.handle(line, from: id) }
    public func turn(_ change: (inout Room) -> [Delivery]) -> Turn {
        var next = self
        next.pendingChanges = []
        let deliveries = change(&next)
        let changes = next.pendingChanges
        next.pendingChanges = []
        return Turn(deliveries: deliveries, changes: changes, next: next)
    }

    public mutating func accept(_ turn: Turn) {
        self = turn.next
    }

    /// A turn of the group's session, taken at once on this room (whose own turn is kept or dropped whole).
    mutating func take(_ turn: Session.Turn) -> [Event] {
        pendingChanges += turn.changes
        session.accept(turn)
        return turn.events
    }

    /// An own answer held for the open question (`Change.held`), kept with this turn's changes.
    mutating func keep(held change: Change) {
        pendingChanges.append(change)
        session.hold(change)
    }

    public var host: Member { members[0] }
    /// Those taking part now: everyone but a host whose connection has dropped.
    public var present: [Member] { hostAway ? Array(members.dropFirst()) : members }
    public func member(_ id: String) -> Member? { members.first { $0.id == id } }

    // MARK: Coming and going

    /// Starts the group's plan: the host sees the join code, the opening and the first question.
    public mutating func open() -> [Delivery] {
        // The group's plan carries on as a room: its code is said with the room's words.
        let events = take(session.start()).map { event -> Event in
            if case .keptAs(let code) = event { return .room(.savedAs(code: code)) }
            return event
        }
        // The host's name, so that the room opened again calls them by it (`reopen`).
        if !Self.isKeptForHost(host.name) { pendingChanges.append(.hosted(name: host.name)) }
        return [Delivery(to: host.id, events: [.room(.opened(code: code, title: title))] + events + turnNote(for: host))]
    }

    /// Opens the room on a saved group plan (`opening` is what resuming it shows): the facilitator
    /// sees the join code and where the group got to.
    /// Own answers held for questions everyone answers come back (`restoreHeld`), and so does each
    /// seat given in the group's plan (`seatsBefore`, from `seatsGiven(in:)`): its person comes
    /// back to it with their seat code, as before the room closed or the server stopped.
    /// `hostBefore`: the name the host went by last (`hostName(in:)`); the host's name now is
    /// kept when it is another.
    public mutating func reopen(opening: [Event], seatsBefore: [GivenSeat] = [], hostBefore: String? = nil) -> [Delivery] {
        let held = restoreHeld()
        restoreSeats(seatsBefore)
        if host.name != hostBefore, !Self.isKeptForHost(host.name) { pendingChanges.append(.hosted(name: host.name)) }
        return [Delivery(to: host.id, events: [.room(.opened(code: code, title: title))] + personal(opening, for: host) + turnNote(for: host) + held)]
    }

    // Joining, and coming back to a seat: `Room+Seats.swift`.

    /// Someone's connection ended, or they left. When it is the host's connection, the group waits
    /// for them for `graceMinutes` (`hostLeft`); the door closes the room if they do not come back.
    /// `dropped`: their connection was lost without their leaving, and the group is told so.
    public mutating func leave(id: String, graceMinutes: Int = 10, dropped: Bool = false) -> [Delivery] {
        guard !isClosed, let index = members.firstIndex(where: { $0.id == id }) else { return [] }
        if members[index].isHost { return hostAway ? [] : hostLeft(graceMinutes: graceMinutes) }
        let gone = members.remove(at: index)
        // An answer they gave is kept (it was acknowledged), under the name they had: to the open
        // question, or to one the host went back from.
        for step in rounds.keys where rounds[step]!.has(id) { rounds[step]!.departed[id] = gone.name }
        // Their seat keeps the name they had, to come back with.
        if let key = seatKey(of: id) { seats[key]?.name = gone.name }
        let note: RoomNote = dropped ? .dropped(name: gone.name) : .left(name: gone.name)
        var deliveries = present.map { Delivery(to: $0.id, events: [.room(note)]) }
        deliveries += closeRoundIfDone()
        return deliveries
    }

    /// Ends the room for everyone. The group's plan stays saved and the host gets its code; when the
    /// room ends because the host did not come back, everyone gets it, so the group can carry on.
    public mutating func close() -> [Delivery] {
        guard !isClosed else { return [] }
        let everyone = hostAway
        let kept = keepHeldAnswers()
        isClosed = true
        session.close()
        let saved = session.plan != nil
        // A finished plan's code too: it is how the host sees the group's plan again, or saves it.
        let code = session.plan?.code
        let finished = session.conversation.isFinished
        return present.map { m in
            Delivery(to: m.id, events: (kept.map { [.room($0)] } ?? []) + [.room(.closed(code: m.isHost || everyone ? code : nil, saved: saved, host: m.isHost, finished: finished))])
        }
    }

    /// The group's plan was deleted while this room had it open (`tandem delete` on the server's
    /// computer): the group carries on, unsaved, and everyone here is told once. Closing the room
    /// then gives no code, and says the plan was not saved.
    public mutating func planGone() -> [Delivery] {
        let words = session.planLost(group: true)
        return present.map { Delivery(to: $0.id, events: [.failure(words)]) }
    }

    // MARK: Lines

    /// A line typed by one person in the room.
    public mutating func handle(_ typed: String, from id: String) -> [Delivery] {
        guard !isClosed, let me = member(id) else { return [] }
        // What could steer a terminal goes before anything reads the line (a command's word is
        // quoted back when it is unknown); line breaks stay, for a paste at a list.
        let line = Sanitize.text(typed)
        let word = CommandCatalogue.split(line).flatMap { CommandCatalogue.entry($0.word)?.word }
        switch word {
        case "people":
            let people: [Event] = [.room(.people(names: present.map(\.name), waitingFor: waitingFor()))]
            return checkIn(line, from: me, [Delivery(to: id, events: people + (hostAway ? [.room(.waitingForHost)] : []))])
        case "help":
            var events: [Event] = [.room(.help(host: me.isHost))]
            // The question again, as this person sees it (their own answer, on a question everyone
            // answers), and who answers it.
            let again = personal(session.conversation.repeatQuestion(), for: me)
            events += again + (again.contains(where: Self.isQuestion) ? turnNote(for: me) : [])
            return checkIn(line, from: me, [Delivery(to: id, events: events)])
        case "next":
            guard me.isHost else { return checkIn(line, from: me, only(id, .room(.hostOnly("move the group on")))) }
            guard isEveryoneQuestion else { return checkIn(line, from: me, only(id, .notice("There is nothing to wait for: type the group's answer, or /skip."))) }
            return checkIn(line, from: me, closeRound(force: true))
        default:
            break
        }
        let command = Command(line: line, writesFiles: session.savesFiles)
        if command == .quit || command == .pause {
            return checkIn(line, from: me, me.isHost ? close() : [Delivery(to: id, events: [.room(.youLeft)])] + leave(id: id))
        }
        if isEveryoneQuestion, command == nil || command == .skip {
            return checkIn(line, from: me, ownAnswer(line, passed: command == .skip, from: me))
        }
        if me.isHost { return hostTurn(line) }
        return checkIn(line, from: me, memberTurn(line, command: command, from: me))
    }

    /// Words a door reads itself, not the room (the network's `/name`, `/talk`), typed by `id`: heard
    /// as any line of theirs is, to them alone.
    public mutating func hear(_ words: String, from id: String) -> [Delivery] {
        guard !isClosed, let me = member(id), !words.hasPrefix("/") else { return [] }
        return checkIn(words, from: me, [])
    }

    /// Words of distress: to the person who wrote them alone, the check-in the first time, then a
    /// short reminder for every later line with them. (The facilitator's lines go through `Session`, which
    /// does the same.)
    /// After a command, the words typed after its word are heard ("/skip i cant do this any more",
    /// "/quit i want to die"); a line that is no command we know is heard whole.
    mutating func checkIn(_ line: String, from me: Member, _ deliveries: [Delivery]) -> [Delivery] {
        var words = line
        if let typed = CommandCatalogue.split(line)?.word, CommandCatalogue.entry(typed) != nil {
            guard let argument = CommandCatalogue.argument(of: line) else { return deliveries }
            words = argument
        }
        var state = checkIns[me.id] ?? CheckInState()
        guard let said = state.event(for: words, support: session.support) else { return deliveries }
        // A group has a host: the person may ask them to come and talk (`/talk`), privately. Not the
        // host themselves (there is no one else to ask), and not while the host's connection is
        // down: no one could be told (`/talk` says so).
        let offer = state.offer(hosted: !me.isHost && !hostAway, after: said)
        checkIns[me.id] = state
        return [Delivery(to: me.id, events: [said] + (offer.map { [$0] } ?? []))] + deliveries
    }

    // MARK: The group's answers

    /// Where the group is: the question open (or nil when finished) and whether the plan is done.
    var position: Position {
        Position(step: session.conversation.currentStep?.id, finished: session.conversation.isFinished, answers: session.conversation.state.answers, skipped: session.conversation.state.skipped)
    }

    struct Position: Equatable {
        var step: String?
        var finished: Bool
        var answers: [String: AnswerValue]
        var skipped: Set<String>
    }

    /// The facilitator's line: the group's answer or a command, run on the shared plan.
    mutating func hostTurn(_ line: String) -> [Delivery] {
        let before = position
        let asked = session.conversation.currentStep
        let events = take(session.handle(line))
        var deliveries = [Delivery(to: host.id, events: personal(events, for: host) + (events.contains(where: Self.isQuestion) ? turnNote(for: host) : []))]
        let after = position
        guard after.step != before.step || after.finished != before.finished || after.answers != before.answers || after.skipped != before.skipped else {
            return deliveries
        }
        // On a question everyone answers with answers held for it already (`/back` to it): the
        // host sees who has answered it, and who is still to.
        if after.step != before.step { deliveries[0].events += answeredSoFar() }
        // Answers held for a question everyone answers stay held when the host moves off it
        // (`/back` to change the answer before), in memory (`rounds`) and in the store (only its
        // own `.answered` ends them there): back on it, they are the group's again.
        var told: [Event] = []
        if let asked, let q = asked.question, before.step == asked.id,
           after.answers[asked.id] != before.answers[asked.id] || after.skipped.contains(asked.id) != before.skipped.contains(asked.id) {
            let text = session.conversation.render(q.prompt) ?? asked.id
            let answer = after.answers[asked.id].map { AnswerText.inline($0, spec: q.answer) }
            told.append(.room(.recorded(question: text, answer: answer)))
        }
        var shared = Self.shared(events)
        if after.step != before.step, !shared.contains(where: Self.isQuestion) {
            shared += session.conversation.repeatQuestion()
        }
        told += shared
        for m in members where !m.isHost {
            deliveries.append(Delivery(to: m.id, events: personal(told, for: m) + (told.contains(where: Self.isQuestion) ? turnNote(for: m) : [])))
        }
        return deliveries
    }

    /// A line from someone who is not the facilitator, on a question the group answers together.
    mutating func memberTurn(_ line: String, command: Command?, from me: Member) -> [Delivery] {
        guard let command else { return remark(line, from: me) }
        // A command that shows the question again (`/review`, `/why`, …) shows who answers it too,
        // as when it was first asked: else its "Type the number of your choice" reads as theirs to do.
        return memberCommand(command, from: me).map { d in
            guard d.to == me.id, d.events.contains(where: Self.isQuestion), !d.events.contains(where: { if case .room(.turn) = $0 { true } else { false } }) else { return d }
            return Delivery(to: d.to, events: d.events + turnNote(for: me))
        }
    }

    private mutating func memberCommand(_ command: Command, from me: Member) -> [Delivery] {
        switch command {
        case .review:
            var copy = session
            let events = copy.run(command).map { event -> Event in
                if case .review(let items, _, _) = event { return .review(items, canChange: false, group: true) }
                return event
            }
            return [Delivery(to: me.id, events: personal(events, for: me))]
        case .why, .progress, .urgent, .help:
            var copy = session
            return [Delivery(to: me.id, events: personal(copy.run(command), for: me))]
        case .export:
            // No file is written for someone in a group: with a file's name, they are told so.
            var copy = session
            copy.savesFiles = false
            return [Delivery(to: me.id, events: copy.run(command))]
        case .skip:
            return only(me.id, .room(.hostOnly("skip a question the group answers together")))
        case .back:
            return only(me.id, .room(.hostOnly("go back")))
        case .change:
            return only(me.id, .room(.hostOnly("change the group's answers")))
        case .unknown, .bad:
            var copy = session
            return [Delivery(to: me.id, events: copy.run(command))]
        case .quit, .pause:
            return [Delivery(to: me.id, events: [.room(.youLeft)])] + leave(id: me.id)
        }
    }
}
