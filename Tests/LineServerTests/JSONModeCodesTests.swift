import DialogueEngine
import NIOCore
import PlanStore
import Testing

@testable import LineServer
import TandemProtocol

/// Everything text mode tells a person about carrying on (a plan's code, a group plan's code, the
/// line on `/resume` after a menu the server shows of its own accord), JSON mode tells too, in its
/// objects: `hello` is not the only place.
@Suite("JSON mode is told every code text mode is told")
struct JSONModeCodesTests {
    static func program(_ address: SocketAddress) async throws -> TestClient {
        let program = try await TestClient.connect(address)
        _ = try await program.response()
        try await program.line("/mode json")
        let hello = try await program.json(until: "ready")
        #expect(hello.first?["saved"] == .bool(true))
        #expect(!hello.contains { $0["t"] == "note" }, "after /mode json the hello's saved says it")
        return program
    }

    @Test("a plan: its code when it starts; after a takeover, the menu and the line on /resume; /pause gives the code")
    func plan() async throws {
        let store = try PlanStore.inMemory()
        try await withServer(Fixtures.configuration(store: store)) { _, address in
            let program = try await Self.program(address)
            try await program.line("/start 1")
            let opening = try await program.json(until: "ready")
            let said = try #require(opening.first { $0["t"] == "say" && $0["kind"] == "code" })
            let code = try #require(said["code"]?.string)

            // Another connection opens the plan: as text mode does, the menu comes with the line on /resume.
            let person = try await TestClient.connect(address)
            _ = try await person.response()
            try await person.line("/resume \(code)")
            _ = try await person.response()
            var told: [JSONValue] = []
            while !told.contains(where: { $0["t"] == "note" }) { told.append(try await program.nextJSON()) }
            #expect(told.map { $0["t"]?.string } == ["say", "menu", "note"], "\(told)")
            #expect(told.last?["text"]?.string == ServerWords.resumeHint)
            try await person.line("/quit")
            _ = try await person.untilClosed()

            try await program.line("/resume \(code)")
            _ = try await program.json(until: "ready")
            try await program.line("/pause")
            let bye = try #require(try await program.json(until: "bye").last)
            #expect(bye["kind"] == "paused" && bye["code"]?.string == code && bye["saved"] == .bool(true), "\(bye)")
        }
    }

    @Test("a group room: the host is given the group plan's code when it opens and when it closes; the menu after comes with the line on /resume")
    func room() async throws {
        let store = try PlanStore.inMemory()
        try await withServer(Fixtures.configuration(store: store)) { _, address in
            let host = try await Self.program(address)
            try await host.line("/host \(Fixtures.token)")
            _ = try await host.json(until: "ready")
            try await host.line("/room new coproduction-conversation")
            let opening = try await host.json(until: "ready")
            let join = try #require(opening.first { $0["event"] == "opened" }?["code"]?.string)
            let saved = try #require(opening.first { $0["event"] == "saved-as" }?["code"]?.string)
            try await host.line("/room close \(join)")
            let closing = try await host.json(until: "ready")
            let closed = try #require(closing.first { $0["event"] == "closed" })
            #expect(closed["code"]?.string == saved && closed["host"] == .bool(true), "\(closing)")
            #expect(closing.drop { $0["t"] != "menu" }.dropFirst().first?["text"]?.string == ServerWords.resumeHint, "\(closing)")
        }
    }

    @Test("the server stops: the reason, then the plan's code, as in text mode")
    func shutdown() async throws {
        let store = try PlanStore.inMemory()
        let server = LineServer(configuration: Fixtures.configuration(store: store))
        let address = try await server.start()
        let program = try await Self.program(address)
        try await program.line("/start 1")
        let code = try #require(try await program.json(until: "ready").first { $0["kind"] == "code" }?["code"]?.string)
        await server.shutdown()
        let err = try await program.nextJSON()
        let bye = try await program.nextJSON()
        #expect(err["t"] == "err" && err["code"]?.int == 503)
        #expect(bye["t"] == "bye" && bye["code"]?.string == code, "\(bye)")
    }
}
