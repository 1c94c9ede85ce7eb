import Foundation
import Testing

@testable import LineServer

/// Seat codes after a restart: the room is opened again with a new join code, and a seat code the
/// group's plan knows was given before is not a guess. Its person is told, kindly, that the group
/// has been opened again, and it never counts toward the wrong tries; any other code still does.
@Suite("Group rooms: seat codes from before a restart", .serialized)
struct RoomSeatRestartTests {
    static func words(_ lines: [String]) -> String { RoomTests.words(lines) }

    @Test("SIGKILL after everyone answered: Asha's seat code from before is told kindly, 25 times, never counted; a new seat still works, and a guessed code is still wrong")
    func seatCodeFromBeforeARestart() async throws {
        let room = try await RoomOnAStore.open()
        let (host, asha, ben, seat) = (room.host, room.asha, room.ben, room.seat)
        try await asha.line("5")
        _ = try await asha.response()
        _ = try await host.response()
        _ = try await ben.response()
        try await ben.line("3")
        _ = try await ben.response()
        _ = try await host.response()
        _ = try await asha.response()
        try await host.line("4")
        #expect(Self.words(try await host.response()).contains("Everyone's answers to"))

        let (second, sam, _, code) = try await room.killAndReopen()

        // Asha, back with the seat code she was given before the restart: more tries than a room
        // allows wrong ones, each told the same kind words, none counted.
        let again = try await TestClient.connect(second.address)
        _ = try await again.response()
        let kind = "The group has been opened again since you were given that seat code, so it does not take you back to a seat now. You are welcome to join again: type /join \(code) and your name."
        for _ in 0..<25 {
            try await again.line("/join \(code) \(seat.lowercased())")
            #expect(Self.words(try await again.response()) == kind)
        }
        // With her name before it, she joins as someone new, told why.
        try await again.line("/join \(code) Asha \(seat)")
        let joined = Self.words(try await again.response())
        #expect(joined.hasPrefix("The group has been opened again since you were given that seat code, so you have joined again as someone new."), "\(joined)")
        #expect(joined.contains("Welcome, Asha."), "\(joined)")
        _ = try await sam.response()

        // Seats still work in the room: Cara joins, drops, and comes back with hers.
        let (cara, welcome) = try await RoomTests.join(second.address, code: code, name: "Cara")
        let caraSeat = try RoomSeatTests.seat(in: welcome, code: code)
        _ = try await sam.response()
        _ = try await again.response()
        await cara.drop()
        _ = try await sam.response()
        _ = try await again.response()
        let (_, back) = try await RoomTests.join(second.address, code: code, name: caraSeat)
        #expect(Self.words(back).contains("Welcome, Cara."), "\(Self.words(back))")
        _ = try await sam.response()
        _ = try await again.response()

        // A code the store never knew is still a wrong one.
        let guess = [seat, caraSeat].contains("ACD-3E4") ? "ACD-3E6" : "ACD-3E4"
        let (_, refused) = try await RoomTests.join(second.address, code: code, name: guess)
        #expect(Self.words(refused).hasPrefix("That seat code is not one from this group."), "\(Self.words(refused))")
        kill(second.process.processIdentifier, SIGTERM)
        _ = try await second.exitStatus(within: .seconds(15))
    }
}
