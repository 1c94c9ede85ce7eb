import DialogueEngine
import Foundation
import GRDB
import Testing
@testable import PlanStore

@Suite("The plan store")
struct PlanStoreTests {
    /// A session on a new plan in `store`, with the handle as its journal.
    func newSession(_ store: PlanStore, script: Script = TestData.v1) throws -> (PlanHandle, Session) {
        let plan = try store.begin(script: script)
        var session = Session(conversation: Conversation(script: script, today: TestData.today), support: TestData.support, journal: plan)
        _ = session.start()
        return (plan, session)
    }

    @Test("Journal round trip: every change comes back, in order, and replays to the same plan")
    func roundTrip() throws {
        let folder = try TempFolder()
        let store = try PlanStore(path: folder.file("plans.sqlite"), options: TestData.options())
        var (plan, session) = try newSession(store)
        TestData.play(Array(TestData.fullPlan.prefix(6)), into: &session)
        #expect(!plan.changes.isEmpty)

        let again = try PlanStore(path: folder.file("plans.sqlite"), options: TestData.options()).open(plan.id)
        #expect(again.changes == plan.changes)
        #expect(again.dialogueID == "store-test")
        #expect(again.dialogueVersion == 1)
        #expect(again.contentHash == TestData.v1.contentHash)
        #expect(again.created == TestData.started)
        let replayed = again.conversation(script: TestData.v1, today: TestData.today)
        #expect(replayed.state == session.conversation.state)
        #expect(replayed.currentStep?.id == "best-time")
        #expect(replayed.state.answers["name"] == .text("Robin Zebrafinch"))
        #expect(replayed.state.answers["helps"] == .list(["A walk by the river", "Tea with Sam Quillfeather"]))
    }

    @Test("A plan opens by id or by code, in any case, with or without dashes")
    func openByIdOrCode() throws {
        let store = try PlanStore.inMemory()
        let plan = try store.begin(script: TestData.v1)
        let code = try #require(plan.resumeCode)
        for typed in [plan.id, plan.id.uppercased(), code, code.lowercased(), code.replacingOccurrences(of: "-", with: ""), " \(code) "] {
            #expect(try store.open(typed).id == plan.id, "\(typed)")
        }
        #expect(try store.open(code: code).id == plan.id)
        #expect(throws: StoreError.notFound) { try store.open(code: plan.id) }
    }

    @Test("Wrong, unknown and expired codes all give the same message")
    func notFoundIsOneMessage() throws {
        let now = LockedDate(TestData.started)
        let store = try PlanStore.inMemory(options: TestData.options(clock: { now.value }))
        let plan = try store.begin(script: TestData.v1)
        let code = try #require(plan.resumeCode)
        var messages: Set<String> = []
        for typed in ["", "nonsense!", "AAAA-AAAA-AAAA", "abcdefgh", String(code.dropLast()) + (code.last == "0" ? "1" : "0")] {
            #expect(throws: StoreError.self) { try store.open(typed) }
            do { _ = try store.open(typed) } catch let error as StoreError { messages.insert(error.message); #expect(error.kind == .notFound) }
        }
        now.value = TestData.started.addingTimeInterval(181 * 24 * 3600)
        do { _ = try store.open(code) } catch let error as StoreError { messages.insert(error.message) }
        #expect(messages.count == 1)
        #expect(messages.first?.contains("180 days") == true)
    }

    @Test("A code keeps working while the plan is used, and stops 180 days after its last use")
    func expiry() throws {
        let now = LockedDate(TestData.started)
        let store = try PlanStore.inMemory(options: TestData.options(clock: { now.value }))
        let plan = try store.begin(script: TestData.v1)
        let code = try #require(plan.resumeCode)
        now.value = TestData.started.addingTimeInterval(170 * 24 * 3600)
        try plan.record([.answered(step: "name", value: .text("R"))])
        now.value = TestData.started.addingTimeInterval(340 * 24 * 3600)
        #expect(try store.open(code).id == plan.id)   // 170 days after the last change
        now.value = TestData.started.addingTimeInterval(521 * 24 * 3600)
        #expect(throws: StoreError.notFound) { try store.open(code) }
        #expect(throws: StoreError.notFound) { try store.open(code) }  // trying it does not bring it back
        #expect(try store.open(plan.id).id == plan.id)  // the id still works on this computer
        #expect(try store.read { try CodeRecord.fetchCount($0) } == 0)
    }

    @Test("Opening by id makes a new code; the old one keeps working")
    func freshCodeForId() throws {
        let store = try PlanStore.inMemory()
        let plan = try store.begin(script: TestData.v1)
        let first = try #require(plan.resumeCode)
        let byID = try store.open(plan.id)
        let second = try #require(byID.resumeCode)
        #expect(second != first)
        #expect(byID.resumeCode == second)  // made once
        #expect(try store.open(first).id == plan.id)
        #expect(try store.open(second).id == plan.id)
    }

    @Test("Codes are stored hashed, never as typed")
    func codesHashed() throws {
        let folder = try TempFolder()
        let store = try PlanStore(path: folder.file("plans.sqlite"), options: TestData.options())
        let plan = try store.begin(script: TestData.v1)
        let code = try #require(plan.resumeCode)
        let stored = try store.read { try String.fetchAll($0, sql: "SELECT hash FROM resumeCode") }
        #expect(stored.count == 1)
        #expect(!stored[0].contains(code.replacingOccurrences(of: "-", with: "")))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: folder.file("plans.sqlite-wal"))) + Data(contentsOf: URL(fileURLWithPath: folder.file("plans.sqlite")))
        #expect(bytes.range(of: Data(code.replacingOccurrences(of: "-", with: "").utf8)) == nil)
        #expect(bytes.range(of: Data(code.utf8)) == nil)
    }

    @Test("list() shows progress and never an answer")
    func listing() throws {
        let store = try PlanStore.inMemory()
        var (plan, session) = try newSession(store)
        TestData.play(Array(TestData.fullPlan.prefix(3)), into: &session)
        let (_, _) = try newSession(store)
        let plans = try store.list()
        #expect(plans.count == 2)
        let mine = try #require(plans.first { $0.id == plan.id })
        #expect(mine.answered == 3)
        #expect(mine.part == 2 && mine.parts == 3)
        #expect(!mine.finished)
        #expect(mine.dialogueTitle == "A plan for testing the store")
        let encoded = String(decoding: try JSONEncoder().encode(plans), as: UTF8.self)
        #expect(!encoded.contains("Zebrafinch"))

        TestData.play(Array(TestData.fullPlan.dropFirst(3)), into: &session)
        #expect(session.conversation.isFinished)
        #expect(try store.list().first { $0.id == plan.id }?.finished == true)
        #expect(plan.isFinished)
    }

    @Test("delete() removes the plan, its journal and its codes, and no answer is left in the files")
    func deleting() throws {
        let folder = try TempFolder()
        let path = folder.file("plans.sqlite")
        let store = try PlanStore(path: path, options: TestData.options())
        var (plan, session) = try newSession(store)
        TestData.play(TestData.fullPlan, into: &session)
        var (other, otherSession) = try newSession(store)
        TestData.play(["Kept Person"], into: &otherSession)
        let code = try #require(plan.resumeCode)

        try store.delete(code)
        #expect(throws: StoreError.notFound) { try store.open(plan.id) }
        #expect(throws: StoreError.notFound) { try store.delete(plan.id) }
        #expect(try store.list().map(\.id) == [other.id])
        #expect(try store.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM event WHERE planID = ?", arguments: [plan.id]) } == 0)
        for file in folder.allFiles() {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
            for secret in TestData.secrets {
                #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(secret) is still in \(file)")
            }
        }
        #expect(try store.open(other.id).changes == other.changes)
        _ = other
    }

    @Test("Two stores on one file (two programs): both append, neither loses the other's changes")
    func twoWriters() throws {
        let folder = try TempFolder()
        let path = folder.file("plans.sqlite")
        let a = try PlanStore(path: path, options: TestData.options())
        let b = try PlanStore(path: path, options: TestData.options())
        let planA = try a.begin(script: TestData.v1)
        let planB = try b.open(planA.id)
        try planA.record([.answered(step: "name", value: .text("A"))])
        try planB.record([.answered(step: "mood", value: .number(3))])
        try planA.record([.answered(step: "sleep-hours", value: .number(7))])
        let expected: [Change] = [
            .answered(step: "name", value: .text("A")), .answered(step: "mood", value: .number(3)), .answered(step: "sleep-hours", value: .number(7)),
        ]
        #expect(planA.changes == expected)
        #expect(try a.open(planA.id).changes == expected)

        DispatchQueue.concurrentPerform(iterations: 40) { i in
            try? (i % 2 == 0 ? planA : planB).record([.answered(step: "name", value: .text("n\(i)"))])
        }
        #expect(try b.open(planA.id).changes.count == 43)
    }

    @Test("A plan deleted by another program cannot be written to, and nothing is half-saved")
    func deletedElsewhere() throws {
        let folder = try TempFolder()
        let path = folder.file("plans.sqlite")
        let a = try PlanStore(path: path, options: TestData.options())
        let plan = try a.begin(script: TestData.v1)
        try PlanStore(path: path, options: TestData.options()).delete(plan.id)
        #expect(throws: StoreError.notFound) { try plan.record([.answered(step: "name", value: .text("x"))]) }
        #expect(try a.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM event") } == 0)
        #expect(plan.changes.isEmpty)
    }

    @Test("defaultPath: TANDEM_STORE, else XDG_DATA_HOME, else ~/.local/share")
    func defaultPath() {
        #expect(PlanStore.defaultPath(environment: ["TANDEM_STORE": "/x/p.sqlite", "XDG_DATA_HOME": "/d", "HOME": "/h"]) == "/x/p.sqlite")
        #expect(PlanStore.defaultPath(environment: ["TANDEM_STORE": "~/p.sqlite", "HOME": "/h"]) == "/h/p.sqlite")
        #expect(PlanStore.defaultPath(environment: ["XDG_DATA_HOME": "/d", "HOME": "/h"]) == "/d/tandem/plans.sqlite")
        #expect(PlanStore.defaultPath(environment: ["XDG_DATA_HOME": "relative", "HOME": "/h"]) == "/h/.local/share/tandem/plans.sqlite")
        #expect(PlanStore.defaultPath(environment: ["HOME": "/h"]) == "/h/.local/share/tandem/plans.sqlite")
    }
}

/// A date the test moves forward, read by the store's clock from any thread.
final class LockedDate: @unchecked Sendable {
    private let lock = NSLock()
    private var date: Date
    init(_ date: Date) { self.date = date }
    var value: Date {
        get { lock.withLock { date } }
        set { lock.withLock { date = newValue } }
    }
}
