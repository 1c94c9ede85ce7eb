import DialogueEngine
import PlanStore
import Testing

@testable import LineServer

/// A group's plan deleted while its room is open (`tandem delete` on the server's computer), as a
/// plan of one's own is taken: the turn is kept, everyone is told once that the plan is no longer
/// saved, and closing gives no code that could not work.
@Suite("Group rooms: the group's plan deleted while open")
struct RoomPlanGoneTests {
    static func words(_ lines: [String]) -> String { RoomTests.words(lines) }

    @Test("the group carries on unsaved, told once, and closing offers no code")
    func groupPlanDeletedWhileOpen() async throws {
        let store = try PlanStore.inMemory()
        try await withServer(Fixtures.configuration(store: store)) { _, address in
            let (host, code) = try await RoomTests.openRoom(address)
            let (asha, _) = try await RoomTests.join(address, code: code, name: "Asha")
            _ = try await host.response()
            let id = try #require(try await store.list().first?.id)
            try await store.delete(id: id)

            try await host.line("A kinder waiting room")
            let told = Self.words(try await host.response())
            #expect(told.contains("This group's plan is no longer saved"), "\(told)")
            #expect(!told.contains("Please try again"), "trying again could never work: \(told)")
            #expect(told.contains("Where is our group"), "the group moved on: \(told)")
            let heard = Self.words(try await asha.response())
            #expect(heard.contains("This group's plan is no longer saved"), "\(heard)")

            try await asha.line("5")
            let next = Self.words(try await asha.response())
            _ = try await host.response()
            #expect(!next.contains("no longer saved") && !next.contains("could not save"), "told once: \(next)")

            try await host.line("/room close \(code)")
            let closing = Self.words(try await host.response())
            #expect(closing.contains("The group room is closed.") && !closing.contains("is saved with the code") && !closing.contains("/room resume"), "\(closing)")
        }
    }
}
