import DialogueEngine
import NIOCore
import Foundation
@testable import PlanStore
import Testing

@testable import LineServer
import TandemProtocol
import TandemStore
import TandemDoors

/// Each defence against a real server on a loopback port.
@Suite("Defences over real connections")
struct LoopbackDefenceTests {
    @Test("many clients at once each walk into a plan and out again")
    func manyClients() async throws {
        try await withServer { server, address in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for i in 0..<50 {
                    group.addTask {
                        let c = try await TestClient.connect(address)
                        _ = try await c.response()
                        try await c.line("/start \(i % 5 + 1)")
                        let opening = try await c.response()
                        #expect(opening.contains { $0.hasPrefix("== ") })
                        try await c.line("/quit")
                        let bye = try await c.untilClosed()
                        #expect(bye.contains("Goodbye, and take care."))
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await eventually { server.connectionCount == 0 })
        }
    }

    @Test("slowloris: a line dribbled out byte by byte is cut off; others carry on")
    func slowloris() async throws {
        let config = Fixtures.configuration {
            $0.lobbyLineDeadline = .milliseconds(400)
            $0.sweepInterval = .milliseconds(50)
        }
        try await withServer(config) { _, address in
            let slow = try await TestClient.connect(address)
            let fine = try await TestClient.connect(address)
            _ = try await slow.response()
            _ = try await fine.response()
            let started = ContinuousClock.now
            for byte in "/start".utf8 where !slow.isClosed {
                try? await slow.send(bytes: [byte])
                try await Task.sleep(for: .milliseconds(100))
                try await fine.line("/help")
                _ = try await fine.response()
            }
            let rest = try await slow.untilClosed()
            #expect(rest.contains("That line took too long to arrive"))
            #expect(ContinuousClock.now - started >= .milliseconds(400), "never before the deadline")
            try await fine.line("/start 1")
            #expect(try await fine.response().contains("== Looking after me too =="))
        }
    }

    @Test("idle: a warning, then the close, with the plan's goodbye")
    func idle() async throws {
        let config = Fixtures.configuration {
            $0.idleWarning = .milliseconds(300)
            $0.idleGrace = .milliseconds(300)
            $0.sweepInterval = .milliseconds(50)
        }
        try await withServer(config) { _, address in
            let c = try await TestClient.connect(address)
            _ = try await c.response()
            try await c.line("/start 1")
            // Read everything to the close in one go: on a loaded machine the intro and the warning
            // can arrive in one read, so only the order of the text is asserted, never its chunking.
            let rest = try await c.untilClosed()
            let warning = try #require(rest.range(of: "Are you still there?"), "no idle warning in: \(rest)")
            let closing = try #require(rest.range(of: "Nothing has been typed for a while"), "no idle close in: \(rest)")
            #expect(rest.range(of: "== Looking after me too ==").map { $0.lowerBound < warning.lowerBound } == true)
            #expect(warning.lowerBound < closing.lowerBound)
            #expect(rest[closing.lowerBound...].contains("This plan is not being saved, so it ends here."))
        }
    }

    @Test("a flood is slowed (429) while another client is answered at once")
    func flood() async throws {
        let config = Fixtures.configuration {
            $0.linesPerSecond = 5
            $0.lineBurst = 5
        }
        try await withServer(config) { _, address in
            let flooder = try await TestClient.connect(address)
            let other = try await TestClient.connect(address)
            _ = try await flooder.response()
            _ = try await other.response()
            try await flooder.send(String(repeating: "/help\r\n", count: 40))
            _ = try await flooder.wait("the 429") { unread, _ in
                let text = String(decoding: unread, as: UTF8.self)
                return text.contains("Lines are coming faster") ? (0, true) : nil
            }
            try await other.line("/start 1")
            #expect(try await other.response().contains("== Looking after me too =="))
            let answered = flooder.everything.components(separatedBy: "Type the number of a plan to start it.").count - 1
            #expect(answered < 40, "the flooder is still waiting its turn (5 lines a second)")
            await flooder.close()
        }
    }

    @Test("caps: total and per address; a freed place can be used again")
    func caps() async throws {
        try await withServer(Fixtures.configuration { $0.maxConnections = 3 }) { server, address in
            var clients: [TestClient] = []
            for _ in 0..<3 {
                let c = try await TestClient.connect(address)
                _ = try await c.response()
                clients.append(c)
            }
            let refused = try await TestClient.connect(address)
            #expect(try await refused.untilClosed() == "Sorry, there are too many connections just now. Please try again in a few minutes.\r\n")
            await clients[0].close()
            #expect(try await eventually { server.connectionCount == 2 })
            let again = try await TestClient.connect(address)
            #expect(try await again.response().contains("Welcome to Tandem. Which plan would you like to work on?"))
        }
        try await withServer(Fixtures.configuration { $0.maxConnectionsPerAddress = 2 }) { _, address in
            for _ in 0..<2 { _ = try await TestClient.connect(address).response() }
            let refused = try await TestClient.connect(address)
            #expect(try await refused.untilClosed().contains("too many connections"))
        }
    }

    @Test("an HTTP request is closed at once")
    func http() async throws {
        try await withServer { _, address in
            let c = try await TestClient.connect(address)
            _ = try await c.response()
            try await c.send("POST / HTTP/1.1\r\nHost: 127.0.0.1:7300\r\nContent-Length: 9\r\n\r\n/start 1\n")
            #expect(try await c.untilClosed() == "")
        }
    }

    @Test("a TLS hello far longer than one read, sent before the greeting is read: the greeting still arrives, then an orderly close, never a reset")
    func tlsHelloIsTurnedAwayGently() async throws {
        try await withServer { _, address in
            let port = try #require(address.port)
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            #expect(fd >= 0)
            defer { close(fd) }
            var addr = sockaddr_in()
            addr.sin_family = sa_family_t(AF_INET)
            addr.sin_port = in_port_t(UInt16(port).bigEndian)
            addr.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &addr) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            #expect(connected == 0)
            // A record header, then more than a receive buffer holds (a modern hello is ~1.8 KB).
            let hello: [UInt8] = [0x16, 0x03, 0x01, 0x07, 0x00, 0x01, 0x00, 0x06, 0xFC, 0x03, 0x03] + Array(repeating: 0x41, count: 1_900)
            #expect(hello.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) } == hello.count)
            try await Task.sleep(for: .milliseconds(300))  // the server has read, turned it away and written its end
            var received: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 4_096)
            var failure: Int32 = 0
            while true {
                let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                if n < 0 { failure = errno; break }
                if n == 0 { break }
                received += buffer[0..<n]
            }
            #expect(failure == 0, "the connection was reset (errno \(failure))")
            let text = String(decoding: received, as: UTF8.self)
            #expect(text.contains("> "), "the greeting and its prompt arrived: \(text.debugDescription)")
        }
    }

    @Test("wrong resume codes: the same answer whatever the code, then every try is slowed, and a right one still works")
    func codeLockout() async throws {
        let store = try PlanStore.inMemory()
        let plan = try await store.begin(PlanProgress(Conversation(script: Fixtures.library.scripts[0], today: Transcript.defaultToday)))
        let code = try #require(plan.code)
        try await withServer(Fixtures.configuration(store: store) { $0.maxFailures = 3; $0.lockedDelay = .milliseconds(300) }) { _, address in
            let c = try await TestClient.connect(address)
            _ = try await c.response()
            var answers: [[String]] = []
            // (Not "nonsense": eight letters of the code alphabet are a group room's join code in
            // shape, which is told apart and never counted: RoomResumeTests.)
            for wrong in ["ZZZZ-ZZZZ-ZZZZ", "nonsense!", "K7QM-3XRT-9PAF"] {
                try await c.line("/resume \(wrong)")
                answers.append(try await c.response())
            }
            #expect(Set(answers).count == 1, "wrong, malformed and unknown codes all answer the same")
            #expect(answers[0] == ["I could not find a plan with that code. Please check it and try again."])
            try await c.line("/resume ZZZZ-ZZZZ-ZZZY")
            let slowed = try await c.response()
            #expect(slowed.first?.hasPrefix("Too many codes that did not work have come from your network lately") == true)
            #expect(slowed.last == "I could not find a plan with that code. Please check it and try again.")
            let other = try await TestClient.connect(address)
            _ = try await other.response()
            try await other.line("/resume \(code)")
            let opened = try await other.response()
            #expect(opened.first?.hasPrefix("Too many codes") == true, "the whole address is slowed")
            #expect(opened.contains("Welcome back. Your answers are all here."), "but a right code still works")
        }
    }

    @Test("an expired code answers exactly as a wrong one does")
    func expiredCode() async throws {
        let folder = try TemporaryDirectory()
        let path = folder.path + "/plans.sqlite"
        // A plan made, and last used, longer ago than codes live.
        var past = PlanStore.Options()
        let then = Date().addingTimeInterval(-Double(PlanStore.codeLifetimeDays + 10) * 86_400)
        past.clock = { then }
        let old = try PlanStore(path: path, options: past)
        let code = try #require(try await old.begin(PlanProgress(Conversation(script: Fixtures.library.scripts[0], today: Transcript.defaultToday))).code)
        let store = try PlanStore(path: path)
        #expect(try await old.open(code: code).id.isEmpty == false, "the code worked in its own time")
        try await withServer(Fixtures.configuration(store: store)) { _, address in
            let c = try await TestClient.connect(address)
            _ = try await c.response()
            try await c.line("/resume \(code)")
            let expired = try await c.response()
            try await c.line("/resume ABCD-EFGH-JKMN")
            let wrong = try await c.response()
            #expect(expired == wrong)
            #expect(expired == ["I could not find a plan with that code. Please check it and try again."])
        }
    }

    @Test("wrong host tokens are refused, then slowed; the right one still works")
    func tokenLockout() async throws {
        try await withServer(Fixtures.configuration { $0.maxFailures = 3; $0.lockedDelay = .milliseconds(300) }) { _, address in
            let c = try await TestClient.connect(address)
            _ = try await c.response()
            for wrong in ["guess", String(Fixtures.token.dropLast()) + "0", Fixtures.token + "x"] {
                try await c.line("/host \(wrong)")
                #expect(try await c.response() == ["That is not the host token."])
            }
            try await c.line("/host guess")
            #expect(try await c.response().last == "That is not the host token.")
            try await c.line("/sessions")
            #expect(try await c.response().first?.hasPrefix("Only the host") == true)
            try await c.line("/host \(Fixtures.token)")
            let hosting = try await c.response()
            #expect(hosting.first?.hasPrefix("Too many tokens") == true)
            #expect(hosting.joined(separator: " ").contains("You are hosting."))
            try await c.line("/sessions")
            #expect(try await c.response().first == "1 connection:")
        }
    }

    @Test("a client that never reads is dropped alone; others are served")
    func neverReads() async throws {
        let log = LogCapture()
        var config = Fixtures.configuration {
            $0.linesPerSecond = 0
            $0.maxQueuedLines = 1_000_000
            $0.maxPendingOutput = 1 << 30
            $0.outputLowWater = 2_048
            $0.outputHighWater = 8_192
            $0.stalledOutputGrace = .milliseconds(300)
            $0.sweepInterval = .milliseconds(50)
        }
        config.logger = log.logger
        try await withServer(config) { server, address in
            let reader = try await TestClient.connect(address)
            _ = try await reader.response()
            let deaf = try await TestClient.connect(address, reading: false, receiveBuffer: 4_096)
            // Each /dialogues shows the whole menu (about 1.5 KB): 20,000 of them are far more than
            // the socket buffers hold. Sent without waiting, as the server soon stops reading.
            deaf.channel.writeAndFlush(ByteBuffer(string: String(repeating: "/dialogues\r\n", count: 20_000)), promise: nil)
            // Waiting for one connection alone passed before the deaf one was even counted, on a
            // busy machine: wait for it to be dropped, and for what it was dropped for.
            #expect(try await eventually(timeout: .seconds(20)) { log.lines.contains { $0.contains("closed: output not read") } })
            #expect(try await eventually(timeout: .seconds(20)) { server.connectionCount == 1 })
            try await reader.line("/start 1")
            #expect(try await reader.response().contains("== Looking after me too =="))
            await deaf.close()
        }
    }
}

/// Polls until `condition` holds (true) or the time runs out (false).
func eventually(timeout: Duration = .seconds(10), _ condition: () -> Bool) async throws -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if condition() { return true }
        try await Task.sleep(for: .milliseconds(5))
    }
    return condition()
}
