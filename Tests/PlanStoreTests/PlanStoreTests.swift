import DialogueEngine
import Foundation
import Synchronization
import GRDB
import TandemStore
import Testing
@testable import PlanStore

@Suite("The plan store")
struct PlanStoreTests {
    @Test("Journal round trip: every change comes back, in order, and replays to the same plan")
    func roundTrip() async throws {
        let folder = try TempFolder()
        let store = try PlanStore(path: folder.file("plans.sqlite"), options: TestData.options())
        var session = try await TestData.begin(store)
        try await TestData.play(Array(TestData.fullPlan.prefix(6)), into: &session, store: store)
        let id = try #require(session.plan?.id)

        let again = try await PlanStore(path: folder.file("plans.sqlite"), options: TestData.options()).open(id: id)
        #expect(!again.changes.isEmpty)
        #expect(again.dialogueID == "store-test")
        #expect(again.progress.dialogueVersion == 1)
        #expect(again.progress.contentHash == TestData.v1.contentHash)
        #expect(again.created == TestData.started)
        let replayed = again.conversation(TestData.v1, today: TestData.today)
        #expect(replayed.state == session.conversation.state)
        #expect(replayed.currentStep?.id == "best-time")
        #expect(replayed.state.answers["name"] == .text("Robin Zebrafinch"))
        #expect(replayed.state.answers["helps"] == .list(["A walk by the river", "Tea with Sam Quillfeather"]))
    }

    @Test("A plan opens by id or by code, in any case, with or without dashes")
    func openByIdOrCode() async throws {
        let store = try PlanStore.inMemory()
        let session = try await TestData.begin(store)
        let id = try #require(session.plan?.id), code = try #require(session.plan?.code)
        for typed in [id, id.uppercased(), code, code.lowercased(), code.replacingOccurrences(of: "-", with: ""), " \(code) "] {
            #expect(try await store.open(idOrCode: typed).id == id, "\(typed)")
        }
        #expect(try await store.open(code: code).id == id)
        await #expect(throws: StoreError.notFound) { try await store.open(code: id) }
        #expect(try await store.open(id: id).code == nil, "opened by its id: no code is made until one is needed")
    }

    @Test("Wrong, unknown and expired codes all give the same message")
    func notFoundIsOneMessage() async throws {
        let now = LockedDate(TestData.started)
        let store = try PlanStore.inMemory(options: TestData.options(clock: { now.value }))
        let code = try #require(try await TestData.begin(store).plan?.code)
        var messages: Set<String> = []
        for typed in ["", "nonsense!", "AAAA-AAAA-AAAA", "abcdefgh", String(code.dropLast()) + (code.last == "0" ? "1" : "0")] {
            do {
                _ = try await store.open(idOrCode: typed)
                Issue.record("\(typed) opened a plan")
            } catch {
                messages.insert(error.message)
                #expect(error.kind == .notFound)
            }
        }
        now.value = TestData.started.addingTimeInterval(181 * 24 * 3600)
        do { _ = try await store.open(code: code) } catch { messages.insert(error.message) }
        #expect(messages.count == 1)
        #expect(messages.first?.contains("180 days") == true)
    }

    @Test("A code keeps working while the plan is used, and stops 180 days after its last use")
    func expiry() async throws {
        let now = LockedDate(TestData.started)
        let store = try PlanStore.inMemory(options: TestData.options(clock: { now.value }))
        var session = try await TestData.begin(store)
        let id = try #require(session.plan?.id), code = try #require(session.plan?.code)
        now.value = TestData.started.addingTimeInterval(170 * 24 * 3600)
        try await TestData.play(["R"], into: &session, store: store)
        now.value = TestData.started.addingTimeInterval(340 * 24 * 3600)
        #expect(try await store.open(code: code).id == id)   // 170 days after the last change
        now.value = TestData.started.addingTimeInterval(521 * 24 * 3600)
        await #expect(throws: StoreError.notFound) { try await store.open(code: code) }
        await #expect(throws: StoreError.notFound) { try await store.open(code: code) }  // trying it does not bring it back
        #expect(try await store.open(id: id).id == id)  // the id still works on this computer
        #expect(try await store.read { try CodeRecord.fetchCount($0) } == 0)
    }

    @Test("A new code for a plan; the old one keeps working")
    func freshCode() async throws {
        let store = try PlanStore.inMemory()
        let session = try await TestData.begin(store)
        let id = try #require(session.plan?.id), first = try #require(session.plan?.code)
        let second = try await store.newCode(for: id)
        #expect(second != first)
        #expect(try await store.open(code: first).id == id)
        #expect(try await store.open(code: second).id == id)
        await #expect(throws: StoreError.notFound) { try await store.newCode(for: "zzzzzzzz") }
    }

    @Test("Codes are stored hashed, never as typed")
    func codesHashed() async throws {
        let folder = try TempFolder()
        let store = try PlanStore(path: folder.file("plans.sqlite"), options: TestData.options())
        let code = try #require(try await TestData.begin(store).plan?.code)
        let stored = try await store.read { try String.fetchAll($0, sql: "SELECT hash FROM resumeCode") }
        #expect(stored.count == 1)
        #expect(!stored[0].contains(code.replacingOccurrences(of: "-", with: "")))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: folder.file("plans.sqlite-wal"))) + Data(contentsOf: URL(fileURLWithPath: folder.file("plans.sqlite")))
        #expect(bytes.range(of: Data(code.replacingOccurrences(of: "-", with: "").utf8)) == nil)
        #expect(bytes.range(of: Data(code.utf8)) == nil)
    }

    @Test("list() shows progress and never an answer")
    func listing() async throws {
        let store = try PlanStore.inMemory()
        var session = try await TestData.begin(store)
        let id = try #require(session.plan?.id)
        try await TestData.play(Array(TestData.fullPlan.prefix(3)), into: &session, store: store)
        _ = try await TestData.begin(store)
        let plans = try await store.list()
        #expect(plans.count == 2)
        let mine = try #require(plans.first { $0.id == id })
        #expect(mine.answered == 3)
        #expect(mine.part == 2 && mine.parts == 3)
        #expect(!mine.finished)
        #expect(mine.dialogueTitle == "A plan for testing the store")
        let encoded = String(decoding: try JSONEncoder().encode(plans), as: UTF8.self)
        #expect(!encoded.contains("Zebrafinch"))

        try await TestData.play(Array(TestData.fullPlan.dropFirst(3)), into: &session, store: store)
        #expect(session.conversation.isFinished)
        #expect(try await store.list().first { $0.id == id }?.finished == true)
    }

    @Test("delete() removes the plan, its journal and its codes, and no answer is left in the files")
    func deleting() async throws {
        let folder = try TempFolder()
        let path = folder.file("plans.sqlite")
        let store = try PlanStore(path: path, options: TestData.options())
        var session = try await TestData.begin(store)
        try await TestData.play(TestData.fullPlan, into: &session, store: store)
        var other = try await TestData.begin(store)
        try await TestData.play(["Kept Person"], into: &other, store: store)
        let id = try #require(session.plan?.id), otherID = try #require(other.plan?.id)
        let otherChanges = try await store.open(id: otherID).changes

        try await store.delete(id: id)
        await #expect(throws: StoreError.notFound) { try await store.open(id: id) }
        await #expect(throws: StoreError.notFound) { try await store.delete(id: id) }
        #expect(try await store.list().map(\.id) == [otherID])
        #expect(try await store.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM event WHERE planID = ?", arguments: [id]) } == 0)
        for file in folder.allFiles() {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
            for secret in TestData.secrets {
                #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(secret) is still in \(file)")
            }
        }
        #expect(try await store.open(id: otherID).changes == otherChanges)
    }

    @Test("Two stores on one file (two programs): both append, neither loses the other's changes")
    func twoWriters() async throws {
        let folder = try TempFolder()
        let path = folder.file("plans.sqlite")
        let a = try PlanStore(path: path, options: TestData.options())
        let b = try PlanStore(path: path, options: TestData.options())
        let progress = TestData.startProgress
        let plan = try await a.begin(progress)
        try await a.append([.answered(step: "name", value: .text("A"))], to: plan.id, progress: progress)
        try await b.append([.answered(step: "mood", value: .number(3))], to: plan.id, progress: progress)
        try await a.append([.answered(step: "sleep-hours", value: .number(7))], to: plan.id, progress: progress)
        let expected: [Change] = [
            .answered(step: "name", value: .text("A")), .answered(step: "mood", value: .number(3)), .answered(step: "sleep-hours", value: .number(7)),
        ]
        #expect(try await a.open(id: plan.id).changes == expected)
        await withTaskGroup(of: Void.self) { group in
            for i in 0..<40 {
                group.addTask { try? await (i % 2 == 0 ? a : b).append([.answered(step: "name", value: .text("n\(i)"))], to: plan.id, progress: progress) }
            }
        }
        #expect(try await b.open(id: plan.id).changes.count == 43)
    }

    @Test("A plan deleted by another program cannot be written to, and nothing is half-saved")
    func deletedElsewhere() async throws {
        let folder = try TempFolder()
        let path = folder.file("plans.sqlite")
        let a = try PlanStore(path: path, options: TestData.options())
        let progress = TestData.startProgress
        let plan = try await a.begin(progress)
        try await PlanStore(path: path, options: TestData.options()).delete(id: plan.id)
        await #expect(throws: StoreError.notFound) { try await a.append([.answered(step: "name", value: .text("x"))], to: plan.id, progress: progress) }
        #expect(try await a.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM event") } == 0)
    }

    @Test("Many people answering at once: every answer kept, in order, and answers that arrive together share a commit")
    func groupCommit() async throws {
        let folder = try TempFolder()
        let path = folder.file("plans.sqlite")
        let store = try PlanStore(path: path, options: TestData.options())
        let progress = TestData.startProgress
        var plans: [String] = []
        for _ in 0..<8 { plans.append(try await store.begin(progress).id) }
        let perPlan = 40
        await withTaskGroup(of: Void.self) { group in
            for (n, plan) in plans.enumerated() {
                group.addTask {
                    for i in 0..<perPlan {
                        try? await store.append([.answered(step: "name", value: .text("plan \(n) answer \(i)"))], to: plan, progress: progress)
                    }
                }
            }
        }
        let reopened = try PlanStore(path: path, options: TestData.options())
        for (n, plan) in plans.enumerated() {
            let texts = try await reopened.open(id: plan).changes.compactMap { change -> String? in
                if case .answered("name", .text(let t)) = change { return t }
                return nil
            }
            #expect(texts == (0..<perPlan).map { "plan \(n) answer \($0)" })
        }
        let (commits, appends) = (store.journal.commits, store.journal.appends)
        #expect(appends == plans.count * perPlan)
        #expect(commits < appends, "some answers shared a commit: \(commits) commits for \(appends)")
    }

    @Test("Many people starting at once: every plan made, with its own working code, and starts that arrive together share a commit")
    func startsShareCommits() async throws {
        let folder = try TempFolder()
        let path = folder.file("plans.sqlite")
        let store = try PlanStore(path: path, options: TestData.options())
        let progress = TestData.startProgress
        let count = 60
        let started = await withTaskGroup(of: StoredPlan?.self) { group in
            for _ in 0..<count { group.addTask { try? await store.begin(progress) } }
            var plans: [StoredPlan] = []
            for await plan in group { if let plan { plans.append(plan) } }
            return plans
        }
        #expect(started.count == count)
        #expect(Set(started.map(\.id)).count == count, "every plan has an id of its own")
        let reopened = try PlanStore(path: path, options: TestData.options())
        #expect(try await reopened.list().count == count)
        for plan in started {
            let code = try #require(plan.code)
            let again = try await reopened.open(code: code)
            #expect(again.id == plan.id)
            #expect(again.progress == progress)
            #expect(abs(again.created.timeIntervalSince(plan.created)) < 0.001, "kept to the millisecond")
            #expect(again.changes.isEmpty)
        }
        #expect(store.journal.begun == count)
        #expect(store.journal.commits < count, "some starts shared a commit: \(store.journal.commits) commits for \(count)")
    }

    @Test("defaultPath: TANDEM_STORE, else XDG_DATA_HOME, else ~/.local/share")
    func defaultPath() {
        #expect(PlanStore.defaultPath(environment: ["TANDEM_STORE": "/x/p.sqlite", "XDG_DATA_HOME": "/d", "HOME": "/h"]) == "/x/p.sqlite")
        #expect(PlanStore.defaultPath(environment: ["TANDEM_STORE": "~/p.sqlite", "HOME": "/h"]) == "/h/p.sqlite")
        #expect(PlanStore.defaultPath(environment: ["XDG_DATA_HOME": "/d", "HOME": "/h"]) == "/d/tandem/plans.sqlite")
        #expect(PlanStore.defaultPath(environment: ["XDG_DATA_HOME": "relative", "HOME": "/h"]) == "/h/.local/share/tandem/plans.sqlite")
        #expect(PlanStore.defaultPath(environment: ["HOME": "/h"]) == "/h/.local/share/tandem/plans.sqlite")
    }

    @Test("~ is $HOME in every path Tandem expands; the account's home only when HOME is unset or empty")
    func tildeIsHome() {
        #expect(HomeFolder.expandTilde("~/plan.json", environment: ["HOME": "/h"]) == "/h/plan.json")
        #expect(HomeFolder.expandTilde("~", environment: ["HOME": "/h"]) == "/h")
        #expect(HomeFolder.expandTilde("~/a/b.md", environment: ["HOME": "/h/"]) == "/h/a/b.md")
        #expect(HomeFolder.expandTilde("~/x", environment: ["HOME": "/"]) == "/x")
        for unchanged in ["plan.json", "/abs/plan.json", "~sam/plan.json", "a/~/b", ""] {
            #expect(HomeFolder.expandTilde(unchanged, environment: ["HOME": "/h"]) == unchanged)
        }
        let account = NSHomeDirectory()
        #expect(HomeFolder.path(environment: [:]) == account)
        #expect(HomeFolder.path(environment: ["HOME": ""]) == account)
        #expect(HomeFolder.expandTilde("~/p", environment: ["HOME": ""]) == account + "/p")
    }
}

/// A date the test moves forward, read by the store's clock from any thread.
final class LockedDate: Sendable {
    private let date: Mutex<Date>
    init(_ date: Date) { self.date = Mutex(date) }
    var value: Date {
        get { date.withLock { $0 } }
        set { date.withLock { $0 = newValue } }
    }
}
