import DialogueEngine
import NIOCore
import Testing

@testable import LineServer

/// `/export FILE` over the network: no file is ever written on the server, and the person is told
/// so plainly, whatever the file's kind (`plan.pdf` too), and shown the plan to copy instead.
@Suite("Export to a file over TCP")
struct NetworkExportTests {
    static let words = "Files cannot be saved over the network, so here is your plan instead. To keep a copy, copy it from here and paste it into a document of your own."

    @Test("in a plan: /export plan.pdf, plan.txt or markdown plan.md says files cannot be saved over the network, and shows the plan")
    func inAPlan() async throws {
        try await withServer { _, address in
            let c = try await TestClient.connect(address)
            _ = try await c.response()
            try await c.line("/start 1")
            _ = try await c.response()
            for (typed, shows) in [("/export plan.pdf", "Looking after me too"), ("/export plan.txt", "Looking after me too"), ("/export markdown plan.md", "# Looking after me too"), ("/export \"My Plan.docx\"", "Looking after me too")] {
                try await c.line(typed)
                let shown = try await c.response()
                #expect(RoomTests.words(shown).hasPrefix(Self.words), "\(typed): \(shown)")
                #expect(shown.contains { $0.hasPrefix(shows) }, "\(typed): the plan is shown: \(shown)")
                #expect(!RoomTests.words(shown).contains("I cannot make"), "\(typed)")
            }
        }
    }

    @Test("in a group room: someone's /export plan.pdf says the same")
    func inARoom() async throws {
        try await withServer { _, address in
            let (host, code) = try await RoomTests.openRoom(address)
            let (asha, _) = try await RoomTests.join(address, code: code, name: "Asha")
            _ = try await host.response()
            try await asha.line("/export plan.pdf")
            #expect(RoomTests.words(try await asha.response()).hasPrefix(Self.words))
            try await host.line("/export plan.pdf")
            #expect(RoomTests.words(try await host.response()).hasPrefix(Self.words))
        }
    }
}
