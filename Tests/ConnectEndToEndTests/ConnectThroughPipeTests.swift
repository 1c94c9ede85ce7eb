import Foundation
import Testing

/// `tandem connect` driven through pipes against a real `tandem serve` on a free port.
@Suite("tandem connect through pipes")
struct ConnectThroughPipeTests {
    @Test("connect, pick a plan, answer; /quit shows the code to carry on, which /resume then opens")
    func planAndQuit() throws {
        let server = try RunningServer()
        let client = try server.connect()
        try client.stdout.expect("Which plan would you like to work on?")
        try client.stdout.expect("type /resume and the code.") // the server keeps plans: how to come back
        try client.stdout.expect("> ")
        try client.send("1")
        try client.stdout.expect("What would you like me to call you?")
        try client.stdout.expect("> ")
        try client.send("Sam")
        try client.stdout.expect("Hello Sam.")
        try client.stdout.expect("How are you linked to the person you help?")
        try client.stdout.expect("> ")
        try client.send("9")
        try client.stdout.expect("Please type the number of your choice, from 1 to 7.")
        try client.stdout.expect("> ")
        try client.send("2")
        try client.stdout.expect("What do you do to help them, day to day?")
        try client.stdout.expect("> ")
        try client.send("/quit")
        let goodbye = try client.stdout.readToEnd()
        #expect(try client.finish() == 0)
        #expect(client.stderr.text.isEmpty)
        let code = try #require(goodbye.firstMatch(of: /use this code: ([A-Z0-9-]+)/)?.1)
        #expect(goodbye.contains("(/resume \(code))"))
        #expect(goodbye.contains("Goodbye, and take care."))
        #expect(!client.stdout.text.contains("\u{1B}"), "no escape sequences when output is not a terminal")

        // The code opens the same plan on a new connection, at the question where it stopped.
        let again = try server.connect()
        try again.stdout.expect("> ")
        try again.send("/resume \(code)")
        try again.stdout.expect("What do you do to help them, day to day?")
        try again.stdout.expect("> ")
        again.closeInput()
        try again.stdout.readToEnd()
        #expect(try again.finish() == 0)
    }

    @Test("the end of input leaves as /quit does: the server's goodbye with the code, exit 0")
    func endOfInput() throws {
        let server = try RunningServer()
        let client = try server.connect()
        try client.stdout.expect("> ")
        try client.send("looking-after-me-too")
        try client.stdout.expect("What would you like me to call you?")
        try client.stdout.expect("> ")
        try client.send("Sam")
        try client.stdout.expect("> ")
        client.closeInput()
        let rest = try client.stdout.readToEnd()
        #expect(try client.finish() == 0)
        #expect(rest.contains("Your plan is saved. To carry on later, use this code:"))
        #expect(client.stderr.text.isEmpty)
    }

    @Test("lines piped in all at once still go one turn at a time, in order")
    func pipedAllAtOnce() throws {
        let server = try RunningServer(store: false)
        let client = try server.connect()
        for line in ["1", "Sam", "2", "/progress", "/back", "3"] { try client.send(line) }
        client.closeInput()
        let all = try client.stdout.readToEnd()
        #expect(try client.finish() == 0)
        let order = ["What would you like me to call you?", "Hello Sam.", "What do you do to help them", "You are in part 1 of 7", "How are you linked", "What do you do to help them"]
        var rest = Substring(all)
        for words in order {
            let found = try #require(rest.range(of: words), "\(words) should follow, in:\n\(all)")
            rest = rest[found.upperBound...]
        }
        #expect(!all.contains("slow down"), "the client keeps to the server's line rate")
    }

    @Test("a message from the host shows between turns")
    func facilitatorMessage() throws {
        let server = try RunningServer(store: false)
        let client = try server.connect()
        try client.stdout.expect("> ")
        let host = try RawClient(port: server.port)
        try host.output.expect("> ")
        host.send("/host \(server.token)")
        try host.output.expect("You are hosting.")
        try host.output.expect("> ")
        host.send("/sessions")
        let list = try host.output.expect("> ").replacingOccurrences(of: "\r\n", with: "\n")
        let id = try #require(list.firstMatch(of: /\n  ([a-z0-9]{4}) +choosing a plan/)?.1, "the client's id in:\n\(list)")
        #expect(list.contains("tandem connect") && !list.contains("program"), "a person using tandem connect is not listed as a program:\n\(list)")
        host.send("/say \(id) Hello from Jo, take your time.")
        try host.output.expect("Sent to \(id).")
        try client.stdout.expect("Message from the host: Hello from Jo, take your time.")
        try client.stdout.expect("> ")
        try client.send("/quit")
        try client.stdout.readToEnd()
        #expect(try client.finish() == 0)
    }

    @Test("in a group room: the group's answer and everyone's answers reach the client, and /quit leaves with status 0")
    func groupRoom() throws {
        let server = try RunningServer(store: false)
        let (host, code) = try RawClient.hostingRoom(server)

        let client = try server.connect()
        try client.stdout.expect("> ")
        try client.send("/join \(code) Cal")
        try client.stdout.expect("Welcome, Cal.")
        try client.stdout.expect("> ")
        try host.output.expect("Cal has joined the group.")
        host.send("Better buses")
        try client.stdout.expect("The group's answer to \"What is our group here to do?\": Better buses")
        try client.stdout.expect("Everyone answers this one.")
        try client.stdout.expect("> ")
        try client.send("3")
        try client.stdout.expect("(1 of")
        try host.output.expect("Cal has answered (1 of 2).")
        host.send("/next")
        try client.stdout.expect("  - Cal: People are told what will happen, but not asked")
        try client.stdout.expect("Where on the ladder do we want to be?")
        try client.stdout.expect("> ")
        try client.send("/quit")
        let rest = try client.stdout.readToEnd()
        #expect(rest.contains("You have left the group. Thank you for taking part."))
        #expect(try client.finish() == 0, "\(client.stderr.text)")
        try host.output.expect("Cal has left the group.")
    }

    @Test("the client shows what text mode shows for the same lines")
    func sameAsTextMode() throws {
        let server = try RunningServer(store: false)
        let lines = ["2", "", "/why", "Find a part-time job", "/help", "/review", "/quit"]
        let client = try server.connect()
        try client.stdout.expect("> ")
        for line in lines {
            try client.send(line)
            if line != "/quit" { try client.stdout.expect("> ") }
        }
        try client.stdout.readToEnd()
        #expect(try client.finish() == 0)

        let raw = try RawClient(port: server.port)
        try raw.output.expect("> ")
        for line in lines {
            raw.send(line)
            if line != "/quit" { try raw.output.expect("> ") }
        }
        try raw.output.readToEnd()
        let textMode = raw.output.text.replacingOccurrences(of: "\r\n", with: "\n")
        #expect(client.stdout.text == textMode)
    }

    @Test("words typed after /mode are heard by the server: the check-in shows, and /mode stays here")
    func modeWordsHeard() throws {
        let server = try RunningServer(store: false)
        let client = try server.connect()
        try client.stdout.expect("> ")
        try client.send("1")
        try client.stdout.expect("What would you like me to call you?")
        try client.stdout.expect("> ")
        try client.send("/mode json I want to die")
        try client.stdout.expect("chooses how it talks to the server by itself")
        try client.stdout.expect("Tandem cannot send help")
        try client.stdout.expect("> ")
        try client.send("/mode plain kill myself")
        try client.stdout.expect("chooses how it talks to the server by itself")
        try client.stdout.expect("116 123")
        try client.stdout.expect("> ")
        // Still in the plan, still in JSON mode underneath: the question takes its answer.
        try client.send("Sam")
        try client.stdout.expect("Hello Sam.")
        try client.stdout.expect("> ")
        client.closeInput()
        try client.stdout.readToEnd()
        #expect(try client.finish() == 0)
    }
}
