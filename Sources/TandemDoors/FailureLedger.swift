/// Wrong resume codes, join codes, seat codes and host tokens: counted for where they came from (an address, or
/// one connection on a trusted network) and for the whole server.
///
/// After `maxFailures` within `window` from one place, or `maxGlobalFailures` from everywhere, that
/// place (or everyone) is *slowed*, not shut out, for `lockout`: each further try waits a few
/// seconds before it is checked (see `ServerLimits.lockedDelay`). So one person guessing behind a
/// shared address (a NAT, an SSH or TLS tunnel) cannot lock everyone else there out: a right code
/// or token still works, a little later, while guessing becomes far too slow to pay. Wrong and
/// expired codes count the same.
public struct FailureLedger: Sendable {
    public enum Kind: Hashable, Sendable {
        case resumeCode, hostToken, joinCode, seatCode
    }

    /// Where failures are counted: a place, or the whole server.
    private struct Key: Hashable {
        var kind: Kind
        var place: String?
    }

    private struct Record {
        var failures: [Duration] = []
        var lockedUntil: Duration?
    }

    let maxFailures: Int
    let maxGlobalFailures: Int
    let window: Duration
    let lockout: Duration
    private var records: [Key: Record] = [:]

    init(maxFailures: Int, maxGlobalFailures: Int = 100, window: Duration, lockout: Duration) {
        self.maxFailures = maxFailures
        self.maxGlobalFailures = maxGlobalFailures
        self.window = window
        self.lockout = lockout
    }

    /// Whether tries from `place` are slowed now (because of that place, or of the whole server).
    func isLocked(_ kind: Kind, _ place: String, now: Duration) -> Bool {
        locked(Key(kind: kind, place: place), now) || locked(Key(kind: kind, place: nil), now)
    }

    private func locked(_ key: Key, _ now: Duration) -> Bool {
        guard let until = records[key]?.lockedUntil else { return false }
        return now < until
    }

    /// Counts a failure; true when this one slows `place` down.
    mutating func fail(_ kind: Kind, _ place: String, now: Duration) -> Bool {
        _ = count(Key(kind: kind, place: nil), limit: maxGlobalFailures, now: now)
        let locked = count(Key(kind: kind, place: place), limit: maxFailures, now: now)
        prune(now: now)
        return locked
    }

    private mutating func count(_ key: Key, limit: Int, now: Duration) -> Bool {
        var record = records[key] ?? Record()
        if let until = record.lockedUntil, now >= until { record = Record() }
        record.failures.removeAll { now - $0 > window }
        record.failures.append(now)
        var locked = false
        if record.failures.count >= limit {
            record.lockedUntil = now + lockout
            record.failures = []
            locked = true
        }
        records[key] = record
        return locked
    }

    /// Drops records that no longer matter, so the ledger stays small whatever a scanner does.
    private mutating func prune(now: Duration) {
        guard records.count > 4_096 else { return }
        records = records.filter { _, r in
            if let until = r.lockedUntil { return now < until }
            return r.failures.contains { now - $0 <= window }
        }
    }
}
