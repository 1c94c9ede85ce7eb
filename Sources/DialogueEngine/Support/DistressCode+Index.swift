extension DistressCode {
    /// A hash table from a word's hash to a list of patterns, in flat memory (no references).
    struct FlatTable {
        let keys: UnsafeMutableBufferPointer<UInt64>
        let ranges: UnsafeMutableBufferPointer<(lo: Int32, hi: Int32)>
        let items: UnsafeMutableBufferPointer<Int32>
        let mask: Int

        init(_ map: [UInt64: Set<Int>]) {
            var size = 16
            while size < map.count * 2 { size *= 2 }
            mask = size - 1
            keys = .allocate(capacity: size)
            keys.initialize(repeating: 0)
            ranges = .allocate(capacity: size)
            ranges.initialize(repeating: (0, 0))
            let total = map.values.reduce(0) { $0 + $1.count }
            items = .allocate(capacity: max(1, total))
            var next = 0
            for (key, patterns) in map {
                var slot = Int(truncatingIfNeeded: key) & mask
                while keys[slot] != 0 { slot = (slot + 1) & mask }
                keys[slot] = key
                ranges[slot] = (Int32(next), Int32(next + patterns.count))
                for p in patterns.sorted() {
                    items[next] = Int32(p)
                    next += 1
                }
            }
        }

        func lookup(_ key: UInt64) -> (lo: Int32, hi: Int32)? {
            var slot = Int(truncatingIfNeeded: key) & mask
            while keys[slot] != 0 {
                if keys[slot] == key { return ranges[slot] }
                slot = (slot + 1) & mask
            }
            return nil
        }

        func deallocate() {
            keys.deallocate()
            ranges.deallocate()
            items.deallocate()
        }
    }

    /// The patterns that can begin inside word `w`, at `offset` (after a little word, see
    /// ``fillers``): only those whose first word the rest of the word begins with.
    func candidates(at w: Int, offset: Int, line: Line, stamp: UnsafeMutableBufferPointer<Int32>, into out: inout [Int]) {
        out.removeAll(keepingCapacity: true)
        let word = line.words[w]
        let mark = Int32(2 * w + 2)
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for k in offset..<word.count {
            h ^= UInt64(line.bytes[word.start + k])
            h = h &* 0x100_0000_01b3
            guard let range = startsTable.lookup(h | 1) else { continue }
            for i in Int(range.lo)..<Int(range.hi) {
                let p = Int(startsTable.items[i])
                if stamp[p] != mark {
                    stamp[p] = mark
                    out.append(p)
                }
            }
        }
    }

    /// A first word of some patterns that may be misspelled: checked once against each word, and
    /// then `patterns[lo..<hi]` (in ``looseItems``) are the patterns it begins.
    struct LooseStart {
        var member: Member
        var lo: Int
        var hi: Int
    }

    /// FNV-1a, never 0 (0 marks an empty slot).
    @inline(__always)
    static func hash<C: Collection<UInt8>>(_ bytes: C) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01b3
        }
        return h | 1
    }

    /// The patterns that can begin at word `w`, each once, into `out` (`stamp` remembers which are in).
    ///
    /// - `whole`: a word that is a first word, or the same but for doubled letters ("kil", "kiiill").
    /// - `starts`: a word that begins with a first word (words run together, "killmyself"; `word*`).
    /// - `partial`: a word that is the start of a first word, split in two ("my self").
    /// - `loose`: a close misspelling of a first word of 5 letters or more.
    func candidates(at w: Int, line: Line, stamp: UnsafeMutableBufferPointer<Int32>, into out: inout [Int]) {
        out.removeAll(keepingCapacity: true)
        let word = line.words[w]
        let mark = Int32(2 * w + 1)
        func add(_ table: FlatTable, _ range: (lo: Int32, hi: Int32)?) {
            guard let range else { return }
            for k in Int(range.lo)..<Int(range.hi) {
                let p = Int(table.items[k])
                if stamp[p] != mark {
                    stamp[p] = mark
                    out.append(p)
                }
            }
        }
        if word.masked {
            // Letters hidden behind `*` ("k*ll") cannot be looked up: try every pattern (rare).
            for p in 0..<count where stamp[p] != mark {
                stamp[p] = mark
                out.append(p)
            }
            return
        }
        add(wholeTable, wholeTable.lookup(Self.hash(UnsafeBufferPointer(rebasing: line.squeezed[word.squeezedStart..<(word.squeezedStart + word.squeezedCount)]))))
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for k in 0..<word.count {
            h ^= UInt64(line.bytes[word.start + k])
            h = h &* 0x100_0000_01b3
            add(startsTable, startsTable.lookup(h | 1))
        }
        if word.count >= 2 { add(partialTable, partialTable.lookup(h | 1)) }
        let first = Int(line.bytes[word.start])
        for i in Int(looseRuns[first].lo)..<Int(looseRuns[first].hi) {
            let entry = looseStarts[i]
            // The quick tests of `near` and `nearPrefix` first, without a call.
            let m = entry.member
            if m.prefix {
                guard word.count >= m.count - 1, (m.letters & ~word.letters).nonzeroBitCount <= 1 else { continue }
            } else {
                guard word.count >= 4, abs(word.count - m.count) <= m.fuzz, (word.letters ^ m.letters).nonzeroBitCount <= 2 * m.fuzz else { continue }
            }
            let found = m.prefix ? nearPrefix(m, word, line: line) : near(m, word, line: line)
            guard found else { continue }
            for k in entry.lo..<entry.hi {
                let p = looseItems[k]
                if stamp[p] != mark {
                    stamp[p] = mark
                    out.append(p)
                }
            }
        }
    }
}
