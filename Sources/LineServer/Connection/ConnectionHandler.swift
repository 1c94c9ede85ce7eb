import DialogueEngine
import Logging
import NIOCore
import NIOTLS

/// One client: frames its bytes into lines, keeps its limits, runs its lines through the lobby or
/// its `Session`, and writes what the renderers make of the events.
///
/// The only handler in a connection's pipeline (one context, one allocation: idle connections stay
/// small). Lines wait in a short queue and are handled one at a time; while any wait, the socket is
/// not read, so a fast sender is slowed by TCP itself and memory stays bounded.
final class ConnectionHandler: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    enum Phase {
        case lobby
        case dialogue(SessionBox)
        /// In a group room (this connection's id is its member id there).
        case room(RoomBox)
        case closing
    }

    /// A framed line waiting its turn.
    enum Pending {
        case line(String)
        case invalidUTF8
        case tooLong
    }

    let shared: ServerShared
    var context: ChannelHandlerContext?
    var id = "----"
    var address = "local"
    /// What per-address caps and lockouts count by (an IPv6 address's /64).
    var limitKey = "local"
    /// From a network the host trusts to be many people behind one address.
    var trusted = false
    /// What wrong codes and tokens are counted by: the address, or, on a trusted network, this
    /// connection alone.
    var ledgerKey: String { trusted ? "connection \(id)" : limitKey }
    var admitted = false
    var logger: Logger

    var framer: LineFramer
    var json = false
    /// What a JSON-mode client said it is (`/mode json tandem-connect`), for the host's `/sessions`.
    var client: String?
    var renderer: TextRenderer
    var phase = Phase.lobby {
        didSet {
            // Someone in a plan or a room is never closed to make room for a newcomer.
            guard admitted else { return }
            switch phase {
            case .dialogue, .room: shared.hub.setInPlan(id, true)
            case .lobby: shared.hub.setInPlan(id, false)
            case .closing: break
            }
        }
    }
    var name: String?
    var isHost = false
    /// Set while this person shares their answers with hosts (`/share`): what they may see.
    var disclosure: Disclosure?
    var sharing: Bool { disclosure != nil }
    /// Hosts who see this participant's answers.
    var watchers: [String] = []
    /// Participants this host sees.
    var watching: Set<String> = []

    var queue: [Pending] = []
    var queueHead = 0
    /// A turn is running on the journal pool.
    var busy = false
    var readHeld = false
    var bucket: RateLimiter
    var throttle: Scheduled<Void>?
    var throttleWarned = false
    var partialSince: NIODeadline?
    var lastLine: NIODeadline
    var idleWarned = false
    var stalledSince: NIODeadline?
    var inputEnded = false
    var linesSeen = 0
    var firstRead = true
    var closeRequested = false
    /// With TLS, until the handshake is done: when the connection began.
    var handshakeSince: NIODeadline?
    /// Output gathered while handling, written and flushed once.
    var out: ByteBuffer?
    /// How others reach this connection (a group room's events).
    var mailbox: Mailbox?
    /// The saved plan this connection has open on its own (see `OpenPlans`).
    var heldPlan: String?
    /// Requests to let go of the plan that came while a turn was being written.
    var pendingReleases: [(plan: String, reply: EventLoopPromise<Void>)] = []

    init(shared: ServerShared) {
        self.shared = shared
        let limits = shared.limits
        framer = LineFramer(maxLineLength: limits.maxTextLine)
        renderer = TextRenderer(width: limits.defaultWidth, resumeCommand: "/resume")
        let now = shared.configuration.now()
        bucket = RateLimiter(rate: limits.linesPerSecond, burst: limits.lineBurst, now: now)
        lastLine = now
        logger = shared.configuration.logger
    }

    var limits: ServerLimits { shared.limits }
    /// Where answers go on this server, for a plan on its own or in a group room.
    var privacy: Privacy { .server(saved: shared.configuration.store != nil, encrypted: shared.configuration.tls != nil) }
    var roomPrivacy: Privacy { .room(saved: shared.configuration.store != nil, encrypted: shared.configuration.tls != nil) }
    var now: NIODeadline { shared.configuration.now() }
    var isOpen: Bool {
        if case .closing = phase { return false }
        return context != nil
    }
    var inDialogue: Bool {
        if case .dialogue = phase { return true }
        return false
    }
    var inRoom: Bool {
        if case .room = phase { return true }
        return false
    }
    /// The plan this connection is in, on its own or with a group (a copy, read under the room's lock).
    var openConversation: Conversation? {
        switch phase {
        case .dialogue(let box): box.session.conversation
        case .room(let box): box.read { $0.session.conversation }
        case .lobby, .closing: nil
        }
    }

    // MARK: Channel events

    func channelActive(context: ChannelHandlerContext) {
        self.context = context
        if let ip = context.channel.remoteAddress?.ipAddress { address = ip }
        limitKey = AddressKey.of(context.channel.remoteAddress)
        trusted = limits.trustedNetworks.contains { $0.contains(context.channel.remoteAddress) }
        let mailbox = Mailbox(channel: context.channel, handler: NIOLoopBound(self, eventLoop: context.eventLoop))
        self.mailbox = mailbox
        switch shared.hub.admit(address: limitKey, trusted: trusted, mailbox: mailbox) {
        case .admitted(let id, let evicted):
            self.id = id
            admitted = true
            evicted?.send(.evicted)
            logger[metadataKey: "connection"] = "\(id)"
            logger.info("connection opened", metadata: ["address": "\(address)"])
        case .full, .addressFull, .closing:
            logger.notice("connection refused: too many connections", metadata: ["address": "\(address)"])
            phase = .closing
            write(line: shared.hub.isShuttingDown ? ServerWords.closing : ServerWords.tooMany)
            closeAfterFlush()
            return
        }
        shared.sweepers.sweeper(for: context.eventLoop)?.add(self)
        if shared.configuration.tls != nil { handshakeSince = now }
        show(shared.lobby.greeting())
        if shared.configuration.store != nil { note(ServerWords.resumeHint) }
        prompt()
        flush()
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        throttle?.cancel()
        throttle = nil
        shared.sweepers.sweeper(for: context.eventLoop)?.remove(self)
        if admitted {
            admitted = false
            shared.hub.leave(id: id, address: limitKey)
            tellWatchers(.left)
            logger.info("connection closed", metadata: ["lines": "\(linesSeen)"])
        }
        enterClosing()
        letGoOfPlan()
        for pending in pendingReleases { pending.reply.succeed(()) }
        pendingReleases = []
        mailbox = nil
        queue = []
        queueHead = 0
        self.context = nil
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard isOpen else { return }
        var buffer = unwrapInboundIn(data)
        if firstRead, buffer.readableBytes > 0 {
            firstRead = false
            let first = buffer.getInteger(at: buffer.readerIndex, as: UInt8.self)!
            let second = buffer.readableBytes > 1 ? buffer.getInteger(at: buffer.readerIndex + 1, as: UInt8.self) : nil
            if ProtocolSniffer.isTLSHandshake(first, second) {
                logger.notice("closed: TLS handshake on the plain port")
                return closeNow()
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
                queue.append(.tooLong)
            }
        }
        guard isOpen else { return }
        if framer.hasPartialInput {
            if gotLine || partialSince == nil { partialSince = now }
        } else {
            partialSince = nil
        }
        processQueue()
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        flush()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? TLSUserEvent, case .handshakeCompleted = event {
            handshakeSince = nil
            return
        }
        if let event = event as? ChannelEvent, event == .inputClosed {
            inputEnded = true
            framer.finish { if case .line(let bytes) = $0 { enqueue(bytes) } }
            processQueue()
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable {
            stalledSince = nil
            processQueue()
        } else if stalledSince == nil {
            stalledSince = now
        }
        context.fireChannelWritabilityChanged()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if handshakeSince != nil {
            logger.notice("closed: no TLS handshake (\(type(of: error)))")
        } else {
            logger.debug("connection error: \(type(of: error))")
        }
        context.close(promise: nil)
    }

    /// Reads only when nothing waits: this is what slows a flood down.
    func read(context: ChannelHandlerContext) {
        if queueHead < queue.count || busy || !isOpen || !context.channel.isWritable {
            readHeld = true
        } else {
            readHeld = false
            context.read()
        }
    }

    // MARK: The queue

    private func enqueue(_ bytes: ByteBuffer) {
        guard isOpen else { return }
        guard let text = String(validating: bytes.readableBytesView, as: UTF8.self) else {
            queue.append(.invalidUTF8)
            return
        }
        if linesSeen == 0, queueHead == queue.count, ProtocolSniffer.isHTTPRequestLine(text) {
            logger.notice("closed: an HTTP request")
            return closeNow()
        }
        linesSeen += 1
        if queue.count - queueHead >= limits.maxQueuedLines {
            queue.removeAll()
            queueHead = 0
            fail(code: 429, ServerWords.flood)
            return
        }
        queue.append(.line(text))
    }

    /// Handles waiting lines, one at a time, as the rate limit allows.
    func processQueue() {
        guard let context, isOpen else { return }
        while queueHead < queue.count && !busy && isOpen && context.channel.isWritable {
            if !bucket.isUnlimited, case .line = queue[queueHead], !bucket.take(now: now) {
                slowDown()
                break
            }
            let item = queue[queueHead]
            queueHead += 1
            handle(item)
            // Much to say already: write it, so a client that does not read stops this loop (its
            // channel turns unwritable) instead of piling up output and work without bound.
            if let pending = out, pending.readableBytes >= limits.outputLowWater { flush() }
        }
        if queueHead >= queue.count {
            queue.removeAll(keepingCapacity: queue.capacity <= 16)
            queueHead = 0
            // One warning a flood: said again only once the sender has kept below the rate a while.
            if throttleWarned, bucket.isFull(now: now) { throttleWarned = false }
            if inputEnded && !busy && isOpen { endOfInput() }
        }
        flush()
        if readHeld && queueHead >= queue.count && !busy && isOpen && context.channel.isWritable {
            readHeld = false
            context.read()
        }
    }

    private func slowDown() {
        if !throttleWarned {
            throttleWarned = true
            logger.notice("rate limited")
            error(code: 429, ServerWords.slowDown)
        }
        guard throttle == nil, let context else { return }
        let current = now
        let wait = bucket.nextToken(now: current) - current
        throttle = context.eventLoop.assumeIsolated().scheduleTask(in: wait) { [self] in
            throttle = nil
            processQueue()
        }
    }

    private func handle(_ item: Pending) {
        switch item {
        case .tooLong:
            logger.notice("closed: line too long")
            fail(code: 413, ServerWords.tooLong(framer.maxLineLength))
        case .invalidUTF8:
            error(code: 400, ServerWords.notUTF8)
            prompt()
        case .line(let text):
            lastLine = now
            idleWarned = false
            if json { handleJSON(text) } else { handleText(text) }
            // One prompt per line handled; a line waiting on the journal gets it when done.
            if !busy { prompt() }
        }
    }
}
