import Testing

@testable import DialogueEngine

/// Seat codes from before a room was opened again (after a restart): the store knows them (kept
/// with own answers), so their people are told kindly and never counted as guessing; a code the
/// store never knew still counts, so there is no way to guess without limit.
@Suite struct RoomSeatsFromBeforeTests {
    typealias T = TestSupport
    let held = RoomHeldTests()

    /// Asha (KQ7-4MT) and Ben (TX4-9WP) answered "hopes"; Sam's answer showed them all together;
    /// the plan is then opened as a room again, with the seat codes its store knows.
    func reopenedAfterTheAnswersShowed() throws -> Room {
        var kept = try held.twoHeld()
        kept.take { $0.handle("Time", from: "h") }
        #expect(kept.room.session.conversation.currentStep?.id == "often")
        let conversation = Conversation(script: try T.script(RoomTests.steps), replaying: kept.changes, today: T.today)
        var session = Session(conversation: conversation, support: .fallback, plan: PlanInfo(id: "testplan", code: MemoryJournal.code))
        let opening = session.resumeAsRoom()
        var room = Room(code: "R3DK-9PQW", session: session, host: .init(id: "h2", name: "Sam"))
        #expect(Room.seatsGiven(in: kept.changes) == ["KQ74MT", "TX49WP"])
        _ = room.reopen(opening: opening, seatsBefore: Room.seatsGiven(in: kept.changes))
        return room
    }

    @Test func aSeatCodeTheStoreKnewIsFromBeforeAndNeverCounted() throws {
        var room = try reopenedAfterTheAnswersShowed()
        for typed in Array(repeating: "kq7-4mt", count: Room.maxWrongSeats + 5) + ["TX49WP"] {
            #expect(room.comeBack(id: "x", seat: typed) == .fromBefore)
        }
        #expect(room.wrongSeats == 0)
        // Seats given now still work.
        _ = room.join(id: "c", name: "Cara", seat: "MN3-RRT")
        _ = room.leave(id: "c", dropped: true)
        guard case .back(let name, _) = room.comeBack(id: "c2", seat: "MN3-RRT") else { Issue.record("Cara is not back"); return }
        #expect(name == "Cara")
    }

    @Test func aCodeTheStoreNeverKnewStillCountsAndTheRoomStillLocks() throws {
        var room = try reopenedAfterTheAnswersShowed()
        #expect(room.comeBack(id: "x", seat: "ACD-3E4") == .wrongSeat)
        #expect(room.wrongSeats == 1)
        for _ in 1..<Room.maxWrongSeats { _ = room.comeBack(id: "x", seat: "ACD-3E4") }
        #expect(room.comeBack(id: "x", seat: "ACD-3E6") == .tooManyWrong)
        // A code from before is still told kindly: it gives no seat either way.
        #expect(room.comeBack(id: "x", seat: "KQ7-4MT") == .fromBefore)
    }

    @Test func aSeatWithItsAnswerStillHeldIsASeatNotACodeFromBefore() throws {
        let kept = try held.twoHeld()
        let conversation = Conversation(script: try T.script(RoomTests.steps), replaying: kept.changes, today: T.today)
        var session = Session(conversation: conversation, support: .fallback, plan: PlanInfo(id: "testplan", code: MemoryJournal.code))
        let opening = session.resumeAsRoom()
        var room = Room(code: "R3DK-9PQW", session: session, host: .init(id: "h2", name: "Sam"))
        _ = room.reopen(opening: opening, seatsBefore: Room.seatsGiven(in: kept.changes))
        guard case .back(let name, _) = room.comeBack(id: "a2", seat: "KQ74MT") else { Issue.record("Asha is not back"); return }
        #expect(name == "Asha")
    }
}
