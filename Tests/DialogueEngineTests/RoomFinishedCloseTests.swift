import Testing

@testable import DialogueEngine

/// A group room closed once its plan was finished gave the host no code ("The group room is
/// closed."), so the group's finished plan could not be found again to see or copy.
@Suite struct RoomFinishedCloseTests {
    let rooms = RoomTests()

    @Test func closingAFinishedGroupPlanGivesTheHostItsCode() throws {
        var room = try rooms.room()
        _ = room.open()
        _ = room.join(id: "a", name: "Asha")
        _ = room.handle("Easier to reach", from: "h")
        _ = room.handle("/next", from: "h")
        _ = room.handle("/next", from: "h")
        _ = room.handle("Book a room", from: "h")
        _ = room.handle("", from: "h")
        #expect(room.session.conversation.isFinished)
        let closed = room.close()
        let host = rooms.notes(closed, for: "h")
        #expect(host == [.closed(code: MemoryJournal.code, saved: true, host: true, finished: true)])
        #expect(rooms.notes(closed, for: "a") == [.closed(code: nil, saved: true, host: false, finished: true)])
        let said = TextRenderer(resumeCommand: "/resume").render(.room(host[0])).joined(separator: " ")
        #expect(said.contains("The group's plan is finished, and saved with the code \(MemoryJournal.code)."), "\(said)")
        #expect(said.contains("/resume \(MemoryJournal.code), then /export."), "\(said)")
        // The same in JSON, and read back.
        let json = JSONRenderer.encode(.room(host[0]))
        #expect(json["finished"]?.bool == true, "\(json.serialized())")
        #expect(JSONRenderer.decode(json) == .room(host[0]))
    }
}
