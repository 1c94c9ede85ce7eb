import Testing

@testable import DialogueEngine

/// Two questions everyone answers, one after the other ("hopes", then "often"). The group is on
/// the second with answers held, and the host goes back (`/back`) to the first: the answers held
/// for the second stay held, in memory (`Room.rounds`) and in the store (`PlanState.held` keeps
/// each question's until its own `.answered`), and are there again when the group comes back to
/// it, and after a crash (`/room resume`).
@Suite struct RoomBackBetweenEveryoneTests {
    typealias T = TestSupport
    let rooms = RoomTests()
    let held = RoomHeldTests()

    /// "hopes" answered by everyone (Asha "Kindness", Ben passed, Sam "Time"); on "often", Asha
    /// "Weekly" and Ben "Monthly" are held, Sam not yet; then the host goes back to "hopes" and
    /// keeps their own answer there.
    func backFromTheSecond() throws -> RoomHeldTests.Kept {
        var kept = try held.twoHeld()
        kept.take { $0.handle("Time", from: "h") }  // everyone has answered "hopes": on to "often"
        kept.take { $0.handle("Weekly", from: "a") }
        kept.take { $0.handle("Monthly", from: "b") }
        #expect(kept.room.round?.step == "often" && kept.room.round?.answers.count == 2)
        kept.take { $0.handle("/back", from: "h") }
        #expect(kept.room.session.conversation.currentStep?.id == "hopes")
        kept.take { $0.handle("", from: "h") }  // the host keeps their own answer to "hopes"
        return kept
    }

    @Test func answersHeldForTheLaterQuestionAreStillThereWhenTheGroupComesBackToIt() throws {
        var kept = try backFromTheSecond()
        #expect(kept.room.session.conversation.currentStep?.id == "hopes")
        #expect(kept.room.rounds["often"]?.answers.count == 2)
        // In the store too: those for "often" are held still, beside the host's for "hopes".
        var read = Conversation(script: try T.script(RoomTests.steps), replaying: kept.changes, today: T.today)
        #expect(read.state.held.filter { $0.step == "often" }.map(\.name) == ["Asha", "Ben"])
        #expect(read.state.held.filter { $0.step == "hopes" }.map(\.name) == ["Sam"])

        kept.take { $0.handle("", from: "a") }  // Asha keeps "Kindness"
        let shown = kept.take { $0.handle("/skip", from: "b") }
        #expect(rooms.notes(shown, for: "a").first == .views(question: "What do you hope for from it?", lines: ["Sam: Time", "Asha: Kindness", "Ben: passed"]))
        // On "often" again: Asha and Ben have answered it, each shown theirs as their answer now.
        #expect(kept.room.session.conversation.currentStep?.id == "often")
        #expect(kept.room.waitingFor() == ["Sam"])
        let asked = rooms.events(shown, for: "b").compactMap { if case .asked(let p) = $0 { p } else { nil } }.last
        #expect(asked?.current == "Monthly")
        read = Conversation(script: try T.script(RoomTests.steps), replaying: kept.changes, today: T.today)
        #expect(read.state.held.map(\.name) == ["Asha", "Ben"])
        let together = kept.take { $0.handle("Weekly", from: "h") }
        #expect(rooms.notes(together, for: "b").first == .views(question: "How often should we meet?", lines: ["Asha: Weekly", "Ben: Monthly", "Sam: Weekly"]))
        read = Conversation(script: try T.script(RoomTests.steps), replaying: kept.changes, today: T.today)
        #expect(read.state.held.isEmpty)
        #expect(read.currentStep?.id == "actions")
    }

    /// Killed while the host is back on "hopes": the room opens again there, and the answers held
    /// for "often" come back too, each its person's with their seat code.
    @Test func afterACrashBothQuestionsHeldAnswersComeBack() throws {
        let kept = try backFromTheSecond()
        var (room, told) = try held.reopened(kept.changes)
        #expect(room.session.conversation.currentStep?.id == "hopes")
        #expect(rooms.notes(told, for: "h2").last == .answered(name: "Sam", count: 1, of: 1))
        guard case .back(let asha, _) = room.comeBack(id: "a2", seat: "KQ7-4MT"),
              case .back(let ben, _) = room.comeBack(id: "b2", seat: "TX4-9WP") else { Issue.record("not back"); return }
        #expect(asha == "Asha" && ben == "Ben")
        _ = room.handle("", from: "a2")
        let shown = room.handle("/skip", from: "b2")
        #expect(rooms.notes(shown, for: "a2").first == .views(question: "What do you hope for from it?", lines: ["Sam: Time", "Asha: Kindness", "Ben: passed"]))
        #expect(room.session.conversation.currentStep?.id == "often")
        #expect(room.waitingFor() == ["Sam"])
        let together = room.handle("Monthly", from: "h2")
        #expect(rooms.notes(together, for: "a2").first == .views(question: "How often should we meet?", lines: ["Asha: Weekly", "Ben: Monthly", "Sam: Monthly"]))
    }
}
