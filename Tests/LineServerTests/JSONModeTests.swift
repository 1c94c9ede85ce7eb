import DialogueEngine
import NIOCore
import Testing

@testable import LineServer
import TandemProtocol

@Suite("JSON mode")
struct JSONModeTests {
    /// The objects written since last asked, which end with `ready` (left out here).
    static func objects(_ h: Harness, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> [JSONValue] {
        var all = try h.output().components(separatedBy: "\r\n").filter { !$0.isEmpty }.map { try JSONValue.parse($0) }
        #expect(all.last == .object([("t", "ready")]), "each line's answer ends with ready", sourceLocation: sourceLocation)
        if all.last == .object([("t", "ready")]) { all.removeLast() }
        #expect(!all.contains { $0["t"] == "ready" }, sourceLocation: sourceLocation)
        return all
    }

    @Test("hello, the menu, a plan through answers and commands, and back to text")
    func walk() throws {
        let h = try Harness()
        _ = try h.output()
        try h.send("/mode json\n")
        let hello = try Self.objects(h)
        #expect(hello.map { $0["t"]?.string } == ["hello", "menu"])
        #expect(hello[0]["version"]?.int == 1)
        #expect(hello[0]["limits"]?["line"]?.int == 8_192)
        #expect(hello[0]["limits"]?["textLine"]?.int == 2_048)
        #expect(hello[1]["dialogues"]?[0]?["id"] == "looking-after-me-too")

        try h.send(#"{"op":"command","name":"start","arg":"looking-after-me-too"}"# + "\n")
        let opening = try Self.objects(h)
        #expect(opening.map { $0["t"]?.string } == ["say", "privacy", "say", "ask"])
        #expect(opening[1]["where"] == "server" && opening[1]["saved"] == .bool(false) && opening[1]["encrypted"] == .bool(false))
        #expect(opening[3]["step"] == "name")

        try h.send(#"{"op":"answer","step":"name","value":"Jo"}"# + "\n")
        let next = try Self.objects(h)
        #expect(next.last?["t"] == "ask" && next.last?["kind"] == "pick-one")
        let options = try #require(next.last?["options"]?.array)
        #expect(options.count == 7)

        try h.send(#"{"op":"answer","step":"name","value":"Sam"}"# + "\n")
        let wrongStep = try Self.objects(h)
        #expect(wrongStep.map { $0["t"]?.string } == ["err", "ask"])
        #expect(wrongStep[0]["code"]?.int == 400)

        try h.send(#"{"op":"answer","value":3}"# + "\n")
        #expect(try Self.objects(h).last?["t"] == "ask")

        try h.send(#"{"op":"command","name":"back"}"# + "\n")
        let back = try Self.objects(h)
        #expect(back.last?["current"] != nil)

        try h.send("/progress\n")
        #expect(try Self.objects(h).first?["t"] == "progress")

        try h.send("/mode text\n")
        let text = try h.output()
        #expect(text.hasPrefix("Text mode."))
        #expect(text.hasSuffix("> "))
    }

    @Test("what is not a message gets 400 and the connection stays", arguments: [
        "hello", "{not json}", #"{"op":"fly"}"#, #"{"value":1}"#, #"{"op":"answer"}"#, #"{"op":"answer","value":{"a":1}}"#, #"{"op":"command"}"#, "[1,2]",
    ])
    func badMessages(_ line: String) throws {
        let h = try Harness()
        try h.send("/mode json\n")
        _ = try h.output()
        try h.send(line + "\n")
        let out = try Self.objects(h)
        #expect(out.count == 1)
        #expect(out.first?["t"] == "err" && out.first?["code"]?.int == 400 && out.first?["close"] == .bool(false))
        #expect(h.isOpen)
    }

    @Test("answers as numbers, booleans and lists become the words a person types")
    func values() throws {
        #expect(try ClientMessage(json: #"{"op":"answer","value":4}"#) == .answer(.number(4), step: nil))
        #expect(try ClientMessage(json: #"{"op":"answer","value":2.5,"step":"x"}"#) == .answer(.number(2.5), step: "x"))
        #expect(try ClientMessage(json: #"{"op":"answer","value":false}"#) == .answer(.bool(false), step: nil))
        #expect(try ClientMessage(json: #"{"op":"answer","value":["walk",3]}"#) == .answer(.list([.text("walk"), .number(3)]), step: nil))
        #expect(try ClientMessage(json: #"{"op":"answer","value":null}"#) == .answer(.text(""), step: nil))
        #expect(try ClientMessage(json: #"{"op":"command","name":"/change","arg":3}"#) == .line("/change 3"))
        #expect(try ClientMessage(json: #"{"op":"line","text":"/start 1"}"#) == .line("/start 1"))
    }

    @Test("a message that could be read two ways is refused, saying what to send: a key given twice, a step that is not a string, an arg that is a list or an object")
    func ambiguousMessages() throws {
        let refused = [
            (#"{"op":"answer","value":"yes","value":"no"}"#, "The key \"value\" is given twice."),
            (#"{"op":"answer","op":"line","text":"/quit"}"#, "The key \"op\" is given twice."),
            (#"{"op":"answer","step":5,"value":4}"#, "An answer's step is the question's id, as a string"),
            (#"{"op":"answer","step":["energy"],"value":4}"#, "An answer's step is the question's id, as a string"),
            (#"{"op":"command","name":"change","arg":[1,2]}"#, "A command's arg is a string or a number"),
            (#"{"op":"command","name":"export","arg":{"to":"x"}}"#, "A command's arg is a string or a number"),
            (#"{"op":"command","name":"change","arg":true}"#, "A command's arg is a string or a number"),
        ]
        for (json, words) in refused {
            do {
                let message = try ClientMessage(json: json)
                Issue.record("\(json) was taken as \(message)")
            } catch {
                #expect(error.text.hasPrefix(words), "\(json): \(error.text)")
            }
        }
        // Still taken: a null arg or step (as if not sent), an arg as text.
        #expect(try ClientMessage(json: #"{"op":"command","name":"help","arg":null}"#) == .line("/help"))
        #expect(try ClientMessage(json: #"{"op":"answer","step":null,"value":4}"#) == .answer(.number(4), step: nil))
        #expect(try ClientMessage(json: #"{"op":"command","name":"export","arg":"md"}"#) == .line("/export md"))
        // Over the wire: err 400, and the connection stays open.
        let h = try Harness()
        try h.send("/mode json\n")
        _ = try h.output()
        try h.send(#"{"op":"line","text":"/help","text":"/quit"}"# + "\n")
        let objects = try Self.objects(h)
        #expect(objects.contains { $0["t"] == "err" && $0["code"] == 400 }, "\(objects)")
        #expect(!objects.contains { $0["t"] == "bye" })
        #expect(h.isOpen)
    }

    @Test("an answer that starts with / is refused (400), never run as a command: a program passing on typed text cannot end or change a plan by it")
    func answersAreNotCommands() throws {
        for value in ["/quit", " /skip", "/back", "/change 1"] {
            #expect(throws: ClientMessage.Problem.self, "\(value)") { try ClientMessage(json: #"{"op":"answer","step":"name","value":"\#(value)"}"#) }
        }
        #expect(try ClientMessage(json: #"{"op":"answer","value":"a/b and 1/2"}"#) == .answer(.text("a/b and 1/2"), step: nil))
        let h = try Harness()
        try h.send("/mode json\n")
        try h.send(#"{"op":"command","name":"start","arg":"1"}"# + "\n")
        _ = try h.output()
        try h.send(#"{"op":"answer","value":"/quit"}"# + "\n")
        let objects = try Self.objects(h)
        #expect(objects.contains { $0["t"] == "err" && $0["code"] == 400 }, "\(objects)")
        #expect(!objects.contains { $0["t"] == "bye" })
        #expect(h.isOpen)
    }

    @Test("escapes typed inside JSON strings are stripped before the plan sees them")
    func escapesInJSON() throws {
        let h = try Harness()
        try h.send("/mode json\n")
        try h.send(#"{"op":"command","name":"start","arg":"1"}"# + "\n")
        _ = try h.output()
        try h.send(#"{"op":"answer","value":"\u001b[2JJo\u202e"}"# + "\n")
        let said = try Self.objects(h).first { $0["t"] == "say" }
        #expect(said?["text"]?.string?.hasPrefix("Hello Jo.") == true)
    }

    @Test("lines pasted at once (tandem connect sends them as one line) are one thing each at a list, and /review gives each as an entry")
    func pastedLinesAtAList() throws {
        let h = try Harness()
        try h.send("/mode json\n")
        try h.send(#"{"op":"command","name":"start","arg":"my-wellbeing-plan"}"# + "\n")
        _ = try h.output()
        try h.send(#"{"op":"answer","step":"name","value":"Jo"}"# + "\n")
        _ = try h.output()
        try h.send(#"{"op":"line","text":"Calm, and chatty"}"# + "\n")
        let list = try Self.objects(h)
        #expect(list.last?["t"] == "ask" && list.last?["kind"] == "list")
        try h.send(#"{"op":"line","text":"Get up at 8\nEat, then walk\r\n\nRing Sam"}"# + "\n")
        let added = try Self.objects(h)
        #expect(added.filter { $0["t"] == "item" }.map { $0["count"]?.int } == [1, 2, 3])
        #expect(added.contains { $0["t"] == "say" && $0["text"]?.string?.hasPrefix("Added 3 things") == true })
        try h.send(#"{"op":"line","text":""}"# + "\n")
        _ = try h.output()
        try h.send(#"{"op":"command","name":"review"}"# + "\n")
        let review = try #require(try Self.objects(h).first { $0["t"] == "review" })
        let items = try #require(review["items"]?.array)
        #expect(items[1]["entries"] == nil)
        #expect(items[2]["entries"]?.array?.compactMap(\.string) == ["Get up at 8", "Eat, then walk", "Ring Sam"])
        #expect(items[2]["answer"] == "Get up at 8; Eat, then walk; Ring Sam")
    }

    @Test("controls outside the object are cleaned as in text mode: a stray arrow key before it, a NUL after it")
    func controlsAroundTheObject() throws {
        #expect(ClientMessage.cleanedLine("\u{1B}[A{\"op\":\"line\"}\u{0}\u{200E}") == #"{"op":"line"}"#)
        #expect(ClientMessage.cleanedLine("{\"a\":\"x\u{1B}[A\\\"\u{1}\"}") == "{\"a\":\"x\u{1B}[A\\\"\u{1}\"}", "nothing inside a string changes")
        let h = try Harness()
        try h.send("/mode json\n")
        _ = try h.output()
        try h.send("\u{1B}[A{\"op\":\"command\",\"name\":\"start\",\"arg\":\"1\"}\n")
        let opening = try Self.objects(h)
        #expect(opening.last?["t"] == "ask" && opening.last?["step"] == "name", "\(opening)")
        try h.send("{\"op\":\"answer\",\"value\":\"Jo\"}\u{0}\u{7}\n")
        let said = try Self.objects(h)
        #expect(said.contains { $0["t"] == "say" && $0["text"]?.string?.hasPrefix("Hello Jo.") == true }, "\(said)")
    }

    @Test("a line holding only Ctrl-D is the end of input, as in text mode")
    func ctrlD() throws {
        let h = try Harness()
        try h.send("/mode json\n")
        try h.send(#"{"op":"command","name":"start","arg":"1"}"# + "\n")
        _ = try h.output()
        try h.send("\u{4}\r\n")
        let out = try h.output()
        #expect(!out.contains(#""code":400"#), "\(out)")
        #expect(out.contains(#"{"t":"bye","kind":"paused""#), "\(out)")
        #expect(!h.isOpen)
    }
}
