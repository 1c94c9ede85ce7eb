import DialogueEngine

/// Where plans are kept: an append-only journal of each plan's changes, with resume codes.
///
/// Every door keeps plans through this protocol only: the terminal, the network server and the
/// commands never see which store it is (SQLite with GRDB in `PlanStore`, `MemoryStore` in tests,
/// PostgreSQL later). A store keeps records; everything about what a plan means (replaying its
/// changes, fitting a changed dialogue, its progress) is the engine's.
///
/// One turn of any door, in three steps:
///
///     let turn = session.handle(line)                                   // pure
///     try await store.append(turn.changes, to: plan.id, progress: turn.progress)   // durable
///     session.accept(turn)                                             // then show turn.events
///
/// Codes: a resume code is 60 random bits (`ResumeCode`); a wrong, unknown or expired code all give
/// the same `StoreError.notFound`, so nothing tells a guesser which it was.
public protocol PlanStorage: Sendable {
    /// Where plans are kept, as people read it (a file's path): for the words about where answers go.
    var location: String { get }

    /// Starts a new plan, with a fresh resume code (`StoredPlan.code`). Never half a plan.
    func begin(_ progress: PlanProgress) async throws(StoreError) -> StoredPlan

    /// Appends changes to a plan's journal, with the plan's progress after them; returns once they
    /// are durable. Nothing is shown to a person as done before this returns.
    func append(_ changes: [Change], to plan: String, progress: PlanProgress) async throws(StoreError)

    /// `append`, with the result handed to `done` (on any thread) once the changes are durable,
    /// instead of awaited: a server's turns use this, so a durable answer needs no task of its own.
    /// The default awaits `append` in a task.
    func append(_ changes: [Change], to plan: String, progress: PlanProgress, done: @escaping @Sendable (Result<Void, StoreError>) -> Void)

    /// The plan a resume code opens, with every change so far. Using a code keeps it alive.
    func open(code: String) async throws(StoreError) -> StoredPlan

    /// A plan by its id (as `tandem sessions` shows it), without a code (`newCode(for:)` makes one
    /// when the plan is carried on). For people on their own computer; a door strangers reach opens
    /// plans by code only.
    func open(id: String) async throws(StoreError) -> StoredPlan

    /// Every plan, the most recently changed first. Never an answer.
    func list() async throws(StoreError) -> [PlanSummary]

    /// Removes a plan, its journal and its codes for good.
    func delete(id: String) async throws(StoreError)

    /// A new code for a plan (earlier codes keep working).
    func newCode(for plan: String) async throws(StoreError) -> String

    /// Keeps other programs on this computer off plan `id` while the returned hold lives; nil when
    /// another program has it open now. Holds taken through one store do not keep each other out
    /// (a server keeps its own connections apart: `OpenPlans`). The default keeps nothing out.
    func hold(plan id: String) -> PlanHold?

    /// What this store keeps of a seat code in a group's plan (`Change.held`, `Change.seated`)
    /// instead of the code: a store that keeps only a hash of it (as `PlanStore` does) gives that
    /// hash, so that a room opened on the plan again can tell the right code when it is typed
    /// (`Room.comeBack(id:seat:kept:)`). Nil (the default) for a store that keeps codes as given.
    func keptSeat(_ code: String) -> String?
}

extension PlanStorage {
    public func hold(plan id: String) -> PlanHold? { PlanHold() }

    public func keptSeat(_ code: String) -> String? { nil }

    public func append(_ changes: [Change], to plan: String, progress: PlanProgress, done: @escaping @Sendable (Result<Void, StoreError>) -> Void) {
        Task {
            do throws(StoreError) {
                try await append(changes, to: plan, progress: progress)
                done(.success(()))
            } catch {
                done(.failure(error))
            }
        }
    }

    /// A plan by its id or its resume code, typed in any case, with or without dashes: for people
    /// using their own store on their own computer (`tandem export`, `tandem delete`).
    public func open(idOrCode typed: String) async throws(StoreError) -> StoredPlan {
        guard let digits = ResumeCode.canonical(typed) else { throw StoreError.notFound }
        if digits.count == ResumeCode.idLength { return try await open(id: digits.lowercased()) }
        return try await open(code: typed)
    }
}
