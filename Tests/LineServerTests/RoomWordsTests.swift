import DialogueEngine
import NIOCore
import Testing

@testable import LineServer
import TandemProtocol

/// Words in a group room that said what was not so there. `/share` promised that the host would
/// see the person's answers "as you give them" and that earlier ones "stay private": in a group
/// the group sees what they type already, and a host's `/watch` shows nothing of a room.
@Suite("Group rooms: words that are true in a room")
struct RoomWordsTests {
    @Test("/share and /unshare in a room say what a group sees, and promise nothing more")
    func shareInARoom() async throws {
        try await withServer { _, address in
            let (host, code) = try await RoomTests.openRoom(address)
            let (ben, _) = try await RoomTests.join(address, code: code, name: "Ben")
            _ = try await host.response()
            for command in ["/share", "/unshare"] {
                try await ben.line(command)
                let said = RoomTests.words(try await ben.response())
                #expect(said == ServerWords.shareInRoom, "\(command): \(said)")
                #expect(!said.contains("stay private"), "\(command): \(said)")
            }
            try await host.line("/share")
            #expect(RoomTests.words(try await host.response()) == ServerWords.shareInRoom)
        }
    }

    /// A host who typed `/room new` (or `/join`) in their room was told "Type /quit to leave it
    /// first": a host's `/quit` ends the group for everyone.
    @Test("a host in their room who tries to open or join another is not told to type /quit")
    func hostIsNotToldToQuit() async throws {
        try await withServer { _, address in
            let (host, code) = try await RoomTests.openRoom(address)
            let (ben, _) = try await RoomTests.join(address, code: code, name: "Ben")
            _ = try await host.response()
            for command in ["/room new my-goals", "/join ABCD-2345 Sam", "/room resume ABCD-2345-WXYZ"] {
                try await host.line(command)
                let said = RoomTests.words(try await host.response())
                #expect(said == ServerWords.hostingRoom(code), "\(command): \(said)")
            }
            // Anyone else in the room may leave with /quit: it ends nothing for the others.
            try await ben.line("/room new my-goals")
            #expect(RoomTests.words(try await ben.response()) == "Only the host can do that. Type /host and the host token first.")
            try await ben.line("/join ABCD-2345 Ben")
            #expect(RoomTests.words(try await ben.response()) == ServerWords.inRoom)
        }
    }

    /// Telnet's Ctrl-C told a room's host "If you want to stop, type /quit": their /quit ends the
    /// group for everyone.
    @Test("Ctrl-C in telnet, to a room's host: the line is cleared, and /quit is said to end the group")
    func ctrlCForAHost() async throws {
        try await withServer { _, address in
            let (host, code) = try await RoomTests.openRoom(address)
            let (ben, _) = try await RoomTests.join(address, code: code, name: "Ben")
            _ = try await host.response()
            try await host.send(bytes: Array("Sa".utf8) + [0xFF, 0xF4])
            let hostSaw = RoomTests.words(try await host.response())
            #expect(hostSaw == ServerWords.lineClearedHosting, "\(hostSaw)")
            try await ben.send(bytes: Array("Sa".utf8) + [0xFF, 0xF4])
            #expect(RoomTests.words(try await ben.response()) == ServerWords.lineCleared)
        }
    }
}
