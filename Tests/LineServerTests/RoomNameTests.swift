import DialogueEngine
import NIOCore
import Testing

@testable import LineServer

/// Names in a group room, over real connections: two people who give the same name, and `/name`
/// typed in a room, which changes the name the group knows someone by, not only the host's list.
@Suite("Group rooms: names over TCP")
struct RoomNameTests {
    static func words(_ lines: [String]) -> String { RoomTests.words(lines) }

    @Test("the second Asha can choose a name of their own with /name, and the group sees it")
    func renameInARoom() async throws {
        try await withServer { _, address in
            let (host, code) = try await RoomTests.openRoom(address)
            let (asha, _) = try await RoomTests.join(address, code: code, name: "Asha")
            _ = try await host.response()
            let (second, welcome) = try await RoomTests.join(address, code: code, name: "Asha")
            #expect(Self.words(welcome).contains("Welcome, Asha 2."))
            _ = try await host.response()
            _ = try await asha.response()

            try await second.line("/name Asha K")
            #expect(Self.words(try await second.response()) == "Thank you. The group and the host will see you as Asha K.")
            #expect(try await host.response() == ["", "  Asha 2 is now called Asha K."])
            #expect(try await asha.response() == ["", "  Asha 2 is now called Asha K."])

            try await second.line("A kinder waiting room")
            _ = try await second.response()
            #expect(try await host.response() == ["", "  Asha K says: A kinder waiting room"])
            _ = try await asha.response()

            try await host.line("/people")
            #expect(Self.words(try await host.response()).contains("In the group: Sam, Asha, Asha K."))
            try await host.line("/sessions")
            #expect(Self.words(try await host.response()).contains("Asha K: Coproduction conversation (group \(code))"))

            // A name someone else in the group has gets a number, as at /join.
            try await second.line("/name asha")
            #expect(Self.words(try await second.response()) == "Thank you. The group and the host will see you as asha 2.")
            _ = try await host.response()
            _ = try await asha.response()
        }
    }

    @Test("no one but the host can be called Host in a group, so no one's words pass for the host's")
    func hostIsTheHostsName() async throws {
        try await withServer { _, address in
            let (host, code) = try await RoomTests.openRoom(address)  // the host is Sam
            for typed in ["Host", "host", "The Host", "ＨＯＳＴ"] {
                let (someone, refused) = try await RoomTests.join(address, code: code, name: typed)
                #expect(Self.words(refused) == "That name is for the group's host. Please choose another name.", "\(typed)")
                await someone.close()
            }
            let (asha, _) = try await RoomTests.join(address, code: code, name: "Asha")
            #expect(try await host.response() == ["", "  Asha has joined the group."])
            try await asha.line("/name Host")
            #expect(Self.words(try await asha.response()) == "That name is for the group's host. Please choose another name.")
            try await asha.line("/people")
            #expect(Self.words(try await asha.response()).contains("In the group: Sam, Asha."))
            // Outside a group, the name only labels a connection for hosts: it is allowed.
            let other = try await TestClient.connect(address)
            _ = try await other.response()
            try await other.line("/name Host")
            #expect(Self.words(try await other.response()) == "Thank you. The host will see you as Host.")
        }
    }
}
