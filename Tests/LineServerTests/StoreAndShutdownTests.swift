import Foundation
import DialogueEngine
import NIOCore
import PlanStore
import Testing

@testable import LineServer
import TandemProtocol
import TandemStore
import TandemDoors

@Suite("Plans across doors, shutdown, and what is logged")
struct StoreAndShutdownTests {
    static var script: Script { Fixtures.library.scripts.first { $0.id == "looking-after-me-too" }! }

    /// The code in "Your plan is saved. To carry on later, use this code: XXXX-XXXX-XXXX".
    static func code(in text: String) throws -> String {
        let marker = "use this code: "
        let start = try #require(text.range(of: marker)).upperBound
        return String(text[start...].prefix(14))
    }

    @Test("a plan begun over the network carries on in the terminal's store")
    func networkToTerminal() async throws {
        let store = try PlanStore.inMemory()
        try await withServer(Fixtures.configuration(store: store)) { _, address in
            let c = try await TestClient.connect(address)
            let greeting = try await c.response()
            #expect(greeting.last == "If you have a code to carry on with a plan, type /resume and the code.")
            try await c.line("/start looking-after-me-too")
            // The code comes at the start, so a dropped connection still leaves a way back.
            let start = try await c.response().joined(separator: " ")
            let early = try #require(start.range(of: #"\(/resume [0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\)"#, options: .regularExpression))
            #expect(start.contains("use the code"), "\(start[early])")
            try await c.line("Jo")
            _ = try await c.response()
            try await c.line("/pause")
            let paused = try await c.untilClosed()
            #expect(paused.contains("(/resume "), "the network door tells people to use /resume")
            let code = try Self.code(in: paused.replacingOccurrences(of: "\r\n", with: " "))
            // The terminal door: the same store, the code, the same plan.
            let plan = try await store.open(code: code)
            let session = plan.session(Self.script, support: Fixtures.library.support, today: Transcript.defaultToday)
            let opening = session.resume()
            #expect(session.conversation.state.answers["name"] == .text("Jo"))
            #expect(opening.contains { if case .asked(let p) = $0 { p.step == "relationship" } else { false } })
        }
    }

    @Test("a plan begun in the terminal carries on over the network, on the journal thread")
    func terminalToNetwork() async throws {
        let store = try PlanStore.inMemory()
        let conversation = Conversation(script: Self.script, today: Transcript.defaultToday)
        let plan = try await store.begin(PlanProgress(conversation))
        var session = Session(conversation: conversation, support: Fixtures.library.support, plan: plan.info)
        session.accept(session.start())
        let turn = session.handle("Robin")
        try await store.append(turn.changes, to: plan.id, progress: turn.progress)
        let code = try #require(plan.code)
        try await withServer(Fixtures.configuration(store: store)) { _, address in
            let c = try await TestClient.connect(address)
            _ = try await c.response()
            try await c.line("/resume \(code.lowercased())")
            let opening = try await c.response()
            #expect(opening.contains("Welcome back. Your answers are all here."))
            #expect(opening.contains("How are you linked to the person you help?"))
            try await c.line("/review")
            #expect(try await c.response().contains("     Robin"))
            try await c.line("2")
            _ = try await c.response()
            try await c.line("/quit")
            let bye = try await c.untilClosed()
            #expect(bye.contains("Your plan is saved."))
        }
        let again = try await store.open(code: code)
        #expect(again.changes.contains(.answered(step: "relationship", value: .choice("partner"))))
    }

    @Test("a plan open in another program on this computer (a terminal window) does not open here; one open here keeps that program out until it is let go")
    func heldByAnotherProgram() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-held-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("plans.sqlite").path
        let store = try PlanStore(path: path)
        let window = try PlanStore(path: path)  // another program on the same store: a terminal window
        let plan = try await store.begin(PlanProgress(Conversation(script: Self.script, today: Transcript.defaultToday)))
        let code = try #require(plan.code)
        try await withServer(Fixtures.configuration(store: store)) { _, address in
            var inWindow = window.hold(plan: plan.id)
            #expect(inWindow != nil)
            let c = try await TestClient.connect(address)
            _ = try await c.response()
            try await c.line("/resume \(code)")
            let refused = try await c.response().joined(separator: " ")
            #expect(refused.contains("open in a Tandem window on the server's computer"), "\(refused)")
            #expect(!refused.contains("What would you like me to call you?"))
            inWindow = nil
            try await c.line("/resume \(code)")
            let opening = try await c.response().joined(separator: " ")
            #expect(opening.contains("What would you like me to call you?"), "\(opening)")
            #expect(window.hold(plan: plan.id) == nil, "open over the network: the window is kept out")
            try await c.line("/pause")
            _ = try await c.untilClosed()
            _ = inWindow
        }
        // Let go when the connection left the plan.
        var free = window.hold(plan: plan.id)
        for _ in 0..<100 where free == nil {
            try await Task.sleep(for: .milliseconds(20))
            free = window.hold(plan: plan.id)
        }
        #expect(free != nil)
    }

    @Test("SIGTERM's shutdown: everyone is told, with their code; the plan is kept; new connections are refused")
    func shutdown() async throws {
        let store = try PlanStore.inMemory()
        let server = LineServer(configuration: Fixtures.configuration(store: store))
        let address = try await server.start()
        let person = try await TestClient.connect(address)
        _ = try await person.response()
        try await person.line("/start 1")
        _ = try await person.response()
        try await person.line("Alex")
        _ = try await person.response()
        let program = try await TestClient.connect(address)
        _ = try await program.response()
        try await program.line("/mode json")
        _ = try await program.json(until: "ready")
        let idle = try await TestClient.connect(address)
        _ = try await idle.response()

        await server.shutdown()

        let told = try await person.untilClosed()
        #expect(told.hasPrefix("The server is closing now.\r\n\r\nYour plan is saved. To carry on later, use this code: "))
        let code = try Self.code(in: told)
        let kept = try await store.open(code: code)
        #expect(kept.changes.contains(.answered(step: "name", value: .text("Alex"))))
        let err = try await program.nextJSON()
        #expect(err["t"] == "err" && err["code"]?.int == 503 && err["close"] == .bool(true))
        #expect(try await idle.untilClosed() == "The server is closing now.\r\n")
        await #expect(throws: (any Error).self) { _ = try await TestClient.connect(address) }
    }

    /// As in the terminal: `tandem delete` on the host's computer while someone is on the plan.
    @Test("a plan deleted while open here: the answer is taken, the person is told once it is no longer saved, and never given a code that cannot work")
    func deletedWhileOpen() async throws {
        let store = try PlanStore.inMemory()
        let server = LineServer(configuration: Fixtures.configuration(store: store))
        let address = try await server.start()
        let person = try await TestClient.connect(address)
        _ = try await person.response()
        try await person.line("/start looking-after-me-too")
        _ = try await person.response()
        try await person.line("Alex")
        _ = try await person.response()
        let id = try #require(try await store.list().first?.id)
        try await store.delete(id: id)
        try await person.line("/skip")
        let told = try await person.response().joined(separator: " ")
        #expect(told.contains("This plan is no longer saved"), "\(told)")
        #expect(!told.contains("Please try again"), "trying again could never work: \(told)")
        try await person.line("/skip")
        let next = try await person.response().joined(separator: " ")
        #expect(!next.contains("no longer saved") && !next.contains("could not save"), "told once: \(next)")
        await server.shutdown()
        let closing = try await person.untilClosed()
        #expect(!closing.contains("Your plan is saved") && !closing.contains("use this code"), "\(closing)")
    }

    @Test("shutdown ends within the grace time even when a client never reads")
    func shutdownGrace() async throws {
        var config = Fixtures.configuration {
            $0.shutdownGrace = .milliseconds(300)
            $0.linesPerSecond = 0
            $0.maxQueuedLines = 1_000_000
            $0.maxPendingOutput = 1 << 30
            $0.stalledOutputGrace = .seconds(3_600)
        }
        config.logger = Fixtures.quietLogger
        let server = LineServer(configuration: config)
        let address = try await server.start()
        let deaf = try await TestClient.connect(address, reading: false, receiveBuffer: 4_096)
        deaf.channel.writeAndFlush(ByteBuffer(string: String(repeating: "/dialogues\r\n", count: 5_000)), promise: nil)
        try await Task.sleep(for: .milliseconds(200))
        let started = ContinuousClock.now
        await server.shutdown()
        #expect(ContinuousClock.now - started < .seconds(10))
        #expect(server.connectionCount == 0)
        await deaf.close()
    }

    @Test("logs say who connected and why they were closed, never what anyone typed")
    func privacy() async throws {
        let log = LogCapture()
        var config = Fixtures.configuration(store: try PlanStore.inMemory())
        config.logger = log.logger
        try await withServer(config) { _, address in
            let c = try await TestClient.connect(address)
            _ = try await c.response()
            try await c.line("/name Quentin")
            _ = try await c.response()
            try await c.line("/start 1")
            _ = try await c.response()
            for answer in ["Marigold", "4", "I cook every evening", ""] {
                try await c.line(answer)
                _ = try await c.response()
            }
            try await c.line("/resume WRONG-CODE-1234")
            _ = try await c.response()
            try await c.line("/host not-the-token")
            _ = try await c.response()
            try await c.line("/quit")
            _ = try await c.untilClosed()
        }
        let text = log.lines.joined(separator: "\n")
        #expect(text.contains("connection opened"))
        // Each record carries the connection's id (`ConnectionLogic.log` adds it).
        #expect(log.lines.filter { $0.contains("opened") || $0.contains("plan started") }.allSatisfy { $0.contains("connection=") })
        #expect(text.contains("plan started"))
        #expect(text.contains("wrong host token"))
        for secret in ["Marigold", "cook", "Quentin", "WRONG-CODE", "not-the-token", Fixtures.token] {
            #expect(!text.contains(secret), "\(secret) must not be logged")
        }
    }
}
