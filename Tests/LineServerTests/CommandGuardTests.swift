import DialogueEngine
import NIOCore
import Testing

@testable import LineServer
import TandemProtocol

/// What a program passes on as an answer never runs a command, whatever comes before its "/": the
/// guard reads the answer as the plan and the room will, cleaned, and every item of a list.
@Suite("Answers are never commands")
struct CommandGuardTests {
    /// JSON string bodies (escapes as a program would send them) whose cleaned text starts with "/".
    static let disguised = [
        #"\u200e/pause"#, #"\u0001/pause"#, #"\u001b[0m/pause"#, #"\u0085/pause"#, #"\u0007/review"#,
        #"\u202e/pause"#, #"\u009b31m/pause"#, #"\u00a0/pause"#, #"\u001b]0;title\u0007/quit"#,
    ]

    @Test("a control, an escape sequence or a bidi mark before the / does not get past the guard", arguments: disguised)
    func disguisedInAPlan(_ value: String) throws {
        #expect(throws: ClientMessage.Problem.self) { try ClientMessage(json: #"{"op":"answer","value":"\#(value)"}"#) }
        let h = try Harness()
        try h.send("/mode json\n")
        try h.send(#"{"op":"command","name":"start","arg":"1"}"# + "\n")
        _ = try h.output()
        try h.send(#"{"op":"answer","value":"\#(value)"}"# + "\n")
        let objects = try JSONModeTests.objects(h)
        #expect(objects.map { $0["t"]?.string } == ["err"], "\(value): \(objects)")
        #expect(objects.first?["code"]?.int == 400)
        try #require(h.isOpen, "\(value) paused or ended the plan")
        // Still at the first question, with nothing used.
        try h.send("/progress\n")
        #expect(try JSONModeTests.objects(h).first?["t"] == "progress")
        #expect(h.isOpen)
    }

    @Test("no item of a list may start with /: at a plan's list question nothing is saved")
    func listItemsInAPlan() throws {
        for value in [#"["/pause"]"#, #"["walk","\u200e/pause"]"#, #"[" /review"]"#] {
            #expect(throws: ClientMessage.Problem.self, "\(value)") { try ClientMessage(json: #"{"op":"answer","value":\#(value)}"#) }
        }
        #expect(try ClientMessage(json: #"{"op":"answer","value":["walk","a/b"]}"#) == .answer(.list([.text("walk"), .text("a/b")]), step: nil))
        let h = try Harness()
        try h.send("/mode json\n")
        try h.send(#"{"op":"command","name":"start","arg":"my-wellbeing-plan"}"# + "\n")
        try h.send(#"{"op":"answer","step":"name","value":"Jo"}"# + "\n")
        try h.send(#"{"op":"line","text":"Calm, and chatty"}"# + "\n")
        let before = try h.output()
        #expect(before.contains(#""kind":"list""#), "\(before)")
        try h.send(#"{"op":"answer","value":["/pause"]}"# + "\n")
        let objects = try JSONModeTests.objects(h)
        #expect(objects.map { $0["t"]?.string } == ["err"], "\(objects)")
        #expect(objects.first?["code"]?.int == 400)
        // The list given whole, afterwards: only its own items are in the plan.
        try h.send(#"{"op":"answer","value":["Walk","Swim"]}"# + "\n")
        #expect(try JSONModeTests.objects(h).last?["step"] == "extras")
        try h.send(#"{"op":"command","name":"review"}"# + "\n")
        let review = try #require(try JSONModeTests.objects(h).first { $0["t"] == "review" })
        let items = try #require(review["items"]?.array)
        #expect(items.contains { $0["entries"]?.array?.compactMap(\.string) == ["Walk", "Swim"] }, "\(review.serialized())")
        #expect(!review.serialized().contains("/pause"))
        #expect(h.isOpen)
    }

    @Test("in a group room, a list holding /pause does not make someone leave")
    func listItemsInARoom() async throws {
        try await withServer { _, address in
            let (host, code) = try await RoomTests.openRoom(address)
            let (c, _) = try await RoomTests.joinInJSON(address, code: code, name: "Asha")
            _ = try await host.response()
            for value in [#"["/pause"]"#, #""\u200e/pause""#, #""\u001b[A/quit""#] {
                try await c.line(#"{"op":"answer","value":\#(value)}"#)
                let answer = try await c.json(until: "ready")
                #expect(answer.map { $0["t"]?.string } == ["err", "ready"], "\(value): \(answer)")
                #expect(answer.first?["code"]?.int == 400)
            }
            try await c.line(#"{"op":"command","name":"people"}"#)
            let people = try await c.json(until: "ready")
            #expect(!c.isClosed && people.count > 1, "still in the group: \(people)")
            #expect(!host.everything.contains("Asha has left"))
        }
    }
}

/// The server's own commands are read from the cleaned line, as a plan's commands are: a stray
/// arrow key or an invisible mark before `/unshare` must never leave someone sharing.
@Suite("Server commands after controls")
struct CleanedCommandTests {
    static let prefixes = ["\u{1B}[A", "\u{1B}OA", "\u{01}", "\u{7F}", "\u{A0}", "\u{200E}", "\u{202E}", "\u{85}", "\u{9B}A", " \u{1B}[0m "]

    @Test("in text mode, /unshare after a control, an escape sequence, NBSP or a bidi mark stops sharing", arguments: prefixes)
    func textMode(_ prefix: String) throws {
        let h = try Harness()
        try h.send("/start 1\n")
        try h.send("/share\n")
        #expect(try h.output().contains("From now on, the host can see the answers you give"))
        try h.send(prefix + "/unshare\n")
        let said = try h.output()
        #expect(said.contains(ServerWords.unshared), "\(prefix.debugDescription): \(said)")
        #expect(!said.contains("I do not know the command"))
    }

    @Test("in JSON mode, a line op does the same", arguments: [#"\u001b[A"#, #"\u0001"#, #"\u00a0"#, #"\u200e"#])
    func jsonMode(_ prefix: String) throws {
        let h = try Harness()
        try h.send("/mode json\n")
        try h.send("/start 1\n")
        try h.send("/share\n")
        _ = try h.output()
        try h.send(#"{"op":"line","text":"\#(prefix)/unshare"}"# + "\n")
        let objects = try JSONModeTests.objects(h)
        #expect(objects.contains { $0["t"] == "note" && $0["text"]?.string == ServerWords.unshared }, "\(prefix): \(objects)")
    }

    @Test("a plain answer that only holds a / further on is still an answer")
    func notACommand() throws {
        #expect(NetworkCommand(line: "\u{A0}/unshare") == .unshare)
        #expect(NetworkCommand(line: "é/unshare") == nil)
        #expect(NetworkCommand(line: "walk /unshare") == nil)
    }
}
