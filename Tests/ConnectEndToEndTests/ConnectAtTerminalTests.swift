import Foundation
import Testing

/// `tandem connect` at a (pseudo-)terminal: readline, Tab, messages above the typed line, Ctrl-C, Ctrl-D.
@Suite("tandem connect at a terminal")
struct ConnectAtTerminalTests {
    @Test("a host's message shows above a half-typed line, which stays; Tab completes an option; Ctrl-C clears; Ctrl-D leaves with the code")
    func atTerminal() throws {
        let server = try RunningServer()
        let person = try TerminalChild(["connect", server.address], home: server.scratch.path)
        try person.output.expect("Which plan would you like to work on?")
        try person.output.expect("> ")
        person.type("1\r")
        try person.output.expect("What would you like me to call you?")
        try person.output.expect("> ")

        // Half a name typed, then the host says something.
        person.type("Sa")
        try person.output.expect("Sa")
        let host = try RawClient(port: server.port)
        try host.output.expect("> ")
        host.send("/host \(server.token)")
        try host.output.expect("You are hosting.")
        try host.output.expect("> ")
        host.send("/sessions")
        let list = try host.output.expect("> ").replacingOccurrences(of: "\r\n", with: "\n")
        let id = try #require(list.firstMatch(of: /\n  ([a-z0-9]{4}) +Looking after me too/)?.1, "the person's id in:\n\(list)")
        host.send("/say \(id) Take your time.")
        try person.output.expect("Message from the host: Take your time.")
        try person.output.expect("> Sa") // the half-typed name is shown again, after the message
        person.type("m\r")
        try person.output.expect("Hello Sam.")
        try person.output.expect("How are you linked to the person you help?")
        try person.output.expect("> ")

        // Tab completes an option's key.
        person.type("partn\t")
        try person.output.expect("partner")
        person.type("\r")
        try person.output.expect("What do you do to help them, day to day?")
        try person.output.expect("> ")

        // Ctrl-C drops what was typed: "/progress" alone reaches the server, not "nonsense/progress".
        person.type("nonsense")
        try person.output.expect("nonsense")
        person.type("\u{03}")
        try person.output.expect("^C")
        person.type("/progress\r")
        try person.output.expect("You are in part 1 of 7")
        try person.output.expect("> ")

        // Ctrl-D on an empty line: the server's goodbye, with the code.
        person.type("\u{04}")
        try person.output.expect("use this code:")
        #expect(try person.finish() == 0)
        #expect(!person.output.text.contains("Fatal error"))
    }

    /// A host's closed window (SIGHUP) sent `/quit`, which closes the room for everyone; a closed
    /// window is a dropped connection, and the group waits for its host to come back.
    @Test("a host's window that closes (SIGHUP, or the terminal hanging up): the group waits for the host, the room is not closed", arguments: [false, true])
    func hostWindowClosed(hangUp: Bool) throws {
        let server = try RunningServer()
        let host = try TerminalChild(["connect", server.address], home: server.scratch.path, inShell: hangUp)
        try host.output.expect("> ")
        host.type("/host \(server.token)\r")
        try host.output.expect("You are hosting.")
        try host.output.expect("> ")
        host.type("/room new coproduction-conversation\r")
        let opened = try host.output.expect("What is our group here to do?")
        let code = try #require(opened.firstMatch(of: /\/join ([0-9A-Z]{4}-[0-9A-Z]{4})/)?.1, "\(opened)")
        try host.output.expect("> ")
        let person = try RawClient(port: server.port)
        try person.output.expect("> ")
        person.send("/join \(code) Asha")
        try person.output.expect("Welcome, Asha.")
        if hangUp {
            // The window itself closes: the terminal hangs up (readline sees the end of its input,
            // often before the SIGHUP that comes with it).
            host.hangUp()
        } else {
            kill(host.pid, SIGHUP)
            _ = try host.finish()
        }
        let after = try person.output.expect("Please wait")
        #expect(after.contains("The host's connection has dropped."), "\(after)")
        #expect(!after.contains("The group has ended"), "\(after)")
    }

    @Test("at a terminal too, words typed after /mode reach the server and are heard")
    func modeWordsHeard() throws {
        let server = try RunningServer(store: false)
        let person = try TerminalChild(["connect", server.address], home: server.scratch.path)
        try person.output.expect("> ")
        person.type("1\r")
        try person.output.expect("What would you like me to call you?")
        try person.output.expect("> ")
        person.type("/mode json I want to die\r")
        try person.output.expect("chooses how it talks to the server by itself")
        try person.output.expect("Tandem cannot send help")
        try person.output.expect("> ")
        person.type("Sam\r")
        try person.output.expect("Hello Sam.")
        person.type("\u{04}")
        try person.output.expect("take care.")
        #expect(try person.finish() == 0)
    }
}
