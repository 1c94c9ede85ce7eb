import DialogueEngine
import NIOCore
import Testing

@testable import LineServer
import TandemProtocol
import TandemStore
import TandemDoors

@Suite("Hosting: sessions, messages, and watching only with consent")
struct FacilitatorTests {
    /// A signed-in host and a participant in a plan, named Sam, who has answered their name.
    static func setUp(_ address: SocketAddress) async throws -> (host: TestClient, person: TestClient, id: String) {
        let host = try await TestClient.connect(address)
        _ = try await host.response()
        try await host.line("/host \(Fixtures.token)")
        #expect(try await host.response().joined(separator: " ").hasPrefix("You are hosting."))
        let person = try await TestClient.connect(address)
        _ = try await person.response()
        try await person.line("/name Sam")
        #expect(try await person.response() == ["Thank you. The host will see you as Sam."])
        try await person.line("/start 1")
        _ = try await person.response()
        try await person.line("Zebedee")
        _ = try await person.response()
        try await host.line("/sessions")
        let list = try await host.response()
        let line = try #require(list.first { $0.contains("Sam:") })
        let id = String(line.trimmingCharacters(in: .whitespaces).prefix(4))
        return (host, person, id)
    }

    @Test("/sessions shows who, which plan, how far and idle time, never an answer")
    func sessions() async throws {
        try await withServer { _, address in
            let (host, _, id) = try await Self.setUp(address)
            try await host.line("/sessions")
            let list = try await host.response()
            #expect(list.first == "2 connections:")
            let line = try #require(list.first { $0.contains(id) })
            #expect(line.contains("Sam: Looking after me too, part 1 of 7, 1 answered, idle"))
            #expect(list.contains { $0.contains("you: hosting") })
            #expect(!host.everything.contains("Zebedee"), "answers are never shown without consent")
        }
    }

    @Test("only the host may list, message or watch")
    func hostOnly() async throws {
        try await withServer { _, address in
            let c = try await TestClient.connect(address)
            _ = try await c.response()
            for command in ["/sessions", "/say abcd hi", "/watch abcd"] {
                try await c.line(command)
                #expect(try await c.response() == ["Only the host can do that. Type /host and the host token first."])
            }
        }
    }

    @Test("/say reaches the person, with their prompt again")
    func say() async throws {
        try await withServer { _, address in
            let (host, person, id) = try await Self.setUp(address)
            try await host.line("/say \(id) Take your time, \u{1B}[31mSam.")
            #expect(try await host.response() == ["Sent to \(id)."])
            let message = try await person.response()
            #expect(message == ["", "Message from the host: Take your time, Sam."])
            try await host.line("/say zzzz hello")
            #expect(try await host.response().first?.hasPrefix("No one is connected with the id or name zzzz") == true)
        }
    }

    /// A host reads names in `/sessions`, and typed `/say Sam …`: it was "No one is connected with
    /// the id Sam".
    @Test("/say, /watch and /unwatch take the name a person gave, in any case; a name two people share asks for the id")
    func byName() async throws {
        try await withServer { _, address in
            let (host, person, id) = try await Self.setUp(address)
            try await host.line("/say sam Take your time")
            #expect(try await host.response() == ["Sent to \(id) (Sam)."])
            #expect(try await person.response() == ["", "Message from the host: Take your time"])
            try await person.line("/share")
            _ = try await person.response()
            try await host.line("/watch SAM")
            #expect(try await host.response() == ["You will see \(id) (Sam)'s answers as they give them. /unwatch stops."])
            try await host.line("/unwatch Sam")
            #expect(try await host.response() == ["You no longer see \(id) (Sam)'s answers."])

            // Two people called Sam: which one is not guessed.
            let other = try await TestClient.connect(address)
            _ = try await other.response()
            try await other.line("/name sam")
            _ = try await other.response()
            try await host.line("/say Sam hello")
            let said = try await host.response().joined(separator: " ")
            #expect(said.hasPrefix("More than one person is called Sam. Type /say and the id of the one you mean: "), "\(said)")
            #expect(said.contains(id))
            // A longer name is not taken by a shorter one: "Sam Jones" is not Sam.
            try await other.line("/name Sam Jones")
            _ = try await other.response()
            try await host.line("/say sam jones are you there?")
            #expect(try await host.response().first?.hasSuffix("(Sam Jones).") == true)
            #expect(try await other.response() == ["", "Message from the host: are you there?"])
            try await host.line("/say Nobody hello")
            #expect(try await host.response() == ["No one is connected with the id or name Nobody. Type /sessions to see who is."])
        }
    }

    @Test("watching needs /share; /unshare ends it at once; answers before sharing stay private")
    func consent() async throws {
        try await withServer { _, address in
            let (host, person, id) = try await Self.setUp(address)
            try await host.line("/watch \(id)")
            #expect(try await host.response() == ["\(id) has not chosen to share their answers. They can type /share if they wish."])

            try await person.line("3")
            _ = try await person.response()
            try await host.line("/sessions")
            _ = try await host.response()
            #expect(!host.everything.contains("son or daughter"))

            try await person.line("/share")
            #expect(try await person.response().joined(separator: " ").hasPrefix("From now on, the host can see the answers you give"))
            try await host.line("/watch \(id)")
            #expect(try await host.response() == ["You will see \(id) (Sam)'s answers as they give them. /unwatch stops."])

            try await person.line("I do the shopping")
            _ = try await person.response()
            let seen = try await host.response()
            #expect(seen == ["", "  \(id) (Sam) answered \"What do you do to help them, day to day?\":", "    | I do the shopping"])
            #expect(!host.everything.contains("Zebedee"), "earlier answers stay private")

            try await person.line("/unshare")
            #expect(try await person.response() == ["Sharing has stopped. Your answers are private again."])
            #expect(try await host.response().contains("  \(id) (Sam) stopped sharing their answers."))
            try await person.line("")
            _ = try await person.response()
            try await person.line("A secret after unsharing")
            _ = try await person.response()
            try await host.line("/sessions")
            _ = try await host.response()
            #expect(!host.everything.contains("A secret after unsharing"))
            // The watch ended with /unshare: /unwatch says so, not how to type the command.
            try await host.line("/unwatch \(id)")
            #expect(try await host.response() == ["You are not watching \(id), so there is nothing to stop."])
            try await host.line("/unwatch")
            let usage = try await host.response()
            #expect(usage == ["Type /unwatch and the id or name of someone you watch, like /unwatch k3fa."], "\(usage)")

            try await person.line("/quit")
            _ = try await person.untilClosed()
        }
    }

    @Test("JSON hosts get room events and a sessions object")
    func jsonHost() async throws {
        try await withServer { _, address in
            let (host, person, id) = try await Self.setUp(address)
            try await host.line("/mode json")
            _ = try await host.json(until: "ready")
            try await person.line("/share")
            _ = try await person.response()
            try await host.line(#"{"op":"command","name":"watch","arg":"\#(id)"}"#)
            #expect(try await host.json(until: "ready").map { $0["t"]?.string } == ["note", "ready"])
            try await person.line("4")
            _ = try await person.response()
            let room = try await host.nextJSON()
            #expect(room["t"] == "room" && room["event"] == "answered" && room["id"]?.string == id && room["step"] == "relationship")
            #expect(room["answer"] == "I am their brother or sister")
            try await host.line("/sessions")
            let sessions = try await host.nextJSON()
            #expect(sessions["t"] == "sessions")
            #expect(try await host.nextJSON()["t"] == "ready")
            #expect(sessions["connections"]?.array?.count == 2)
            await person.close()
            let left = try await host.nextJSON()
            #expect(left["event"] == "left")
        }
    }
}
