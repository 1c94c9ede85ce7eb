import NIOCore

/// Wrong resume codes and wrong host tokens, counted per address: after `maxFailures` within
/// `window`, the address is locked out for `lockout`. Wrong and expired codes count the same.
struct FailureLedger: Sendable {
    enum Kind: Hashable, Sendable {
        case resumeCode, hostToken, joinCode
    }

    private struct Key: Hashable {
        var kind: Kind
        var address: String
    }

    private struct Record {
        var failures: [NIODeadline] = []
        var lockedUntil: NIODeadline?
    }

    let maxFailures: Int
    let window: TimeAmount
    let lockout: TimeAmount
    private var records: [Key: Record] = [:]

    init(maxFailures: Int, window: TimeAmount, lockout: TimeAmount) {
        self.maxFailures = maxFailures
        self.window = window
        self.lockout = lockout
    }

    /// Whether the address may try now.
    func isLocked(_ kind: Kind, _ address: String, now: NIODeadline) -> Bool {
        guard let until = records[Key(kind: kind, address: address)]?.lockedUntil else { return false }
        return now < until
    }

    /// Counts a failure; true when this one locks the address out.
    mutating func fail(_ kind: Kind, _ address: String, now: NIODeadline) -> Bool {
        let key = Key(kind: kind, address: address)
        var record = records[key] ?? Record()
        if let until = record.lockedUntil, now >= until { record = Record() }
        record.failures.removeAll { now - $0 > window }
        record.failures.append(now)
        var locked = false
        if record.failures.count >= maxFailures {
            record.lockedUntil = now + lockout
            record.failures = []
            locked = true
        }
        records[key] = record
        prune(now: now)
        return locked
    }

    /// Drops records that no longer matter, so the ledger stays small whatever a scanner does.
    private mutating func prune(now: NIODeadline) {
        guard records.count > 4_096 else { return }
        records = records.filter { _, r in
            if let until = r.lockedUntil { return now < until }
            return r.failures.contains { now - $0 <= window }
        }
    }
}
