import DialogueEngine
import Foundation
import Testing

@testable import PlanStore

/// A group room's turns kept in a real store on disk, as a server keeps them; then the store is
/// opened again from its file, as a server that was killed and started again opens it.
@Suite("Group rooms: held answers in the store across a restart")
struct RoomHeldRestartTests {
    static let dialogue = """
        dialogue: group-test
        version: 1
        title: Group test
        sections:
          - id: part
            title: Part one
            steps:
              - id: ideas
                ask: What ideas do we have?
                answer: list
              - id: hopes
                ask: What do you hope for from it?
                answer: text
                who: everyone
              - id: often
                ask: How often should we meet?
                answer: pick-one
                options:
                  weekly: Weekly
                  monthly: Monthly
        """

    /// A room whose every turn is kept in `store` before it is taken, as `RoomKeeper` does.
    struct KeptRoom {
        var room: Room
        let store: PlanStore
        let planID: String

        mutating func take(_ change: (inout Room) -> [Room.Delivery]) async throws {
            let turn = room.turn(change)
            if !turn.changes.isEmpty { try await store.append(turn.changes, to: planID, progress: turn.progress) }
            room.accept(turn)
        }
    }

    @Test("answers held, the host goes back and changes the list before: after a restart the room opens at the question with both answers held")
    func heldAnswersSurviveARestartAfterTheHostWentBack() async throws {
        let folder = try TempFolder()
        let path = folder.file("plans.sqlite")
        let script = try #require(ScriptLoader.load(text: Self.dialogue, file: "group-test.yaml").script)
        let store = try PlanStore(path: path, options: TestData.options())
        let conversation = Conversation(script: script, today: TestData.today)
        let plan = try await store.begin(PlanProgress(conversation))
        let session = Session(conversation: conversation, support: TestData.support, plan: plan.info)
        var kept = KeptRoom(room: Room(code: "K7QM-4TZD", session: session, host: .init(id: "h", name: "Sam")), store: store, planID: plan.id)
        try await kept.take { $0.open() }
        try await kept.take { $0.join(id: "a", name: "Asha", seat: "KQ7-4MT").deliveries }
        try await kept.take { $0.join(id: "b", name: "Ben", seat: "TX4-9WP").deliveries }
        try await kept.take { $0.handle("Tea", from: "h") }
        try await kept.take { $0.handle("", from: "h") }
        try await kept.take { $0.handle("Kindness", from: "a") }
        try await kept.take { $0.handle("Time to talk", from: "b") }
        try await kept.take { $0.handle("/back", from: "h") }
        try await kept.take { $0.handle("Cake", from: "h") }
        #expect(kept.room.session.conversation.currentStep?.id == "ideas")

        // The server is killed here; a new one opens the same file.
        let again = try await PlanStore(path: path, options: TestData.options()).open(id: plan.id)
        var reopened = again.session(script, support: TestData.support, today: TestData.today)
        #expect(reopened.conversation.state.held.map(\.name) == ["Asha", "Ben"])
        let opening = reopened.resumeAsRoom()
        var room = Room(code: "R3DK-9PQW", session: reopened, host: .init(id: "h2", name: "Sam"))
        let told = room.reopen(opening: opening).flatMap(\.events)
        #expect(room.session.conversation.currentStep?.id == "hopes")
        #expect(told.contains(.room(.answered(name: "Asha", count: 1, of: 3))))
        #expect(told.contains(.room(.answered(name: "Ben", count: 2, of: 3))))
        guard case .back(let name, _) = room.comeBack(id: "b2", seat: "TX4-9WP", kept: store.keptSeat("TX4-9WP")) else { Issue.record("Ben is not back at his seat"); return }
        #expect(name == "Ben")
    }
}
