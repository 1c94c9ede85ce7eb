/// A growable list of plain values in memory of its own, for work done many times a line: adding
/// checks only for room, and emptying it is setting a count (an `Array` checks on every append
/// that its storage is not shared, and `removeAll(keepingCapacity:)` costs a hundred
/// instructions). The owner frees it with ``deallocate()``.
struct ScratchBuffer<Element: BitwiseCopyable> {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(1, capacity)
        base = .allocate(capacity: self.capacity)
    }

    func deallocate() { base.deallocate() }

    subscript(i: Int) -> Element {
        get {
            assert(i >= 0 && i < count)
            return base[i]
        }
        nonmutating set {
            assert(i >= 0 && i < count)
            base[i] = newValue
        }
    }

    @inline(__always)
    mutating func append(_ value: Element) {
        if count == capacity { grow() }
        base[count] = value
        count += 1
    }

    @inline(__always)
    mutating func popLast() -> Element? {
        guard count > 0 else { return nil }
        count -= 1
        return base[count]
    }

    @inline(__always)
    mutating func removeAll() { count = 0 }

    func contains(_ value: Element) -> Bool where Element: Equatable {
        for i in 0..<count where base[i] == value { return true }
        return false
    }

    /// Puts the values in increasing order (an insertion sort: the lists sorted are short).
    func sort() where Element: Comparable {
        guard count > 1 else { return }
        for i in 1..<count {
            let value = base[i]
            var j = i
            while j > 0, base[j - 1] > value {
                base[j] = base[j - 1]
                j -= 1
            }
            base[j] = value
        }
    }

    private mutating func grow() {
        let bigger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
        bigger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity *= 2
    }
}
