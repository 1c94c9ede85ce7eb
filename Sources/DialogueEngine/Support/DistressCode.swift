/// The patterns of one list of the check-in words, compiled into flat memory that holds no
/// references. Reading a line allocates nothing but its hits (``Workspace`` is kept between lines).
///
/// `@unchecked Sendable`: every buffer is filled in `init`, never written again, and freed in
/// `deinit`; nothing hands out a pointer that can write. Workspaces, which are written, are behind
/// a lock, and each is used by one reading at a time.
final class DistressCode: @unchecked Sendable {
    /// One word of a word set: where its bytes are in the arena.
    ///
    /// Kept small (24 bytes, not 48): the matcher reads members of many sets for every line, and the
    /// fewer cache lines they fill, the less a server's turn waits on memory.
    struct Member {
        private var start32: Int32
        private var squeezedStart32: Int32
        /// ``DistressText/letterBits(_:)`` of its bytes.
        var letters: UInt32
        private var count32: Int32
        private var squeezedCount32: Int32
        private var fuzz8: Int8
        var prefix: Bool

        init(start: Int, count: Int, squeezedStart: Int, squeezedCount: Int, fuzz: Int, prefix: Bool, letters: UInt32) {
            start32 = Int32(start)
            squeezedStart32 = Int32(squeezedStart)
            self.letters = letters
            count32 = Int32(count)
            squeezedCount32 = Int32(squeezedCount)
            fuzz8 = Int8(fuzz)
            self.prefix = prefix
        }

        var start: Int { Int(start32) }
        var count: Int { Int(count32) }
        var squeezedStart: Int { Int(squeezedStart32) }
        var squeezedCount: Int { Int(squeezedCount32) }
        var fuzz: Int { Int(fuzz8) }
    }

    /// The members of a set that begin with one byte: `lo..<hi`.
    struct Run {
        var byte: UInt8
        private var lo32: Int32
        private var hi32: Int32

        init(byte: UInt8, lo: Int, hi: Int) {
            self.byte = byte
            lo32 = Int32(lo)
            hi32 = Int32(hi)
        }

        var lo: Int { Int(lo32) }
        var hi: Int {
            get { Int(hi32) }
            set { hi32 = Int32(newValue) }
        }
    }

    struct SetInfo {
        private var runsStart32: Int32
        private var runsCount32: Int32

        init(runsStart: Int, runsCount: Int) {
            runsStart32 = Int32(runsStart)
            runsCount32 = Int32(runsCount)
        }

        var runsStart: Int { Int(runsStart32) }
        var runsCount: Int { Int(runsCount32) }
    }

    /// A pattern's ops, with every place in this list's ops and sets rather than the pattern's own.
    typealias Op = DistressPattern.Op

    /// The patterns as written, in order.
    let sources: [String]
    let sets: UnsafeMutableBufferPointer<SetInfo>
    let runs: UnsafeMutableBufferPointer<Run>
    let members: UnsafeMutableBufferPointer<Member>
    let arena: UnsafeMutableBufferPointer<UInt8>
    /// Each op with its mask (see ``Step``): the first bytes of the words it can go on with (bits
    /// 0-255), and bit 256 when it can reach the end of the pattern or `...` without reading a
    /// word: dead branches are not tried.
    let steps: UnsafeMutableBufferPointer<Step>
    /// The choices taken at once, and their branches (see ``choices(_:entries:steps:)``).
    let choices: UnsafeMutableBufferPointer<Choice>
    /// Each choice's ``choiceClasses`` lists in ``branches``: list `c` of choice `i` is
    /// `choiceRuns[i.runs + c]..<choiceRuns[i.runs + c + 1]`.
    let choiceRuns: UnsafeMutableBufferPointer<Int32>
    /// Where each branch of a choice begins, listed by class.
    let branches: UnsafeMutableBufferPointer<Int32>
    /// Each pattern's first op, and whether it reads misspellings.
    let entries: UnsafeMutableBufferPointer<Int>
    let fuzzy: UnsafeMutableBufferPointer<Bool>
    /// The start index (see ``candidates(at:line:stamp:into:)``).
    let wholeTable: FlatTable
    let startsTable: FlatTable
    /// The same for `word*` prefixes, which match a whole word, never words run together.
    let prefixStartsTable: FlatTable
    /// For each pattern, what its first word can run on into inside one word (see ``RunOn``): a
    /// word that begins with a first word but goes on with bytes no word after it can begin with,
    /// or with fewer bytes than the shortest of them, is not a place the pattern can begin
    /// ("is", "in", "it" for `i ...`).
    let runOn: UnsafeMutableBufferPointer<RunOn>
    /// The first bytes of what can follow each pattern's first word, in byte classes (bits 0-27),
    /// and ``Step/anyBit`` when it can end or go on without reading a word, for a pattern whose
    /// first word is the whole of a word: whether the next word of the line can begin what follows it.
    let nextClasses: UnsafeMutableBufferPointer<UInt32>
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
            for q in DistressPattern.closure(ops, from: pc) {
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
        // What can follow each pattern's first word (see `nextClasses`).
        var afterFirst: [Mask] = []
        for entry in entries {
            var mask = Mask()
            for q in DistressPattern.closure(ops, from: entry) {
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
        self.sets = Self.copy(sets)
        self.runs = Self.copy(runs)
        self.members = Self.copy(members)
        self.arena = Self.copy(arena)
        var steps = ops.indices.map { Step(ops[$0], masks[$0], at: $0) }
        let choices = Self.choices(patterns, entries: entries, steps: &steps)
        self.steps = Self.copy(steps)
        self.choices = Self.copy(choices.choices)
        self.choiceRuns = Self.copy(choices.runs)
        self.branches = Self.copy(choices.branches)
        self.entries = Self.copy(entries)
        self.fuzzy = Self.copy(fuzzy)
        self.wholeTable = FlatTable(whole)
        self.startsTable = FlatTable(starts)
        self.prefixStartsTable = FlatTable(prefixStarts)
        self.runOn = Self.copy(Self.runOn(ops, entries: entries, sets: sets, runs: runs, members: members, arena: arena))
        self.nextClasses = Self.copy(afterFirst.map { mask in
            mask.classes | (mask.bits.4 ? Step.anyBit : 0)
        })
        self.partialTable = FlatTable(partial)
        self.looseStarts = Self.copy(ordered)
        self.maxFuzz = maxFuzz
        self.looseFuzzByLength = Self.copy(fuzzByLength)
        self.looseItems = Self.copy(looseItems)
        self.looseRuns = Self.copy(looseRuns)
    }

    deinit {
        sets.deallocate()
        runs.deallocate()
        members.deallocate()
        arena.deallocate()
        steps.deallocate()
        choices.deallocate()
        choiceRuns.deallocate()
        branches.deallocate()
        entries.deallocate()
        fuzzy.deallocate()
        wholeTable.deallocate()
        startsTable.deallocate()
        prefixStartsTable.deallocate()
        runOn.deallocate()
        nextClasses.deallocate()
        partialTable.deallocate()
        looseStarts.deallocate()
        looseFuzzByLength.deallocate()
        looseItems.deallocate()
        looseRuns.deallocate()
    }

    var count: Int { sources.count }

    /// Kept between lines, one for each reading at a time (see ``Workspace``).
    let workspaces = Locked<[Workspace]>([])

    private static func copy<T>(_ array: [T]) -> UnsafeMutableBufferPointer<T> {
        let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(1, array.count))
        _ = buffer.initialize(fromContentsOf: array)
        return UnsafeMutableBufferPointer(rebasing: buffer[0..<array.count])
    }
}
