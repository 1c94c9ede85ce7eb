import DialogueEngine
import NIOCore
import Testing

@testable import LineServer
import TandemProtocol

/// The offer of a host to talk, after a check-in, is made only when a host is connected to be
/// told: otherwise `/talk` could only answer that there is no host.
@Suite("The offer of a host to talk")
struct TalkOfferTests {
    @Test("with no host connected, words of distress bring the contacts but no offer of a host")
    func noHostNoOffer() async throws {
        try await withServer { _, address in
            let person = try await TestClient.connect(address)
            _ = try await person.response()
            try await person.line("/start wellbeing-at-work")
            _ = try await person.response()
            try await person.line("I want to end my life")
            let said = UnderAttackTests.words(try await person.response())
            #expect(said.contains("Samaritans"), "the contacts come: \(said)")
            #expect(!said.contains("Would you like the host"), "no host is there to be told: \(said)")
            try await person.line("/talk")
            #expect(UnderAttackTests.words(try await person.response()) == ServerWords.talkNoHost)
        }
    }

    @Test("at the menu too: no offer with no host connected; with one, the offer comes")
    func atTheMenu() async throws {
        try await withServer { _, address in
            let person = try await TestClient.connect(address)
            _ = try await person.response()
            try await person.line("I want to end my life")
            let alone = UnderAttackTests.words(try await person.response())
            #expect(alone.contains("Samaritans"), "the contacts come: \(alone)")
            #expect(!alone.contains("Would you like the host"), "no host is there to be told: \(alone)")

            let host = try await TestClient.connect(address)
            _ = try await host.response()
            try await host.line("/host \(Fixtures.token)")
            _ = try await host.response()
            let other = try await TestClient.connect(address)
            _ = try await other.response()
            try await other.line("I want to end my life")
            let hosted = UnderAttackTests.words(try await other.response())
            #expect(hosted.contains("Would you like the host"), "a host is there: \(hosted)")
        }
    }

    @Test("an offer not made for want of a host is made once a host signs in, in a plan and at the menu")
    func aHostWhoComesLater() async throws {
        try await withServer { _, address in
            let inPlan = try await TestClient.connect(address)
            _ = try await inPlan.response()
            try await inPlan.line("/start wellbeing-at-work")
            _ = try await inPlan.response()
            let atMenu = try await TestClient.connect(address)
            _ = try await atMenu.response()
            for person in [inPlan, atMenu] {
                try await person.line("I want to end my life")
                let alone = UnderAttackTests.words(try await person.response())
                #expect(alone.contains("Samaritans") && !alone.contains("Would you like the host"), "no host yet: \(alone)")
            }

            let host = try await TestClient.connect(address)
            _ = try await host.response()
            try await host.line("/host \(Fixtures.token)")
            _ = try await host.response()
            for person in [inPlan, atMenu] {
                try await person.line("I want to end my life")
                let later = UnderAttackTests.words(try await person.response())
                #expect(later.contains("Would you like the host"), "a host is here now: \(later)")
                try await person.line("i want to die")
                let again = UnderAttackTests.words(try await person.response())
                #expect(!again.contains("Would you like the host"), "offered once: \(again)")
            }
        }
    }

    /// In a room, what people say is shown to the whole group, host too (`Asha says: ...`), and a
    /// host watching a plan after `/share` sees its answers: "never what you wrote" is not so there.
    /// Words of distress are kept to their person the first time (the check-in says Tandem tells
    /// no one); typed again, they go to the group.
    @Test("in a group room, words of distress go to the group only when typed again, and the offer does not say the host never sees what was written")
    func inARoomTheOfferIsTrue() async throws {
        try await withServer { _, address in
            let (host, code) = try await RoomTests.openRoom(address)
            let (asha, _) = try await RoomTests.join(address, code: code, name: "Asha")
            _ = try await host.response()
            try await asha.line("some days I just want to end it all")
            let said = UnderAttackTests.words(try await asha.response())
            #expect(!said.contains("Asha says:"), "not shown to the group the first time: \(said)")
            #expect(said.contains("Only you can see what you just wrote: it was not shown to the group."), "\(said)")
            #expect(said.contains("Would you like the host of this session to come and talk with you?"), "\(said)")
            #expect(said.contains("The host is told only that you would like to talk."), "\(said)")
            #expect(!said.contains("never what you wrote"), "\(said)")
            try await asha.line("some days I just want to end it all")
            #expect(UnderAttackTests.words(try await asha.response()).contains("Asha says: some days I just want to end it all"))
            let seen = UnderAttackTests.words(try await host.response())
            #expect(seen.contains("Asha says: some days I just want to end it all"), "typed again, the group sees it: \(seen)")
        }
    }
}
