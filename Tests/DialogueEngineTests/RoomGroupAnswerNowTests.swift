import Testing

@testable import DialogueEngine

/// The host goes back (`/back`) to a question the group answers together: everyone sees it again
/// with the group's answer, but only the host types it. Someone else was told "Your answer now"
/// and "Type a new answer, or press Enter to keep this one", and then, under it, that the host
/// types the group's answer: they are shown it as the group's, and not asked to keep or change it.
@Suite struct RoomGroupAnswerNowTests {
    let rooms = RoomTests()

    func askedAgain() throws -> [Room.Delivery] {
        var room = try rooms.room()
        _ = room.open()
        _ = room.join(id: "a", name: "Asha", seat: "KQ7-4MT")
        _ = room.handle("A safer ward", from: "h")
        return room.handle("/back", from: "h")
    }

    static func prompt(_ events: [Event]) -> Prompt? {
        events.compactMap { if case .asked(let p) = $0 { p } else { nil } }.last
    }

    @Test func someoneElseSeesTheGroupsAnswerAndIsNotAskedToKeepIt() throws {
        let deliveries = try askedAgain()
        let asha = rooms.events(deliveries, for: "a")
        #expect(Self.prompt(asha)?.current == "A safer ward")
        #expect(Self.prompt(asha)?.currentIsTheGroups == true)
        let lines = TextRenderer(width: 100).render(asha)
        #expect(lines.contains("  The group's answer now: A safer ward"), "\(lines)")
        #expect(!lines.contains { $0.contains("Your answer now") || $0.contains("press Enter to keep") }, "\(lines)")
        // Through JSON, as `tandem connect` reads it, the same.
        let read = asha.map { JSONRenderer.decode(JSONRenderer.encode($0)) }
        #expect(TextRenderer(width: 100).render(read.compactMap { $0 }) == lines)
    }

    @Test func theHostIsStillAskedToKeepOrChangeIt() throws {
        let host = rooms.events(try askedAgain(), for: "h")
        #expect(Self.prompt(host)?.currentIsTheGroups == nil)
        let lines = TextRenderer(width: 100).render(host)
        #expect(lines.contains("  Your answer now: A safer ward"), "\(lines)")
        #expect(lines.contains("  Type a new answer, or press Enter to keep this one."), "\(lines)")
    }

    /// `/review` (or `/why`) shows the question again after it: with who answers it, as when it was
    /// first asked, so "Type the number of your choice" is not read as theirs to do.
    @Test func aQuestionShownAgainAfterReviewSaysWhoAnswersIt() throws {
        var room = try rooms.room()
        _ = room.open()
        _ = room.join(id: "a", name: "Asha", seat: "KQ7-4MT")
        for line in ["/review", "/why", "/progress"] {
            let events = rooms.events(room.handle(line, from: "a"), for: "a")
            guard events.contains(where: Room.isQuestion) else { continue }
            #expect(events.last == .room(.turn(everyone: false, host: false)), "\(line): \(events)")
            #expect(events.filter { if case .room(.turn) = $0 { true } else { false } }.count == 1)
        }
        let review = rooms.events(room.handle("/review", from: "a"), for: "a")
        #expect(review.contains(where: Room.isQuestion))
    }
}
