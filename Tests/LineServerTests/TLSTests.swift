import DialogueEngine
import NIOCore
import Testing

@testable import LineServer

@Suite("TLS")
struct TLSTests {
    static func configuration(_ change: (inout ServerLimits) -> Void = { _ in }) throws -> ServerConfiguration {
        var config = Fixtures.configuration(change)
        config.tls = try TestCertificate.serverContext()
        return config
    }

    @Test("over TLS: the same greeting, plan and goodbye as plain TCP")
    func plan() async throws {
        try await withServer(try Self.configuration()) { _, address in
            let c = try await TestClient.connect(address, tls: try TestCertificate.clientContext())
            #expect(try await c.response().contains("Welcome to Tandem. Which plan would you like to work on?"))
            try await c.line("/start 1")
            #expect(try await c.response().contains("== Looking after me too =="))
            try await c.line("/quit")
            #expect(try await c.untilClosed().contains("Goodbye, and take care."))
        }
    }

    @Test("a plain-text client on the TLS port sees nothing and is closed at once")
    func plainClientTalks() async throws {
        try await withServer(try Self.configuration()) { _, address in
            let c = try await TestClient.connect(address)
            try await c.line("/start 1")
            let seen = try await c.untilClosed()
            #expect(!seen.contains("Welcome"), "nothing readable before the handshake")
        }
    }

    @Test("a plain-text client that waits for the server is closed after the handshake deadline")
    func plainClientWaits() async throws {
        let config = try Self.configuration {
            $0.tlsHandshakeDeadline = .milliseconds(300)
            $0.sweepInterval = .milliseconds(50)
        }
        try await withServer(config) { server, address in
            let started = ContinuousClock.now
            let c = try await TestClient.connect(address)
            #expect(try await c.untilClosed() == "")
            #expect(ContinuousClock.now - started >= .milliseconds(300))
            #expect(try await eventually { server.connectionCount == 0 })
        }
    }
}
