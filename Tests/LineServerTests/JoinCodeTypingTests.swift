import DialogueEngine
import NIOCore
import Testing

@testable import LineServer
import TandemDoors

/// A join code as people type it after hearing it read out: with a space where the dash goes, or
/// typed at the menu without `/join`. Both used to fail ("I could not find an open group", "There
/// is no plan called ...").
@Suite("Group rooms: join codes as people type them")
struct JoinCodeTypingTests {
    static func words(_ lines: [String]) -> String { RoomTests.words(lines) }

    @Test("/join with a space for the code's dash, in small letters, joins")
    func spaceForTheDash() async throws {
        try await withServer { _, address in
            let (host, code) = try await RoomTests.openRoom(address)
            let spaced = code.lowercased().replacingOccurrences(of: "-", with: " ")
            let (_, welcome) = try await RoomTests.join(address, code: spaced, name: "Ben Jones")
            #expect(Self.words(welcome).contains("Welcome, Ben Jones."), "\(welcome)")
            #expect(try await host.response() == ["", "  Ben Jones has joined the group."])
        }
    }

    @Test("a join code typed at the menu without /join: joins with the name after it, or says how")
    func codeAtTheMenu() async throws {
        try await withServer { _, address in
            let (host, code) = try await RoomTests.openRoom(address)
            let c = try await TestClient.connect(address)
            _ = try await c.response()
            try await c.line(code)
            let alone = Self.words(try await c.response())
            #expect(alone == "Type /join, the group's code and your name, like /join K7QM-3XRT Asha.", "\(alone)")
            try await c.line("\(code.lowercased()) Cat")
            #expect(Self.words(try await c.response()).contains("Welcome, Cat."))
            #expect(try await host.response() == ["", "  Cat has joined the group."])
        }
    }

    @Test("the code is never heard as words, in either form; the name is", arguments: ["KILL-MYSF", "KILL MYSF", "kill mysf"])
    func codeNotHeard(code: String) {
        #expect(ConnectionLogic.ownWords(.join("\(code) Ben")) == "Ben")
        #expect(ConnectionLogic.ownWords(.join(code)) == nil)
    }
}
