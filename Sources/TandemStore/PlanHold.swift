/// A plan held open by this program (`PlanStorage.hold(plan:)`). While it lives, no other program
/// on this computer can hold the same plan: two programs on one plan (two terminal windows, or a
/// window and a server) would each write their own answers over the other's. Let go when the hold
/// is dropped, or when the program ends in any way (the store decides how: `PlanStore` uses a lock
/// the system lets go of with the program, SIGKILL too).
public final class PlanHold: Sendable {
    private let letGo: (@Sendable () -> Void)?

    /// A hold that `letGo` ends (called once, when the hold is dropped).
    public init(letGo: @escaping @Sendable () -> Void) { self.letGo = letGo }

    /// A hold that keeps nothing: where a store cannot keep other programs out (a store in memory,
    /// a read-only folder). Never a reason to refuse someone their plan.
    public init() { letGo = nil }

    deinit { letGo?() }
}
