import Foundation

/// Keeps a client under the server's line rate (from `hello`), so a script piping many lines at
/// once is never told to slow down: a token bucket a little slower than the server's own.
struct SendPacer {
    private var rate: Double
    private var capacity: Double
    private var tokens: Double
    private var last: TimeInterval

    /// `rate` lines a second on average, `burst` at once; a rate of 0 means no limit.
    init(rate: Double, burst: Double, now: TimeInterval) {
        self.rate = rate * 0.9
        capacity = max(1, burst - 2)
        tokens = capacity
        last = now
    }

    /// Seconds to wait before the next line may go (0: now).
    mutating func wait(now: TimeInterval) -> TimeInterval {
        guard rate > 0 else { return 0 }
        tokens = min(capacity, tokens + (now - last) * rate)
        last = now
        return tokens >= 1 ? 0 : (1 - tokens) / rate
    }

    /// Counts a line sent.
    mutating func sent() {
        guard rate > 0 else { return }
        tokens -= 1
    }
}
