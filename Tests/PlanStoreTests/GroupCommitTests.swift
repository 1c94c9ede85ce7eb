import DialogueEngine
import Foundation
import GRDB
import Testing

@testable import PlanStore

/// Many people answering at once: each answer is durable before `record` returns, answers that
/// arrive together share a commit, and one failing write does not fail the others.
@Suite struct GroupCommitTests {
    @Test("Eight plans answered at once from eight threads: every answer kept, in order, for each plan")
    func concurrentPlansKeepEveryAnswer() throws {
        let folder = try TempFolder()
        let path = folder.file("plans.sqlite")
        let store = try PlanStore(path: path, options: TestData.options())
        let plans = try (0..<8).map { _ in try store.begin(script: TestData.v1) }
        let perPlan = 40
        DispatchQueue.concurrentPerform(iterations: plans.count) { n in
            for i in 0..<perPlan {
                try? plans[n].record([.answered(step: "name", value: .text("plan \(n) answer \(i)"))])
            }
        }
        let reopened = try PlanStore(path: path, options: TestData.options())
        for (n, plan) in plans.enumerated() {
            let changes = try reopened.open(plan.id).changes
            let texts = changes.compactMap { change -> String? in
                if case .answered("name", .text(let t)) = change { return t }
                return nil
            }
            #expect(texts == (0..<perPlan).map { "plan \(n) answer \($0)" })
        }
        let counts = store.group.counts
        #expect(counts.writes >= plans.count * perPlan)
        #expect(counts.commits <= counts.writes)
    }

    @Test("A write that fails is rolled back alone; the next write in the store goes through")
    func aFailingWriteFailsAlone() throws {
        let store = try PlanStore.inMemory()
        let plan = try store.begin(script: TestData.v1)
        struct Refused: Error {}
        #expect(throws: StoreError.self) {
            try store.write { db in
                try db.execute(sql: "UPDATE plan SET answered = 99 WHERE id = ?", arguments: [plan.id])
                throw Refused()
            }
        }
        try plan.record([.answered(step: "name", value: .text("Robin"))])
        let answered = try store.read { db in try Int.fetchOne(db, sql: "SELECT answered FROM plan WHERE id = ?", arguments: [plan.id]) }
        #expect(answered != 99)
        #expect(try store.open(plan.id).changes.contains(.answered(step: "name", value: .text("Robin"))))
    }
}
