import Testing

@testable import DialogueEngine

/// Seats in a group room: only the seat code, never a name, gives someone back their seat and an
/// answer they gave to the open question.
@Suite struct RoomSeatsTests {
    let rooms = RoomTests()

    /// Asha (seat KQ7-4MT) and Ben in a room on a question everyone answers; Asha answered it and left.
    func ashaAnsweredAndLeft() throws -> Room {
        var room = try rooms.room()
        _ = room.open()
        _ = room.join(id: "a", name: "Asha", seat: "KQ7-4MT")
        _ = room.join(id: "b", name: "Ben", seat: "TX4-9WP")
        _ = room.handle("Easier to reach", from: "h")
        _ = room.handle("Kindness", from: "a")
        _ = room.leave(id: "a", dropped: true)
        return room
    }

    @Test func theWelcomeTellsTheSeatCodeToItsPersonAlone() throws {
        var room = try rooms.room()
        _ = room.open()
        let (_, joined) = room.join(id: "a", name: "Asha", seat: "KQ7-4MT")
        #expect(rooms.notes(joined, for: "a").first == .welcome(name: "Asha", title: "Test", others: ["Sam"], seat: "KQ7-4MT", code: room.code))
        #expect(rooms.notes(joined, for: "h") == [.joined(name: "Asha")])
        let text = TextRenderer(width: 80).render([.room(.welcome(name: "Asha", title: "Test", others: [], seat: "KQ7-4MT", code: "K7QM-4TZD"))])
        #expect(text.last == "  /join K7QM-4TZD KQ7-4MT")
        #expect(text.joined(separator: " ").contains("Your seat code is KQ7-4MT. It is just for you"))
    }

    @Test func aNameAloneIsANewcomerAndTheHeldAnswerStaysWithItsPerson() throws {
        var room = try ashaAnsweredAndLeft()
        let (name, joined) = room.join(id: "x", name: "asha", seat: "MN3-RRT")
        #expect(name == "asha 2", "a name held for an answer is not given to someone else")
        #expect(!rooms.notes(joined, for: "x").contains { if case .kept = $0 { true } else { false } })
        _ = room.handle("Noise", from: "x")
        _ = room.handle("Time", from: "h")
        let shown = room.handle("Patience", from: "b")
        #expect(rooms.notes(shown, for: "b").first == .views(question: "What do you hope for from it?", lines: ["Asha: Kindness", "asha 2: Noise", "Sam: Time", "Ben: Patience"]))
    }

    @Test func theSeatCodeGivesTheSeatBackInAnyCaseWithOrWithoutItsDash() throws {
        var room = try ashaAnsweredAndLeft()
        guard case .back(let name, let back) = room.comeBack(id: "a2", seat: "kq74mt") else { Issue.record("not back"); return }
        #expect(name == "Asha")
        #expect(rooms.notes(back, for: "a2").contains(.kept(count: 1, of: 3, changed: false, back: true)))
        #expect(rooms.notes(back, for: "b") == [.back(name: "Asha")])
        // Nothing was just given: no thanks, but that their answer from before is kept.
        let said = TextRenderer(width: 100).render(rooms.events(back, for: "a2")).joined(separator: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(said.contains("Your answer from before is kept. Everyone's answers will show together once all have answered (1 of 3 so far).") && !said.contains("Thank you."), "\(said)")
        #expect(JSONRenderer.encode(.room(.kept(count: 1, of: 3, changed: false, back: true)))["back"] == true)
        #expect(TextRenderer(width: 80).render([.room(.back(name: "Asha"))]) == ["  Asha is back."])
        // In JSON, a `joined` object with `back`: a client that knows only `joined` still shows them.
        let json = JSONRenderer.encode(.room(.back(name: "Asha")))
        #expect(json["event"] == "joined" && json["name"] == "Asha" && json["back"] == true)
        // In the room again, the seat is taken; gone again, it is free again.
        #expect(room.comeBack(id: "a3", seat: "KQ7-4MT") == .seatTaken)
        _ = room.leave(id: "a2")
        guard case .back = room.comeBack(id: "a3", seat: "KQ7-4MT") else { Issue.record("not back the second time"); return }
    }

    /// Back at her seat, Asha is shown the answer she gave, held for her, as the question's "Your
    /// answer now": to keep with Enter, or change. Only to her: Ben sees no one's answer.
    @Test func backAtTheSeatTheHeldAnswerIsShownToItsPersonToKeepOrChange() throws {
        var room = try ashaAnsweredAndLeft()
        guard case .back(_, let back) = room.comeBack(id: "a2", seat: "KQ7-4MT") else { Issue.record("not back"); return }
        let asked = rooms.events(back, for: "a2").compactMap { if case .asked(let p) = $0 { p } else { nil } }.last
        #expect(asked?.current == "Kindness")
        let text = TextRenderer(width: 80).render(rooms.events(back, for: "a2")).joined(separator: "\n")
        #expect(text.contains("Your answer now: Kindness"))
        // Ben, not yet answered, is asked with no one's answer.
        let forBen = rooms.events(room.handle("/help", from: "b"), for: "b").compactMap { if case .asked(let p) = $0 { p } else { nil } }.last
        #expect(forBen != nil && forBen?.current == nil)
        // Enter keeps it: still hers, still held.
        #expect(rooms.notes(room.handle("", from: "a2"), for: "a2") == [.kept(count: 1, of: 3, changed: true)])
        _ = room.handle("Time", from: "h")
        let shown = room.handle("Patience", from: "b")
        #expect(rooms.notes(shown, for: "b").first == .views(question: "What do you hope for from it?", lines: ["Asha: Kindness", "Sam: Time", "Ben: Patience"]))
    }

    @Test func wrongSeatCodesAreBoundedInARoom() throws {
        var room = try ashaAnsweredAndLeft()
        for _ in 0..<Room.maxWrongSeats {
            #expect(room.comeBack(id: "x", seat: "AAA-333") == .wrongSeat)
        }
        // Past the bound no seat is given back, the right one neither: the answer stays where it is.
        #expect(room.comeBack(id: "a2", seat: "KQ7-4MT") == .tooManyWrong)
        _ = room.handle("Time", from: "h")
        let shown = room.handle("Patience", from: "b")
        #expect(rooms.notes(shown, for: "b").first == .views(question: "What do you hope for from it?", lines: ["Asha: Kindness", "Sam: Time", "Ben: Patience"]))
    }

    @Test func theSeatKeepsTheNameItsPersonChose() throws {
        var room = try rooms.room()
        _ = room.open()
        _ = room.join(id: "a", name: "Asha", seat: "KQ7-4MT")
        _ = room.rename(id: "a", to: "Asha K")
        _ = room.leave(id: "a", dropped: true)
        guard case .back(let name, _) = room.comeBack(id: "a2", seat: "KQ7-4MT") else { Issue.record("not back"); return }
        #expect(name == "Asha K")
    }
}
