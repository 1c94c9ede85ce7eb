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
    func candidates(at w: Int, offset: Int, line: Line, stamp: UnsafeMutableBufferPointer<Int32>, narrowing: Bool = true, into out: inout ScratchBuffer<Int>) {
        out.removeAll()
        let word = line.words[w]
        let mark = line.marks + Int32(2 * w + 2)
        let nextWord = narrowing ? nextWordClasses(after: w, line: line) : ~0
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        // Inside a word only whole first words are read, run into what follows (never `word*`).
        for k in offset..<word.count {
            h ^= UInt64(line.bytes[word.start + k])
            h = h &* 0x100_0000_01b3
            addRunTogether(h, word: word, at: k, nextWord: nextWord, narrowing: narrowing, line: line, mark: mark, stamp: stamp, into: &out)
        }
    }

    /// What a pattern whose first word ends with word `w` must be able to go on with (tested
    /// against ``nextClasses``): the class of the next word's first byte, if the sentence has a
    /// next word, and ``Step/anyBit`` (a pattern that can end, or go on without reading a word).
    @inline(__always)
    func nextWordClasses(after w: Int, line: Line) -> UInt32 {
        guard w + 1 < line.words.count, line.words[w + 1].sentence == line.words[w].sentence else { return Step.anyBit }
        return Step.anyBit | 1 << Self.byteClass(line.bytes[line.words[w + 1].start])
    }

    /// The patterns whose first word is `word`'s bytes up to `k` (hash `h`): when the word goes on
    /// after it, only those it can run into (the rest of the word must be able to begin a word
    /// that follows, see ``runOn``); when it is the whole word, only those the next word can go on
    /// with (`nextWord`, see ``nextWordClasses(after:line:)``). `narrowing` false tries them all.
    @inline(__always)
    private func addRunTogether(_ h: UInt64, word: DistressText.Word, at k: Int, nextWord: UInt32, narrowing: Bool, line: Line, mark: Int32, stamp: UnsafeMutableBufferPointer<Int32>, into out: inout ScratchBuffer<Int>) {
        guard let range = startsTable.lookup(h | 1) else { return }
        let next = k + 1 < word.count ? line.bytes[word.start + k + 1] : nil
        let rest = word.count - k - 1
        for i in Int(range.lo)..<Int(range.hi) {
            let p = Int(startsTable.items[i])
            if let next {
                if narrowing, !runOn[p].allows(next, rest: rest) { continue }
            } else if nextClasses[p] & nextWord == 0 {
                continue
            }
            if stamp[p] != mark {
                stamp[p] = mark
                out.append(p)
            }
        }
    }

    /// A first word of some patterns that may be misspelled: checked once against each word, and
    /// then `patterns[lo..<hi]` (in ``looseItems``) are the patterns it begins. `lo` also gives
    /// the order they are tried in, which decides the order of what is heard.
    struct LooseStart {
        var member: Member
        var lo: Int
        var hi: Int
    }

    /// The loose starts that begin with one byte, in ``looseStarts``: `prefixLo..<wordsLo` are
    /// `word*` prefixes, and `wordsLo..<hi` whole words, shortest first.
    struct LooseRun {
        var prefixLo: Int
        var wordsLo: Int
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
    /// - `partial`: a word that is the start of a first word, split in two ("my self"): the word
    ///   and the first byte of the next word in its sentence begin the first word ("mys").
    /// - `loose`: a close misspelling of a first word of 5 letters or more.
    ///
    /// A pattern whose first word is the whole word (`whole`, `starts` at the word's end, `loose`)
    /// is only tried when the next word of the sentence can begin what follows its first word
    /// (``nextClasses``): most patterns that begin with "i", "my" or "she" go on with words this
    /// line does not have, and are never walked. It is left out without its stamp, so another way
    /// in (a first word run into the next, or split in two) still brings it. `narrowing` false
    /// leaves them all in (for tests: the same hits, found more slowly).
    func candidates(at w: Int, line: Line, stamp: UnsafeMutableBufferPointer<Int32>, narrowing: Bool = true, into out: inout ScratchBuffer<Int>) {
        out.removeAll()
        let word = line.words[w]
        let mark = line.marks + Int32(2 * w + 1)
        let next = narrowing ? nextWordClasses(after: w, line: line) : ~0
        func add(_ table: FlatTable, _ range: (lo: Int32, hi: Int32)?, whole: Bool = false) {
            guard let range else { return }
            for k in Int(range.lo)..<Int(range.hi) {
                let p = Int(table.items[k])
                if whole, nextClasses[p] & next == 0 { continue }
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
        add(wholeTable, wholeTable.lookup(Self.hash(UnsafeBufferPointer(rebasing: line.squeezed[word.squeezedStart..<(word.squeezedStart + word.squeezedCount)]))), whole: true)
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for k in 0..<word.count {
            h ^= UInt64(line.bytes[word.start + k])
            h = h &* 0x100_0000_01b3
            add(prefixStartsTable, prefixStartsTable.lookup(h | 1), whole: true)
            addRunTogether(h, word: word, at: k, nextWord: next, narrowing: narrowing, line: line, mark: mark, stamp: stamp, into: &out)
        }
        if word.count >= 2, w + 1 < line.words.count, line.words[w + 1].sentence == word.sentence {
            h ^= UInt64(line.bytes[line.words[w + 1].start])
            h = h &* 0x100_0000_01b3
            add(partialTable, partialTable.lookup(h | 1))
        }
        looseCandidates(word, next: next, line: line, mark: mark, stamp: stamp, into: &out)
    }

    /// The lengths of the whole words of ``looseStarts`` that a word of `count` letters can be a
    /// misspelling of: a word `d` letters longer or shorter only when words of that length may be
    /// `d` letters wrong. Every length outside it fails `abs(word.count - m.count) <= m.fuzz` for
    /// every word of it; most words are compared with three lengths rather than five.
    @inline(__always)
    func looseLengths(near count: Int) -> ClosedRange<Int> {
        func fuzz(_ length: Int) -> Int { length >= 0 && length < looseFuzzByLength.count ? looseFuzzByLength[length] : -1 }
        var low = count, high = count
        if maxFuzz > 0 {
            for d in 1...maxFuzz {
                if fuzz(count - d) >= d { low = count - d }
                if fuzz(count + d) >= d { high = count + d }
            }
        }
        return low...high
    }

    /// The patterns whose first word `word` is a close misspelling of (see ``near(_:_:line:)``),
    /// in the order of ``LooseStart/lo``.
    private func looseCandidates(_ word: DistressText.Word, next: UInt32, line: Line, mark: Int32, stamp: UnsafeMutableBufferPointer<Int32>, into out: inout ScratchBuffer<Int>) {
        let run = looseRuns[Int(line.bytes[word.start])]
        // Rarely more than one: kept in order of `lo`.
        var found: [LooseStart] = []
        for i in run.prefixLo..<run.wordsLo {
            let m = looseStarts[i].member
            // One edit leaves out at most one of the prefix's letters (the quick test of `nearPrefix`).
            guard word.count >= m.count - 1, (m.letters & ~word.letters).nonzeroBitCount <= 1, nearPrefix(m, word, line: line) else { continue }
            found.append(looseStarts[i])
        }
        if word.count >= 4 || word.count == 3 && !line.bytes[word.start..<(word.start + 3)].contains(where: Self.isVowel) {
            // Whole words of the lengths that can be near this one (see `looseLengths`): the
            // first, by halving.
            let lengths = looseLengths(near: word.count)
            var lo = run.wordsLo, hi = run.hi
            while lo < hi {
                let mid = (lo + hi) / 2
                if looseStarts[mid].member.count < lengths.lowerBound { lo = mid + 1 } else { hi = mid }
            }
            var i = lo
            while i < run.hi, looseStarts[i].member.count <= lengths.upperBound {
                let m = looseStarts[i].member
                if abs(word.count - m.count) <= m.fuzz, (word.letters ^ m.letters).nonzeroBitCount <= 2 * m.fuzz, near(m, word, line: line) {
                    found.append(looseStarts[i])
                }
                i += 1
            }
        }
        if found.count > 1 { found.sort { $0.lo < $1.lo } }
        for entry in found {
            for k in entry.lo..<entry.hi {
                let p = looseItems[k]
                if nextClasses[p] & next == 0 { continue }
                if stamp[p] != mark {
                    stamp[p] = mark
                    out.append(p)
                }
            }
        }
    }
}
