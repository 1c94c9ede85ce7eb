import DialogueEngine
import Foundation
import GRDB
import Testing

@testable import PlanStore

/// Seat codes in a group's plan are kept only as a SHA-256 hash, as resume codes are: never as
/// typed. A row written before they were (the code as typed) still takes its person back.
@Suite("Seat codes kept as a hash")
struct SeatHashTests {
    @Test("a seat code is written as its hash, any way it is typed, and read back as it")
    func written() throws {
        let hash = SeatHash.of("KQ7-4MT")
        #expect(hash.hasPrefix(Room.keptSeatPrefix) && hash.count == Room.keptSeatPrefix.count + 64)
        #expect(SeatHash.of("kq7 4mt") == hash && SeatHash.of("KQ74MT") == hash && SeatHash.of(hash) == hash)
        #expect(SeatHash.of("TX4-9WP") != hash)
        for change in [Change.seated(seat: "KQ7-4MT", name: "Asha"), .held(step: "hopes", name: "Asha", seat: "KQ7-4MT", host: false, value: .text("Kindness"))] {
            let json = try ChangeCoding.encode(change)
            #expect(!json.contains("KQ7") && !json.contains("KQ74MT"), "\(json)")
            #expect(try ChangeCoding.decode(json, path: "test") == SeatHash.kept(change))
        }
        // The host's held answer has no seat: written as it is.
        let hosts = Change.held(step: "hopes", name: "Sam", seat: nil, host: true, value: nil)
        #expect(try ChangeCoding.decode(try ChangeCoding.encode(hosts), path: "test") == hosts)
    }

    @Test("a row written before seat codes were hashed is read as its hash")
    func olderRows() throws {
        let old = #"{"seated":{"name":"Cara","seat":"MN3-RRT"}}"#
        #expect(try ChangeCoding.decode(old, path: "test") == .seated(seat: SeatHash.of("MN3-RRT"), name: "Cara"))
        let oldHeld = #"{"held":{"host":false,"name":"Cara","seat":"MN3-RRT","step":"hopes","value":{"type":"text","value":"Tea"}}}"#
        #expect(try ChangeCoding.decode(oldHeld, path: "test") == .held(step: "hopes", name: "Cara", seat: SeatHash.of("MN3-RRT"), host: false, value: .text("Tea")))
    }

    @Test("on disk: no seat code as typed in the store's files; after a restart each code, an older row's too, takes its person back")
    func onDisk() async throws {
        let folder = try TempFolder()
        let path = folder.file("plans.sqlite")
        let script = try #require(ScriptLoader.load(text: RoomHeldRestartTests.dialogue, file: "group-test.yaml").script)
        let store = try PlanStore(path: path, options: TestData.options())
        let conversation = Conversation(script: script, today: TestData.today)
        let plan = try await store.begin(PlanProgress(conversation))
        let session = Session(conversation: conversation, support: TestData.support, plan: plan.info)
        var kept = RoomHeldRestartTests.KeptRoom(room: Room(code: "K7QM-4TZD", session: session, host: .init(id: "h", name: "Sam")), store: store, planID: plan.id)
        try await kept.take { $0.open() }
        try await kept.take { $0.join(id: "a", name: "Asha", seat: "KQ7-4MT").deliveries }
        try await kept.take { $0.join(id: "b", name: "Ben", seat: "TX4-9WP").deliveries }
        try await kept.take { $0.handle("Tea", from: "h") }
        try await kept.take { $0.handle("", from: "h") }
        try await kept.take { $0.handle("Kindness", from: "a") }
        // A seat kept by an older Tandem, as typed.
        try await TestData.rawQueue(path).write { db in
            try db.execute(sql: "INSERT INTO event (planID, at, change) VALUES (?, '2026-12-01 10:00:00.000', ?)", arguments: [plan.id, #"{"seated":{"name":"Cara","seat":"MN3-RRT"}}"#])
        }
        var bytes = Data()
        for file in folder.allFiles() { bytes += (try? Data(contentsOf: URL(fileURLWithPath: file))) ?? Data() }
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("Kindness"), "the files are read whole")
        for code in ["KQ7-4MT", "KQ74MT", "TX4-9WP", "TX49WP"] { #expect(!text.contains(code), "\(code) is on disk as typed") }

        // The server is killed here; a new one opens the same file.
        let again = try PlanStore(path: path, options: TestData.options())
        let read = try await again.open(id: plan.id)
        var reopened = read.session(script, support: TestData.support, today: TestData.today)
        let opening = reopened.resumeAsRoom()
        var room = Room(code: "R3DK-9PQW", session: reopened, host: .init(id: "h2", name: "Sam"))
        _ = room.reopen(opening: opening, seatsBefore: Room.seatsGiven(in: read.changes))
        // Without the store's hash, a code is no seat: the room never holds the codes themselves.
        #expect(room.comeBack(id: "x", seat: "TX4-9WP") == .wrongSeat)
        guard case .back(let asha, let told) = room.comeBack(id: "a2", seat: "KQ7-4MT", kept: again.keptSeat("kq7 4mt")) else { Issue.record("Asha is not back"); return }
        #expect(asha == "Asha")
        // Told her code as she typed it, never its hash; and her answer is hers again.
        let welcome = told.filter { $0.to == "a2" }.flatMap(\.events)
        #expect(welcome.contains(.room(.welcome(name: "Asha", title: "Group test", others: ["Sam"], seat: "KQ7-4MT", code: "R3DK-9PQW"))), "\(welcome)")
        #expect(welcome.contains(.room(.kept(count: 1, of: 2, changed: false, back: true))), "\(welcome)")
        guard case .back(let ben, _) = room.comeBack(id: "b2", seat: "TX4-9WP", kept: again.keptSeat("TX4-9WP")) else { Issue.record("Ben is not back"); return }
        #expect(ben == "Ben")
        guard case .back(let cara, _) = room.comeBack(id: "c2", seat: "MN3-RRT", kept: again.keptSeat("MN3-RRT")) else { Issue.record("Cara (an older row) is not back"); return }
        #expect(cara == "Cara")
        #expect(room.comeBack(id: "y", seat: "ACD-3E4", kept: again.keptSeat("ACD-3E4")) == .wrongSeat)
    }
}
