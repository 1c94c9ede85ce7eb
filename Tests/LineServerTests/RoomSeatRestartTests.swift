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
