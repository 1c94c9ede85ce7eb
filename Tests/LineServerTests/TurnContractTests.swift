import DialogueEngine
import NIOCore
import Testing

@testable import LineServer

/// The JSON mode's contract (docs/protocol.md, "Turns"), held over long runs of lines made at
/// random, the sensible and the broken: after each line the server sends zero or more objects and
/// then exactly one `ready`, unless it closes the connection; every line it writes is one JSON
/// object; no string in one holds a raw control character. Each seed is one connection of up to
/// 300 lines, through the menu, plans, group rooms, the host's desk, commands and junk.
@Suite("The turn contract over random lines, in JSON and text mode")
struct TurnContractTests {
    /// SplitMix64: the same seed makes the same lines.
    struct Lines {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(max(1, n)))
        }
        mutating func one<T>(_ items: [T]) -> T { items[next(items.count)] }

        static let texts = [
            "Jo", "yes", "no", "1", "3", "7", "tomorrow", "1/3/2027", "walks, music", "i want to die", "", " ", "/skip",
            "a\nb\nc", "- one\n- two", "é😀\u{202E}x", "red\u{1B}[31mtext\u{07}", "/fo\u{1B}[2Jo", "tab\there", String(repeating: "long ", count: 60), "{\"op\":\"answer\"}", "\\u0000",
        ]
        static let values = [
            "\"Jo\"", "3", "1", "2.5", "-1", "0", "-0", "1e300", "true", "false", "null", "[\"walk\",3]", "[]", "[[1]]",
            "{\"a\":1}", "\"/back\"", "\"\"", "99999999999999", "[1,2,3,4,5,6,7]",
        ]
        static let commands = [
            "help", "back", "skip", "why", "review", "change", "progress", "export", "urgent", "start", "dialogues", "join",
            "resume", "name", "share", "unshare", "talk", "people", "next", "room", "sessions", "watch", "unwatch", "say",
            "host", "fly", "", "QUIT!",
        ]
        static let args = [
            "1", "2", "9", "0", "looking-after-me-too", "coproduction-conversation", "new coproduction-conversation", "markdown",
            "json my.json", "ABCD-EFGH-JKLM", "Asha", "1 hello", "json", "text", "\(Fixtures.token)", "",
        ]

        mutating func line() -> String {
            switch next(14) {
            case 0, 1, 2:
                let step = next(4) == 0 ? ",\"step\":\"\(one(["name", "relationship", "x", ""]))\"" : ""
                return "{\"op\":\"answer\"\(step),\"value\":\(one(Self.values))}"
            case 3, 4:
                let arg = next(3) == 0 ? "" : next(4) == 0 ? ",\"arg\":\(one(["3", "1e300", "true", "[1]"]))" : ",\"arg\":\"\(one(Self.args))\""
                return "{\"op\":\"command\",\"name\":\"\(one(Self.commands))\"\(arg)}"
            case 5, 6, 7:
                let text = one(Self.texts)
                var escaped = ""
                for s in text.unicodeScalars {
                    switch s {
                    case "\"": escaped += "\\\""
                    case "\\": escaped += "\\\\"
                    case "\n": escaped += "\\n"
                    case _ where s.value < 0x20: escaped += "\\u00" + (s.value < 0x10 ? "0" : "") + String(s.value, radix: 16)
                    default: escaped.unicodeScalars.append(s)
                    }
                }
                return "{\"op\":\"line\",\"text\":\"\(escaped)\"}"
            case 8:
                return "/" + one(Self.commands) + (next(2) == 0 ? " " + one(Self.args) : "")
            case 9:
                return one(["{", "[1,2]", "{\"op\":1}", "{\"op\":\"answer\",\"value\":1,\"value\":2}", "null", "\"x\"", "{}", "hello", ""])
            case 10:
                return one(["/start 1", "/start looking-after-me-too", "/room new coproduction-conversation", "/host \(Fixtures.token)", "/mode json"])
            case 11:
                // Now and then, something that ends the connection.
                return next(40) == 0 ? one(["/quit", "/pause", "{\"op\":\"command\",\"name\":\"quit\"}"]) : "/help"
            default:
                return "{\"op\":\"answer\",\"value\":\"\(one(["Jo", "1", "yes", "3", "tomorrow", "walks"]))\"}"
            }
        }
    }

    /// One turn's lines: JSON objects up to and with the first `ready`, or all there were when the
    /// server closed.
    static func turn(_ c: TestClient) async throws -> (lines: [String], closed: Bool) {
        try await c.wait("ready, or the close") { unread, closed in
            let bytes = Array(unread)
            var lines: [String] = []
            var start = 0
            var i = 0
            while i + 1 < bytes.count {
                guard bytes[i] == 0x0D, bytes[i + 1] == 0x0A else { i += 1; continue }
                lines.append(String(decoding: bytes[start..<i], as: UTF8.self))
                start = i + 2
                i = start
                if (try? JSONValue.parse(lines.last!))?["t"] == "ready" { return (start, (lines, false)) }
            }
            guard closed else { return nil }
            if start < bytes.count { lines.append(String(decoding: bytes[start...], as: UTF8.self)) }
            return (bytes.count, (lines, true))
        }
    }

    @Test(arguments: 1...12)
    func everyLineEndsWithOneReady(seed: UInt64) async throws {
        // Lines as fast as the client can send them: the flood limit is for people, not for this.
        let config = Fixtures.configuration { $0.linesPerSecond = 100_000; $0.lineBurst = 100_000 }
        try await withServer(config) { _, address in
            var lines = Lines(state: seed)
            var said = ""
            var n = 0
            // A connection the server closes (a /quit, say) is followed by a new one, until 300 lines.
            while n < 300 {
                let c = try await TestClient.connect(address)
                _ = try await c.response()
                said = "/mode json"
                try await c.line(said)
                var sent = 1
                var closed = false
                while n < 300 {
                    let (written, gone) = try await Self.turn(c)
                    for text in written where !text.isEmpty {
                        #expect(!text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }, "a raw control character after \(said): \(text.debugDescription)")
                        #expect((try? JSONValue.parse(text)) != nil, "not one JSON object after \(said) (seed \(seed), line \(n)): \(text)")
                    }
                    closed = gone
                    if closed { break }
                    said = lines.line()
                    try await c.line(said)
                    sent += 1
                    n += 1
                }
                let readies = { c.everything.components(separatedBy: "\r\n").filter { (try? JSONValue.parse($0))?["t"] == "ready" }.count }
                if closed {
                    // Every line before the last had its ready; the last may close without one.
                    #expect(readies() == sent || readies() == sent - 1, "\(readies()) ready for \(sent) lines, then closed (seed \(seed))")
                } else {
                    // The last line's ready, and no second one for any line.
                    _ = try await Self.turn(c)
                    try await Task.sleep(for: .milliseconds(100))
                    #expect(readies() == sent, "\(readies()) ready for \(sent) lines (seed \(seed))")
                    await c.close()
                }
            }
        }
    }

    /// The same in text mode: each line gets its reply and a prompt (`> `), or the connection
    /// closes; nothing the server writes holds a control character but the line ends.
    @Test(arguments: 1...6)
    func everyTextLineGetsAPrompt(seed: UInt64) async throws {
        let config = Fixtures.configuration { $0.linesPerSecond = 100_000; $0.lineBurst = 100_000 }
        try await withServer(config) { _, address in
            var lines = Lines(state: seed &* 7919)
            var n = 0
            while n < 200 {
                let c = try await TestClient.connect(address)
                _ = try await c.response()
                var closed = false
                while n < 200, !closed {
                    var said = lines.line()
                    // Text mode: JSON messages are only words here, so most lines are what people type.
                    if said.hasPrefix("{"), lines.next(3) > 0 { said = Lines.texts[lines.next(Lines.texts.count)].replacingOccurrences(of: "\n", with: " ") }
                    if said.hasPrefix("/mode") { continue }
                    try await c.line(said)
                    n += 1
                    closed = try await c.wait("a prompt, or the close, after \(said.debugDescription) (seed \(seed))") { unread, gone in
                        let bytes = Array(unread)
                        let prompt = bytes.count >= 2 && bytes.suffix(2) == [0x3E, 0x20]
                        guard prompt || gone else { return nil }
                        return (bytes.count, !prompt)
                    }
                }
                let text = c.everything
                #expect(!text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\r" && $0 != "\n") || $0.value == 0x7F }, "a control character written (seed \(seed))")
                await c.close()
            }
        }
    }
}
