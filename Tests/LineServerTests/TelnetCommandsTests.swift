import NIOCore
import Testing

@testable import LineServer
import TandemProtocol

/// Telnet commands a client sends at once, with no line end after them (Ctrl-C is `IAC IP`), act at
/// once: they never wait for a line end that will not come.
@Suite("Telnet commands that act at once")
struct TelnetCommandsTests {
    typealias Out = FramedInput
    static let iac: UInt8 = 0xFF
    static let ip: [UInt8] = [0xFF, 0xF4]
    /// What netkit telnet sends for Ctrl-C: Interrupt Process, then DO TIMING-MARK.
    static let ctrlC: [UInt8] = [0xFF, 0xF4, 0xFF, 0xFD, 0x06]
    static let wontTimingMark: [UInt8] = [0xFF, 0xFC, 0x06]

    @Test("the framer: IP, BRK and ABORT drop the line so far; EC and EL erase; EOF ends a line, or is Ctrl-D on an empty one")
    func framer() {
        func check(_ input: [UInt8], _ expected: [Out], max: Int = 2048, sourceLocation: SourceLocation = #_sourceLocation) {
            LineFramerTests.check(input, expected, max: max, sourceLocation: sourceLocation)
        }
        check("Sa".bytes + Self.ip + "Jo\n".bytes, [.interrupt, LineFramerTests.line("Jo")])
        check("Sa".bytes + [0xFF, 0xF3] + [0xFF, 0xEE] + "Jo\n".bytes, [.interrupt, .interrupt, LineFramerTests.line("Jo")])
        check(Self.ip, [.interrupt])
        check("Jox".bytes + [0xFF, 0xF7] + "\n".bytes, [LineFramerTests.line("Jo")])
        check("Jo☕".bytes + [0xFF, 0xF7] + "\n".bytes, [LineFramerTests.line("Jo")], max: 2048)
        check("Sam".bytes + [0xFF, 0xF8] + "Jo\n".bytes, [LineFramerTests.line("Jo")])
        check([0xFF, 0xF7, 0x0A], [LineFramerTests.line("")])
        check("Jo".bytes + [0xFF, 0xEC], [LineFramerTests.line("Jo")])
        check([0xFF, 0xEC], [LineFramerTests.line([0x04])])
        // Ctrl-D as telnet sends it on an empty line: the byte alone, no line end. A line end after
        // it is its own; inside a line it is only data (cleaned away later).
        check([0x04], [LineFramerTests.line([0x04])])
        check([0x04, 0x0D, 0x0A, 0x0A], [LineFramerTests.line([0x04]), LineFramerTests.line("")])
        check([0x04, 0x0D, 0x00], [LineFramerTests.line([0x04])])
        check("a".bytes + [0x0D, 0x04], [LineFramerTests.line("a"), LineFramerTests.line([0x04])])
        check("a".bytes + [0x04, 0x0A], [LineFramerTests.line([0x61, 0x04])])
        check("Sa".bytes + Self.ip + [0x04], [.interrupt, LineFramerTests.line([0x04])])
        // Asked after every interrupt: answered every time, as the client drops output until it is.
        check(Self.ctrlC + Self.ctrlC, [.interrupt, .telnetReply(Self.wontTimingMark), .interrupt, .telnetReply(Self.wontTimingMark)])
        // Others are still answered once.
        check([0xFF, 0xFD, 0x01, 0xFF, 0xFD, 0x01], [.telnetReply([0xFF, 0xFC, 0x01])])
        // SUSP, AO and AYT: nothing to do; the line goes on.
        check("J".bytes + [0xFF, 0xED, 0xFF, 0xF5, 0xFF, 0xF6] + "o\n".bytes, [LineFramerTests.line("Jo")])
        var framer = LineFramer(maxLineLength: 2048)
        var buffer = ByteBuffer(bytes: "Sa".bytes + Self.ip)
        framer.feed(&buffer) { _ in }
        #expect(!framer.hasPartialInput, "nothing waits for a line end: no deadline runs")
    }

    /// Raw bytes up to the next prompt (`> `), without it.
    static func untilPrompt(_ client: TestClient) async throws -> [UInt8] {
        try await client.wait("a prompt") { unread, _ -> (Int, [UInt8])? in
            let bytes = Array(unread)
            guard bytes.count >= 2, bytes.suffix(2) == [0x3E, 0x20] else { return nil }
            return (bytes.count, Array(bytes.dropLast(2)))
        }
    }

    @Test("Ctrl-C in telnet (IAC IP, DO TM, no line end): at once, the timing mark answered, the line dropped, how to stop, a fresh prompt")
    func ctrlCInAPlan() async throws {
        try await withServer { _, address in
            let person = try await TestClient.connect(address)
            _ = try await person.response()
            try await person.line("/start 1")
            _ = try await person.response()
            try await person.send(bytes: "Sa".bytes + Self.ctrlC)
            let first = try await Self.untilPrompt(person)
            #expect(Array(first.prefix(3)) == Self.wontTimingMark, "\(first)")
            #expect(String(decoding: first.dropFirst(3), as: UTF8.self) == "\r\n\(ServerWords.lineCleared)\r\n")
            // Again: the timing mark is answered again, and only a fresh prompt follows.
            try await person.send(bytes: Self.ctrlC)
            #expect(try await Self.untilPrompt(person) == Self.wontTimingMark + [0x0D, 0x0A])
            // What was typed before Ctrl-C is gone: the answer is what came after.
            try await person.line("Jo")
            let said = try await person.response()
            #expect(said.contains { $0.contains("Hello Jo.") }, "\(said)")
        }
    }

    @Test("telnet's End of File (IAC EOF) on an empty line, with no line end: as Ctrl-D, the plan stops as /pause stops it")
    func endOfFile() async throws {
        try await withServer { _, address in
            let person = try await TestClient.connect(address)
            _ = try await person.response()
            try await person.line("/start 1")
            _ = try await person.response()
            try await person.send(bytes: [0xFF, 0xEC])
            let rest = try await person.untilClosed()
            #expect(rest.contains("This plan is not being saved, so it ends here. Take care."), "\(rest)")
        }
    }

    @Test("Ctrl-D on an empty line as telnet sends it (the byte 0x04 alone, no line end): at once, the plan stops as /pause stops it")
    func controlDAlone() async throws {
        try await withServer { _, address in
            let person = try await TestClient.connect(address)
            _ = try await person.response()
            try await person.line("/start 1")
            _ = try await person.response()
            try await person.send(bytes: [0x04])
            let rest = try await person.untilClosed()
            #expect(rest.contains("This plan is not being saved, so it ends here. Take care."), "\(rest)")
        }
    }

    @Test("JSON mode: IAC IP drops the line so far and sends nothing (ready follows lines only)")
    func jsonMode() async throws {
        try await withServer { _, address in
            let program = try await TestClient.connect(address)
            _ = try await program.response()
            try await program.line("/mode json")
            _ = try await program.json(until: "ready")
            try await program.send(bytes: #"{"op":"line","#.bytes + Self.ip)
            try await program.line(#"{"op":"line","text":"/help"}"#)
            let objects = try await program.json(until: "ready")
            #expect(!objects.contains { $0["t"] == "err" }, "the half line was dropped, not read with the next: \(objects)")
        }
    }
}
