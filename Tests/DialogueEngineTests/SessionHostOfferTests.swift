import Testing

@testable import DialogueEngine

/// On a server, after the full check-in, the person is offered the host (`/talk`) once, when a
/// host is there: the engine asks the door (`HostPresence`) only when it could make the offer.
@Suite struct SessionHostOfferTests {
    /// A session begun, served where `host` says whether a host is there.
    private func hosted(_ host: HostPresence) throws -> TestDoor {
        var hosted = Session(conversation: Conversation(script: try TestSupport.script(SessionTests.steps), today: TestSupport.today), support: .fallback)
        hosted.host = host
        var door = TestDoor(hosted)
        door.start()
        return door
    }

    @Test func aHostedSessionOffersTheHostOnceAfterTheCheckIn() throws {
        var door = try hosted(.always)
        let first = door.handle("I want to die")
        #expect(first.contains(.talkOffer))
        #expect(first.firstIndex(of: .talkOffer) == 1, "right after the check-in")
        #expect(!door.handle("I want to die").contains(.talkOffer))
        #expect(!door.handle("kms").contains(.talkOffer), "once")
        var alone = try hosted(.none)
        #expect(!alone.handle("I want to die").contains(.talkOffer), "a terminal has no host to offer")
    }

    /// Whether a host is there changes as people come and go: asked when the offer could be made,
    /// and an offer not made (no host there) is not used up.
    @Test func anOfferNotMadeIsNotUsedUpWhenNoHostIsThere() throws {
        final class Door: @unchecked Sendable { var hostHere = false }  // set only between turns, on this thread
        let there = Door()
        var door = try hosted(HostPresence { there.hostHere })
        let alone = door.handle("I want to die")
        #expect(alone.contains { if case .checkIn = $0 { true } else { false } }, "the contacts come")
        #expect(!alone.contains(.talkOffer), "no host is there to offer")
        there.hostHere = true
        let later = door.handle("I want to die")
        #expect(later.contains(.talkOffer), "a host came: the offer was not used up: \(later)")
        #expect(later.firstIndex(of: .talkOffer) == 1, "right after the reminder")
        #expect(!door.handle("kms").contains(.talkOffer), "once")
        there.hostHere = false
        #expect(!door.handle("i want to die").contains(.talkOffer))
    }

    @Test func noOfferOfTheHostToSomeoneLeaving() throws {
        var door = try hosted(.always)
        let leaving = door.handle("/quit i want to die")
        #expect(leaving.contains { if case .checkIn = $0 { true } else { false } }, "heard: \(leaving)")
        #expect(!leaving.contains(.talkOffer), "no one to talk to once they have gone: \(leaving)")
    }
}
