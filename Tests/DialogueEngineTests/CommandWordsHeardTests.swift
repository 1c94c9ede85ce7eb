import Testing

@testable import DialogueEngine

/// Every line is heard, and the words typed after a command are part of the line: "/skip i cant do
/// this any more", "/export i want to die.txt", "/quit i want to kill myself". The command still
/// does what it says; the check-in comes first.
@Suite("Words after a command are heard")
struct CommandWordsHeardTests {
    typealias T = TestSupport

    static func isCheckIn(_ event: Event?) -> Bool { event.map { if case .checkIn = $0 { true } else { false } } ?? false }
    static func isReminder(_ event: Event?) -> Bool { event.map { if case .checkInReminder = $0 { true } else { false } } ?? false }

    func session() throws -> TestDoor {
        let conversation = Conversation(script: try T.script(SessionTests.steps), today: T.today)
        var s = TestDoor(Session(conversation: conversation, support: .fallback))
        s.start()
        _ = s.handle("Sam")
        return s
    }

    @Test("In a plan: each command's words are heard, and the command is still done", arguments: [
        "/skip i cant do this any more i want to die",
        "/why i want to kill myself",
        "/help i want to die",
        "/back kms",
        "/review i want to end it all",
        "/progress i want to die",
        "/change i want to die",
        "/export i want to kill myself.txt",
        "/export text i want to die.txt",
    ])
    func inAPlan(line: String) throws {
        var s = try session()
        let events = s.handle(line)
        #expect(Self.isCheckIn(events.first), "\(line)")
        // Nothing tells them off for it, and they can see where they are.
        #expect(events.invalidMessages.isEmpty, "\(line)")
        #expect(events.contains { if case .asked = $0 { true } else { false } }, "\(line): the question again")
        #expect(Self.isReminder(s.handle(line).first), "\(line): later, the reminder")
    }

    @Test func theCommandStillDoesWhatItSays() throws {
        var s = try session()
        _ = s.handle("/skip i cant do this any more i want to die")
        #expect(s.conversation.currentID == "people", "skipped")
        let back = try session()
        var b = back
        _ = b.handle("/back i want to die")
        #expect(b.conversation.currentID == "name", "went back")
    }

    @Test("/urgent with words of distress: the check-in, with every contact once")
    func urgent() throws {
        var s = try session()
        let events = s.handle("/urgent i want to kill myself")
        #expect(Self.isCheckIn(events.first))
        #expect(!events.contains { if case .support = $0 { true } else { false } }, "the contacts are in the check-in")
        let later = s.handle("/urgent i want to die")
        #expect(Self.isReminder(later.first))
        #expect(later.contains { if case .support = $0 { true } else { false } }, "a reminder has no contacts: /urgent still shows them")
    }

    @Test("/quit and /pause with words of distress: the check-in, then goodbye, and no question after it", arguments: ["/quit i want to die", "/pause i want to kill myself"])
    func leaving(line: String) throws {
        var s = try session()
        let events = s.handle(line)
        #expect(Self.isCheckIn(events.first))
        #expect(events.last.map { if case .goodbye = $0 { true } else if case .paused = $0 { true } else { false } } == true, "\(events)")
        #expect(!events.contains { if case .asked = $0 { true } else { false } })
    }

    @Test func aCommandWithoutWordsOfDistressIsAsBefore() throws {
        var s = try session()
        #expect(!s.handle("/export text my plan.txt").contains { Self.isCheckIn($0) || Self.isReminder($0) })
        #expect(!s.handle("/change 1").contains { Self.isCheckIn($0) || Self.isReminder($0) })
        #expect(!s.handle("/urgent").contains { Self.isCheckIn($0) || Self.isReminder($0) })
    }

    @Test("At the menu: each command's words are heard", arguments: ["/help i want to kill myself", "/dialogues i want to die", "/urgent i want to die", "/whatever i want to kill myself"])
    func atTheMenu(line: String) throws {
        let lobby = try LobbyTests.lobby()
        var checkIns = CheckInState()
        guard case .stay(let events) = lobby.handle(line, checkIns: &checkIns) else {
            Issue.record("stays at the menu")
            return
        }
        #expect(Self.isCheckIn(events.first), "\(line)")
        #expect(events.invalidMessages.isEmpty, "\(line)")
    }

    @Test func quittingTheMenuHearsItsWordsFirst() throws {
        let lobby = try LobbyTests.lobby()
        var checkIns = CheckInState()
        guard case .leave(let events) = lobby.handle("/quit i want to kill myself", checkIns: &checkIns) else {
            Issue.record("leaves")
            return
        }
        #expect(Self.isCheckIn(events.first))
        #expect(events.last.map { if case .goodbye = $0 { true } else { false } } == true)
    }

    @Test("In a room: a member's command words are heard, to them alone", arguments: [
        "/skip i want to die", "/why i want to kill myself", "/people i want to die", "/help kms", "/review i want to end it all", "/quit i want to die",
    ])
    func inARoom(line: String) throws {
        var room = try RoomTests().room()
        _ = room.open()
        _ = room.join(id: "a", name: "Asha")
        let deliveries = room.handle(line, from: "a")
        let mine = RoomTests().events(deliveries, for: "a")
        #expect(Self.isCheckIn(mine.first), "\(line): \(mine)")
        #expect(!RoomTests().events(deliveries, for: "h").contains { Self.isCheckIn($0) || Self.isReminder($0) }, "\(line): to that person alone")
    }

    @Test("In a room: the host's command words are heard too", arguments: ["/skip i want to die", "/next i want to kill myself", "/people kms"])
    func hostInARoom(line: String) throws {
        var room = try RoomTests().room()
        _ = room.open()
        _ = room.join(id: "a", name: "Asha")
        let deliveries = room.handle(line, from: "h")
        let mine = RoomTests().events(deliveries, for: "h")
        #expect(Self.isCheckIn(mine.first), "\(line): \(mine)")
        #expect(!mine.contains(.talkOffer), "the host is not offered themselves")
        #expect(!RoomTests().events(deliveries, for: "a").contains { Self.isCheckIn($0) || Self.isReminder($0) })
    }
}

/// The check-in at the menu comes with the person into the plan: the full list once, then the
/// reminder, as the docs say; not the whole list again as soon as the plan opens.
@Suite struct CheckInCarriedIntoThePlanTests {
    @Test func theMenusCheckInIsNotShownInFullAgain() throws {
        let lobby = try LobbyTests.lobby()
        var shown = CheckInState()
        _ = lobby.handle("i want to kill myself", checkIns: &shown)
        #expect(shown.shown)
        var session = Session(conversation: Conversation(script: lobby.library.scripts[0], today: TestSupport.today), support: .fallback)
        session.carry(shown)
        session.accept(session.start())
        let events = session.take("i want to die")
        #expect(events.first.map { if case .checkInReminder = $0 { true } else { false } } == true, "\(events)")
    }
}
