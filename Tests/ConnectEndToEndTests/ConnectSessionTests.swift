import DialogueEngine
import LineClient
import Testing

/// The client's protocol side, without sockets or terminals.
@Suite("ConnectSession and ServerAddress")
struct ConnectSessionTests {
    static let hello = #"{"t":"hello","version":1,"server":"tandem 0.1.0","id":"k3fa","saved":true,"limits":{"line":8192,"linesPerSecond":20,"burst":40}}"#

    @Test("the hello may follow the text-mode prompt on the same line; text before it is not shown")
    func helloAfterPrompt() {
        var s = ConnectSession(width: 80)
        #expect(s.receive("Welcome to Tandem. Which plan would you like to work on?").lines.isEmpty)
        #expect(s.receive("> " + Self.hello).lines.isEmpty)
        #expect(s.greeted)
        #expect(s.id == "k3fa")
        #expect(s.linesPerSecond == 20)
        #expect(s.burst == 40)
    }

    @Test("a question's events render as the REPL renders them, and Tab offers its option keys")
    func askAndCompletions() throws {
        var s = ConnectSession(width: 80)
        _ = s.receive(Self.hello)
        let ask = #"{"t":"ask","step":"relationship","kind":"pick-one","text":"How are you linked?","options":[{"n":1,"key":"parent","label":"A parent"},{"n":2,"key":"friend","label":"A friend"}],"why":false,"required":false,"progress":{"part":1,"parts":7,"partTitle":"About you","question":2,"questions":4,"answered":1,"skipped":0}}"#
        let shown = s.receive(ask)
        #expect(shown.endsTurn)
        let event = try #require(JSONRenderer.decode(try JSONValue.parse(ask)))
        #expect(shown.lines == TextRenderer(width: 80, resumeCommand: "/resume").render([event]))
        #expect(s.completions.contains("parent"))
        #expect(s.completions.contains("friend"))
        #expect(s.completions.contains("/back"))
        #expect(s.completions.contains("/share"))
    }

    @Test("with ready, only ready ends a turn; a server without it ends turns at a question")
    func turns() {
        let ask = #"{"t":"ask","step":"name","kind":"text","text":"Your name?","options":[],"why":false,"required":false,"progress":{"part":1,"parts":1,"partTitle":"","question":1,"questions":1,"answered":0,"skipped":0}}"#
        var old = ConnectSession(width: 120)
        _ = old.receive(Self.hello)
        #expect(old.receive(ask).endsTurn)
        var new = ConnectSession(width: 80)
        _ = new.receive(Self.hello)
        #expect(new.receive(#"{"t":"ready"}"#) == ConnectSession.Shown(lines: [], endsTurn: true))
        #expect(!new.receive(ask).endsTurn)
        #expect(new.receive(#"{"t":"ready"}"#).endsTurn)
        #expect(new.receive(#"{"t":"bye","kind":"paused","code":"AB12-CD34","saved":true}"#).endsTurn)
    }

    @Test("the menu offers the dialogue ids and adds the resume hint once when plans are saved")
    func menu() {
        var s = ConnectSession(width: 80)
        _ = s.receive(Self.hello)
        let menu = #"{"t":"menu","dialogues":[{"n":1,"id":"my-goals","title":"My goals","summary":"A plan.","audience":["you"],"minutes":20}]}"#
        let first = s.receive(menu)
        #expect(first.endsTurn)
        #expect(first.lines.last?.contains("/resume") == true)
        #expect(s.receive(menu).lines.last?.contains("/resume") == false)
        #expect(s.completions.contains("my-goals"))
        #expect(s.completions.contains("/start"))
    }

    @Test("server objects use the server's words; escapes from the server are never shown")
    func serverObjects() {
        var s = ConnectSession(width: 80)
        _ = s.receive(Self.hello)
        #expect(s.receive(#"{"t":"room","event":"message","from":"host","text":"Hi \u001b[31mthere"}"#).lines == ["Message from the host: Hi there"])
        #expect(s.receive(#"{"t":"note","text":"Sent to k3fa."}"#).lines == ["Sent to k3fa."])
        let closing = s.receive(#"{"t":"err","code":503,"text":"The server is closing now.","close":true}"#)
        #expect(closing.lines == ["The server is closing now."])
        #expect(s.closedWithError)
        #expect(s.receive(#"{"t":"something-new"}"#).lines.isEmpty)
    }

    @Test("typed lines go as line objects, exactly as typed; /mode stays on this side")
    func outgoing() {
        let s = ConnectSession(width: 80)
        #expect(s.outgoing("I said \"hi\"") == .send(#"{"op":"line","text":"I said \"hi\""}"#))
        #expect(s.outgoing("") == .send(#"{"op":"line","text":""}"#))
        guard case .local = s.outgoing("/mode text") else {
            Issue.record("/mode must not reach the server")
            return
        }
    }

    @Test("words after /mode are a person's own: they go on to be heard, and the mode stays here")
    func modeWordsHeard() {
        var s = ConnectSession(width: 120)
        _ = s.receive(#"{"t":"hello","version":1,"id":"k3fa","saved":true,"limits":{},"capabilities":["resume","rooms","hear"]}"#)
        #expect(s.hears)
        let note = ["tandem connect chooses how it talks to the server by itself, so /mode is not needed here."]
        #expect(s.outgoing("/mode json I want to die") == .localThenSend(note, #"{"op":"hear","text":"I want to die"}"#))
        #expect(s.outgoing("  /MODE plain kill myself") == .localThenSend(note, #"{"op":"hear","text":"plain kill myself"}"#))
        #expect(s.outgoing("/mode text") == .local(note))
        #expect(s.outgoing("/mode") == .local(note))
        // A server without `hear` would answer the object with an error: nothing is sent to it.
        var old = ConnectSession(width: 120)
        _ = old.receive(Self.hello)
        #expect(old.outgoing("/mode json I want to die") == .local(note))
    }

    @Test("goodbye ends well; silence before hello or after it is a lost connection")
    func endings() {
        let address = ServerAddress(host: "127.0.0.1", port: 7300)
        var s = ConnectSession(width: 80)
        #expect(s.endingProblem(address) == .lost(address))
        _ = s.receive("Sorry, there are too many connections just now. Please try again in a few minutes.")
        #expect(s.endingProblem(address) == .closedByServer(address, reason: "Sorry, there are too many connections just now. Please try again in a few minutes."))
        var t = ConnectSession(width: 80)
        _ = t.receive(Self.hello)
        #expect(t.endingProblem(address) == .lost(address))
        _ = t.receive(#"{"t":"bye","kind":"goodbye","code":"K7QM-3XRT","finished":false,"saved":true}"#)
        #expect(t.saidGoodbye)
        #expect(t.endingProblem(address) == nil)
    }

    /// In a group room, "carry on with /resume and the code" is no way back: someone in it has
    /// no plan code. They are told their seat line; the host, how to take the room back.
    @Test("a connection lost in a group room says the way back to it: the seat line, or the host's /room resume")
    func lostInARoom() {
        let address = ServerAddress(host: "127.0.0.1", port: 7300)
        var member = ConnectSession(width: 80)
        _ = member.receive(Self.hello)
        _ = member.receive(#"{"t":"room","group":true,"event":"welcome","name":"Asha","title":"T","others":["Host"],"seat":"KQ7-4MT","code":"K7QM-3XRT"}"#)
        #expect(member.endingProblem(address) == .lostInRoom(address, code: "K7QM-3XRT", seat: "KQ7-4MT"))
        let words = member.endingProblem(address)?.description ?? ""
        #expect(words.contains("/join K7QM-3XRT KQ7-4MT") && !words.contains("/resume"))
        // The room closed: back at the menu, the usual words.
        _ = member.receive(#"{"t":"room","group":true,"event":"closed","code":null,"saved":true,"host":false,"finished":false}"#)
        #expect(member.endingProblem(address) == .lost(address))

        var host = ConnectSession(width: 80)
        _ = host.receive(Self.hello)
        _ = host.receive(#"{"t":"room","group":true,"event":"opened","code":"K7QM-3XRT","title":"T"}"#)
        _ = host.receive(#"{"t":"room","group":true,"event":"saved-as","code":"9Z92-2WGB-WNA7"}"#)
        #expect(host.endingProblem(address) == .lostInRoom(address, code: "9Z92-2WGB-WNA7", seat: nil))
        #expect(host.endingProblem(address)?.description.contains("/room resume 9Z92-2WGB-WNA7") == true)
        // A server that stopped has no room waiting: nothing is promised that may not be so.
        #expect(host.endingProblem(address)?.description.contains("waits") == false)
    }

    /// The host's `/quit` in a group room closes the room, then the connection: that is the end
    /// they asked for, not a lost connection (they were told "The connection … was lost").
    @Test("the host's own /quit in a room ends well; /room close goes on to the menu, and a later loss is still a loss")
    func hostClosesTheRoom() {
        let address = ServerAddress(host: "127.0.0.1", port: 7300)
        let closed = #"{"t":"room","group":true,"event":"closed","code":"9Z92-2WGB-WNA7","saved":true,"host":true,"finished":false}"#
        var host = ConnectSession(width: 80)
        _ = host.receive(Self.hello)
        _ = host.receive(#"{"t":"room","group":true,"event":"opened","code":"K7QM-3XRT","title":"T"}"#)
        _ = host.receive(closed)
        #expect(host.endingProblem(address) == nil)
        // `/room close`: the menu follows, and the connection goes on.
        _ = host.receive(#"{"t":"ready"}"#)
        #expect(host.endingProblem(address) == .lost(address))
    }

    @Test("addresses as people type them", arguments: [
        ("localhost:7300", "localhost", 7300), ("127.0.0.1:7400", "127.0.0.1", 7400), ("[::1]:7500", "::1", 7500),
        ("tandem.local", "tandem.local", 7300), ("::1", "::1", 7300),
    ])
    func addresses(text: String, host: String, port: Int) {
        #expect(ServerAddress(text) == ServerAddress(host: host, port: port))
    }

    @Test("addresses that cannot be", arguments: ["", "host:0", "host:70000", "host:port", "[::1", "a b:1"])
    func badAddresses(text: String) {
        #expect(ServerAddress(text) == nil)
    }
}
