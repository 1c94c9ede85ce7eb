import Testing

@testable import DialogueEngine

/// Not fixed yet (a known issue, recorded here): two questions everyone answers, one after the
/// other. The group is on the second with answers held, and the host goes back (`/back`) to the
/// first: an own answer there starts a new round, and the answers held for the second are gone,
/// from memory and from the store, not only after a crash. The dialogues shipped have one such
/// question each, so this is met only in a dialogue an author writes with two in a row.
@Suite struct RoomBackBetweenEveryoneTests {
    @Test func answersHeldForTheLaterQuestionAreLostWhenTheHostAnswersTheOneBefore() throws {
        var kept = try RoomHeldTests().twoHeld()
        kept.take { $0.handle("Time", from: "h") }  // everyone has answered "hopes": on to "often"
        kept.take { $0.handle("Weekly", from: "a") }
        kept.take { $0.handle("Monthly", from: "b") }
        #expect(kept.room.round?.step == "often" && kept.room.round?.answers.count == 2)
        kept.take { $0.handle("/back", from: "h") }
        #expect(kept.room.session.conversation.currentStep?.id == "hopes")
        kept.take { $0.handle("", from: "h") }  // the host keeps their own answer to "hopes"
        withKnownIssue("the round for 'often' is replaced by one for 'hopes' (Room.ownAnswer)") {
            #expect(kept.room.round?.step == "often" || kept.room.session.conversation.currentStep?.id == "often")
            let read = Conversation(script: try T.script(RoomTests.steps), replaying: kept.changes, today: T.today)
            #expect(read.state.held.contains { $0.step == "often" })
        }
    }

    typealias T = TestSupport
}
