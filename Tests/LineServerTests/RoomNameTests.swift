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
}
