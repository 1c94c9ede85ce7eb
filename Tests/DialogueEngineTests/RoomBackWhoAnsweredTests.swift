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

/// A question everyone answers, asked again after the host went back to it: an answer that is
/// refused (Enter with no answer of one's own, a number that is no choice) shows the question
/// again as that person sees it, their own answer or none, never everyone's as "Your answer now".
@Suite struct RoomAskedAgainRefusedTests {
    let rooms = RoomTests()

    @Test func aRefusedAnswerShowsTheQuestionAgainWithOnlyTheirOwnAnswer() throws {
        var room = try rooms.room()
        _ = room.open()
        _ = room.join(id: "a", name: "Asha")
        _ = room.join(id: "b", name: "Ben")
        _ = room.handle("Easier to reach", from: "h")
        _ = room.handle("/next", from: "h")  // "hopes": no one answered; on to "often"
        _ = room.handle("Weekly", from: "a")
        _ = room.handle("/skip", from: "b")
        _ = room.handle("/next", from: "h")  // "often": Asha's and Ben's shown, Sam gave none
        _ = room.handle("/back", from: "h")
        #expect(room.session.conversation.currentStep?.id == "often")
        let current = { (d: [Room.Delivery], id: String) in self.rooms.events(d, for: id).compactMap { if case .asked(let p) = $0 { p.current } else { nil } } }
        // Sam gave no answer of his own: Enter is refused, and he is not shown everyone's as his.
        let sam = room.handle("", from: "h")
        #expect(rooms.events(sam, for: "h").contains { if case .invalid = $0 { true } else { false } })
        #expect(current(sam, "h").isEmpty, "\(current(sam, "h"))")
        let asha = room.handle("7", from: "a")
        #expect(rooms.events(asha, for: "a").contains { if case .invalid = $0 { true } else { false } })
        #expect(current(asha, "a") == ["Weekly"])
    }
}
