import DialogueEngine
import NIOCore
import NIOEmbedded
import PlanStore
import Testing

@testable import LineServer
import TandemProtocol
import TandemStore
import TandemDoors

@Suite("One connection on an EmbeddedChannel")
struct ConnectionHandlerTests {
    @Test("the greeting: the menu, CRLF line ends, a prompt, and never a telnet byte first")
    func greeting() throws {
        let h = try Harness()
        let bytes = try h.outputBytes()
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("Welcome to Tandem. Which plan would you like to work on?"))
        #expect(text.hasSuffix("\r\n> "))
        #expect(!bytes.contains(0xFF), "the server never negotiates first")
        for (i, b) in bytes.enumerated() where b == 0x0A {
            #expect(i > 0 && bytes[i - 1] == 0x0D, "every line ends with CRLF")
        }
    }

    @Test("the same output for every chunking of the input", arguments: ["1\r\nJo\r\n", "1\r\u{0}Jo\r\u{0}", "1\nJo\n", "/start 1\nJo\n"])
    func chunking(_ text: String) throws {
        let input = Array(text.utf8)
        let whole = try Harness()
        _ = try whole.output()
        try whole.send(bytes: input)
        let expected = try whole.output()
        #expect(expected.contains("Hello Jo."))
        for chunks in Chunkings.all(input) {
            let h = try Harness()
            _ = try h.output()
            var got = ""
            for chunk in chunks {
                try h.send(bytes: chunk)
                got += try h.output()
            }
            #expect(got == expected, "chunks \(chunks)")
            if got != expected { break }
        }
    }

    @Test("telnet: options refused once, NAWS accepted and used to wrap")
    func telnet() throws {
        let h = try Harness()
        _ = try h.output()
        try h.send(bytes: [0xFF, 0xFD, 0x01, 0xFF, 0xFB, 0x1F, 0xFF, 0xFA, 0x1F, 0x00, 40, 0x00, 24, 0xFF, 0xF0])
        #expect(try h.outputBytes() == [0xFF, 0xFC, 0x01, 0xFF, 0xFD, 0x1F])
        try h.send("/start 1\r\0")
        let text = try h.output()
        let lines = text.components(separatedBy: "\r\n").filter { !$0.hasPrefix(">") }
        #expect(lines.allSatisfy { $0.count <= 40 })
        #expect(lines.contains("== Looking after me too =="))
    }

    @Test("invalid UTF-8: a clear error, and the connection stays")
    func invalidUTF8() throws {
        let h = try Harness()
        _ = try h.output()
        try h.send(bytes: [0x61, 0xC3, 0x28, 0x0A])
        #expect(try h.output() == "I could not read that line. Please type plain text (UTF-8).\r\n> ")
        #expect(h.isOpen)
        try h.send("/start 1\n")
        #expect(try h.output().contains("Looking after me too"))
    }

    @Test("a line over the cap: one error line, then closed")
    func tooLong() throws {
        let h = try Harness()
        _ = try h.output()
        try h.send(String(repeating: "x", count: 2_049))
        let said = try h.output()
        #expect(said == "That line is too long (the most is 2,048 bytes), so I am closing this\r\nconnection.\r\n", "\(said.debugDescription)")
        #expect(!h.isOpen)
    }

    @Test("a telnet subnegotiation that never ends: 413 and closed, as a line too long")
    func endlessSubnegotiation() throws {
        let h = try Harness()
        _ = try h.output()
        try h.send(bytes: [0xFF, 0xFA, 0x1F] + Array(repeating: 0x41, count: 1_000))
        #expect(h.isOpen, "a long subnegotiation is only dropped while it stays within a line")
        try h.send(bytes: Array(repeating: 0x41, count: 1_100))
        let said = try h.output()
        #expect(said.hasPrefix("That line is too long (the most is 2,048 bytes)"), "\(said.debugDescription)")
        #expect(!h.isOpen)
    }

    @Test("with a store, every menu the server shows of its own accord ends with how to carry on with a code")
    func menuHint() throws {
        let h = try Harness(Fixtures.configuration(store: try PlanStore.inMemory()))
        let hint = ServerWords.resumeHint + "\r\n> "
        #expect(try h.output().hasSuffix(hint))
        try h.send("/mode json\n")
        #expect(!(try h.output().contains(ServerWords.resumeHint)), "JSON clients have saved in the hello")
        try h.send("/mode text\n")
        let text = try h.output()
        #expect(text.contains("Welcome to Tandem.") && text.hasSuffix(hint), "\(text.debugDescription)")
    }

    @Test("JSON mode allows 8,192 bytes and refuses more with 413")
    func tooLongJSON() throws {
        let h = try Harness()
        try h.send("/mode json\n")
        _ = try h.output()
        try h.send("{\"op\":\"line\",\"text\":\"" + String(repeating: "y", count: 5_000) + "\"}\n")
        #expect(h.isOpen)
        _ = try h.output()
        try h.send(String(repeating: "z", count: 8_193))
        let err = try JSONValue.parse(try h.output().trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(err["t"] == "err" && err["code"]?.int == 413 && err["close"] == .bool(true))
        #expect(!h.isOpen)
    }

    @Test("HTTP and TLS on this port are closed at once, without an answer", arguments: [
        "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n", "POST /x HTTP/1.1\r\n", "OPTIONS * HTTP/1.1\r\n", "PRI * HTTP/2.0\r\n",
    ])
    func crossProtocol(_ request: String) throws {
        let h = try Harness()
        _ = try h.output()
        try h.send(request)
        #expect(try h.output() == "")
        #expect(!h.isOpen)
    }

    @Test("a Host: header at the menu closes too; a TLS ClientHello as well")
    func hostHeaderAndTLS() throws {
        let h = try Harness()
        _ = try h.output()
        try h.send("hello\r\nHost: evil.example\r\n")
        _ = try h.output()
        #expect(!h.isOpen)
        let t = try Harness()
        _ = try t.output()
        try t.send(bytes: [0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xFC, 0x03, 0x03])
        #expect(try t.output() == "")
        #expect(!t.isOpen)
    }

    @Test("escapes, C0/C1 controls and bidi overrides never reach the screen")
    func sanitising() throws {
        let h = try Harness()
        try h.send("/start 1\n")
        _ = try h.output()
        try h.send("\u{1B}]0;owned\u{07}Jo\u{202E}\u{9B}2J\u{1B}[31m\n")
        let shown = try h.output()
        #expect(shown.contains("Hello Jo."))
        #expect(!shown.unicodeScalars.contains { [0x1B, 0x07, 0x9B, 0x202E].contains($0.value) })
    }

    @Test("Ctrl-D on its own line ends the plan as end of input does")
    func controlD() throws {
        let h = try Harness()
        try h.send("/start 1\n")
        _ = try h.output()
        try h.send(bytes: [0x04, 0x0D, 0x0A])
        #expect(try h.output() == "\r\nThis plan is not being saved, so it ends here. Take care.\r\n")
        #expect(!h.isOpen)
    }

    @Test("the end of input (nc -N) handles every line sent, then says goodbye")
    func halfClose() throws {
        let h = try Harness()
        _ = try h.output()
        try h.send("/start 1\nJo\n3")
        h.channel.pipeline.fireUserInboundEventTriggered(ChannelEvent.inputClosed)
        let text = try h.output()
        #expect(text.contains("Hello Jo."))
        #expect(text.contains("What do you do to help them, day to day?"), "the last line counts without its line end")
        #expect(text.hasSuffix("This plan is not being saved, so it ends here. Take care.\r\n"))
        #expect(!h.isOpen)
    }
}
