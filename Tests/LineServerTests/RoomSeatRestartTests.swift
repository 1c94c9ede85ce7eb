import Foundation
import Testing

@testable import LineServer

/// Seat codes after a restart: the room is opened again with a new join code, and every seat given
/// before is a seat again (the group's plan keeps them): with the new join code, its person is back
/// as themselves, whether or not they had answered anything. Any other code is still a wrong one.
@Suite("Group rooms: seat codes from before a restart", .serialized)
struct RoomSeatRestartTests {
    static func words(_ lines: [String]) -> String { RoomTests.words(lines) }

    @Test("SIGKILL before anyone answered: Asha's seat code takes her back to her seat in the room opened again, not counted; a guessed code is still wrong")
    func seatCodeFromBeforeARestart() async throws {
        let room = try await RoomOnAStore.open()
        let seat = room.seat
        let (second, sam, _, code) = try await room.killAndReopen()

        let again = try await TestClient.connect(second.address)
        _ = try await again.response()
        try await again.line("/join \(code) \(seat.lowercased())")
        let back = Self.words(try await again.response())
        #expect(back.contains("Welcome, Asha."), "\(back)")
        #expect(back.contains("/join \(code) \(seat)"), "her seat code again, with the new join code: \(back)")
        #expect(Self.words(try await sam.response()).contains("Asha is back."))

        // She drops, and the same code takes her back again.
        await again.drop()
        _ = try await sam.response()
        let (_, backAgain) = try await RoomTests.join(second.address, code: code, name: seat)
        #expect(Self.words(backAgain).contains("Welcome, Asha."), "\(Self.words(backAgain))")
        _ = try await sam.response()

        // A code the store never knew is still a wrong one.
        let guess = seat == "ACD-3E4" ? "ACD-3E6" : "ACD-3E4"
        let (_, refused) = try await RoomTests.join(second.address, code: code, name: guess)
        #expect(Self.words(refused).hasPrefix("That seat code is not one from this group."), "\(Self.words(refused))")
        kill(second.process.processIdentifier, SIGTERM)
        _ = try await second.exitStatus(within: .seconds(15))
    }
}

/// The host's name and the seat codes, as the store keeps them across a SIGKILL and a restart.
@Suite("Group rooms: the host's name and seat codes across a restart", .serialized)
struct RoomHostNameRestartTests {
    static func words(_ lines: [String]) -> String { RoomTests.words(lines) }

    @Test("a host who opens the room again after a SIGKILL, having typed no /name, is still Sam, not Host; no seat code is in the store's files as typed")
    func hostKeepsTheirNameAndSeatCodesAreHashed() async throws {
        let room = try await RoomOnAStore.open()
        let seat = room.seat
        let (second, sam, _, code) = try await room.killAndReopen()

        // The store's files (the database and its log) hold no seat code as it was told.
        let files = try FileManager.default.contentsOfDirectory(atPath: room.folder.path)
        var stored = Data()
        for file in files { stored += (try? Data(contentsOf: URL(fileURLWithPath: room.folder.path + "/" + file))) ?? Data() }
        let text = String(decoding: stored, as: UTF8.self)
        #expect(text.contains("coproduction-conversation"), "the store's files are read")
        #expect(!text.contains(seat) && !text.contains(seat.replacingOccurrences(of: "-", with: "")), "Asha's seat code is in the store as typed")

        let (asha, back) = try await RoomTests.join(second.address, code: code, name: seat)
        #expect(Self.words(back).contains("Welcome, Asha."), "\(Self.words(back))")
        #expect(Self.words(back).contains("Also here: Sam."), "\(Self.words(back))")
        _ = try await sam.response()
        try await sam.line("/people")
        #expect(Self.words(try await sam.response()).contains("In the group: Sam, Asha."))
        await asha.close()
        kill(second.process.processIdentifier, SIGTERM)
        _ = try await second.exitStatus(within: .seconds(15))
    }
}
