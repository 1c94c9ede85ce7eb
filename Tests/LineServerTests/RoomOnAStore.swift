import Foundation
import Testing

@testable import LineServer

/// A group room on a real `tandem serve` that keeps plans, at a question everyone answers (Asha,
/// Ben and a third person in it, Asha told her seat code), and the same store opened again after
/// the server is killed: the start of every crash and restart test of rooms.
struct RoomOnAStore {
    let folder: TemporaryDirectory
    let arguments: [String]
    let server: ServeProcess
    let host: TestClient, asha: TestClient, ben: TestClient
    /// Asha's seat code, and the group plan's resume code.
    let seat: String, resume: String

    static func open() async throws -> RoomOnAStore {
        let folder = try TemporaryDirectory()
        let tokenFile = folder.path + "/token"
        try Fixtures.token.write(toFile: tokenFile, atomically: true, encoding: .utf8)
        let arguments = ["--store", folder.path + "/plans.sqlite", "--host-token-file", tokenFile]
        let server = try ServeProcess(arguments)
        let (host, asha, ben, _, told) = try await RoomSeatTests.atAQuestionEveryoneAnswers(server.address)
        let seat = try #require(told, "Asha is told a seat code")
        let opened = RoomTests.words(host.everything.components(separatedBy: "\n"))
        let resume = try #require(opened.firstMatch(of: /\/room resume ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/)?.1).description
        return RoomOnAStore(folder: folder, arguments: arguments, server: server, host: host, asha: asha, ben: ben, seat: seat, resume: resume)
    }

    /// SIGKILL, then a new server on the same store, where a new host (named, if `hostName`)
    /// opens the group again with `/room resume`: what it showed, and the room's new join code.
    func killAndReopen(hostName: String? = nil) async throws -> (server: ServeProcess, host: TestClient, reopened: [String], code: String) {
        kill(server.process.processIdentifier, SIGKILL)
        _ = try await server.exitStatus(within: .seconds(15))
        for c in [host, asha, ben] { await c.close() }
        let second = try ServeProcess(arguments)
        let sam = try await TestClient.connect(second.address)
        _ = try await sam.response()
        try await sam.line("/host \(Fixtures.token)")
        _ = try await sam.response()
        if let hostName {
            try await sam.line("/name \(hostName)")
            _ = try await sam.response()
        }
        try await sam.line("/room resume \(resume)")
        let reopened = try await sam.response()
        let line = try #require(reopened.first { $0.hasPrefix("  /join ") }, "\(reopened)")
        return (second, sam, reopened, String(line.split(separator: " ")[1]))
    }
}
