import Foundation
import Testing

@testable import DialogueEngine

/// docs/protocol.md names every field a client gets in a group room's objects: a client developer
/// writes to that page, so a field the server sends and the page leaves out is a field no one reads.
@Suite struct ProtocolFieldsDocsTests {
    typealias T = TestSupport

    static func keys(_ value: JSONValue) -> Set<String> {
        switch value {
        case .object(let pairs): pairs.reduce(into: Set(pairs.map(\.key))) { $0.formUnion(keys($1.value)) }
        case .array(let items): items.reduce(into: Set()) { $0.formUnion(keys($1)) }
        default: []
        }
    }

    @Test func everyFieldOfARoomsObjectsIsNamed() throws {
        let text = try String(contentsOf: T.packageRoot.appendingPathComponent("docs/protocol.md"), encoding: .utf8)
        let rooms = RoomTests()
        var room = try rooms.room()
        var events = rooms.events(room.open(), for: "h")
        let (_, joined) = room.join(id: "a", name: "Asha", seat: "KQ7-4MT")
        events += rooms.events(joined, for: "a")
        _ = room.handle("A safer ward", from: "h")
        // Someone in the room, not its host: the group's answers, which only the host changes.
        for line in ["/review", "/progress", "/people", "Kindness"] { events += rooms.events(room.handle(line, from: "a"), for: "a") }
        events += rooms.events(room.close(), for: "a")
        var missing: [String] = []
        for event in events {
            for key in Self.keys(JSONRenderer.encode(event)).sorted() where !text.contains("`\(key)`") {
                missing.append("\(key) (in \(JSONRenderer.encode(event).serialized().prefix(60)))")
            }
        }
        #expect(missing.isEmpty, "\(missing)")
    }
}
