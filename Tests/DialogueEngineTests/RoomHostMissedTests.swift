import Testing

@testable import DialogueEngine

/// A question everyone answers can close while the host's connection is down: everyone's answers
/// then show to those there. The host, back, was shown only the next question, so they never saw
/// what the group gave: now they are shown those answers first, once.
@Suite struct RoomHostMissedTests {
    let rooms = RoomTests()

    @Test func theHostBackSeesEveryonesAnswersThatShowedWhileTheyWereAway() throws {
        var room = try rooms.room()
        _ = room.open()
        _ = room.join(id: "a", name: "Asha")
        _ = room.handle("A safer ward", from: "h")
        _ = room.leave(id: "h", graceMinutes: 10, dropped: true)
        let shown = room.handle("Kindness", from: "a")
        let views = RoomNote.views(question: "What do you hope for from it?", lines: ["Asha: Kindness"])
        #expect(rooms.notes(shown, for: "a").first == views)
        #expect(room.session.conversation.currentStep?.id == "often")

        let back = rooms.notes(room.hostReturns(id: "h2"), for: "h2")
        #expect(back.prefix(2) == [.opened(code: room.code, title: "Test"), views])
        // Shown once: away and back again, nothing is shown twice.
        _ = room.leave(id: "h2", graceMinutes: 10, dropped: true)
        #expect(!rooms.notes(room.hostReturns(id: "h3"), for: "h3").contains(views))
    }
}
