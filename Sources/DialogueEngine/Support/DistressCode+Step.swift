/// What the walk over a pattern reads at each place: an op and the first bytes of the words it can
/// go on with (see ``DistressCode/steps``).
extension DistressCode {
    /// 257 bits: the first bytes of the words an op can go on with, and bit 256 (see ``steps``).
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

        /// The classes (``DistressCode/byteClass(_:)``) of the bytes it allows: bits 0-25 the
        /// letters, 26 the digits, 27 any other byte.
        var classes: UInt32 {
            // 'a'...'z' are bits 33-58 of the second word; '0'...'9' bits 48-57 of the first.
            let letters = UInt32(truncatingIfNeeded: bits.1 >> 33) & 0x3FF_FFFF
            let digitBits: UInt64 = 0x3FF << 48, letterBits: UInt64 = 0x3FF_FFFF << 33
            let digits: UInt32 = bits.0 & digitBits != 0 ? 1 << 26 : 0
            let others = bits.0 & ~digitBits != 0 || bits.1 & ~letterBits != 0 || bits.2 != 0 || bits.3 != 0
            return letters | digits | (others ? 1 << 27 : 0)
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

    /// An op and its mask in 8 bytes, for the walk in ``match(_:at:offset:line:scratch:)``. As an
    /// ``Op`` and a ``Mask`` a place takes 64 bytes in two arrays; the raising list has about 38,000
    /// places, 2.4 MB, more than a core's cache holds, and a server's turn waited on it.
    struct Step {
        /// Bits 0-27: the classes (``byteClass(_:)``) of the first bytes of the words it can go on
        /// with; bit 28: it can go on without reading a word (the mask's bit 256); bits 29-31: the kind.
        var bits: UInt32
        /// The set read (`words`), the place jumped to (`jump`), or a `split`'s second place (its
        /// first is always the next).
        var target: Int32

        static let words: UInt32 = 0, gap: UInt32 = 1, end: UInt32 = 2, split: UInt32 = 3, jump: UInt32 = 4, done: UInt32 = 5
        /// The root of a choice's tree, taken at once (``DistressCode/choices(_:entries:steps:)``):
        /// `target` is the choice.
        static let choice: UInt32 = 6
        static let anyBit: UInt32 = 1 << 28
        static let classBits: UInt32 = anyBit - 1

        init(_ op: Op, _ mask: Mask, at pc: Int) {
            var classes = mask.classes
            if mask.bits.4 { classes |= Self.anyBit }
            let kind: UInt32
            switch op {
            case .words(let set): (kind, target) = (Self.words, Int32(set))
            case .gap: (kind, target) = (Self.gap, 0)
            case .end: (kind, target) = (Self.end, 0)
            case .split(let first, let second):
                // What `DistressPattern` compiles: the first branch is the next op.
                precondition(first == pc + 1, "a split whose first branch is not the next op")
                (kind, target) = (Self.split, Int32(second))
            case .jump(let place): (kind, target) = (Self.jump, Int32(place))
            case .done: (kind, target) = (Self.done, 0)
            }
            bits = classes | kind << 29
        }

        @inline(__always) var kind: UInt32 { bits >> 29 }

        /// Makes a split the root of choice `index` (the same classes: the walk tests them alike).
        mutating func mark(choice index: Int) {
            precondition(kind == Self.split, "a choice's tree begins with a split")
            bits = bits & ~(7 << 29) | Self.choice << 29
            target = Int32(index)
        }
        /// Whether it can go on without reading a word, so that no byte rules it out.
        @inline(__always) var any: Bool { bits & Self.anyBit != 0 }

        /// Whether a word that begins with `byte` may be read next: never false when the mask
        /// allows it (bytes share classes, so it is sometimes true when the mask does not).
        @inline(__always)
        func allows(_ byte: UInt8) -> Bool { bits & (1 << DistressCode.byteClass(byte)) != 0 }
    }

    /// A byte's class, 0-27: each lower-case letter its own, the digits one, every other byte one.
    @inline(__always)
    static func byteClass(_ byte: UInt8) -> UInt32 {
        let letter = byte &- 97
        if letter < 26 { return UInt32(letter) }
        return byte &- 48 < 10 ? 26 : 27
    }
}

extension DistressCode {
    /// What a pattern's first word can run on into inside one word ("iwanttodie"): a word read
    /// from a place inside a word is read whole, as written (never `word*`, never misspelled), and
    /// nothing else goes on from there (the end of the pattern, `$` and `...` need a word's start).
    /// So the rest of the word must begin with one of the words that can come next: one of
    /// `bytes`, and at least `shortest` long. Most words that begin with "i" ("is", "in", "it",
    /// "if") go on with too little, or with a letter none of the hundreds of `i ...` patterns has.
    struct RunOn {
        var bytes = Mask()
        var shortest = Int.max

        /// Whether a word can run on into `rest` bytes that begin with `byte`.
        @inline(__always)
        func allows(_ byte: UInt8, rest: Int) -> Bool { rest >= shortest && bytes.allows(byte) }
    }

    /// ``RunOn`` for each pattern: the whole words (not `word*`) of every set that can be read right
    /// after one of its first words.
    static func runOn(_ ops: [Op], entries: [Int], sets: [SetInfo], runs: [Run], members: [Member], arena: [UInt8]) -> [RunOn] {
        var after: [Int: RunOn] = [:]
        return entries.map { entry in
            var on = RunOn()
            for q in DistressPattern.closure(ops, from: entry) {
                guard case .words = ops[q] else { continue }
                let next = after[q + 1] ?? {
                    var next = RunOn()
                    for r in DistressPattern.closure(ops, from: q + 1) {
                        guard case .words(let set) = ops[r] else { continue }
                        let info = sets[set]
                        for run in runs[info.runsStart..<(info.runsStart + info.runsCount)] {
                            for m in members[run.lo..<run.hi] where !m.prefix {
                                next.bytes.insert(arena[m.start])
                                next.shortest = min(next.shortest, m.count)
                            }
                        }
                    }
                    after[q + 1] = next
                    return next
                }()
                on.bytes.bits.0 |= next.bytes.bits.0
                on.bytes.bits.1 |= next.bytes.bits.1
                on.bytes.bits.2 |= next.bytes.bits.2
                on.bytes.bits.3 |= next.bytes.bits.3
                on.shortest = min(on.shortest, next.shortest)
            }
            return on
        }
    }
}
