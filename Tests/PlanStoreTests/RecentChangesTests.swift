import DialogueEngine
import Foundation
import GRDB
import TandemStore
import Testing
@testable import PlanStore

/// The newest changes wait in `recent` and are folded into `event` and `plan` every so many rows
/// (`RecentChanges`). Whether a change has been folded yet must never show.
@Suite("Recent changes and their fold")
struct RecentChangesTests {
    /// A store that folds every `foldEvery` rows, on `path`.
    static func store(_ path: String, foldEvery: Int, clock: @escaping @Sendable () -> Date = { TestData.started }, readonly: Bool = false) throws -> PlanStore {
        var options = TestData.options(clock: clock, readonly: readonly)
        options.foldEvery = foldEvery
        return try PlanStore(path: path, options: options)
    }

    static func progress(answered: Int, finished: Bool = false) -> PlanProgress {
        var p = TestData.startProgress
        p.answered = answered
        p.skipped = answered / 3
        p.part = 1 + answered % 3
        p.finished = finished
        return p
    }

    static func rows(_ store: PlanStore, _ table: String, plan: String? = nil) async throws -> Int {
        try await store.read { db in
            if let plan { return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table) WHERE planID = ?", arguments: [plan]) ?? 0 }
            return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0
        }
    }

    /// Plays the rest of the plan from answer `from` through `store`, then checks that `readBack`
    /// replays it to the same finished plan.
    static func finish(_ session: inout Session, from: Int, in store: PlanStore, readBack: PlanStore) async throws {
        try await TestData.play(Array(TestData.fullPlan.dropFirst(from)), into: &session, store: store)
        let replayed = try await readBack.open(id: try #require(session.plan?.id)).conversation(TestData.v1, today: TestData.today)
        #expect(replayed.state == session.conversation.state)
        #expect(replayed.isFinished)
    }

    @Test("Changes and progress read the same before, during and after folds, for every plan, in order", arguments: [1, 3, 7, 1_000])
    func sameBeforeAndAfterFolds(foldEvery: Int) async throws {
        let folder = try TempFolder()
        let path = folder.file("plans.sqlite")
        let now = LockedDate(TestData.started)
        let store = try Self.store(path, foldEvery: foldEvery, clock: { now.value })
        let plans = [try await store.begin(TestData.startProgress).id, try await store.begin(TestData.startProgress).id, try await store.begin(TestData.startProgress).id]
        var expected: [String: [Change]] = [:]
        var last: [String: (PlanProgress, Date)] = [:]
        for i in 0..<40 {
            now.value = TestData.started.addingTimeInterval(Double(i) * 61.25)
            // Plans take turns unevenly; some appends carry several changes, as a group's answers do.
            let plan = plans[(i * i + i / 3) % plans.count]
            var changes: [Change] = [.answered(step: "name", value: .text("answer \(i)"))]
            if i % 4 == 1 { changes.append(.skipped(step: "mood")) }
            if i % 9 == 2 { changes += [.answered(step: "helps", value: .list(["one \(i)", "two"])), .cleared(step: "mood")] }
            let progress = Self.progress(answered: i, finished: i == 39)
            try await store.append(changes, to: plan, progress: progress)
            expected[plan, default: []] += changes
            last[plan] = (progress, now.value)

            for plan in plans {
                let opened = try await store.open(id: plan)
                #expect(opened.changes == expected[plan, default: []], "after append \(i), folding every \(foldEvery)")
                if let (progress, when) = last[plan] {
                    #expect(opened.progress == progress)
                    #expect(abs(opened.updated.timeIntervalSince(when)) < 0.001)
                }
            }
        }
        let listed = try await store.list()
        #expect(listed.map(\.id) == plans.sorted { last[$0]!.1 > last[$1]!.1 }, "newest first")
        for summary in listed {
            #expect(summary.answered == last[summary.id]!.0.answered)
            #expect(summary.finished == last[summary.id]!.0.finished)
        }
        let total = expected.values.map(\.count).reduce(0, +)
        store.journal.settle()  // a fold due after the last append runs after its caller heard
        let inRecent = try await Self.rows(store, "recent")
        #expect(inRecent < max(foldEvery, 1) + 4, "never much more than a fold's worth waits")
        #expect(try await Self.rows(store, "event") + inRecent == total)
        if foldEvery <= 7 { #expect(store.journal.folds > 0) }

        // Opening the store again leaves less than a fold's worth where it is; one that folds
        // sooner folds it on opening. Nothing changes for the reader either way.
        let reopened = try Self.store(path, foldEvery: foldEvery)
        #expect(try await Self.rows(reopened, "recent") == inRecent)
        let folding = try Self.store(path, foldEvery: 1)
        #expect(try await Self.rows(folding, "recent") == 0)
        #expect(try await Self.rows(folding, "event") == total)
        for store in [reopened, folding] {
            for plan in plans {
                let opened = try await store.open(id: plan)
                #expect(opened.changes == expected[plan, default: []])
                #expect(opened.progress == last[plan]?.0 ?? TestData.startProgress)
            }
            #expect(try await store.list().map(\.id) == listed.map(\.id))
        }
    }

    @Test("Opening a store writes nothing until a fold is due, and counts what waits towards the first fold", arguments: [9, 10, 25])
    func openingFoldsOnlyWhenDue(foldEvery: Int) async throws {
        let folder = try TempFolder()
        let path = folder.file("plans.sqlite")
        let first = try Self.store(path, foldEvery: 1_000)
        let plan = try await first.begin(TestData.startProgress).id
        for i in 0..<10 { try await first.append([.answered(step: "name", value: .text("answer \(i)"))], to: plan, progress: Self.progress(answered: i)) }
        // `data_version` moves, on one connection, when any other connection commits.
        let watcher = try TestData.rawQueue(path)
        let before = try await watcher.read { try Int.fetchOne($0, sql: "PRAGMA data_version") }

        // Ten rows wait. A program that folds every `foldEvery` rows opens the store.
        let second = try Self.store(path, foldEvery: foldEvery)
        let due = foldEvery <= 10
        #expect(try await Self.rows(second, "recent") == (due ? 0 : 10))
        #expect(try await Self.rows(second, "event") == (due ? 10 : 0))
        #expect(try await second.open(id: plan).changes.count == 10)
        if !due {
            // Nothing was written by opening it: no commit from the second program reached the file.
            #expect(try await watcher.read { try Int.fetchOne($0, sql: "PRAGMA data_version") } == before)
            // The rows waiting count towards its first fold: it comes after 15 more, not 25.
            for i in 10..<(foldEvery - 1) { try await second.append([.skipped(step: "mood")], to: plan, progress: Self.progress(answered: i)) }
            #expect(second.journal.folds == 0)
            #expect(try await Self.rows(second, "recent") == foldEvery - 1)
            try await second.append([.skipped(step: "mood")], to: plan, progress: Self.progress(answered: foldEvery))
            // The fold runs after that caller hears back; the next commit comes after it.
            try await second.append([.skipped(step: "mood")], to: plan, progress: Self.progress(answered: foldEvery + 1))
            #expect(second.journal.folds == 1)
            #expect(try await Self.rows(second, "recent") == 1)
            #expect(try await Self.rows(second, "event") == foldEvery)
            #expect(try await watcher.read { try Int.fetchOne($0, sql: "PRAGMA data_version") } != before)
        }
    }

    @Test("Another program reads answers not yet folded, and one that folds sooner folds them on opening")
    func otherProgramReadsRecent() async throws {
        let folder = try TempFolder()
        let path = folder.file("plans.sqlite")
        let writer = try Self.store(path, foldEvery: 1_000)
        var session = try await TestData.begin(writer)
        try await TestData.play(Array(TestData.fullPlan.prefix(5)), into: &session, store: writer)
        let id = try #require(session.plan?.id), code = try #require(session.plan?.code)
        #expect(try await Self.rows(writer, "event") == 0, "nothing folded yet")

        let reader = try Self.store(path, foldEvery: 1_000, readonly: true)
        let seen = try await reader.open(code: code)
        #expect(seen.changes == (try await writer.open(id: id)).changes)
        #expect(seen.changes.count >= 5)
        #expect(seen.progress == PlanProgress(session.conversation))
        #expect(try await reader.list().first?.answered == PlanProgress(session.conversation).answered)
        #expect(seen.conversation(TestData.v1, today: TestData.today).state == session.conversation.state)

        let other = try Self.store(path, foldEvery: 3)
        #expect(try await Self.rows(other, "recent") == 0)
        #expect(try await other.open(id: id).changes == seen.changes)
        // The first program carries on as before.
        try await Self.finish(&session, from: 5, in: writer, readBack: other)
    }

    @Test("delete() takes a plan's unfolded answers with it, and leaves other plans' alone")
    func deleteTakesRecent() async throws {
        let folder = try TempFolder()
        let store = try Self.store(folder.file("plans.sqlite"), foldEvery: 1_000)
        var gone = try await TestData.begin(store)
        try await TestData.play(TestData.fullPlan, into: &gone, store: store)
        var kept = try await TestData.begin(store)
        try await TestData.play(["Kept Person", "5"], into: &kept, store: store)
        let goneID = try #require(gone.plan?.id), keptID = try #require(kept.plan?.id)
        let keptChanges = try await store.open(id: keptID).changes
        #expect(try await Self.rows(store, "recent", plan: goneID) > 0)

        try await store.delete(id: goneID)
        #expect(try await Self.rows(store, "recent", plan: goneID) == 0)
        #expect(try await store.open(id: keptID).changes == keptChanges)
        for file in folder.allFiles() {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
            for secret in TestData.secrets {
                #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(secret) is still in \(file)")
            }
        }
    }

    @Test("A store from before recent (v1) is brought up to date, its plans untouched, and goes on")
    func upgradesV1() async throws {
        let folder = try TempFolder()
        let path = folder.file("plans.sqlite")
        let first = try Self.store(path, foldEvery: 1_000)
        var session = try await TestData.begin(first)
        try await TestData.play(Array(TestData.fullPlan.prefix(4)), into: &session, store: first)
        let code = try #require(session.plan?.code)
        // Make it a v1 store, as Tandem left it before `recent` came: every change in `event`.
        let queue = try TestData.rawQueue(path)
        try await queue.write { db in
            try RecentChanges.fold(db)
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM event") ?? 0 >= 4)
            try db.execute(sql: "DROP TABLE recent; DELETE FROM grdb_migrations WHERE identifier = 'v2'")
        }
        try queue.close()

        let store = try Self.store(path, foldEvery: 1_000)
        #expect(try await store.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM recent") } == 0)
        #expect(try await store.open(code: code).conversation(TestData.v1, today: TestData.today).state == session.conversation.state)
        try await Self.finish(&session, from: 4, in: store, readBack: store)
    }

    @Test("A full disk during a fold loses nothing: the answers stay where readers find them, and fold once there is room")
    func foldOnFullDisk() async throws {
        let folder = try TempFolder()
        let path = folder.file("plans.sqlite")
        _ = try PlanStore(path: path, options: TestData.options())
        let pages = try await TestData.rawQueue(path).read { try Int.fetchOne($0, sql: "PRAGMA page_count") } ?? 0
        var options = TestData.options(maxPageCount: pages + 12)
        options.foldEvery = 2
        let store = try PlanStore(path: path, options: options)
        let plan = try await store.begin(TestData.startProgress).id
        let big = String(repeating: "y", count: 1500)
        var saved: [Change] = []
        for i in 0..<80 {
            let change = Change.answered(step: "name", value: .text(big + "\(i)"))
            do {
                try await store.append([change], to: plan, progress: Self.progress(answered: i))
                saved.append(change)
            } catch {
                #expect(error.kind == .full)
                break
            }
        }
        #expect(saved.count > 4 && saved.count < 80, "the store filled up: \(saved.count) saved")
        #expect(try await store.open(id: plan).changes == saved)
        #expect(try await store.open(id: plan).progress.answered == saved.count - 1)

        let roomy = try Self.store(path, foldEvery: 2)
        #expect(try await Self.rows(roomy, "recent") == 0, "folded on opening, now there is room")
        #expect(try await roomy.open(id: plan).changes == saved)
        try await roomy.append([.skipped(step: "mood")], to: plan, progress: Self.progress(answered: 99))
        #expect(try await roomy.open(id: plan).changes == saved + [.skipped(step: "mood")])
        #expect(try await roomy.list().first?.answered == 99)
    }

    @Test("A fold leaves out a stray row whose plan is gone, rather than failing")
    func foldSkipsStrayRows() async throws {
        let store = try PlanStore.inMemory()
        let plan = try await store.begin(TestData.startProgress).id
        try await store.append([.answered(step: "name", value: .text("Ash"))], to: plan, progress: Self.progress(answered: 1))
        try await store.write { db in
            try db.execute(sql: "INSERT INTO recent (planID, at, change) VALUES ('zzzzzzzz', '2026-01-01 00:00:00.000', '{}')")
            try RecentChanges.fold(db)
        }
        #expect(try await Self.rows(store, "recent") == 0)
        #expect(try await store.open(id: plan).changes == [.answered(step: "name", value: .text("Ash"))])
        #expect(try await store.open(id: plan).progress.answered == 1)
    }

    @Test("Answers waiting in recent keep a plan's code alive, and stop doing so once they are old")
    func recentKeepsCodes() async throws {
        let now = LockedDate(TestData.started)
        var options = TestData.options(clock: { now.value })
        options.foldEvery = 1_000
        let store = try PlanStore.inMemory(options: options)
        var session = try await TestData.begin(store)
        let code = try #require(session.plan?.code)
        now.value = TestData.started.addingTimeInterval(100 * 24 * 3600)
        try await TestData.play(["Robin"], into: &session, store: store)
        // 250 days after the start, 150 after the answer: the plan row alone would look unchanged.
        now.value = TestData.started.addingTimeInterval(250 * 24 * 3600)
        #expect(try await store.open(code: code).id == session.plan?.id)
        #expect(try await store.read { try CodeRecord.fetchCount($0) } == 1)
        // 181 days after the last use: gone, though the answer has still not been folded.
        now.value = TestData.started.addingTimeInterval(431 * 24 * 3600)
        await #expect(throws: StoreError.notFound) { try await store.open(code: code) }
        #expect(try await store.read { try CodeRecord.fetchCount($0) } == 0)
    }
}
