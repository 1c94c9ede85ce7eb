import Testing

@testable import DialogueEngine

/// The host's name is kept in the group's plan (`Change.hosted`), so that the room opened again
/// (after a restart too) calls its host by it, not Host.
@Suite struct RoomHostNameKeptTests {
    let rooms = RoomTests()
    let held = RoomHeldTests()

    @Test func theNameTheHostOpensWithAndTakesLaterIsKept() throws {
        var kept = RoomHeldTests.Kept(room: try rooms.room())
        kept.take { $0.open() }
        #expect(kept.changes.contains(.hosted(name: "Sam")))
        #expect(Room.hostName(in: kept.changes) == "Sam")
        kept.take { $0.join(id: "a", name: "Asha").deliveries }
        kept.take { $0.rename(id: "h", to: "Sam K").deliveries }
        kept.take { $0.rename(id: "a", to: "Asha B").deliveries }
        #expect(Room.hostName(in: kept.changes) == "Sam K", "someone else's new name is not the host's")
        // Never part of the plan.
        let read = Conversation(script: try TestSupport.script(RoomTests.steps), replaying: kept.changes, today: TestSupport.today)
        #expect(read.state == Conversation(script: try TestSupport.script(RoomTests.steps), replaying: kept.changes.filter { if case .hosted = $0 { false } else { true } }, today: TestSupport.today).state)
    }

    @Test func aHostWhoGaveNoNameKeepsNothingAndIsHostAgain() throws {
        let session = Session(conversation: Conversation(script: try TestSupport.script(RoomTests.steps), today: TestSupport.today), support: .fallback)
        var kept = RoomHeldTests.Kept(room: Room(code: "K7QM-4TZD", session: session, host: .init(id: "h", name: "Host")))
        kept.take { $0.open() }
        #expect(!kept.changes.contains { if case .hosted = $0 { true } else { false } })
        #expect(Room.hostName(in: kept.changes) == nil)
    }

    @Test func aPlanKeptBeforeHostsNamesWereHasItWithTheHostsOwnAnswer() {
        let older: [Change] = [.held(step: "hopes", name: "Sam", seat: nil, host: true, value: .text("Time"))]
        #expect(Room.hostName(in: older) == "Sam")
        #expect(Room.hostName(in: [.held(step: "hopes", name: "Asha", seat: "KQ7-4MT", host: false, value: nil)]) == nil)
    }

    @Test func reopenedByAHostWithAnotherNameKeepsThatOneTheSameNameNothingMore() throws {
        let kept = try held.twoHeld()
        let conversation = Conversation(script: try TestSupport.script(RoomTests.steps), replaying: kept.changes, today: TestSupport.today)
        var session = Session(conversation: conversation, support: .fallback)
        let opening = session.resumeAsRoom()
        let same = Room(code: "R3DK-9PQW", session: session, host: .init(id: "h2", name: "Sam")).turn { $0.reopen(opening: opening, hostBefore: "Sam") }
        #expect(!same.changes.contains { if case .hosted = $0 { true } else { false } })
        let other = Room(code: "R3DK-9PQW", session: session, host: .init(id: "h2", name: "Priya")).turn { $0.reopen(opening: opening, hostBefore: "Sam") }
        #expect(other.changes.contains(.hosted(name: "Priya")))
    }
}
