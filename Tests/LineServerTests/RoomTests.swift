import DialogueEngine
import Foundation
import NIOCore
import PlanStore
import Testing

@testable import LineServer
import TandemProtocol
import TandemStore
import TandemDoors

/// Group rooms over real connections: a host opens one, people join with its code, the group's
/// answers and everyone's own answers reach everyone, and closing sends everyone back to the menu.
@Suite("Group rooms over TCP")
struct RoomTests {
    /// A signed-in host (named Sam) with an open coproduction room; returns the join code.
    static func openRoom(_ address: SocketAddress) async throws -> (host: TestClient, code: String) {
        let host = try await TestClient.connect(address)
        _ = try await host.response()
        try await host.line("/host \(Fixtures.token)")
        _ = try await host.response()
        try await host.line("/name Sam")
        _ = try await host.response()
        try await host.line("/room new coproduction-conversation")
        let opening = try await host.response()
        let line = try #require(opening.first { $0.hasPrefix("  /join ") })
        let code = String(line.split(separator: " ")[1])
        #expect(opening.last == "  Talk it over together, then type the group's answer.")
        return (host, code)
    }

    static let noRoom = "I could not find an open group with that code. Please check it with the host and try again."

    /// Lines as one text, however they were wrapped.
    static func words(_ lines: [String]) -> String {
        lines.joined(separator: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Someone in JSON mode joins the room as `name`; returns them and the objects that came back.
    static func joinInJSON(_ address: SocketAddress, code: String, name: String) async throws -> (TestClient, [JSONValue]) {
        let c = try await TestClient.connect(address)
        _ = try await c.response()
        try await c.line("/mode json")
        _ = try await c.json(until: "ready")
        try await c.line(#"{"op":"line","text":"/join \#(code) \#(name)"}"#)
        return (c, try await c.json(until: "ready"))
    }

    static func join(_ address: SocketAddress, code: String, name: String) async throws -> (TestClient, [String]) {
        let c = try await TestClient.connect(address)
        _ = try await c.response()
        try await c.line("/join \(code) \(name)")
        return (c, try await c.response())
    }

    @Test("a host and two people: thoughts shared, the group's answer recorded, everyone's own answers shown together")
    func wholeFlow() async throws {
        try await withServer { _, address in
            let (host, code) = try await Self.openRoom(address)
            #expect(code.count == 9 && code.contains("-"), "eight characters in two groups: \(code)")

            let (asha, welcome) = try await Self.join(address, code: code, name: "Asha")
            #expect(welcome.joined(separator: " ").contains("Welcome, Asha. You have joined the group for \"Coproduction conversation\". Also here: Sam."))
            #expect(welcome.contains("What is our group here to do?"))
            #expect(try await host.response() == ["", "  Asha has joined the group."])

            // Codes are forgiving: lower case, no dash.
            let (ben, _) = try await Self.join(address, code: code.lowercased().replacingOccurrences(of: "-", with: ""), name: "Ben")
            _ = try await host.response()
            _ = try await asha.response()

            try await asha.line("A kinder \u{1B}[31mwaiting room")
            #expect(try await asha.response() == ["  Asha says: A kinder waiting room"])
            #expect(try await host.response() == ["", "  Asha says: A kinder waiting room"])
            #expect(try await ben.response() == ["", "  Asha says: A kinder waiting room"])

            try await host.line("A kinder waiting room")
            let hostNext = try await host.response()
            #expect(hostNext.contains("Where is our group on the ladder of working together right now?"))
            let shared = try await ben.response()
            #expect(shared.contains("  The group's answer to \"What is our group here to do?\": A kinder waiting room"))
            #expect(shared.contains("Where is our group on the ladder of working together right now?"))
            #expect(shared.last == "  answered. Type /skip to pass.")
            _ = try await asha.response()

            try await asha.line("5")
            #expect(Self.words(try await asha.response()).contains("Thank you. Everyone's answers will show together once all have answered (1 of 3 so far)."))
            #expect(try await ben.response() == ["", "  Asha has answered (1 of 3)."])
            _ = try await host.response()
            #expect(!ben.everything.contains("Asha:"), "no one sees an answer before everyone has answered")

            try await ben.line("4")
            _ = try await ben.response()
            _ = try await asha.response()
            _ = try await host.response()
            try await host.line("7")
            for c in [host, asha, ben] {
                let together = try await c.response().joined(separator: "\n")
                #expect(together.contains("Everyone's answers to \"Where is our group on the ladder of working together\nright now?\":"))
                #expect(together.contains("  - Asha: People have a real say, but staff still hold the power"))
                #expect(together.contains("  - Ben: People are asked what they think, but may not hear what changed"))
                #expect(together.contains("  - Sam: Everyone shares power and works as equals from start to end"))
                #expect(together.contains("Where on the ladder do we want to be?"))
            }

            try await host.line("/sessions")
            let sessions = try await host.response().joined(separator: "\n")
            #expect(sessions.contains("Asha: Coproduction conversation (group \(code))"))

            // Leaving: the others hear it; the one who left is said goodbye to.
            try await ben.line("/quit")
            #expect(try await ben.untilClosed().contains("You have left the group. Thank you for taking part."))
            #expect(try await host.response() == ["", "  Ben has left the group."])
            _ = try await asha.response()

            // Closing: everyone back at the menu; the host has the code that carries the group's plan on.
            try await host.line("/room close \(code)")
            let closed = try await host.response().joined(separator: "\n")
            #expect(closed.contains("Closed the group room \(code)."))
            #expect(closed.contains("Welcome to Tandem. Which plan would you like to work on?"))
            let back = try await asha.response().joined(separator: "\n")
            #expect(back.contains("The group has ended. Thank you for taking part."))
            #expect(back.contains("Welcome to Tandem. Which plan would you like to work on?"))
            try await asha.line("/join \(code) Asha")
            #expect(Self.words(try await asha.response()) == Self.noRoom)
        }
    }

    @Test("the group's plan is kept in the store, with everyone's own answers, and the host can carry it on")
    func keptInTheStore() async throws {
        let folder = try TemporaryDirectory()
        let store = try PlanStore(path: folder.path + "/plans.sqlite")
        try await withServer(Fixtures.configuration(store: store)) { _, address in
            let (host, code) = try await Self.openRoom(address)
            let everything = host.everything
            let found = try #require(everything.range(of: #"/room resume [0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}"#, options: .regularExpression))
            let resume = String(everything[found].dropFirst(13))
            let (asha, _) = try await Self.join(address, code: code, name: "Asha")
            _ = try await host.response()
            try await host.line("Shorter waits")
            _ = try await host.response()
            _ = try await asha.response()
            try await asha.line("2")
            _ = try await asha.response()
            _ = try await host.response()
            try await host.line("/skip")
            _ = try await host.response()
            _ = try await asha.response()

            // The host's connection drops (lost, not ended: see RoomEndingTests): the group waits for
            // them, and the plan stays.
            await host.drop()
            let waiting = Self.words(try await asha.response())
            #expect(waiting.contains("The host's connection has dropped. Please wait a little"), "\(waiting)")
            #expect(!waiting.contains("The group has ended."))

            // Back on a new connection, the host takes the same room back, where the group is.
            let again = try await TestClient.connect(address)
            _ = try await again.response()
            try await again.line("/host \(Fixtures.token)")
            _ = try await again.response()
            try await again.line("/room resume \(resume)")
            let reopened = try await again.response().joined(separator: "\n")
            #expect(reopened.contains("Your group room for \"Coproduction conversation\" is open."))
            #expect(reopened.contains("/join \(code) "), "the same room, with the same code")
            #expect(reopened.contains("Where on the ladder do we want to be?"))
            #expect(Self.words(try await asha.response()).contains("Sam is back. The group carries on."))
            try await again.line("/room resume ZZZZ-ZZZZ-ZZZZ")
            #expect(Self.words(try await again.response()) == ServerWords.hostingRoom(code), "not told to /quit, which ends the group")

            // Someone else cannot open the group's plan while its room is open.
            let other = try await TestClient.connect(address)
            _ = try await other.response()
            try await other.line("/resume \(resume)")
            #expect(Self.words(try await other.response()).contains("That plan is open in a group room just now."))
            try await other.line("/host \(Fixtures.token)")
            _ = try await other.response()
            try await other.line("/room resume \(resume)")
            let refused = Self.words(try await other.response())
            #expect(refused.contains("open in the room \(code) already, with its host there"))
            // A host whose network went away without a word is told what to do.
            #expect(refused.contains("If that was you and your connection was lost, try again in two minutes"))

            // The host closes the room: then the plan opens again as a room, with a new join code.
            try await again.line("/room close \(code)")
            _ = try await again.response()
            _ = try await asha.response()
            try await other.line("/room resume \(resume)")
            let fresh = try await other.response().joined(separator: "\n")
            #expect(fresh.contains("Welcome back. The group's answers are all here."))
            #expect(!fresh.contains("/join \(code) "), "a new code for the new room")

            let plan = try await store.open(code: resume)
            let exported = PlanExporter(conversation: plan.conversation(Fixtures.library.scripts.first { $0.id == "coproduction-conversation" }!, today: Transcript.defaultToday)).text()
            #expect(exported.contains("Shorter waits"))
            #expect(exported.contains("  - Asha: People are taught why the choices that others made are right\n  - Sam: passed"))
        }
    }

    @Test("when the host does not come back in time, the room ends and everyone gets the group's code")
    func hostGone() async throws {
        let folder = try TemporaryDirectory()
        let store = try PlanStore(path: folder.path + "/plans.sqlite")
        try await withServer(Fixtures.configuration(store: store) { $0.roomHostGrace = .milliseconds(300) }) { _, address in
            let (host, code) = try await Self.openRoom(address)
            let (asha, _) = try await Self.join(address, code: code, name: "Asha")
            _ = try await host.response()
            await host.drop()
            // The wait and the end may come in one read or two: read until the menu is back.
            var ended = ""
            while !ended.contains("Welcome to Tandem.") { ended += " " + Self.words(try await asha.response()) }
            #expect(ended.contains("If they are not back within 1 minute, the group will end"))
            #expect(ended.contains("The host did not come back, so the group has ended."), "\(ended)")
            let found = try #require(ended.range(of: #"/room resume [0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}"#, options: .regularExpression))
            #expect(try await store.open(code: String(ended[found].dropFirst(13))).dialogueID == "coproduction-conversation")
            #expect(ended.contains("Welcome to Tandem."), "back at the menu")
        }
    }

    @Test("only a host opens or closes rooms; a wrong join code says the same thing every time, then tries are slowed")
    func defences() async throws {
        try await withServer(Fixtures.configuration { $0.maxFailures = 3; $0.lockedDelay = .milliseconds(200) }) { _, address in
            let c = try await TestClient.connect(address)
            _ = try await c.response()
            try await c.line("/room new coproduction-conversation")
            #expect(try await c.response() == ["Only the host can do that. Type /host and the host token first."])
            try await c.line("/join")
            #expect(try await c.response() == ["Type /join, the group's code and your name, like /join K7QM-3XRT Asha."])
            for _ in 0..<3 {
                try await c.line("/join ZZZZ-ZZZZ Asha")
                #expect(Self.words(try await c.response()) == Self.noRoom)
            }
            try await c.line("/join ZZZZ-ZZZZ Asha")
            let slowed = Self.words(try await c.response())
            #expect(slowed.contains("Too many codes that did not work have come from your network lately"))
            #expect(slowed.hasSuffix(Self.noRoom))
        }
    }

    @Test("in JSON mode, room events are objects a program can read")
    func jsonMode() async throws {
        try await withServer { _, address in
            let (host, code) = try await Self.openRoom(address)
            let (c, joined) = try await Self.joinInJSON(address, code: code, name: "Asha")
            let welcome = try #require(joined.first { $0["event"]?.string == "welcome" })
            #expect(welcome["t"]?.string == "room" && welcome["group"]?.bool == true)
            #expect(welcome["others"]?.array?.compactMap(\.string) == ["Sam"])
            #expect(joined.contains { $0["t"]?.string == "ask" && $0["step"]?.string == "purpose" })
            #expect(joined.contains { $0["event"]?.string == "turn" && $0["who"]?.string == "group" })
            _ = try await host.response()
            try await host.line("Shorter waits")
            let recorded = try await c.json(until: "ask")
            #expect(recorded.contains { $0["event"]?.string == "recorded" && $0["answer"]?.string == "Shorter waits" })
            _ = try await c.json(until: "room")   // the turn note after the question
            // An answer meant for the question the group has left is not used.
            try await c.line(#"{"op":"answer","step":"purpose","value":"Too late"}"#)
            let stale = try await c.json(until: "ready")
            #expect(stale.first?["t"]?.string == "err" && stale.first?["code"]?.int == 400)
            #expect(stale.contains { $0["t"]?.string == "ask" && $0["step"]?.string == "ladder-now" })
            #expect(!host.everything.contains("Too late"))
        }
    }

    @Test("someone in a group is in a plan, not at the menu: the menu's short idle time does not apply")
    func idleInRoom() async throws {
        // Time moves only when the test moves it, so the check does not depend on how busy the machine is.
        let clock = ManualClock()
        var config = Fixtures.configuration { $0.sweepInterval = .milliseconds(20) }
        config.now = clock.function
        try await withServer(config) { _, address in
            let (host, code) = try await Self.openRoom(address)
            let (asha, _) = try await Self.join(address, code: code, name: "Asha")
            _ = try await host.response()
            let lurker = try await TestClient.connect(address)
            _ = try await lurker.response()
            // Past the menu's warning and grace (4 + 1 minutes), well short of a plan's (25 + 5).
            clock.advance(.minutes(3))
            try await Task.sleep(for: .milliseconds(200))
            clock.advance(.minutes(3))
            #expect(try await lurker.untilClosed().contains("Nothing has been typed for a while"), "the menu's idle time is still short")
            try await asha.line("/people")
            #expect(Self.words(try await asha.response()) == "In the group: Sam, Asha.")
            #expect(!asha.everything.contains("Nothing has been typed"))
        }
    }
}
