import Testing

@testable import LineServer

/// `/watch` of someone in a group room: the group sees what they type already, and `/share` there
/// changes nothing, so the host is told that, not to ask them to `/share` (which would lead nowhere).
@Suite("Group rooms: /watch of someone in one")
struct RoomWatchTests {
    @Test("the host is told the person is in a group room, by name, not to ask them to /share; /share there changes nothing, and /watch still says so")
    func watchSomeoneInARoom() async throws {
        try await withServer { _, address in
            let (host, code) = try await RoomTests.openRoom(address)
            let (asha, _) = try await RoomTests.join(address, code: code, name: "Asha")
            _ = try await host.response()
            let inRoom = "is in a group room. Everyone there sees what they type, and their own answers show to all once everyone has answered. /watch is for someone working on a plan of their own."
            try await host.line("/watch Asha")
            let said = RoomTests.words(try await host.response())
            #expect(said.contains("(Asha) \(inRoom)"), "\(said)")
            #expect(!said.contains("/share"), "\(said)")
            try await asha.line("/share")
            _ = try await asha.response()
            try await host.line("/watch asha")
            #expect(RoomTests.words(try await host.response()).contains(inRoom))
        }
    }
}
