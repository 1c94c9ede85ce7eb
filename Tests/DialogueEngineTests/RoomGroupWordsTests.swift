import Testing

@testable import DialogueEngine

/// In a group room, `/progress` said "So far you have answered 2 questions" and `/review` "Your
/// answers so far", to everyone: the answers are the group's.
@Suite struct RoomGroupWordsTests {
    let rooms = RoomTests()

    @Test func progressAndReviewInARoomSpeakOfTheGroup() throws {
        var room = try rooms.room()
        _ = room.open()
        _ = room.join(id: "a", name: "Asha")
        _ = room.handle("Easier to reach", from: "h")
        let text = TextRenderer()
        for id in ["a", "h"] {
            let progress = text.render(rooms.events(room.handle("/progress", from: id), for: id)).joined(separator: " ")
            #expect(progress.contains("The group is in part 1 of 1"), "\(id): \(progress)")
            #expect(progress.contains("So far the group has answered 1 question."), "\(id): \(progress)")
            let review = text.render(rooms.events(room.handle("/review", from: id), for: id))
            #expect(review.contains("The group's answers so far:"), "\(id): \(review)")
            #expect(!review.contains("Your answers so far:"), "\(id): \(review)")
        }
        // Read back from JSON (tandem connect) with the same words.
        let review = rooms.events(room.handle("/review", from: "a"), for: "a").first { if case .review = $0 { true } else { false } }
        let json = JSONRenderer.encode(try #require(review))
        #expect(JSONRenderer.decode(json) == review)
        // A plan of one's own is as before.
        var session = room.session
        let own = text.render(session.handle("/review").events)
        #expect(own.contains("Your answers so far:"))
    }
}
