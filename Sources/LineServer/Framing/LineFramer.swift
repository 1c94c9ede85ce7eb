import NIOCore

/// What the framer found in the bytes a client sent.
public enum FramedInput: Equatable, Sendable {
    /// One line, without its line end and without telnet commands. Not yet checked as UTF-8.
    case line(ByteBuffer)
    /// Telnet bytes to send back to the client.
    case telnetReply([UInt8])
    /// The client's window size (telnet NAWS).
    case windowSize(width: Int, height: Int)
    /// A line grew past the limit before it ended. Nothing more is read after this.
    case tooLong
    /// Telnet Interrupt Process, Break or Abort (Ctrl-C in a telnet client): the line typed so far
    /// is dropped, at once, with no line end needed.
    case interrupt
}

/// Splits incoming bytes into lines: LF, CRLF, a lone CR and telnet's CR NUL all end a line.
/// Telnet commands are taken out first (see ``TelnetFilter``); those that act on the line typed so
/// far act at once: `IP` (and `BRK`, `ABORT`) drops it and says so, `EOF` ends it (or, on an empty
/// line, is the end of input, as Ctrl-D), `EC` and `EL` erase a character or the line. So does
/// Ctrl-D (0x04) on an empty line, the way telnet sends it: a line of its own at once.
///
/// Memory is bounded: a line that passes ``maxLineLength`` bytes before it ends produces
/// ``FramedInput/tooLong`` at once, and every byte after it is ignored. So does a telnet command
/// that passes it (a subnegotiation whose `IAC SE` never comes). A partial line is copied
/// out of the read buffer, so a slow client never pins a large buffer.
///
///     var framer = LineFramer(maxLineLength: 2048)
///     var bytes = ByteBuffer(string: "hello\r\nwor")
///     framer.feed(&bytes) { print($0) }   // .line("hello"); "wor" waits for its line end
public struct LineFramer: Sendable {
    /// The longest line accepted, in bytes, line end not counted.
    public var maxLineLength: Int
    private var telnet = TelnetFilter()
    /// The start of a line that has not ended yet.
    private var partial: [UInt8] = []
    /// A CR ended the last line: a LF or NUL right after it belongs to that line end.
    private var afterCR = false
    /// A Ctrl-D on an empty line was a line of its own: a line end right after it belongs to it.
    private var afterEOT = false
    /// Bytes of the telnet command under way, its IAC included. A command longer than a line (a
    /// subnegotiation with no `IAC SE`) is refused as a line too long: otherwise its bytes would
    /// be read without end, never counted against any limit.
    private var commandBytes = 0
    /// A line was too long; everything after is ignored.
    public private(set) var failed = false

    public init(maxLineLength: Int) {
        self.maxLineLength = maxLineLength
    }

    /// True while part of a line (or of a telnet command) has arrived and its end has not.
    public var hasPartialInput: Bool { !partial.isEmpty || telnet.isInCommand }

    /// Takes every readable byte of `buffer` and reports what it found, in order.
    public mutating func feed(_ buffer: inout ByteBuffer, _ emit: (FramedInput) -> Void) {
        while buffer.readableBytes > 0 && !failed {
            if afterCR {
                afterCR = false
                if let first = buffer.getInteger(at: buffer.readerIndex, as: UInt8.self), first == 0x0A || first == 0x00 {
                    buffer.moveReaderIndex(forwardBy: 1)
                    continue
                }
            }
            if afterEOT {
                afterEOT = false
                if let first = buffer.getInteger(at: buffer.readerIndex, as: UInt8.self), first == 0x0A || first == 0x0D {
                    buffer.moveReaderIndex(forwardBy: 1)
                    afterCR = first == 0x0D
                    continue
                }
            }
            if !telnet.isInCommand, partial.isEmpty, buffer.getInteger(at: buffer.readerIndex, as: UInt8.self) == 0x04 {
                // Ctrl-D on an empty line, which telnet sends as the byte alone, with no line end:
                // the end of input at once, as in a terminal. A line end after it belongs to it.
                buffer.moveReaderIndex(forwardBy: 1)
                emit(.line(ByteBuffer(bytes: [0x04])))
                afterEOT = true
                continue
            }
            if telnet.isInCommand {
                commandBytes += 1
                if commandBytes > maxLineLength {
                    fail(emit)
                    break
                }
                let byte = buffer.readInteger(as: UInt8.self)!
                handle(telnet.consume(byte), emit)
                if !telnet.isInCommand { commandBytes = 0 }
                continue
            }
            // Plain bytes up to the next LF, CR or IAC.
            let plain = buffer.withUnsafeReadableBytes { bytes -> Int in
                var i = 0
                while i < bytes.count {
                    let b = bytes[i]
                    if b == 0x0A || b == 0x0D || b == TelnetFilter.Byte.iac { break }
                    i += 1
                }
                return i
            }
            if partial.count + plain > maxLineLength {
                fail(emit)
                break
            }
            guard plain < buffer.readableBytes else {
                // No line end yet: keep a copy of what came.
                partial.append(contentsOf: buffer.readableBytesView)
                buffer.moveReaderIndex(forwardBy: plain)
                return
            }
            let special = buffer.getInteger(at: buffer.readerIndex + plain, as: UInt8.self)!
            if special == TelnetFilter.Byte.iac {
                partial.append(contentsOf: buffer.readableBytesView.prefix(plain))
                buffer.moveReaderIndex(forwardBy: plain + 1)
                _ = telnet.consume(special)
                commandBytes = 1
                continue
            }
            if partial.isEmpty {
                emit(.line(buffer.readSlice(length: plain)!))
            } else {
                partial.append(contentsOf: buffer.readableBytesView.prefix(plain))
                buffer.moveReaderIndex(forwardBy: plain)
                emitPartial(emit)
            }
            buffer.moveReaderIndex(forwardBy: 1)
            afterCR = special == 0x0D
        }
        if failed { buffer.moveReaderIndex(forwardBy: buffer.readableBytes) }
    }

    /// The end of input: a last line without its line end still counts as a line.
    public mutating func finish(_ emit: (FramedInput) -> Void) {
        guard !failed, !partial.isEmpty else { return }
        emitPartial(emit)
    }

    private mutating func handle(_ action: TelnetFilter.Action, _ emit: (FramedInput) -> Void) {
        switch action {
        case .none: break
        case .data(let byte):
            // Only IAC IAC gives data here: a literal 255, never a line end.
            guard partial.count < maxLineLength else { return fail(emit) }
            partial.append(byte)
        case .reply(let bytes): emit(.telnetReply(bytes))
        case .windowSize(let width, let height): emit(.windowSize(width: width, height: height))
        case .interrupt:
            partial.removeAll(keepingCapacity: partial.capacity <= 256)
            emit(.interrupt)
        case .endOfFile:
            // As Ctrl-D in a terminal: after some text it ends the line; on an empty line it is
            // the end of input, the line holding only Ctrl-D that the door already knows.
            if partial.isEmpty { partial.append(0x04) }
            emitPartial(emit)
        case .eraseCharacter:
            // One character, which in UTF-8 may be several bytes: continuation bytes, then the lead.
            while let last = partial.popLast(), last & 0xC0 == 0x80 {}
        case .eraseLine:
            partial.removeAll(keepingCapacity: partial.capacity <= 256)
        }
    }

    private mutating func emitPartial(_ emit: (FramedInput) -> Void) {
        let line = ByteBuffer(bytes: partial)
        partial.removeAll(keepingCapacity: partial.capacity <= 256)
        emit(.line(line))
    }

    private mutating func fail(_ emit: (FramedInput) -> Void) {
        failed = true
        partial = []
        emit(.tooLong)
    }
}
