import Testing

@testable import DialogueEngine

/// Own answers held for a question everyone answers, while the host is away from it (`/back` to
/// the question before, to change it): still kept in the store, so a server killed in that gap
/// loses none of them.
@Suite struct RoomHeldAwayTests {
    typealias T = TestSupport
    let rooms = RoomTests()

    /// A list the host types for the group, then a question everyone answers.
    static let steps = """
        - id: ideas
          ask: What ideas do we have?
          answer: list
        - id: hopes
          ask: What do you hope for from it?
          answer: text
          who: everyone
        - id: often
          ask: How often should we meet?
          answer: pick-one
          options:
            weekly: Weekly
            monthly: Monthly
        """

    /// Sam hosts, Asha (seat KQ7-4MT) and Ben (seat TX4-9WP) are in; the group's list is given,
    /// and Asha and Ben have answered "hopes", Sam not yet.
    func twoHeld() throws -> RoomHeldTests.Kept {
        let session = Session(conversation: Conversation(script: try T.script(Self.steps), today: T.today), support: .fallback, plan: PlanInfo(id: "testplan", code: MemoryJournal.code))
        var kept = RoomHeldTests.Kept(room: Room(code: "K7QM-4TZD", session: session, host: .init(id: "h", name: "Sam")))
        kept.take { $0.open() }
        kept.take { $0.join(id: "a", name: "Asha", seat: "KQ7-4MT").deliveries }
        kept.take { $0.join(id: "b", name: "Ben", seat: "TX4-9WP").deliveries }
        kept.take { $0.handle("Tea", from: "h") }
        kept.take { $0.handle("", from: "h") }
        #expect(kept.room.session.conversation.currentStep?.id == "hopes")
        kept.take { $0.handle("Kindness", from: "a") }
        kept.take { $0.handle("Time to talk", from: "b") }
        return kept
    }

    /// The group's plan read back from what was kept, opened as a room again (`/room resume`
    /// after a server was killed).
    func reopened(_ changes: [Change]) throws -> (room: Room, told: [Room.Delivery]) {
        let conversation = Conversation(script: try T.script(Self.steps), replaying: changes, today: T.today)
        var session = Session(conversation: conversation, support: .fallback, plan: PlanInfo(id: "testplan", code: MemoryJournal.code))
        let opening = session.resumeAsRoom()
        var room = Room(code: "R3DK-9PQW", session: session, host: .init(id: "h2", name: "Sam"))
        let told = room.reopen(opening: opening)
        return (room, told)
    }

    @Test func answersHeldWhileTheHostChangesTheListBeforeAreStillInTheStore() throws {
        var kept = try twoHeld()
        kept.take { $0.handle("/back", from: "h") }
        #expect(kept.room.session.conversation.currentStep?.id == "ideas")
        // The host adds to the group's list: a change kept in the store, the group not back yet.
        kept.take { $0.handle("Cake", from: "h") }
        #expect(kept.room.session.conversation.currentStep?.id == "ideas")
        let read = Conversation(script: try T.script(Self.steps), replaying: kept.changes, today: T.today)
        #expect(read.state.held.map(\.name) == ["Asha", "Ben"])
        #expect(read.state.held.map(\.seat) == ["KQ7-4MT", "TX4-9WP"])

        // Killed now: the room opens again at "hopes", with both answers held, each its person's.
        var (room, told) = try reopened(kept.changes)
        #expect(room.session.conversation.currentStep?.id == "hopes")
        #expect(rooms.notes(told, for: "h2").suffix(2) == [.answered(name: "Asha", count: 1, of: 3), .answered(name: "Ben", count: 2, of: 3)])
        guard case .back(let name, _) = room.comeBack(id: "a2", seat: "kq7-4mt") else { Issue.record("Asha is not back"); return }
        #expect(name == "Asha")
        let shown = room.handle("Patience", from: "h2")
        #expect(rooms.notes(shown, for: "a2").first == .views(question: "What do you hope for from it?", lines: ["Asha: Kindness", "Ben: Time to talk", "Sam: Patience"]))
    }

    @Test func eachChangeWhileAwayKeepsThemAgainAndComingBackShowsThemOnce() throws {
        var kept = try twoHeld()
        kept.take { $0.handle("/back", from: "h") }
        kept.take { $0.handle("Cake", from: "h") }
        kept.take { $0.handle("Music", from: "h") }
        var read = Conversation(script: try T.script(Self.steps), replaying: kept.changes, today: T.today)
        #expect(read.state.held.map(\.name) == ["Asha", "Ben"])
        // The list is done: the group is on "hopes" again, the answers held as they were.
        kept.take { $0.handle("", from: "h") }
        #expect(kept.room.session.conversation.currentStep?.id == "hopes")
        #expect(kept.room.waitingFor() == ["Sam"])
        read = Conversation(script: try T.script(Self.steps), replaying: kept.changes, today: T.today)
        #expect(read.state.held.map(\.name) == ["Asha", "Ben"])
        let shown = kept.take { $0.handle("Patience", from: "h") }
        #expect(rooms.notes(shown, for: "a").first == .views(question: "What do you hope for from it?", lines: ["Asha: Kindness", "Ben: Time to talk", "Sam: Patience"]))
        read = Conversation(script: try T.script(Self.steps), replaying: kept.changes, today: T.today)
        #expect(read.state.held.isEmpty)
        #expect(read.currentStep?.id == "often")
    }

    @Test func nothingIsKeptAgainWhenNoneWereHeld() throws {
        var kept = try twoHeld()
        kept.take { $0.handle("/next", from: "h") }
        let before = kept.changes.count
        kept.take { $0.handle("/back", from: "h") }
        kept.take { $0.handle("/back", from: "h") }
        kept.take { $0.handle("Cake", from: "h") }
        #expect(!kept.changes[before...].contains { if case .held = $0 { true } else { false } })
    }
}
