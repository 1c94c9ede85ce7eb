import Foundation

/// A value behind a lock: `withLock` is the only way in, so every read and write of the value
/// happens while one thread holds the lock.
///
/// The same shape as `Synchronization.Mutex`, over a pthread mutex (`NSLock`). ThreadSanitizer
/// knows pthread mutexes, so `scripts/sanitize` sees the order the lock gives; it does not see the
/// futex under `Mutex` on Linux, and reported two `withLock` calls on one `Mutex` as a race (the
/// store's journal in December 2026, then the check-in's workspaces and the renderer's caches,
/// which a server's event loops share). So every lock of Tandem's own is this one.
public final class Locked<Value>: @unchecked Sendable {
    // Safe: `value` is touched only inside `withLock`, with `lock` held.
    private var value: Value
    private let lock = NSLock()

    public init(_ value: Value) {
        self.value = value
    }

    @inline(__always)
    public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
