import NIOCore

/// A token bucket: `rate` lines a second on average, up to `burst` at once.
struct RateLimiter: Sendable {
    let rate: Double
    let burst: Double
    private var tokens: Double
    private var last: NIODeadline

    init(rate: Double, burst: Double, now: NIODeadline) {
        self.rate = rate
        self.burst = max(1, burst)
        self.tokens = max(1, burst)
        self.last = now
    }

    var isUnlimited: Bool { rate <= 0 }

    /// Takes one line's token; false when the bucket is empty.
    mutating func take(now: NIODeadline) -> Bool {
        guard !isUnlimited else { return true }
        refill(now)
        guard tokens >= 1 else { return false }
        tokens -= 1
        return true
    }

    /// Whether the bucket has filled up again: the sender has been slower than the rate for a while.
    mutating func isFull(now: NIODeadline) -> Bool {
        guard !isUnlimited else { return true }
        refill(now)
        return tokens >= burst
    }

    /// When the next token will be there.
    func nextToken(now: NIODeadline) -> NIODeadline {
        guard !isUnlimited, tokens < 1 else { return now }
        let seconds = (1 - tokens) / rate
        return now + .nanoseconds(Int64(seconds * 1e9) + 1)
    }

    private mutating func refill(_ now: NIODeadline) {
        let elapsed = Double((now - last).nanoseconds) / 1e9
        if elapsed > 0 {
            tokens = min(burst, tokens + elapsed * rate)
            last = now
        }
    }
}
