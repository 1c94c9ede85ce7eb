import DialogueEngine
import Foundation
import NIOCore
import PlanStore
import Testing

@testable import LineServer
import TandemProtocol
import TandemStore
import TandemDoors

/// Lockouts that do not punish the innocent: many people can share one address (a NAT, a tunnel).
@Suite("Guessing behind a shared address")
struct SharedAddressTests {
    static func slowed(_ limits: inout ServerLimits) {
        limits.maxFailures = 3
        limits.lockedDelay = .milliseconds(200)
    }

    @Test("someone else's wrong codes and tokens slow a right one down, but never shut it out")
    func rightOnesStillWork() async throws {
        let folder = try TemporaryDirectory()
        let store = try PlanStore(path: folder.path + "/plans.sqlite")
        try await withServer(Fixtures.configuration(store: store) { Self.slowed(&$0) }) { _, address in
            let owner = try await TestClient.connect(address)
            _ = try await owner.response()
            try await owner.line("/start 1")
            let code = try UnderAttackTests.code(in: UnderAttackTests.words(try await owner.response()))
            try await owner.line("/quit")
            _ = try await owner.untilClosed()

            let guesser = try await TestClient.connect(address)
            _ = try await guesser.response()
            for _ in 0..<3 {
                try await guesser.line("/resume ZZZZ-ZZZZ-ZZZZ")
                #expect(UnderAttackTests.words(try await guesser.response()) == ServerWords.badCode)
                try await guesser.line("/host 0000000000000000wrong")
                #expect(try await guesser.response() == [ServerWords.wrongToken])
            }
            try await guesser.line("/resume ZZZZ-ZZZZ-ZZZZ")
            let slowed = UnderAttackTests.words(try await guesser.response())
            #expect(slowed.contains("Too many codes that did not work have come from your network lately, so I will check this one in 1 second."))
            #expect(slowed.hasSuffix(ServerWords.badCode))

            // Someone else at the same address, with the right code and the right token.
            let person = try await TestClient.connect(address)
            _ = try await person.response()
            try await person.line("/resume \(code)")
            #expect(UnderAttackTests.words(try await person.response()).contains("Welcome back. Your answers are all here."))
            let host = try await TestClient.connect(address)
            _ = try await host.response()
            try await host.line("/host \(Fixtures.token)")
            let hosting = UnderAttackTests.words(try await host.response())
            #expect(hosting.contains("Too many tokens that did not work"))
            #expect(hosting.contains("You are hosting."))
        }
    }

    @Test("a trusted network is many people: no per-address cap, and wrong codes count per connection")
    func trustedNetwork() async throws {
        let config = Fixtures.configuration {
            Self.slowed(&$0)
            $0.maxConnectionsPerAddress = 2
            $0.trustedNetworks = [NetworkRange("127.0.0.0/8")!]
        }
        try await withServer(config) { _, address in
            var clients: [TestClient] = []
            for _ in 0..<3 {
                let c = try await TestClient.connect(address)
                #expect(try await c.response().contains { $0.contains("Welcome to Tandem.") })
                clients.append(c)
            }
            for _ in 0..<4 {
                try await clients[0].line("/join ZZZZ-ZZZZ Ann")
                _ = try await clients[0].response()
            }
            try await clients[1].line("/join ZZZZ-ZZZZ Ben")
            #expect(UnderAttackTests.words(try await clients[1].response()) == RoomTests.noRoom, "not slowed by another connection's guesses")
        }
        try await withServer(Fixtures.configuration { $0.maxConnectionsPerAddress = 2 }) { _, address in
            for _ in 0..<2 { _ = try await TestClient.connect(address).response() }
            let third = try await TestClient.connect(address)
            #expect(try await third.untilClosed().contains("too many connections"))
        }
    }

    @Test("when the server is full, an address holding more than its share gives up a connection at the menu")
    func fairShare() async throws {
        try await withServer(Fixtures.configuration { $0.maxConnections = 3 }) { _, address in
            var crowd: [TestClient] = []
            for _ in 0..<3 {
                let c = try await TestClient.connect(address, from: "127.0.0.2")
                _ = try await c.response()
                crowd.append(c)
            }
            let newcomer = try await TestClient.connect(address, from: "127.0.0.3")
            #expect(try await newcomer.response().contains { $0.contains("Welcome to Tandem.") })
            #expect(try await crowd[0].untilClosed().contains("closed to let someone else in"))
            let another = try await TestClient.connect(address, from: "127.0.0.2")
            #expect(try await another.untilClosed().contains("too many connections"), "the crowd's own newcomers wait")
        }
    }

    @Test("a host at the menu is never the one closed to make room: they may be watching, or waiting for a /talk")
    func hostsAreNotClosedToMakeRoom() async throws {
        try await withServer(Fixtures.configuration { $0.maxConnections = 3 }) { _, address in
            // The oldest connection of the crowded address is a host, at the menu.
            let host = try await TestClient.connect(address, from: "127.0.0.2")
            _ = try await host.response()
            try await host.line("/host \(Fixtures.token)")
            _ = try await host.response()
            var crowd: [TestClient] = []
            for _ in 0..<2 {
                let c = try await TestClient.connect(address, from: "127.0.0.2")
                _ = try await c.response()
                crowd.append(c)
            }
            let newcomer = try await TestClient.connect(address, from: "127.0.0.3")
            #expect(try await newcomer.response().contains { $0.contains("Welcome to Tandem.") })
            // The next oldest at the menu went instead; the host is still there and still a host.
            #expect(try await crowd[0].untilClosed().contains("closed to let someone else in"))
            try await host.line("/sessions")
            let listed = UnderAttackTests.words(try await host.response())
            #expect(!listed.contains("closed to let someone else in"))
            #expect(!listed.contains("Only the host can do that"), "\(listed)")
        }
    }
}
