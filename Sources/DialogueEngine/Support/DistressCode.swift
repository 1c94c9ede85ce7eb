/// The patterns of one list of the check-in words, compiled into flat memory that holds no
/// references, so reading a line allocates and retains nothing (see ``DistressCode/hits(in:)``).
///
/// `@unchecked Sendable`: every buffer is filled in `init`, never written again, and freed in
/// `deinit`; nothing hands out a pointer that can write.
final class DistressCode: @unchecked Sendable {
    /// One word of a word set: where its bytes are in the arena.
    struct Member {
        var start: Int
        var count: Int
        var squeezedStart: Int
        var squeezedCount: Int
        var fuzz: Int
        var prefix: Bool
        /// ``DistressText/letterBits(_:)`` of its bytes.
        var letters: UInt32
    }

    /// The members of a set that begin with one byte: `lo..<hi`.
    struct Run {
        var byte: UInt8
        var lo: Int
        var hi: Int
    }

    struct SetInfo {
        var runsStart: Int
        var runsCount: Int
    }

    /// 257 bits: see ``masks``.
    struct Mask {
        var bits: (UInt64, UInt64, UInt64, UInt64, Bool) = (0, 0, 0, 0, false)

        @inline(__always)
        func allows(_ byte: UInt8) -> Bool {
            let b = Int(byte)
            let word: UInt64
            switch b >> 6 {
            case 0: word = bits.0
            case 1: word = bits.1
            case 2: word = bits.2
            default: word = bits.3
            }
            return word & (1 << UInt64(b & 63)) != 0
        }

        mutating func insert(_ byte: UInt8) {
            let b = Int(byte), bit: UInt64 = 1 << UInt64(b & 63)
            switch b >> 6 {
            case 0: bits.0 |= bit
            case 1: bits.1 |= bit
            case 2: bits.2 |= bit
            default: bits.3 |= bit
            }
        }
    }

    enum Op: Equatable {
        case words(Int)
        case gap
        case end
        case split(Int, Int)
        case jump(Int)
        case done
    }

    /// The patterns as written, in order.
    let sources: [String]
    let ops: UnsafeMutableBufferPointer<Op>
    let sets: UnsafeMutableBufferPointer<SetInfo>
    let runs: UnsafeMutableBufferPointer<Run>
    let members: UnsafeMutableBufferPointer<Member>
    let arena: UnsafeMutableBufferPointer<UInt8>
    /// For each op, the first bytes of the words it can go on with (bits 0-255), and bit 256 when
    /// it can reach the end of the pattern or `...` without reading a word: dead branches are not tried.
    let masks: UnsafeMutableBufferPointer<Mask>
    /// Each pattern's first op, and whether it reads misspellings.
    let entries: UnsafeMutableBufferPointer<Int>
    let fuzzy: UnsafeMutableBufferPointer<Bool>
    /// The start index (see ``candidates(at:line:stamp:into:)``).
    let wholeTable: FlatTable
    let startsTable: FlatTable
    /// The same for `word*` prefixes, which match a whole word, never words run together.
    let prefixStartsTable: FlatTable
    /// For each pattern, the first bytes of what can follow its first word (bit 256: it can end
    /// or go on without reading one): a word that begins with a first word but goes on with a
    /// byte that cannot follow it is not a place the pattern can begin ("is" for `i ...`).
    let afterFirst: UnsafeMutableBufferPointer<Mask>
    let partialTable: FlatTable
    let looseStarts: UnsafeMutableBufferPointer<LooseStart>
    let looseItems: UnsafeMutableBufferPointer<Int>
    /// The most letters any whole word of ``looseStarts`` may be misspelled by.
    let maxFuzz: Int
    /// For each length, the most letters a whole word of ``looseStarts`` of that length may be
    /// misspelled by (-1: none that long), to narrow the lengths a word is compared with.
    let looseFuzzByLength: UnsafeMutableBufferPointer<Int>
    /// The loose starts that begin with each byte (see ``LooseRun``).
    let looseRuns: UnsafeMutableBufferPointer<LooseRun>

    init(_ patterns: [DistressPattern]) {
        sources = patterns.map(\.source)
        var ops: [Op] = [], sets: [SetInfo] = [], runs: [Run] = [], members: [Member] = [], arena: [UInt8] = []
        var entries: [Int] = [], fuzzy: [Bool] = []
        var whole: [UInt64: Set<Int>] = [:], starts: [UInt64: Set<Int>] = [:], prefixStarts: [UInt64: Set<Int>] = [:]
        var partial: [UInt64: Set<Int>] = [:]
        var loose: [[UInt8]: (member: Member, patterns: Set<Int>)] = [:]
        // Sets with the same members (in the same order) are kept once: patterns that begin with the
        // same choice of words read it once a place (see ``Scratch/reads``).
        var interned: [[DistressPattern.Literal]: Int] = [:]
        for (index, p) in patterns.enumerated() {
            entries.append(ops.count)
            fuzzy.append(p.fuzzy)
            let firstSets = Set(DistressPattern.closure(p.program, from: 0).compactMap { pc -> Int? in
                if case .words(let set) = p.program[pc] { set } else { nil }
            })
            var setMap: [Int] = []
            for (setIndex, set) in p.sets.enumerated() {
                let sorted = set.members.sorted { $0.bytes[0] < $1.bytes[0] }
                let global: Int
                if let known = interned[sorted] {
                    global = known
                } else {
                    let runsStart = runs.count
                    for literal in sorted {
                        let m = Member(
                            start: arena.count, count: literal.bytes.count, squeezedStart: arena.count + literal.bytes.count,
                            squeezedCount: literal.squeezed.count, fuzz: literal.fuzz, prefix: literal.prefix,
                            letters: DistressText.letterBits(literal.bytes))
                        arena += literal.bytes + literal.squeezed
                        if let last = runs.last, runs.count > runsStart, last.byte == literal.bytes[0] {
                            runs[runs.count - 1].hi = members.count + 1
                        } else {
                            runs.append(Run(byte: literal.bytes[0], lo: members.count, hi: members.count + 1))
                        }
                        members.append(m)
                    }
                    global = sets.count
                    sets.append(SetInfo(runsStart: runsStart, runsCount: runs.count - runsStart))
                    interned[sorted] = global
                }
                setMap.append(global)
                guard firstSets.contains(setIndex), !sorted.isEmpty else { continue }
                let firstMember = runs[sets[global].runsStart].lo
                for (k, literal) in sorted.enumerated() {
                    let m = members[firstMember + k]
                    let b = literal.bytes
                    whole[Self.hash(literal.squeezed), default: []].insert(index)
                    if literal.prefix {
                        prefixStarts[Self.hash(b), default: []].insert(index)
                    } else {
                        starts[Self.hash(b), default: []].insert(index)
                    }
                    // Split words ("my self"): the start of the word and the next word's first byte.
                    if b.count >= 3 {
                        for k in 3...b.count { partial[Self.hash(b[..<k]), default: []].insert(index) }
                    }
                    if p.fuzzy, literal.prefix ? b.count >= 6 : literal.fuzz > 0 {
                        let key = b + (literal.prefix ? [0x2A] : [])
                        loose[key, default: (m, [])].patterns.insert(index)
                    }
                }
            }
            let opBase = ops.count
            for op in p.program {
                switch op {
                case .words(let i): ops.append(.words(setMap[i]))
                case .gap: ops.append(.gap)
                case .end: ops.append(.end)
                case .split(let a, let b): ops.append(.split(opBase + a, opBase + b))
                case .jump(let t): ops.append(.jump(opBase + t))
                case .done: ops.append(.done)
                }
            }
        }
        var masks: [Mask] = []
        for pc in ops.indices {
            var mask = Mask()
            for q in Self.closure(ops, from: pc) {
                switch ops[q] {
                case .words(let set):
                    let info = sets[set]
                    for r in info.runsStart..<(info.runsStart + info.runsCount) { mask.insert(runs[r].byte) }
                default:
                    mask.bits.4 = true
                }
            }
            masks.append(mask)
        }
        // What can follow each pattern's first word (see `afterFirst`).
        var afterFirst: [Mask] = []
        for entry in entries {
            var mask = Mask()
            for q in Self.closure(ops, from: entry) {
                guard case .words = ops[q], q + 1 < masks.count else {
                    mask.bits.4 = true
                    continue
                }
                let next = masks[q + 1]
                mask.bits.0 |= next.bits.0
                mask.bits.1 |= next.bits.1
                mask.bits.2 |= next.bits.2
                mask.bits.3 |= next.bits.3
                if next.bits.4 { mask.bits.4 = true }
            }
            afterFirst.append(mask)
        }
        var byFirst = [[LooseStart]](repeating: [], count: 256)
        var looseItems: [Int] = []
        for (_, entry) in loose.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
            byFirst[Int(arena[entry.member.start])].append(LooseStart(member: entry.member, lo: looseItems.count, hi: looseItems.count + entry.patterns.count))
            looseItems += entry.patterns.sorted()
        }
        // For each byte: the prefixes, then whole words by length (a word is only near those of
        // about its own length).
        var looseRuns: [LooseRun] = []
        var ordered: [LooseStart] = []
        for list in byFirst {
            let prefixes = list.filter(\.member.prefix)
            let words = list.filter { !$0.member.prefix }.sorted { ($0.member.count, $0.lo) < ($1.member.count, $1.lo) }
            looseRuns.append(LooseRun(prefixLo: ordered.count, wordsLo: ordered.count + prefixes.count, hi: ordered.count + list.count))
            ordered += prefixes + words
        }
        let wholeWords = ordered.filter { !$0.member.prefix }
        let maxFuzz = wholeWords.map(\.member.fuzz).max() ?? 0
        var fuzzByLength = [Int](repeating: -1, count: (wholeWords.map(\.member.count).max() ?? 0) + 1)
        for start in wholeWords { fuzzByLength[start.member.count] = max(fuzzByLength[start.member.count], start.member.fuzz) }
        self.ops = Self.copy(ops)
        self.sets = Self.copy(sets)
        self.runs = Self.copy(runs)
        self.members = Self.copy(members)
        self.arena = Self.copy(arena)
        self.masks = Self.copy(masks)
        self.entries = Self.copy(entries)
        self.fuzzy = Self.copy(fuzzy)
        self.wholeTable = FlatTable(whole)
        self.startsTable = FlatTable(starts)
        self.prefixStartsTable = FlatTable(prefixStarts)
        self.afterFirst = Self.copy(afterFirst)
        self.partialTable = FlatTable(partial)
        self.looseStarts = Self.copy(ordered)
        self.maxFuzz = maxFuzz
        self.looseFuzzByLength = Self.copy(fuzzByLength)
        self.looseItems = Self.copy(looseItems)
        self.looseRuns = Self.copy(looseRuns)
    }

    deinit {
        ops.deallocate()
        sets.deallocate()
        runs.deallocate()
        members.deallocate()
        arena.deallocate()
        masks.deallocate()
        entries.deallocate()
        fuzzy.deallocate()
        wholeTable.deallocate()
        startsTable.deallocate()
        prefixStartsTable.deallocate()
        afterFirst.deallocate()
        partialTable.deallocate()
        looseStarts.deallocate()
        looseFuzzByLength.deallocate()
        looseItems.deallocate()
        looseRuns.deallocate()
    }

    var count: Int { sources.count }

    /// The ops reached from `pc` without reading a word (every jump goes forward).
    static func closure(_ ops: [Op], from pc: Int) -> [Int] {
        var seen = Set<Int>(), stack = [pc], out: [Int] = []
        while let p = stack.popLast() {
            guard p < ops.count, seen.insert(p).inserted else { continue }
            switch ops[p] {
            case .split(let a, let b): stack += [b, a]
            case .jump(let t): stack.append(t)
            default: out.append(p)
            }
        }
        return out
    }

    private static func copy<T>(_ array: [T]) -> UnsafeMutableBufferPointer<T> {
        let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(1, array.count))
        _ = buffer.initialize(fromContentsOf: array)
        return UnsafeMutableBufferPointer(rebasing: buffer[0..<array.count])
    }
}
