import Testing

@testable import DialogueEngine

/// Answers held for a question everyone answers were lost when the room closed before everyone
/// had answered (the host's `/room close` or `/quit`, a host who did not come back, the server
/// stopping), though each person had been thanked for theirs.
@Suite struct RoomCloseKeepsAnswersTests {
    let rooms = RoomTests()

    @Test func closingKeepsTheAnswersHeldAsTheGroupsAnswer() throws {
        var room = try rooms.room()
        _ = room.open()
        _ = room.join(id: "a", name: "Asha")
        _ = room.join(id: "b", name: "Ben")
        _ = room.handle("Easier to reach", from: "h")
        #expect(room.session.conversation.currentStep?.id == "hopes")
        _ = room.handle("A room near the bus stop", from: "a")
        let closed = room.close()
        #expect(room.isClosed)
        let kept = try #require(room.session.conversation.state.answers["hopes"], "Asha's answer is in the group's plan")
        #expect("\(kept)".contains("A room near the bus stop"), "\(kept)")
        // Everyone sees the answers kept, then that the room has closed.
        let ben = rooms.notes(closed, for: "b")
        #expect(ben.count == 2, "\(ben)")
        if case .views(_, let lines) = ben.first { #expect(lines.joined().contains("Asha")) } else { Issue.record("\(ben)") }
        if case .closed = ben.last {} else { Issue.record("\(ben)") }
    }

    @Test func withNothingHeldClosingIsAsBefore() throws {
        var room = try rooms.room()
        _ = room.open()
        _ = room.join(id: "a", name: "Asha")
        _ = room.handle("Easier to reach", from: "h")
        let closed = room.close()
        #expect(rooms.notes(closed, for: "a") == [.closed(code: nil, saved: true, host: false)])
        #expect(room.session.conversation.state.answers["hopes"] == nil)
    }
}
