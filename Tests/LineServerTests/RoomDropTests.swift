import DialogueEngine
import NIOCore
import Testing

@testable import LineServer

/// Someone whose connection drops in a group, over real connections: the answer they gave to a
/// question everyone answers was acknowledged, so it is not lost; back with the join code and
/// their seat code, it is theirs again (see `RoomSeatTests`).
@Suite("Group rooms: a dropped connection over TCP")
struct RoomDropTests {
    static func words(_ lines: [String]) -> String { RoomTests.words(lines) }

    @Test("an answer held for everyone's answers survives its person's dropped connection")
    func heldAnswerSurvivesADrop() async throws {
        try await withServer { _, address in
            let (host, asha, ben, code, told) = try await RoomSeatTests.atAQuestionEveryoneAnswers(address)
            let seat = try #require(told, "Asha is told a seat code")

            try await asha.line("5")
            #expect(Self.words(try await asha.response()).contains("(1 of 3 so far)"))
            _ = try await host.response()
            _ = try await ben.response()
            await asha.drop()
            // Not "has left": she did not choose to go.
            #expect(try await host.response() == ["", "  Asha's connection has dropped. They can join again with the same code."])
            _ = try await ben.response()

            let (back, welcome) = try await RoomTests.join(address, code: code, name: seat)
            #expect(Self.words(welcome).contains("Welcome, Asha."))
            #expect(Self.words(welcome).contains("(1 of 3 so far)"), "told their answer is still held: \(Self.words(welcome))")
            _ = try await host.response()
            _ = try await ben.response()

            try await ben.line("6")
            _ = try await ben.response()
            _ = try await host.response()
            _ = try await back.response()
            try await host.line("7")
            let shown = Self.words(try await host.response())
            #expect(shown.contains("Asha: People have a real say, but staff still hold the power"), "\(shown)")
            #expect(shown.contains("Ben: People help shape the plans"), "\(shown)")
            #expect(!shown.contains("Asha 2"))
        }
    }
}
