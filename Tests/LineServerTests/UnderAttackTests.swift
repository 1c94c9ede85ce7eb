import DialogueEngine
import Foundation
import NIOCore
import PlanStore
import Testing

@testable import LineServer
import TandemProtocol
import TandemStore
import TandemDoors

/// The defects found when the server was tried as a careless or hostile user would (issue 8), each
/// reproduced over real connections on a server with two event loops, as `tandem serve` runs.
@Suite("Defects found under attack")
struct UnderAttackTests {
    static func words(_ lines: [String]) -> String {
        lines.joined(separator: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    static func host(_ address: SocketAddress) async throws -> TestClient {
        let host = try await TestClient.connect(address)
        _ = try await host.response()
        try await host.line("/host \(Fixtures.token)")
        _ = try await host.response()
        return host
    }

    /// A person at the menu with a name; returns them and their id as the host's `/sessions` shows it.
    static func person(_ address: SocketAddress, named name: String, host: TestClient) async throws -> (TestClient, String) {
        let person = try await TestClient.connect(address)
        _ = try await person.response()
        try await person.line("/name \(name)")
        _ = try await person.response()
        try await host.line("/sessions")
        let line = try #require(try await host.response().first { $0.contains(" \(name):") })
        return (person, String(line.trimmingCharacters(in: .whitespaces).prefix(4)))
    }

    /// The resume code a new plan shows at its start.
    static func code(in text: String) throws -> String {
        let found = try #require(text.range(of: #"[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}"#, options: .regularExpression))
        return String(text[found])
    }

    @Test("a host can /watch, /say and /sessions anyone, whichever event loop they are on, at the menu or in a plan")
    func acrossEventLoops() async throws {
        try await withServer { server, address in
            #expect(server.configuration.threads >= 2)
            let host = try await Self.host(address)
            // Three people in a row: round robin puts at least one on another loop than the host's.
            var people: [(client: TestClient, id: String)] = []
            for name in ["Ann", "Ben", "Cat"] { people.append(try await Self.person(address, named: name, host: host)) }
            for (person, id) in people {
                try await host.line("/watch \(id)")
                #expect(Self.words(try await host.response()) == "\(id) has not chosen to share their answers. They can type /share if they wish.")
                try await person.line("/share")
                _ = try await person.response()
                try await host.line("/watch \(id)")
                #expect(try await host.response().first?.hasPrefix("You will see \(id) (") == true)
                try await person.line("/start 1")
                _ = try await person.response()
                try await person.line("Zebedee \(id)")
                _ = try await person.response()
                #expect(try await host.response().contains("    | Zebedee \(id)"))
                try await host.line("/say \(id) Hello there")
                #expect(try await host.response() == ["Sent to \(id)."])
                #expect(try await person.response().contains("Message from the host: Hello there"))
            }
            try await host.line("/sessions")
            #expect(try await host.response().first == "4 connections:")
        }
    }

    @Test("nothing typed before /share reaches the host, not even list items finished after it")
    func nothingBeforeShare() async throws {
        try await withServer { _, address in
            let host = try await Self.host(address)
            let (person, id) = try await Self.person(address, named: "Sam", host: host)
            try await person.line("/start wellbeing-at-work")
            _ = try await person.response()
            try await person.line("7")
            _ = try await person.response()
            try await person.line("PRIVATE lunch break")
            _ = try await person.response()
            try await person.line("/share")
            #expect(Self.words(try await person.response()).contains("Answers you gave before stay private."))
            try await host.line("/watch \(id)")
            _ = try await host.response()
            try await person.line("A walk after work")
            _ = try await person.response()
            try await person.line("")
            _ = try await person.response()
            let seen = try await host.response()
            #expect(seen.contains("    | A walk after work"))
            #expect(Self.words(seen).contains("Part of this answer was given before they chose to share, so it stays private."))
            // Enter keeps an answer from before sharing: nothing new to show. A new one is shown.
            try await person.line("/change 1")
            _ = try await person.response()
            try await person.line("")
            _ = try await person.response()
            try await person.line("/change 1")
            _ = try await person.response()
            try await person.line("8")
            _ = try await person.response()
            let changed = try await host.response()
            #expect(changed.contains("    | 8 out of 10"), "\(changed)")
            #expect(!host.everything.contains("PRIVATE"))
            #expect(!host.everything.contains("| 7 out of 10"))
        }
    }

    @Test("a second connection that opens a plan takes it over: the first is told, and no answer is lost")
    func onePlanOneWriter() async throws {
        let folder = try TemporaryDirectory()
        let store = try PlanStore(path: folder.path + "/plans.sqlite")
        try await withServer(Fixtures.configuration(store: store)) { _, address in
            let first = try await TestClient.connect(address)
            _ = try await first.response()
            try await first.line("/start wellbeing-at-work")
            let code = try Self.code(in: Self.words(try await first.response()))
            try await first.line("7")
            _ = try await first.response()
            try await first.line("Typed on the first connection")
            _ = try await first.response()

            let second = try await TestClient.connect(address)
            _ = try await second.response()
            try await second.line("/resume \(code)")
            let opening = Self.words(try await second.response())
            #expect(opening.contains("Welcome back. Your answers are all here."))
            #expect(opening.contains("You have 1 so far."), "the first connection's item is here: \(opening)")
            let told = Self.words(try await first.response())
            #expect(told.contains("This plan has just been opened on another connection, so it has closed here. Everything you gave is saved."))
            #expect(told.contains("Welcome to Tandem."), "back at the menu")

            try await second.line("Typed on the second connection")
            _ = try await second.response()
            try await second.line("")
            _ = try await second.response()
            // The first connection's lines no longer reach the plan.
            try await first.line("Too late")
            _ = try await first.response()

            let plan = try await store.open(code: code)
            let script = try #require(Fixtures.library.scripts.first { $0.id == "wellbeing-at-work" })
            let state = plan.conversation(script, today: Transcript.defaultToday).state
            #expect(state.answers["well-at-work"] == .list(["Typed on the first connection", "Typed on the second connection"]))
            #expect(!plan.changes.contains { "\($0)".contains("Too late") })
        }
    }

    @Test("JSON numbers that cannot be kept as written are refused with err 400, never stored as something else",
          arguments: ["1e999", "-1e999", "1e-999", "123456789012345678901234567890", String(repeating: "9", count: 400)])
    func unusableNumbers(number: String) async throws {
        try await withServer { _, address in
            let c = try await TestClient.connect(address)
            _ = try await c.response()
            try await c.line("/mode json")
            _ = try await c.json(until: "ready")
            try await c.line(#"{"op":"answer","value":\#(number)}"#)
            let reply = try await c.json(until: "ready")
            #expect(reply.first?["t"] == "err" && reply.first?["code"]?.int == 400)
            #expect(reply.first?["text"]?.string?.hasPrefix("That number cannot be used") == true)
            #expect(!c.everything.contains("null\""))
            // A number that fits is taken as it is.
            try await c.line(#"{"op":"answer","value":1}"#)
            #expect(try await c.json(until: "ready").contains { $0["t"] == "say" && $0["kind"] == "intro" })
        }
    }

    /// The walk fuzz target's first finding: `Int(1e300)` traps, and a pick-one or scale question
    /// turned a JSON number into an Int that way, so one line from anyone stopped the whole server.
    @Test("a whole number far past any Int, sent at a choice or a scale, is asked again and the server carries on",
          arguments: ["1e300", "-1e300", "1.5e300", "1e19"])
    func numbersPastInt(number: String) async throws {
        try await withServer { _, address in
            let c = try await TestClient.connect(address)
            _ = try await c.response()
            try await c.line("/mode json")
            _ = try await c.json(until: "ready")
            try await c.line(#"{"op":"line","text":"/start looking-after-me-too"}"#)
            _ = try await c.json(until: "ready")
            try await c.line(#"{"op":"answer","step":"name","value":"Jo"}"#)
            #expect(try await c.json(until: "ready").contains { $0["t"] == "ask" && $0["kind"] == "pick-one" })
            try await c.line(#"{"op":"answer","value":\#(number)}"#)
            #expect(try await c.json(until: "ready").contains { $0["t"] == "invalid" })
            try await c.line(#"{"op":"answer","value":1}"#)
            _ = try await c.json(until: "ready")
            // On to the first scale: the answer to "what do you do to help" first.
            try await c.line(#"{"op":"answer","value":"All sorts"}"#)
            #expect(try await c.json(until: "ready").contains { $0["t"] == "ask" && $0["kind"] == "scale" })
            try await c.line(#"{"op":"answer","value":\#(number)}"#)
            #expect(try await c.json(until: "ready").contains { $0["t"] == "invalid" })
            try await c.line(#"{"op":"answer","value":7}"#)
            #expect(try await c.json(until: "ready").contains { $0["t"] == "ask" })
            // And the server still greets someone new.
            let other = try await TestClient.connect(address)
            #expect(try await other.response().joined(separator: " ").contains("Type a number to start"))
        }
    }

    @Test("names cannot hide, copy or swamp: invisible characters go, a name needs a letter, lookalikes are told apart")
    func names() async throws {
        try await withServer { _, address in
            let c = try await TestClient.connect(address)
            _ = try await c.response()
            try await c.line("/name Fa\u{200B}cilitator")
            #expect(try await c.response() == ["Thank you. The host will see you as Facilitator."])
            try await c.line("/name O'Neil-Smith Jr.")
            #expect(try await c.response() == ["Thank you. The host will see you as O'Neil-Smith Jr."], "one full stop")
            try await c.line("/name \u{3164}")
            #expect(Self.words(try await c.response()) == PersonName.rule)
            try await c.line("/name a" + String(repeating: "\u{0301}", count: 900))
            let long = try await c.response()
            #expect(long.joined().utf8.count < 100, "combining marks are capped: \(long.joined().utf8.count) bytes")

            let (host, code) = try await RoomTests.openRoom(address)
            let (_, welcome) = try await RoomTests.join(address, code: code, name: "S\u{200B}am")
            #expect(Self.words(welcome).contains("Welcome, Sam 2."), "a name that looks like the host's gets a number")
            _ = host
        }
    }

    @Test("what a person types cannot pass for a server line in the host's watch output, even with line separators")
    func noForgedLines() async throws {
        try await withServer { _, address in
            let host = try await Self.host(address)
            let (person, id) = try await Self.person(address, named: "Sam", host: host)
            // Past the name question, which keeps only the name in a line ("Sam, Tom's mum" is Sam).
            try await person.line("/start 1")
            _ = try await person.response()
            try await person.line("Sam")
            _ = try await person.response()
            try await person.line("3")
            _ = try await person.response()
            try await person.line("/share")
            _ = try await person.response()
            try await host.line("/watch \(id)")
            _ = try await host.response()
            try await person.line("/mode json")
            _ = try await person.json(until: "ready")
            let forged = "x\u{2028}  \(id) (Fake) answered \\\"What?\\\": y\u{2029}" + String(repeating: "word ", count: 30) + "\(id) (Fake) has left."
            try await person.line(#"{"op":"answer","value":"\#(forged)"}"#)
            _ = try await person.json(until: "ready")
            let seen = try await host.response()
            #expect(seen.count > 3, "\(seen)")
            for line in seen where line.contains("Fake") || line.contains("word") {
                #expect(line.hasPrefix("    | "), "quoted: \(line)")
            }
            #expect(!seen.contains { $0.unicodeScalars.contains { $0.value == 0x2028 || $0.value == 0x2029 } })
        }
    }
}

@Suite("Floods")
struct FloodTests {
    @Test("a flood hears the slow-down sentence once, however its lines arrive")
    func oneWarning() async throws {
        // 100 lines sent well within 2 seconds: faster than 50 a second, however busy the machine is.
        try await withServer(Fixtures.configuration { $0.linesPerSecond = 50; $0.lineBurst = 5 }) { _, address in
            let c = try await TestClient.connect(address)
            _ = try await c.response()
            for _ in 0..<10 {
                try await c.send(String(repeating: "/dialogues\r\n", count: 10))
                try await Task.sleep(for: .milliseconds(2))
            }
            try await c.line("/quit")
            let all = try await c.untilClosed()
            let said = all.components(separatedBy: ServerWords.slowDown).count - 1
            #expect(said == 1, "said \(said) times")
        }
    }
}

/// After the check-in, someone on a hosted session may ask the host to come and talk: only that is
/// passed on, never their words.
@Suite("Asking the host to talk")
struct TalkToHostTests {
    @Test("a person in a plan is offered the host once; /talk tells every host that they would like to talk, and nothing else")
    func inAPlan() async throws {
        try await withServer { _, address in
            let host = try await UnderAttackTests.host(address)
            let (person, id) = try await UnderAttackTests.person(address, named: "Sam", host: host)
            try await person.line("/start wellbeing-at-work")
            _ = try await person.response()
            try await person.line("I want to end my life")
            let said = UnderAttackTests.words(try await person.response())
            #expect(said.contains("Would you like the host of this session to come and talk with you? If you would, type /talk."))
            try await person.line("I cant go on anymore")
            #expect(!UnderAttackTests.words(try await person.response()).contains("type /talk"), "offered once")
            try await person.line("/talk")
            #expect(UnderAttackTests.words(try await person.response()).contains("The host has been told you would like to talk with them, and nothing else."))
            let told = UnderAttackTests.words(try await host.response())
            #expect(told.contains("\(id) (Sam) would like you to come and talk with them. Nothing they wrote is passed on."))
            #expect(!host.everything.contains("end my life") && !host.everything.contains("go on"))
        }
    }

    @Test("asking for the host is never logged: it follows a distress check-in")
    func notLogged() async throws {
        let log = LogCapture()
        var config = Fixtures.configuration()
        config.logger = log.logger
        try await withServer(config) { _, address in
            let host = try await UnderAttackTests.host(address)
            let (person, _) = try await UnderAttackTests.person(address, named: "Sam", host: host)
            try await person.line("/start wellbeing-at-work")
            _ = try await person.response()
            try await person.line("I want to end my life")
            _ = try await person.response()
            try await person.line("/talk")
            #expect(UnderAttackTests.words(try await person.response()).contains("The host has been told"))
            _ = try await host.response()
        }
        let text = log.lines.joined(separator: "\n")
        #expect(text.contains("host signed in"), "the log is on")
        for word in ["talk", "host to", "distress", "check-in"] {
            #expect(!text.lowercased().contains(word), "\(word) must not be logged: \(text)")
        }
    }

    @Test("with no host connected, /talk says so, and points to the contacts")
    func noHost() async throws {
        try await withServer { _, address in
            let c = try await TestClient.connect(address)
            _ = try await c.response()
            try await c.line("/talk")
            #expect(UnderAttackTests.words(try await c.response()) == ServerWords.talkNoHost)
            try await c.line("/talk no")
            #expect(UnderAttackTests.words(try await c.response()) == ServerWords.talkDeclined)
        }
    }

    @Test("in a group room, only the room's host hears it, and no one else in the group sees any of it")
    func inARoom() async throws {
        try await withServer { _, address in
            let (host, code) = try await RoomTests.openRoom(address)
            let (asha, _) = try await RoomTests.join(address, code: code, name: "Asha")
            let (ben, _) = try await RoomTests.join(address, code: code, name: "Ben")
            _ = try await host.response()
            _ = try await asha.response()
            try await asha.line("I want to kill myself")
            #expect(UnderAttackTests.words(try await asha.response()).contains("type /talk"))
            try await asha.line("/talk")
            #expect(UnderAttackTests.words(try await asha.response()).contains("The host has been told"))
            // The host's screen gets Asha's remark and her asking as two messages, from another
            // connection than hers: read until the asking has come (each read waits at most its timeout).
            var told = UnderAttackTests.words(try await host.response())
            while !told.contains("(Asha) would like you to come and talk with them.") { told += " " + UnderAttackTests.words(try await host.response()) }
            try await ben.line("/people")
            _ = try await ben.response()
            // What Asha typed on a group question is her thought for the group, as always; the check-in,
            // the offer and her asking are hers and the host's alone.
            for words in ["type /talk", "would like you to come and talk", "You are not alone"] {
                #expect(!ben.everything.contains(words), "\(words)")
            }
            #expect(!host.everything.contains("type /talk"))
        }
    }
}
