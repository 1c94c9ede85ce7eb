import Testing

@testable import DialogueEngine

/// While the host's connection is down, nobody is told the host is here: someone who joins, or
/// asks who is here, hears the group is waiting for them.
@Suite struct RoomHostAwayTests {
    let rooms = RoomTests()

    @Test func someoneWhoJoinsWhileTheHostIsAwayIsNotToldTheHostIsHere() throws {
        var room = try rooms.room()
        _ = room.open()
        _ = room.join(id: "a", name: "Asha")
        _ = room.leave(id: "h", graceMinutes: 10)
        let (_, joined) = room.join(id: "b", name: "Ben")
        let notes = rooms.notes(joined, for: "b")
        #expect(notes.first == .welcome(name: "Ben", title: "Test", others: ["Asha"]), "not Sam, whose connection dropped")
        #expect(notes.contains(.waitingForHost))
        #expect(rooms.notes(joined, for: "a") == [.joined(name: "Ben")])

        // Who is here: not the host, and the group is waiting for them.
        let people = rooms.notes(room.handle("/people", from: "a"), for: "a")
        #expect(people == [.people(names: ["Asha", "Ben"], waitingFor: []), .waitingForHost])

        // Back: listed again, and someone joining now is not told to wait.
        _ = room.hostReturns(id: "h2")
        let again = rooms.notes(room.handle("/people", from: "b"), for: "b")
        #expect(again == [.people(names: ["Sam", "Asha", "Ben"], waitingFor: [])])
        let (_, later) = room.join(id: "c", name: "Cal")
        #expect(rooms.notes(later, for: "c").first == .welcome(name: "Cal", title: "Test", others: ["Sam", "Asha", "Ben"]))
        #expect(!rooms.notes(later, for: "c").contains(.waitingForHost))
    }

    /// Words of distress while the host's connection is down: the contacts, but no offer of a host
    /// to talk with, since there is none to tell (`/talk` would say so); the offer stays for later.
    @Test func noHostToTalkWithIsOfferedWhileTheHostIsAway() throws {
        var room = try rooms.room()
        _ = room.open()
        _ = room.join(id: "a", name: "Asha")
        _ = room.leave(id: "h", graceMinutes: 10)
        let away = rooms.events(room.handle("I want to die", from: "a"), for: "a")
        #expect(away.contains { if case .checkIn = $0 { true } else { false } }, "the contacts still come")
        #expect(!away.contains(.talkOffer), "no host is there to come and talk")

        // Back: the first full check-in after that offers the host.
        _ = room.hostReturns(id: "h2")
        _ = room.join(id: "b", name: "Ben")
        let back = rooms.events(room.handle("I want to die", from: "b"), for: "b")
        #expect(back.contains(.talkOffer))
    }

    @Test func theWordsAndTheJSONForWaiting() throws {
        let text = TextRenderer().render(.room(.waitingForHost)).joined(separator: " ")
        #expect(text.contains("waiting for them to come back"))
        #expect(text.contains("everything is saved"))
        let json = JSONRenderer.room(.waitingForHost)
        #expect(json["event"]?.string == "waiting-for-host")
        #expect(JSONRenderer.roomNote(json) == .waitingForHost)
    }

    /// A host who came back was shown the room as if just opened: not who had joined or left
    /// while they were away.
    @Test func aHostWhoComesBackIsToldWhoIsThere() throws {
        var room = try rooms.room()
        _ = room.open()
        _ = room.join(id: "a", name: "Asha")
        _ = room.leave(id: "h", graceMinutes: 10)
        _ = room.join(id: "b", name: "Ben")
        _ = room.leave(id: "a", graceMinutes: 10)
        let back = rooms.notes(room.hostReturns(id: "h2"), for: "h2")
        #expect(back.contains(.people(names: ["Sam", "Ben"], waitingFor: [])), "\(back)")
    }
}
