import Foundation
import Testing

@testable import LineServer

/// A server killed while a question everyone answers is open: the answers already given are on
/// disk, and come back when the group's room is opened again on the same store.
@Suite("Group rooms: a crash with answers held", .serialized)
struct RoomCrashTests {
    static func words(_ lines: [String]) -> String { RoomTests.words(lines) }

    @Test("SIGKILL with two of three answers held: /room resume brings them back (2 of 3), Asha has hers back with her seat code, and the last answer shows everyone's together")
    func heldAnswersSurviveACrash() async throws {
        let room = try await RoomOnAStore.open()
        let (host, asha, ben, seat) = (room.host, room.asha, room.ben, room.seat)
        try await asha.line("5")
        #expect(Self.words(try await asha.response()).contains("(1 of 3 so far)"))
        _ = try await host.response()
        _ = try await ben.response()
        try await ben.line("3")
        #expect(Self.words(try await ben.response()).contains("(2 of 3 so far)"))
        _ = try await host.response()
        _ = try await asha.response()

        let (second, sam, reopened, newCode) = try await room.killAndReopen(hostName: "Sam")
        let said = Self.words(reopened)
        #expect(said.contains("Asha has answered (1 of 3). Ben has answered (2 of 3)."), "\(said)")
        #expect(!said.contains("Asha:") && !said.contains("Ben:"), "no held answer is shown before everyone has answered")

        // Asha comes back to her seat with her seat code: her answer is hers, to change.
        let again = try await TestClient.connect(second.address)
        _ = try await again.response()
        try await again.line("/join \(newCode) \(seat)")
        let back = Self.words(try await again.response())
        #expect(back.contains("Welcome, Asha."), "\(back)")
        #expect(back.contains("(2 of 3 so far)"), "\(back)")
        #expect(back.contains("Your answer now: People have a real say"), "her held answer, shown to her: \(back)")
        _ = try await sam.response()
        try await again.line("6")
        #expect(Self.words(try await again.response()).contains("Changed your answer. Everyone's answers will show together once all have answered (2 of 3 so far)."))

        // Sam answers last: everyone's answers show together, Ben's from before the crash too.
        try await sam.line("4")
        let shown = Self.words(try await sam.response())
        #expect(shown.contains("Everyone's answers to"), "\(shown)")
        #expect(shown.contains("Asha: People help shape the plans"), "\(shown)")
        #expect(shown.contains("Ben: People are told what will happen"), "\(shown)")
        #expect(shown.contains("Sam: People are asked what they think"), "\(shown)")
        #expect(Self.words(try await again.response()).contains("Ben: People are told what will happen"))
        kill(second.process.processIdentifier, SIGTERM)
        _ = try await second.exitStatus(within: .seconds(15))
    }
}
