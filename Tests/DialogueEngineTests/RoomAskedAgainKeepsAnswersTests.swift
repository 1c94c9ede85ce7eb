import Testing

@testable import DialogueEngine

/// The host goes back (`/back`) to a question everyone has answered, and only some give theirs
/// again before the group goes on (`/next`, or the room closing): the answers of those who did not
/// were dropped from the group's plan. They stay, each in its place; a new answer replaces its
/// person's.
@Suite struct RoomAskedAgainKeepsAnswersTests {
    typealias T = TestSupport
    let rooms = RoomTests()
    let held = RoomHeldTests()

    @Test func nextKeepsTheAnswersOfThoseWhoDidNotAnswerAgain() throws {
        var kept = try held.twoHeld()
        kept.take { $0.handle("Time", from: "h") }  // "hopes": Asha "Kindness", Ben passed, Sam "Time"
        kept.take { $0.handle("/back", from: "h") }
        #expect(kept.room.session.conversation.currentStep?.id == "hopes")
        kept.take { $0.handle("Warmth", from: "a") }
        let shown = kept.take { $0.handle("/next", from: "h") }
        #expect(rooms.notes(shown, for: "b").first == .views(question: "What do you hope for from it?", lines: ["Asha: Warmth", "Ben: passed", "Sam: Time"]))
        let read = Conversation(script: try T.script(RoomTests.steps), replaying: kept.changes, today: T.today)
        #expect(read.state.answers["hopes"] == .views([
            .init(name: "Asha", value: .text("Warmth")), .init(name: "Ben", value: nil), .init(name: "Sam", value: .text("Time")),
        ]))
    }

    @Test func aFirstTimeQuestionShowsOnlyTheAnswersGiven() throws {
        var kept = try held.twoHeld()
        let shown = kept.take { $0.handle("/next", from: "h") }
        #expect(rooms.notes(shown, for: "a").first == .views(question: "What do you hope for from it?", lines: ["Asha: Kindness", "Ben: passed"]))
    }
}
