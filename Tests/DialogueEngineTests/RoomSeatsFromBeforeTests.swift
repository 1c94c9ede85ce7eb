import Testing

@testable import DialogueEngine

/// Seat codes from before a room was opened again (after a restart, or `/room close` and
/// `/room resume`): the group's plan keeps every seat given (`Change.seated`), so each takes its
/// person back to their seat, with their name, whether or not they had answered anything. A code
/// the plan never had is still a wrong one, counted, so seats are no easier to guess.
@Suite struct RoomSeatsFromBeforeTests {
    typealias T = TestSupport
    let held = RoomHeldTests()

    /// Asha (KQ7-4MT) and Ben (TX4-9WP) answered "hopes"; Cara (MN3-RRT) joined, chose another
    /// name, and left having answered nothing; Sam's answer showed them all together; the plan is
    /// then opened as a room again, with the seats its store knows.
    func reopenedAfterTheAnswersShowed() throws -> (room: Room, changes: [Change]) {
        var kept = try held.twoHeld()
        kept.take { $0.join(id: "c", name: "Cara", seat: "MN3-RRT").deliveries }
        kept.take { $0.rename(id: "c", to: "Cara B").deliveries }
        kept.take { $0.handle("Time", from: "h") }
        kept.take { $0.leave(id: "c", dropped: true) }
        #expect(kept.room.session.conversation.currentStep?.id == "often")
        let conversation = Conversation(script: try T.script(RoomTests.steps), replaying: kept.changes, today: T.today)
        var session = Session(conversation: conversation, support: .fallback, plan: PlanInfo(id: "testplan", code: MemoryJournal.code))
        let opening = session.resumeAsRoom()
        var room = Room(code: "R3DK-9PQW", session: session, host: .init(id: "h2", name: "Sam"))
        _ = room.reopen(opening: opening, seatsBefore: Room.seatsGiven(in: kept.changes))
        return (room, kept.changes)
    }

    @Test func everySeatGivenIsKeptWithTheNameItsPersonHasLast() throws {
        let (_, changes) = try reopenedAfterTheAnswersShowed()
        #expect(changes.contains(.seated(seat: "MN3-RRT", name: "Cara")))
        #expect(Room.seatsGiven(in: changes) == [
            .init(code: "KQ7-4MT", name: "Asha"), .init(code: "TX4-9WP", name: "Ben"), .init(code: "MN3-RRT", name: "Cara B"),
        ])
        // Never part of the plan: no answer, and no held answer ended by it.
        let upToCara = Array(changes.prefix { $0 != .seated(seat: "MN3-RRT", name: "Cara") }) + [.seated(seat: "MN3-RRT", name: "Cara")]
        let read = Conversation(script: try T.script(RoomTests.steps), replaying: upToCara, today: T.today)
        #expect(read.state.held.map(\.name) == ["Asha", "Ben"])
        #expect(read.state.answers["hopes"] == nil)
    }

    @Test func someoneWhoHadAnsweredNothingIsBackAtTheirSeatNotCounted() throws {
        var (room, _) = try reopenedAfterTheAnswersShowed()
        guard case .back(let cara, let told) = room.comeBack(id: "c2", seat: "mn3 rrt") else { Issue.record("Cara is not back"); return }
        #expect(cara == "Cara B")
        #expect(RoomTests().notes(told, for: "h2") == [.back(name: "Cara B")])
        guard case .back(let asha, _) = room.comeBack(id: "a2", seat: "KQ74MT") else { Issue.record("Asha is not back"); return }
        #expect(asha == "Asha")
        #expect(room.wrongSeats == 0)
        // Hers again, and theirs only: a second connection with it finds her in the room.
        #expect(room.comeBack(id: "x", seat: "MN3-RRT") == .seatTaken)
    }

    @Test func aCodeThePlanNeverHadStillCountsAndTheRoomStillLocks() throws {
        var (room, _) = try reopenedAfterTheAnswersShowed()
        #expect(room.comeBack(id: "x", seat: "ACD-3E4") == .wrongSeat)
        #expect(room.wrongSeats == 1)
        for _ in 1..<Room.maxWrongSeats { _ = room.comeBack(id: "x", seat: "ACD-3E4") }
        #expect(room.comeBack(id: "x", seat: "ACD-3E6") == .tooManyWrong)
        #expect(room.comeBack(id: "b2", seat: "TX4-9WP") == .tooManyWrong)
    }

    @Test func aSeatWithItsAnswerStillHeldIsASeatWithItsAnswer() throws {
        let kept = try held.twoHeld()
        let conversation = Conversation(script: try T.script(RoomTests.steps), replaying: kept.changes, today: T.today)
        var session = Session(conversation: conversation, support: .fallback, plan: PlanInfo(id: "testplan", code: MemoryJournal.code))
        let opening = session.resumeAsRoom()
        var room = Room(code: "R3DK-9PQW", session: session, host: .init(id: "h2", name: "Sam"))
        _ = room.reopen(opening: opening, seatsBefore: Room.seatsGiven(in: kept.changes))
        guard case .back(let name, let told) = room.comeBack(id: "a2", seat: "KQ74MT") else { Issue.record("Asha is not back"); return }
        #expect(name == "Asha")
        #expect(RoomTests().notes(told, for: "a2").contains(.kept(count: 2, of: 3, changed: false, back: true)))
    }
}
