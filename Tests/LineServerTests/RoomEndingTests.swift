import DialogueEngine
import Foundation
import NIOCore
import PlanStore
import Testing

@testable import LineServer
import TandemProtocol
import TandemStore
import TandemDoors

/// How a group room ends when the server stops, over real connections: the same as `/room close`.
@Suite("Group rooms: end of input and shutdown over TCP")
struct RoomEndingTests {
    static func words(_ lines: [String]) -> String { RoomTests.words(lines) }

    /// A host with an open room, kept in `store`: the join code and the group plan's resume code.
    static func openRoom(_ address: SocketAddress) async throws -> (host: TestClient, code: String, resume: String) {
        let (host, code) = try await RoomTests.openRoom(address)
        let resume = try Self.resumeCode(in: host.everything)
        return (host, code, resume)
    }

    /// The code after `/room resume ` in what a host was shown.
    static func resumeCode(in text: String) throws -> String {
        let found = try #require(text.range(of: #"/room resume [0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}"#, options: .regularExpression))
        return String(text[found].dropFirst(13))
    }

    /// What the host is shown when their room closes with the group's plan saved.
    static func hostClosed(_ resume: String) -> String {
        "The group room is closed. The group's plan is saved with the code \(resume). To open the room again for the group: /room resume \(resume) (To carry it on alone: /resume \(resume))"
    }

    static let groupEnded = "The group has ended. Thank you for taking part."
    static let hostDropped = "The host's connection has dropped."

    // MARK: Shutdown

    @Test("shutdown closes an open room as /room close does: the host gets the group plan's code, everyone is told the group ended")
    func shutdownClosesTheRoom() async throws {
        let store = try PlanStore.inMemory()
        let server = LineServer(configuration: Fixtures.configuration(store: store))
        let address = try await server.start()
        let (host, code, resume) = try await Self.openRoom(address)
        let (asha, _) = try await RoomTests.join(address, code: code, name: "Asha")
        _ = try await host.response()
        let ben = try await TestClient.connect(address)
        _ = try await ben.response()
        try await ben.line("/mode json")
        _ = try await ben.json(until: "ready")
        try await ben.line("/join \(code) Ben")
        _ = try await ben.json(until: "ready")
        _ = try await host.response()
        _ = try await asha.response()
        try await host.line("Shorter waits")
        _ = try await host.response()
        _ = try await asha.response()
        _ = try await ben.json(until: "ask")
        _ = try await ben.json(until: "room")   // the turn note after the question

        await server.shutdown()

        let hostTold = Self.words(TestClient.lines(Array(try await host.untilClosed().utf8)))
        #expect(hostTold.hasPrefix("The server is closing now."), "\(hostTold)")
        #expect(hostTold.hasSuffix(Self.hostClosed(resume)), "\(hostTold)")
        let ashaTold = Self.words(TestClient.lines(Array(try await asha.untilClosed().utf8)))
        #expect(ashaTold == "The server is closing now. \(Self.groupEnded)", "\(ashaTold)")
        #expect(!asha.everything.contains(Self.hostDropped))
        // A program hears the reason (and that the connection closes), then the room's end.
        let benTold = try await ben.untilClosed().split(separator: "\r\n").map { try JSONValue.parse(String($0)) }
        #expect(benTold.first?["t"] == "err" && benTold.first?["code"]?.int == 503 && benTold.first?["close"] == .bool(true))
        #expect(benTold.contains { $0["t"] == "room" && $0["event"] == "closed" && $0["host"] == .bool(false) })
        #expect(!ben.everything.contains("host-away"))

        let plan = try await store.open(code: resume)
        #expect(plan.changes.contains(.answered(step: "purpose", value: .text("Shorter waits"))))
    }

    @Test("shutdown while a room waits for its dropped host: everyone there is given the group plan's code")
    func shutdownWhileHostAway() async throws {
        let store = try PlanStore.inMemory()
        let server = LineServer(configuration: Fixtures.configuration(store: store))
        let address = try await server.start()
        let (host, code, resume) = try await Self.openRoom(address)
        let (asha, _) = try await RoomTests.join(address, code: code, name: "Asha")
        _ = try await host.response()
        await host.drop()
        #expect(Self.words(try await asha.response()).contains(Self.hostDropped))

        await server.shutdown()

        let ashaTold = Self.words(TestClient.lines(Array(try await asha.untilClosed().utf8)))
        #expect(ashaTold.hasPrefix("The server is closing now."), "\(ashaTold)")
        #expect(ashaTold.contains("The group's plan is saved with the code \(resume)."), "\(ashaTold)")
    }
}
