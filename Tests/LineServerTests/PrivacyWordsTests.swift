@testable import DialogueEngine
import Foundation
import NIOCore
import PlanStore
import Testing

@testable import LineServer
import TandemProtocol
import TandemStore
import TandemDoors

/// Where answers go is said by the door, truly: over the network they go to the host's computer,
/// encrypted or not, and in a room everyone sees the group's answers. No dialogue's text says it.
@Suite("The door's words about where answers go")
struct PrivacyWordsTests {
    static func opening(_ address: SocketAddress, tls: Bool = false, line: String = "/start 1") async throws -> String {
        let c = try await TestClient.connect(address, tls: tls ? try TestCertificate.clientContext() : nil)
        _ = try await c.response()
        try await c.line(line)
        return UnderAttackTests.words(try await c.response())
    }

    @Test("a plain connection, with a store: sent to the host's computer and saved there, not encrypted, /share")
    func plainWithStore() async throws {
        let folder = try TemporaryDirectory()
        try await withServer(Fixtures.configuration(store: try PlanStore(path: folder.path + "/p.sqlite"))) { _, address in
            let said = try await Self.opening(address)
            #expect(said.contains("Where your answers go: they are sent over the network to the computer that runs this session, and saved there. The connection is not encrypted, so someone on the same network could read them. The host sees your answers only if you type /share."))
            #expect(!said.contains("Nothing is sent anywhere"))
            #expect(!said.contains("kept only on the computer"))
        }
    }

    @Test("TLS without a store: encrypted, and not saved")
    func tlsWithoutStore() async throws {
        try await withServer(try TLSTests.configuration()) { _, address in
            let said = try await Self.opening(address, tls: true)
            #expect(said.contains("sent over the network to the computer that runs this session, and not saved. The connection is encrypted."))
        }
    }

    @Test("a group room: everyone in the group sees the group's answers")
    func room() async throws {
        try await withServer { _, address in
            let (host, code) = try await RoomTests.openRoom(address)
            #expect(UnderAttackTests.words(host.everything.split(separator: "\r\n").map(String.init)).contains("Where your answers go: everyone in this group sees the group's answers, and everything you type here."))
            let (_, welcome) = try await RoomTests.join(address, code: code, name: "Asha")
            #expect(UnderAttackTests.words(welcome).contains("Where your answers go: everyone in this group sees the group's answers"))
        }
    }

    @Test("no shipped dialogue says where answers are kept: the words come from the door")
    func noDialogueClaims() throws {
        for script in Fixtures.library.scripts {
            let intro = script.intro?.source.lowercased() ?? ""
            for claim in Checker.storageClaims { #expect(!intro.contains(claim), "\(script.id) says \"\(claim)\"") }
        }
        #expect(!Fixtures.library.diagnostics.contains { $0.code == .storageClaim })
    }
}
