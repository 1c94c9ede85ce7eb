import DialogueEngine
import Logging
import NIOCore
import NIOTLS
import TandemDoors
import TandemProtocol

/// One TCP connection: transport only. It frames bytes into lines (`LineFramer`, with the telnet
/// filter), turns away other protocols (`ProtocolSniffer`), keeps time and pace
/// (`ConnectionStateMachine`), hands each line to the NIO-free door logic (`ConnectionLogic`), and
/// writes what the logic says, as text or JSON (`ServerMessage`).
///
/// The only handler in a connection's pipeline (one context, one allocation: idle connections stay
/// small). Lines wait in a short queue and are handled one at a time; while any wait, the socket is
/// not read, so a fast sender is slowed by TCP itself and memory stays bounded.
final class ConnectionHandler: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    let shared: ServerShared
    var context: ChannelHandlerContext?
    var logic: ConnectionLogic?
    var id = "----"
    /// The door logic's logger (with this connection's id), or the server's before there is one.
    var logger: Logger { logic?.logger ?? shared.configuration.logger }
    var framer: LineFramer
    var machine: ConnectionStateMachine
    var renderer: TextRenderer
    var json = false
    var open = true
    /// Turned away (another protocol): input is read and dropped until the client closes.
    var draining = false
    var readHeld = false
    /// A telnet interrupt came before (then the next one shows only a fresh prompt).
    var interrupted = false
    var firstRead = true
    /// More lines wait, and the rest of them are handled on the event loop's next turn.
    var passScheduled = false
    /// Output gathered while handling, written and flushed once.
    var out: ByteBuffer?

    init(shared: ServerShared) {
        self.shared = shared
        let limits = shared.limits
        framer = LineFramer(maxLineLength: limits.maxTextLine)
        renderer = TextRenderer(width: limits.defaultWidth, resumeCommand: "/resume")
        renderer.menus = shared.menus
        renderer.questions = shared.questions
        machine = ConnectionStateMachine(limits: shared.machineLimits, now: shared.configuration.now(), tls: shared.configuration.tls != nil)
    }

    var limits: ServerLimits { shared.limits }
    var now: NIODeadline { shared.configuration.now() }

    // MARK: Channel events

    func channelActive(context: ChannelHandlerContext) {
        self.context = context
        let address = context.channel.remoteAddress?.ipAddress ?? "local"
        let limitKey = AddressKey.of(context.channel.remoteAddress)
        let trusted = limits.trustedNetworks.contains { $0.contains(context.channel.remoteAddress) }
        let mailbox = Mailbox(channel: context.channel, handler: NIOLoopBound(self, eventLoop: context.eventLoop))
        switch shared.doors.hub.admit(address: limitKey, trusted: trusted, link: mailbox) {
        case .admitted(let id, let evicted):
            self.id = id
            evicted?.send(.evicted)
            let logic = ConnectionLogic(id: id, services: shared.doors, transport: self, link: mailbox, limitKey: limitKey, trusted: trusted, address: address, logger: shared.configuration.logger)
            self.logic = logic
            shared.sweepers.sweeper(for: context.eventLoop)?.add(self)
            logic.greet()
            prompt()
            flush()
        case .full, .addressFull, .closing:
            logger.notice("connection refused: too many connections", metadata: ["address": "\(address)"])
            write(lines: [shared.doors.hub.isShuttingDown ? ServerWords.closing : ServerWords.tooMany])
            // Gently: a client that already sent a line (`tandem connect` sends `/mode json` at once)
            // would otherwise be reset, and could lose the sentence before reading it.
            turnAway()
        }
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        open = false
        shared.sweepers.sweeper(for: context.eventLoop)?.remove(self)
        logic?.closed()
        logic = nil
        self.context = nil
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard open else { return }
        var buffer = unwrapInboundIn(data)
        if firstRead, buffer.readableBytes > 0 {
            firstRead = false
            let first = buffer.getInteger(at: buffer.readerIndex, as: UInt8.self)!
            let second = buffer.readableBytes > 1 ? buffer.getInteger(at: buffer.readerIndex + 1, as: UInt8.self) : nil
            if ProtocolSniffer.isTLSHandshake(first, second) {
                logger.notice("closed: TLS handshake on the plain port")
                return turnAway()
            }
        }
        var gotLine = false
        framer.feed(&buffer) { input in
            switch input {
            case .line(let bytes):
                gotLine = true
                enqueue(bytes)
            case .telnetReply(let bytes):
                append { $0.writeBytes(bytes) }
            case .windowSize(let width, _):
                if width > 0 { renderer.width = min(max(width, limits.widthRange.lowerBound), limits.widthRange.upperBound) }
            case .tooLong:
                queue(.tooLong)
            case .interrupt:
                queue(.interrupt)
            }
        }
        guard open else { return }
        machine.partial(framer.hasPartialInput, gotLine: gotLine, now: now)
        processQueue()
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        flush()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? TLSUserEvent, case .handshakeCompleted = event {
            machine.handshakeDone()
            return
        }
        if let event = event as? ChannelEvent, event == .inputClosed {
            if draining { return context.close(promise: nil) }
            machine.inputClosed()
            framer.finish { if case .line(let bytes) = $0 { enqueue(bytes) } }
            processQueue()
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        machine.writabilityChanged(writable: context.channel.isWritable, now: now)
        if context.channel.isWritable { processQueue() }
        context.fireChannelWritabilityChanged()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if machine.handshaking {
            logger.notice("closed: no TLS handshake (\(type(of: error)))")
        } else {
            logger.debug("connection error: \(type(of: error))")
        }
        context.close(promise: nil)
    }

    /// Reads only when nothing waits: this is what slows a flood down.
    func read(context: ChannelHandlerContext) {
        if draining { return context.read() }
        if open && machine.shouldRead(writable: context.channel.isWritable) {
            readHeld = false
            context.read()
        } else {
            readHeld = true
        }
    }

    // MARK: The queue

    private func enqueue(_ bytes: ByteBuffer) {
        guard open else { return }
        guard let text = String(validating: bytes.readableBytesView, as: UTF8.self) else {
            return queue(.invalidUTF8)
        }
        if machine.linesSeen == 0, machine.waiting == 0, ProtocolSniffer.isHTTPRequestLine(text) {
            logger.notice("closed: an HTTP request")
            return turnAway()
        }
        queue(.line(text))
    }

    /// Puts what was framed in line, whatever it is (a line, one that is not UTF-8, one too long).
    /// When too many wait the client is flooding: 429 and close, never a quiet loss of what waited.
    private func queue(_ item: ConnectionStateMachine.Pending) {
        guard open else { return }
        if !machine.received(item) {
            logger.notice("closed: too many lines waiting")
            logic?.fail(code: 429, ServerWords.flood)
        }
    }

    /// Handles waiting lines, one at a time, as the rate limit allows. At most `linesPerPass` at a
    /// time: then the event loop gets a turn (other connections, a shutdown) before the rest.
    func processQueue() {
        guard let context, open else { return }
        var handled = 0
        loop: while open {
            if handled == limits.linesPerPass {
                if !passScheduled {
                    passScheduled = true
                    context.eventLoop.assumeIsolated().execute { [self] in
                        passScheduled = false
                        processQueue()
                    }
                }
                break loop
            }
            switch machine.next(now: now, writable: context.channel.isWritable) {
            case .handle(let item):
                handled += 1
                handle(item)
                // Much to say already: write it, so a client that does not read stops this loop (its
                // channel turns unwritable) instead of piling up output and work without bound.
                if let pending = out, pending.readableBytes >= limits.outputLowWater { flush() }
            case .throttle(let until, let warn):
                if warn {
                    logger.notice("rate limited")
                    // The prompt was the last thing sent: the warning starts on a line of its own.
                    if !json { append { $0.writeStaticString("\r\n") } }
                    send([.error(code: 429, text: ServerWords.slowDown, close: false)], betweenTurns: false)
                }
                context.eventLoop.assumeIsolated().scheduleTask(in: until - now) { [self] in
                    machine.throttleEnded()
                    processQueue()
                }
                break loop
            case .endOfInput:
                logic?.endOfInput()
                break loop
            case .wait:
                break loop
            }
        }
        flush()
        if readHeld, open, machine.shouldRead(writable: context.channel.isWritable) {
            readHeld = false
            context.read()
        }
    }

    private func handle(_ item: ConnectionStateMachine.Pending) {
        switch item {
        case .tooLong:
            logger.notice("closed: line too long")
            logic?.fail(code: 413, ServerWords.tooLong(framer.maxLineLength))
        case .invalidUTF8:
            send([.error(code: 400, text: ServerWords.notUTF8, close: false)], betweenTurns: false)
            prompt()
        case .interrupt:
            // Telnet's Ctrl-C: the line typed so far is gone (the framer dropped it). As Ctrl-C in the
            // terminal: a fresh prompt on a new line; the first time, how to stop. JSON mode sends
            // nothing: `ready` follows lines only.
            guard !json else { return }
            append { $0.writeStaticString("\r\n") }
            if !interrupted {
                interrupted = true
                send([.note(logic?.lineCleared ?? ServerWords.lineCleared)], betweenTurns: false)
            }
            prompt()
        case .line(let text):
            if logic?.atMenu == true, !json, ProtocolSniffer.isHTTPHeader(Sanitize.line(text)) {
                logger.notice("closed: an HTTP header")
                return turnAway()
            }
            logic?.line(text)
            // One prompt per line handled; a line the logic is still working on gets it when done.
            if !machine.busy { prompt() }
        }
    }

    // MARK: Timers

    /// Called by the sweeper a few times a second: line deadlines, idle time, stalled output.
    func tick(now: NIODeadline) {
        guard open, let logic else { return }
        switch machine.tick(now: now, inPlan: logic.inPlanOrRoom, host: logic.isHost) {
        case .none:
            return
        case .closeNow(let reason):
            logger.notice("closed: \(reason)")
            close(now: true)
        case .fail(let text):
            logger.info("closed: \(text == ServerWords.idleClosed ? "idle" : "line too slow")")
            logic.fail(code: 408, text)
        case .warnIdle(let seconds):
            send([.error(code: 408, text: ServerWords.idleWarning(seconds), close: false)], betweenTurns: true)
        }
        flush()
    }
}
