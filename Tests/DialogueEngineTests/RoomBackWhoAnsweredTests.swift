import Testing

@testable import DialogueEngine

/// The host goes back (`/back`) from a question everyone answers, with answers given to it: when the
/// group comes to it again, the host is told who has answered it and who is still to, as they
/// were told when each answered, so they do not wait for answers already given.
@Suite struct RoomBackWhoAnsweredTests {
    let rooms = RoomTests()
    let held = RoomHeldTests()

    @Test func backToTheQuestionBeforeAndOnAgainTheHostIsToldWhoHasAnswered() throws {
        var kept = try held.twoHeld()  // on "hopes": Asha and Ben have answered, Sam not yet
        kept.take { $0.handle("/back", from: "h") }
        #expect(kept.room.session.conversation.currentStep?.id == "purpose")
        let again = kept.take { $0.handle("", from: "h") }  // the host keeps the group's answer
        #expect(kept.room.session.conversation.currentStep?.id == "hopes")
        #expect(rooms.notes(again, for: "h").suffix(3) == [
            .answered(name: "Asha", count: 1, of: 3), .answered(name: "Ben", count: 2, of: 3),
            .people(names: ["Sam", "Asha", "Ben"], waitingFor: ["Sam"]),
        ])
        // Only the host: the others see the question with their own answer, as before.
        #expect(!rooms.notes(again, for: "a").contains { if case .answered = $0 { true } else { false } })
    }

    @Test func backFromTheSecondOfTwoAndOnAgainTheHostIsToldWhoHasAnsweredIt() throws {
        var kept = try held.twoHeld()
        kept.take { $0.handle("Time", from: "h") }  // "hopes" shown; on to "often"
        kept.take { $0.handle("Weekly", from: "a") }
        kept.take { $0.handle("/back", from: "h") }  // back to "hopes", from "often" with Asha's answer
        kept.take { $0.handle("", from: "a") }
        kept.take { $0.handle("/skip", from: "b") }
        let shown = kept.take { $0.handle("", from: "h") }  // "hopes" shown again: on to "often"
        #expect(kept.room.session.conversation.currentStep?.id == "often")
        #expect(rooms.notes(shown, for: "h").suffix(2) == [
            .answered(name: "Asha", count: 1, of: 3),
            .people(names: ["Sam", "Asha", "Ben"], waitingFor: ["Sam", "Ben"]),
        ])
    }

    @Test func aQuestionNoOneHasAnsweredYetSaysNothingMore() throws {
        var room = try rooms.room()
        _ = room.open()
        _ = room.join(id: "a", name: "Asha")
        let asked = room.handle("Easier to reach", from: "h")
        #expect(rooms.notes(asked, for: "h").last == .turn(everyone: true, host: true))
    }
}
