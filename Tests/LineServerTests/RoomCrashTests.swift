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
        let folder = try TemporaryDirectory()
        let storePath = folder.path + "/plans.sqlite"
        let tokenFile = folder.path + "/token"
        try Fixtures.token.write(toFile: tokenFile, atomically: true, encoding: .utf8)
        let arguments = ["--store", storePath, "--host-token-file", tokenFile]

        let first = try ServeProcess(arguments)
        let (host, asha, ben, _, told) = try await RoomSeatTests.atAQuestionEveryoneAnswers(first.address)
        let seat = try #require(told, "Asha is told a seat code")
        let opened = Self.words(host.everything.components(separatedBy: "\n"))
        let resume = try #require(opened.firstMatch(of: /\/room resume ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/)?.1).description
        try await asha.line("5")
        #expect(Self.words(try await asha.response()).contains("(1 of 3 so far)"))
        _ = try await host.response()
        _ = try await ben.response()
        try await ben.line("3")
        #expect(Self.words(try await ben.response()).contains("(2 of 3 so far)"))
        _ = try await host.response()
        _ = try await asha.response()

        kill(first.process.processIdentifier, SIGKILL)
        _ = try await first.exitStatus(within: .seconds(15))
        for c in [host, asha, ben] { await c.close() }

        let second = try ServeProcess(arguments)
        let sam = try await TestClient.connect(second.address)
        _ = try await sam.response()
        try await sam.line("/host \(Fixtures.token)")
        _ = try await sam.response()
        try await sam.line("/name Sam")
        _ = try await sam.response()
        try await sam.line("/room resume \(resume)")
        let reopened = try await sam.response()
        let said = Self.words(reopened)
        #expect(said.contains("Asha has answered (1 of 3). Ben has answered (2 of 3)."), "\(said)")
        #expect(!said.contains("Asha:") && !said.contains("Ben:"), "no held answer is shown before everyone has answered")
        let line = try #require(reopened.first { $0.hasPrefix("  /join ") })
        let newCode = String(line.split(separator: " ")[1])

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
