import DialogueEngine
import Foundation
import NIOCore
import PlanStore
import Testing

@testable import LineServer
import TandemProtocol
import TandemStore
import TandemDoors

/// How a group room ends when the server stops, or when someone's input ends (a half-close, or
/// Ctrl-D alone on a line), over real connections: the same as `/room close` and `/pause`. A
/// connection that is lost without an end of input still leaves the group waiting for its host.
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

    // MARK: End of input

    /// The host's input ends (`end`): the room closes as `/pause` closes it for a host.
    func hostEndsInput(_ end: @escaping (TestClient) async throws -> Void) async throws {
        let store = try PlanStore.inMemory()
        try await withServer(Fixtures.configuration(store: store)) { _, address in
            let (host, code, resume) = try await Self.openRoom(address)
            let (asha, _) = try await RoomTests.join(address, code: code, name: "Asha")
            _ = try await host.response()
            try await host.line("Shorter waits")
            _ = try await host.response()
            _ = try await asha.response()

            try await end(host)

            let told = Self.words(TestClient.lines(Array(try await host.untilClosed().utf8)))
            #expect(told == Self.hostClosed(resume), "\(told)")
            let back = Self.words(try await asha.response())
            #expect(back.hasPrefix(Self.groupEnded), "\(back)")
            #expect(back.contains("Welcome to Tandem. Which plan would you like to work on?"), "back at the menu")
            #expect(!asha.everything.contains(Self.hostDropped))
            try await asha.line("/join \(code) Asha")
            #expect(Self.words(try await asha.response()) == RoomTests.noRoom, "the room has closed")
            // The group's plan opens again as a new room.
            let again = try await TestClient.connect(address)
            _ = try await again.response()
            try await again.line("/host \(Fixtures.token)")
            _ = try await again.response()
            try await again.line("/room resume \(resume)")
            let reopened = try await again.response().joined(separator: "\n")
            #expect(reopened.contains("Welcome back. The group's answers are all here."))
            #expect(!reopened.contains("/join \(code) "), "a new room, with a new join code")
        }
    }

    @Test("Ctrl-D alone on a line from the host: the room closes as /pause closes it, and the host is shown the code")
    func hostCtrlD() async throws {
        try await hostEndsInput { try await $0.line("\u{4}") }
    }

    @Test("telnet's End of File (IAC EOF, Ctrl-D) from the host, with no line end: the room closes as for Ctrl-D on its own line")
    func hostTelnetEOF() async throws {
        try await hostEndsInput { try await $0.send(bytes: [0xFF, 0xEC]) }
    }

    @Test("the host's client closes its sending side (as closing the window does): the group waits for them, as for a dropped connection")
    func hostHalfCloseWaits() async throws {
        try await withServer { _, address in
            let (host, code) = try await RoomTests.openRoom(address)
            let (asha, _) = try await RoomTests.join(address, code: code, name: "Asha")
            _ = try await host.response()
            try await host.finishSending()
            let waiting = Self.words(try await asha.response())
            #expect(waiting.contains("\(Self.hostDropped) Please wait a little"), "\(waiting)")
            #expect(!waiting.contains(Self.groupEnded))
        }
    }

    /// A member's input ends (`end`): they leave the group as `/pause` leaves it.
    func memberEndsInput(_ end: @escaping (TestClient) async throws -> Void) async throws {
        try await withServer { _, address in
            let (host, code) = try await RoomTests.openRoom(address)
            let (asha, _) = try await RoomTests.join(address, code: code, name: "Asha")
            _ = try await host.response()

            try await end(asha)

            let told = Self.words(TestClient.lines(Array(try await asha.untilClosed().utf8)))
            #expect(told == "You have left the group. Thank you for taking part.", "\(told)")
            #expect(try await host.response() == ["", "  Asha has left the group."])
            try await host.line("/people")
            #expect(Self.words(try await host.response()) == "In the group: Sam.")
        }
    }

    @Test("Ctrl-D alone on a line from someone in a room: they leave the group, as with /pause")
    func memberCtrlD() async throws {
        try await memberEndsInput { try await $0.line("\u{4}") }
    }

    @Test("someone in a room closes their sending side: they leave the group, as with /pause")
    func memberHalfClose() async throws {
        try await memberEndsInput { try await $0.finishSending() }
    }

    @Test("a host's connection lost without an end of input still leaves the group waiting for them")
    func realDropWaits() async throws {
        try await withServer { _, address in
            let (host, code) = try await RoomTests.openRoom(address)
            let (asha, _) = try await RoomTests.join(address, code: code, name: "Asha")
            _ = try await host.response()
            await host.drop()
            let waiting = Self.words(try await asha.response())
            #expect(waiting.contains("\(Self.hostDropped) Please wait a little"), "\(waiting)")
            #expect(waiting.contains("within 10 minutes"), "\(waiting)")
            #expect(!waiting.contains(Self.groupEnded))
            // Someone joining now is not told the host is here, but that the group waits for them.
            let (ben, benWelcome) = try await RoomTests.join(address, code: code, name: "Ben")
            let welcome = Self.words(benWelcome)
            #expect(welcome.contains("Also here: Asha."), "\(welcome)")
            #expect(welcome.contains("the group is waiting for them to come back"), "\(welcome)")
            _ = try await asha.response()
            // The host back at the menu: /room says the room waits for them, and lists only who is there.
            let again = try await TestClient.connect(address)
            _ = try await again.response()
            try await again.line("/host \(Fixtures.token)")
            _ = try await again.response()
            try await again.line("/room")
            let listedLines = try await again.response()
            #expect(listedLines.allSatisfy { $0.count <= 80 }, "wrapped at 80 columns, as every other line: \(listedLines)")
            let listed = Self.words(listedLines)
            #expect(listed.contains("\(code) Coproduction conversation, 2 people, waiting for its host to come back (to take it back: /room resume \(code))"), "\(listed)")
            // The host takes the same room back.
            try await again.line("/room resume \(code)")
            #expect(try await again.response().joined(separator: "\n").contains("/join \(code) "), "the same room")
            #expect(Self.words(try await asha.response()).contains("Sam is back. The group carries on."))
            #expect(Self.words(try await ben.response()).contains("Sam is back. The group carries on."))
        }
    }
}
