import DialogueEngine
import Foundation

/// A store that lives only as long as this object: for tests, previews and demonstrations. It keeps
/// to every promise of `PlanStorage` (codes, their lifetime, one answer for every code that does not
/// work), so code tested against it behaves the same with the SQLite store.
public actor MemoryStore: PlanStorage {
    private struct Plan {
        var progress: PlanProgress
        var created: Date
        var updated: Date
        var changes: [Change]
    }

    private var plans: [String: Plan] = [:]
    /// Canonical code digits to the plan they open, and when they were last used.
    private var codes: [String: (plan: String, lastUsed: Date)] = [:]
    private let clock: @Sendable () -> Date
    /// When set, every write fails this way (a full disk, a locked store), for tests of failures.
    private var failure: StoreError?

    public nonisolated let location = "memory"

    public init(clock: @escaping @Sendable () -> Date = { Date() }) {
        self.clock = clock
    }

    /// From now on every write fails with `error` (nil: writes work again).
    public func failWrites(_ error: StoreError?) {
        failure = error
    }

    public func begin(_ progress: PlanProgress) async throws(StoreError) -> StoredPlan {
        if let failure { throw failure }
        var id = ResumeCode.makeID()
        while plans[id] != nil { id = ResumeCode.makeID() }
        let now = clock()
        plans[id] = Plan(progress: progress, created: now, updated: now, changes: [])
        let code = mint(for: id, now: now)
        return StoredPlan(id: id, progress: progress, created: now, updated: now, code: code, changes: [])
    }

    public func append(_ changes: [Change], to plan: String, progress: PlanProgress) async throws(StoreError) {
        if let failure { throw failure }
        guard !changes.isEmpty else { return }
        guard plans[plan] != nil else { throw StoreError.notFound }
        plans[plan]!.changes += changes
        plans[plan]!.progress = progress
        plans[plan]!.updated = clock()
    }

    public func open(code typed: String) async throws(StoreError) -> StoredPlan {
        guard let digits = ResumeCode.canonical(typed), digits.count == ResumeCode.length, let entry = codes[digits],
              let plan = plans[entry.plan] else { throw StoreError.notFound }
        let now = clock()
        let lifetime = TimeInterval(ResumeCode.lifetimeDays) * 86_400
        guard now.timeIntervalSince(max(entry.lastUsed, plan.updated)) <= lifetime else {
            codes[digits] = nil
            throw StoreError.notFound
        }
        codes[digits]!.lastUsed = now
        return stored(entry.plan, plan, code: ResumeCode.grouped(digits))
    }

    public func open(id: String) async throws(StoreError) -> StoredPlan {
        guard let plan = plans[id] else { throw StoreError.notFound }
        return stored(id, plan, code: nil)
    }

    public func list() async throws(StoreError) -> [PlanSummary] {
        plans.map { id, p in
            PlanSummary(
                id: id, dialogueID: p.progress.dialogueID, dialogueTitle: p.progress.title, dialogueVersion: p.progress.dialogueVersion,
                started: p.created, updated: p.updated, answered: p.progress.answered, skipped: p.progress.skipped,
                part: p.progress.part, parts: p.progress.parts, finished: p.progress.finished)
        }.sorted { ($0.updated, $1.id) > ($1.updated, $0.id) }
    }

    public func delete(id: String) async throws(StoreError) {
        if let failure { throw failure }
        guard plans.removeValue(forKey: id) != nil else { throw StoreError.notFound }
        codes = codes.filter { $0.value.plan != id }
    }

    public func newCode(for plan: String) async throws(StoreError) -> String {
        if let failure { throw failure }
        guard plans[plan] != nil else { throw StoreError.notFound }
        return mint(for: plan, now: clock())
    }

    private func mint(for plan: String, now: Date) -> String {
        var code = ResumeCode.make()
        while codes[ResumeCode.canonical(code)!] != nil { code = ResumeCode.make() }
        codes[ResumeCode.canonical(code)!] = (plan, now)
        return code
    }

    private func stored(_ id: String, _ plan: Plan, code: String?) -> StoredPlan {
        StoredPlan(id: id, progress: plan.progress, created: plan.created, updated: plan.updated, code: code, changes: plan.changes)
    }
}
