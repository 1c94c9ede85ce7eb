import NIOCore
import NIOEmbedded
import NIOTestUtils
import Testing

@testable import LineServer

@Suite("Line framing and the telnet filter, with every chunking")
struct LineFramerTests {
    typealias Out = FramedInput

    static func line(_ s: String) -> Out { .line(ByteBuffer(string: s)) }
    static func line(_ bytes: [UInt8]) -> Out { .line(ByteBuffer(bytes: bytes)) }

    /// Feeds the chunks in order to one framer and collects what it found.
    static func frame(_ chunks: [[UInt8]], max: Int = 2048) -> [Out] {
        var framer = LineFramer(maxLineLength: max)
        var out: [Out] = []
        for chunk in chunks {
            var buffer = ByteBuffer(bytes: chunk)
            framer.feed(&buffer) { out.append($0) }
            #expect(buffer.readableBytes == 0, "the framer takes every byte it is given")
        }
        return out
    }

    /// The same output whatever the chunking.
    static func check(_ input: [UInt8], _ expected: [Out], max: Int = 2048, sourceLocation: SourceLocation = #_sourceLocation) {
        for chunks in Chunkings.all(input) {
            let got = frame(chunks, max: max)
            #expect(got == expected, "chunks \(chunks)", sourceLocation: sourceLocation)
            if got != expected { return }
        }
    }

    static let cases: [(String, [UInt8], [Out])] = [
        ("nc sends LF", "hello\n".bytes, [line("hello")]),
        ("nc -C sends CRLF", "hello\r\nbye\r\n".bytes, [line("hello"), line("bye")]),
        ("telnet sends CR NUL", [104, 105, 13, 0, 111, 107, 13, 0], [line("hi"), line("ok")]),
        ("a lone CR ends a line", "a\rb\n".bytes, [line("a"), line("b")]),
        ("empty lines count", "\r\n\n\r\0x\n".bytes, [line(""), line(""), line(""), line("x")]),
        ("no line end yet: nothing", "partial".bytes, []),
        ("UTF-8 passes untouched", "café ☕\n".bytes, [line("café ☕")]),
        ("IAC IAC is a literal 255", [0x61, 0xFF, 0xFF, 0x62, 0x0A], [line([0x61, 0xFF, 0x62])]),
        ("NOP inside a line is dropped", [0x68, 0x65, 0xFF, 0xF1, 0x6C, 0x6C, 0x6F, 0x0A], [line("hello")]),
        ("Ctrl-D from a pty is data", [0x04, 0x0D, 0x0A], [line([0x04])]),
    ]

    @Test("line ends and plain bytes", arguments: 0..<cases.count)
    func lineEnds(_ i: Int) {
        let (_, input, expected) = Self.cases[i]
        Self.check(input, expected)
    }

    @Test("what telnet sends after the server offers options (captured bytes)")
    func telnetCapture() {
        let input: [UInt8] = [
            0xFF, 0xFB, 0x1F,  // WILL NAWS
            0xFF, 0xFA, 0x1F, 0x00, 0x64, 0x00, 0x1E, 0xFF, 0xF0,  // SB NAWS 100 x 30 SE
            0xFF, 0xFB, 0x18,  // WILL TTYPE
            0xFF, 0xFD, 0x01,  // DO ECHO
            0xFF, 0xFD, 0x03,  // DO SGA
        ] + "hello".bytes + [0x0D, 0x00]
        Self.check(input, [
            .telnetReply([0xFF, 0xFD, 0x1F]),  // DO NAWS: the one option accepted
            .windowSize(width: 100, height: 30),
            .telnetReply([0xFF, 0xFE, 0x18]),  // DONT TTYPE
            .telnetReply([0xFF, 0xFC, 0x01]),  // WONT ECHO
            .telnetReply([0xFF, 0xFC, 0x03]),  // WONT SGA
            Self.line("hello"),
        ])
    }

    @Test("each option is answered once, however often it is offered")
    func onceEach() {
        let input: [UInt8] = [0xFF, 0xFB, 0x18, 0xFF, 0xFB, 0x18, 0xFF, 0xFD, 0x05, 0xFF, 0xFD, 0x05, 0xFF, 0xFC, 0x05, 0x0A]
        Self.check(input, [.telnetReply([0xFF, 0xFE, 0x18]), .telnetReply([0xFF, 0xFC, 0x05]), Self.line("")])
    }

    @Test("a subnegotiation longer than 64 bytes is dropped, and what follows still works")
    func longSubnegotiation() {
        let input: [UInt8] = [0xFF, 0xFA, 0x1F] + Array(repeating: 7, count: 100) + [0xFF, 0xF0] + "ok\n".bytes
        Self.check(input, [Self.line("ok")])
        var filter = TelnetFilter()
        for b in [0xFF, 0xFA, 0x1F] + Array(repeating: UInt8(1), count: 10_000) { _ = filter.consume(b) }
        #expect(filter.isInCommand)
    }

    @Test("a subnegotiation that never ends is refused once it passes the line cap, as a line too long")
    func endlessSubnegotiation() {
        Self.check([0xFF, 0xFA, 0x1F] + Array(repeating: 7, count: 20), [.tooLong], max: 16)
        Self.check("ok\n".bytes + [0xFF, 0xFA, 0x18] + Array(repeating: 0x41, count: 40), [Self.line("ok"), .tooLong], max: 16)
        // Up to the cap it is only dropped, and what follows still works; so do many short commands.
        Self.check([0xFF, 0xFA, 0x1F] + Array(repeating: 7, count: 11) + [0xFF, 0xF0] + "ok\n".bytes, [Self.line("ok")], max: 16)
        Self.check(Array([[UInt8]](repeating: [0xFF, 0xFA, 0x1F, 0x00, 0x50, 0x00, 0x18, 0xFF, 0xF0], count: 10).joined()) + "ok\n".bytes,
                   Array(repeating: .windowSize(width: 80, height: 24), count: 10) + [Self.line("ok")], max: 16)
        var framer = LineFramer(maxLineLength: 2048)
        var events: [Out] = []
        var start = ByteBuffer(bytes: [0xFF, 0xFA, 0x1F])
        framer.feed(&start) { events.append($0) }
        for _ in 0..<1024 {
            var chunk = ByteBuffer(repeating: 0x01, count: 1024)
            framer.feed(&chunk) { events.append($0) }
        }
        #expect(events == [.tooLong])
        #expect(framer.failed)
    }

    @Test("a NAWS with an escaped 255 in it")
    func nawsEscaped() {
        let input: [UInt8] = [0xFF, 0xFA, 0x1F, 0x00, 0xFF, 0xFF, 0x00, 0x18, 0xFF, 0xF0]
        Self.check(input, [.windowSize(width: 255, height: 24)])
    }

    @Test("the line cap: exactly the limit is fine; one byte more is refused at once, without a line end")
    func cap() {
        Self.check("12345678\n".bytes, [Self.line("12345678")], max: 8)
        Self.check("123456789".bytes, [.tooLong], max: 8)
        Self.check("123456789\nok\n".bytes, [.tooLong], max: 8)
        Self.check("ok\n123456789\nok\n".bytes, [Self.line("ok"), .tooLong], max: 8)
        // Telnet commands do not count; data bytes made by IAC IAC do.
        Self.check([0x31, 0xFF, 0xF1, 0x32, 0x0A], [Self.line("12")], max: 2)
        Self.check([0x31, 0x32, 0xFF, 0xFF, 0x0A], [.tooLong], max: 2)
    }

    @Test("memory stays bounded: a megabyte with no line end keeps at most the cap")
    func bounded() {
        var framer = LineFramer(maxLineLength: 2048)
        var events: [Out] = []
        for _ in 0..<1024 {
            var chunk = ByteBuffer(repeating: 0x41, count: 1024)
            framer.feed(&chunk) { events.append($0) }
        }
        #expect(events == [.tooLong])
        #expect(framer.failed)
        #expect(!framer.hasPartialInput)
    }

    @Test("a last line without its line end counts at the end of input")
    func finish() {
        var framer = LineFramer(maxLineLength: 100)
        var buffer = ByteBuffer(string: "a\nlast")
        var out: [Out] = []
        framer.feed(&buffer) { out.append($0) }
        #expect(framer.hasPartialInput)
        framer.finish { out.append($0) }
        #expect(out == [Self.line("a"), Self.line("last")])
    }

    @Test("NIO's ByteToMessageDecoderVerifier agrees (drip feed, many at once, every order)")
    func verifier() throws {
        let pairs: [(ByteBuffer, [Out])] = [
            (ByteBuffer(string: "hello\n"), [Self.line("hello")]),
            (ByteBuffer(string: "a\r\nb\r\n"), [Self.line("a"), Self.line("b")]),
            (ByteBuffer(bytes: [0x78, 0x0D, 0x00]), [Self.line("x")]),
            (ByteBuffer(bytes: [0x68, 0xFF, 0xF1, 0x69, 0x0A]), [Self.line("hi")]),
            (ByteBuffer(bytes: [0xFF, 0xFA, 0x1F, 0x00, 0x50, 0x00, 0x18, 0xFF, 0xF0]), [.windowSize(width: 80, height: 24)]),
            (ByteBuffer(bytes: [0xFF, 0xFF, 0x0A]), [Self.line([0xFF])]),
        ]
        try ByteToMessageDecoderVerifier.verifyDecoder(inputOutputPairs: pairs) { LineFrameDecoder(maxLineLength: 2048) }
    }
}
