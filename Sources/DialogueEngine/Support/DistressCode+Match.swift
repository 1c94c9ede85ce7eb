extension DistressCode {
    /// A match in a line: the words it covers, `start..<end`.
    struct Hit: Sendable, Equatable {
        var start: Int
        var end: Int
    }

    /// A pattern that matched at a word: which one, and its shortest and longest matches there.
    struct Found: Sendable {
        var index: Int
        var shortest: Hit
        var longest: Hit
        /// The words `...` passed over in every way the walk found to the shortest match's end (bit
        /// k: word `start + k`), and the same for the longest match's end. They are not part of what
        /// the pattern says: they do not decide who it is about, and a quiet pattern never quiets them.
        var skipped: UInt64
        var skippedAtLongest: UInt64 = 0

        /// Whether every word `inner` says itself (its shortest match, less what its `...` passed
        /// over) is a word this match says itself, in its shortest or its longest match.
        /// Words a `...` passed over are not what a pattern says, so a quiet pattern never holds
        /// them: "he ... hit me up" does not quiet "wants to kill himself" typed between "he" and
        /// "hit", nor "(fell) ... cut myself" the "wanted to" of "I fell apart and wanted to cut myself".
        func saysAll(of inner: Found) -> Bool {
            func says(_ i: Int, through end: Int, skipped: UInt64) -> Bool {
                // A word 64 or more past the start has no bit: taken as passed over, so not said.
                i >= start && i < end && i - start < 64 && skipped & (1 << UInt64(i - start)) == 0
            }
            for i in inner.shortest.start..<inner.shortest.end {
                let k = i - inner.start
                if k < 64, inner.skipped & (1 << UInt64(k)) != 0 { continue }
                guard says(i, through: shortest.end, skipped: skipped) || says(i, through: longest.end, skipped: skippedAtLongest) else { return false }
            }
            return true
        }

        private var start: Int { shortest.start }
    }

    /// A line's words and bytes, borrowed for one pass.
    struct Line {
        let words: UnsafeBufferPointer<DistressText.Word>
        let bytes: UnsafeBufferPointer<UInt8>
        let squeezed: UnsafeBufferPointer<UInt8>
        /// Where this pass's marks in the stamps begin (``Workspace/marks(forWords:)``).
        var marks: Int32 = 0
    }

    /// A place in a walk over a pattern: an op, a word, a place inside the word, and the words
    /// `...` passed over.
    struct State {
        var pc: Int
        var word: Int
        var offset: Int
        var skipped: UInt64
    }

    /// Space kept between tries, so a line's many tries allocate nothing.
    struct Scratch {
        var stack = ScratchBuffer<State>(capacity: 64)
        var seen = ScratchBuffer<Int>(capacity: 16)
        var candidates = ScratchBuffer<Int>(capacity: 64)
        /// The words of a set read at a place, by the tries that begin at one word, and where each
        /// read left off (`reads[i].lo..<hi` in `readEnds`): patterns that begin with the same
        /// choice of words (kept once, see `init`) read it there once. At most ``readsKept``.
        var reads = ScratchBuffer<Read>(capacity: readsKept)
        var readEnds = ScratchBuffer<ReadEnd>(capacity: 32)
        /// How many reads to remember (0 for none, which tests compare with).
        var keep = readsKept
        /// Whether choices are taken at once (``DistressCode/choices(_:entries:steps:)``) rather
        /// than down their trees (false for the plain search, which tests compare with).
        var choicesAtOnce = true

        func deallocate() {
            stack.deallocate()
            seen.deallocate()
            candidates.deallocate()
            reads.deallocate()
            readEnds.deallocate()
        }
    }

    /// A word set read at a place (see ``Scratch/reads``): the set, the word, the place in it, and
    /// whether misspellings count. (The tries that share reads begin at one word, so in one sentence.)
    struct Read {
        var set: Int
        var word: Int
        var offset: Int
        var fuzzy: Bool
        var lo = 0
        var hi = 0

        @inline(__always)
        func same(_ other: Read) -> Bool {
            set == other.set && word == other.word && offset == other.offset && fuzzy == other.fuzzy
        }
    }

    /// Where a read left off: the next word, or a place inside a word.
    struct ReadEnd {
        var word: Int
        var offset: Int
    }

    /// How many reads are remembered for the tries that begin at one word. Few are different (about
    /// 12 in a whole line of a transcript); a word that tries every pattern (`k*ll`) stops remembering
    /// rather than search a long list.
    static let readsKept = 16

    /// Every pattern that matches, at every word it can begin at. `rememberingReads` false takes
    /// none of the short cuts: it reads every word set again at every try, tries every pattern whose
    /// first word is there, whatever word follows, and walks down every choice's tree (the same
    /// hits, found more slowly: for tests and the fuzzer, which hold the two ways to one answer).
    func hits(in text: DistressText, rememberingReads: Bool = true) -> [Found] {
        var out: [Found] = []
        let space = takeWorkspace()
        defer { giveBack(space) }
        text.words.withUnsafeBufferPointer { words in
            text.bytes.withUnsafeBufferPointer { bytes in
                text.squeezed.withUnsafeBufferPointer { squeezed in
                    let line = Line(words: words, bytes: bytes, squeezed: squeezed, marks: space.marks(forWords: words.count))
                    // Out of the workspace for the line (its lists may grow), and back after.
                    var scratch = space.scratch
                    defer { space.scratch = scratch }
                    scratch.keep = rememberingReads ? Self.readsKept : 0
                    scratch.choicesAtOnce = rememberingReads
                    let fillers = Self.fillersByFirst, fillerRuns = Self.fillerRuns, stamp = space.stamps
                    for w in 0..<words.count {
                        scratch.reads.removeAll()
                        scratch.readEnds.removeAll()
                        self.candidates(at: w, line: line, stamp: stamp, narrowing: rememberingReads, into: &scratch.candidates)
                        // In the file's order, whichever way in found each: narrowing leaves some
                        // out of one way that another brings, and the hits come in one order.
                        scratch.candidates.sort()
                        for i in 0..<scratch.candidates.count {
                            let p = scratch.candidates[i]
                            if let found = match(p, at: w, line: line, scratch: &scratch) { out.append(found) }
                        }
                        // Words run together after a little word: "iwanttodie", "justwanttodie".
                        guard words[w].count >= 4 else { continue }
                        let run = fillerRuns[Int(bytes[words[w].start])]
                        for filler in fillers[run.lo..<run.hi] where words[w].count >= filler.count + 3 && same(bytes, words[w].start, filler) {
                            self.candidates(at: w, offset: filler.count, line: line, stamp: stamp, narrowing: rememberingReads, into: &scratch.candidates)
                            scratch.candidates.sort()
                            for i in 0..<scratch.candidates.count {
                                let p = scratch.candidates[i]
                                if let found = match(p, at: w, offset: filler.count, line: line, scratch: &scratch) { out.append(found) }
                            }
                        }
                    }
                }
            }
        }
        return out
    }

    /// The matches of pattern `p` that begin at word `start`.
    ///
    /// A walk over the pattern's states (op, word, place inside the word). Every jump goes forward,
    /// so the walk ends; a branch whose first word cannot begin with the next byte is not tried,
    /// and the states after `...` are visited once each.
    func match(_ p: Int, at start: Int, offset startOffset: Int = 0, line: Line, scratch: inout Scratch) -> Found? {
        let sentence = line.words[start].sentence
        let fuzzy = self.fuzzy[p]
        scratch.stack.removeAll()
        scratch.seen.removeAll()
        scratch.stack.append(State(pc: entries[p], word: start, offset: startOffset, skipped: 0))
        var shortest = Int.max, longest = -1, skippedAtShortest: UInt64 = 0, skippedAtLongest: UInt64 = 0
        // A state taken from the stack is followed through the ops that lead to one place (the
        // first branch of a split, a jump, the end of a sentence) without going back on the stack:
        // the same states in the same order as pushing each and taking it off again, with a split's
        // second branch pushed only when its first word can begin where the walk stands.
        while var state = scratch.stack.popLast() {
            walk: while true {
                let pc = state.pc, w = state.word, offset = state.offset, skipped = state.skipped
                let step = steps[pc]
                if !step.any {
                    guard w < line.words.count, step.allows(line.bytes[line.words[w].start + offset]) else { break walk }
                }
                switch step.kind {
                case Step.done:
                    if offset == 0 {
                        // Passed over in every way found to that end: what one way says, the pattern says.
                        if w < shortest { skippedAtShortest = skipped } else if w == shortest { skippedAtShortest &= skipped }
                        if w > longest { skippedAtLongest = skipped } else if w == longest { skippedAtLongest &= skipped }
                        shortest = min(shortest, w)
                        longest = max(longest, w)
                    }
                    break walk
                case Step.end:
                    guard offset == 0, w == line.words.count || line.words[w].sentence != sentence else { break walk }
                    state.pc = pc + 1
                case Step.jump:
                    state.pc = Int(step.target)
                case Step.choice where scratch.choicesAtOnce:
                    // The branches that can begin here (kept by the class of their first byte),
                    // each pushed, the first last so that it is taken first: the order a walk down
                    // the choice's tree takes them in.
                    let here = w < line.words.count ? Int(Self.byteClass(line.bytes[line.words[w].start + offset])) : Self.choiceClasses - 1
                    let at = Int(choices[Int(step.target)].runs) + here
                    let lo = Int(choiceRuns[at])
                    var k = Int(choiceRuns[at + 1])
                    while k > lo {
                        k -= 1
                        scratch.stack.append(State(pc: Int(branches[k]), word: w, offset: offset, skipped: skipped))
                    }
                    break walk
                case Step.split, Step.choice:
                    // (A choice, in the plain search: the first split of its tree.)
                    let target = step.kind == Step.split ? Int(step.target) : Int(choices[Int(step.target)].second)
                    let second = steps[target]
                    if second.any || (w < line.words.count && second.allows(line.bytes[line.words[w].start + offset])) {
                        scratch.stack.append(State(pc: target, word: w, offset: offset, skipped: skipped))
                    }
                    state.pc = pc + 1
                case Step.gap:
                    let key = pc << 32 | w
                    guard offset == 0, !scratch.seen.contains(key) else { break walk }
                    scratch.seen.append(key)
                    scratch.stack.append(State(pc: pc + 1, word: w, offset: 0, skipped: skipped))
                    var k = w, mask = skipped
                    for _ in 0..<DistressPattern.maxGap {
                        guard k < line.words.count, line.words[k].sentence == sentence else { break }
                        if k - start < 64 { mask |= 1 << UInt64(k - start) }
                        k += 1
                        scratch.stack.append(State(pc: pc + 1, word: k, offset: 0, skipped: mask))
                    }
                    break walk
                default: // Step.words
                    read(Read(set: Int(step.target), word: w, offset: offset, fuzzy: fuzzy), sentence: sentence, pc: pc + 1, skipped: skipped, line: line, scratch: &scratch)
                    break walk
                }
            }
        }
        guard longest >= 0 else { return nil }
        return Found(index: p, shortest: Hit(start: start, end: shortest), longest: Hit(start: start, end: longest), skipped: skippedAtShortest, skippedAtLongest: skippedAtLongest)
    }

    /// ``advance(_:pc:_:_:_:fuzzy:line:stack:)``, done once for each place a set is read from by
    /// the tries that begin at one word (see ``Scratch/reads``); the states it pushes carry `skipped`.
    func read(_ key: Read, sentence: Int, pc: Int, skipped: UInt64, line: Line, scratch: inout Scratch) {
        for i in 0..<scratch.reads.count where scratch.reads[i].same(key) {
            let known = scratch.reads[i]
            for k in known.lo..<known.hi {
                let end = scratch.readEnds[k]
                scratch.stack.append(State(pc: pc, word: end.word, offset: end.offset, skipped: skipped))
            }
            return
        }
        let before = scratch.stack.count
        advance(key.set, pc: pc, key.word, key.offset, sentence, fuzzy: key.fuzzy, line: line, stack: &scratch.stack)
        for i in before..<scratch.stack.count { scratch.stack[i].skipped = skipped }
        guard scratch.reads.count < scratch.keep else { return }
        var read = key
        read.lo = scratch.readEnds.count
        for i in before..<scratch.stack.count { scratch.readEnds.append(ReadEnd(word: scratch.stack[i].word, offset: scratch.stack[i].offset)) }
        read.hi = scratch.readEnds.count
        scratch.reads.append(read)
    }

    /// Reads one word of a set from (`w`, `offset`), and pushes where it can leave off: the next
    /// word, or a place inside a word when the line runs words together.
    func advance(
        _ set: Int, pc: Int, _ w: Int, _ offset: Int, _ sentence: Int, fuzzy: Bool, line: Line,
        stack: inout ScratchBuffer<State>
    ) {
        guard w < line.words.count, line.words[w].sentence == sentence else { return }
        let word = line.words[w]
        let info = sets[set]
        if offset == 0 {
            if whole(info, word, fuzzy: fuzzy, line: line) { stack.append(State(pc: pc, word: w + 1, offset: 0, skipped: 0)) }
            // Split across words: "my self" for "myself", "sui cide" for "suicide".
            if word.count >= 2, let run = run(info, line.bytes[word.start]) {
                for i in run.lo..<run.hi where !members[i].prefix && members[i].count > word.count {
                    let m = members[i]
                    if same(line.bytes, word.start, arena, m.start, word.count) {
                        spanning(m, from: w + 1, done: word.count, sentence, pc: pc, line: line, stack: &stack)
                    }
                }
            }
        }
        // Joined to the next word: "selfharm" for "self harm", "killmyself" for "kill myself".
        let rest = word.count - offset
        guard rest > 0, let run = run(info, line.bytes[word.start + offset]) else { return }
        var endsWord = false
        for i in run.lo..<run.hi where !members[i].prefix {
            let m = members[i]
            if rest > m.count, same(line.bytes, word.start + offset, arena, m.start, m.count) {
                stack.append(State(pc: pc, word: w, offset: offset + m.count, skipped: 0))
            } else if offset > 0, rest == m.count, same(line.bytes, word.start + offset, arena, m.start, m.count) {
                endsWord = true
            }
        }
        if endsWord { stack.append(State(pc: pc, word: w + 1, offset: 0, skipped: 0)) }
    }

    /// Whether the whole word is one of the set: the same, a word a member starts (`word*`), or
    /// (with `fuzzy`) the same but for doubled letters or a close misspelling of a member.
    func whole(_ info: SetInfo, _ word: DistressText.Word, fuzzy: Bool, line: Line) -> Bool {
        guard let run = run(info, line.bytes[word.start]) else { return false }
        for i in run.lo..<run.hi {
            let m = members[i]
            if m.prefix {
                if word.count >= m.count, same(line.bytes, word.start, arena, m.start, m.count) { return true }
                if fuzzy, m.count >= 6, nearPrefix(m, word, line: line) { return true }
                continue
            }
            if word.count == m.count, same(line.bytes, word.start, arena, m.start, m.count) { return true }
            // Letters doubled or not ("kil" for "kill"), but only in words that may be misspelled:
            // who-words match as written, or "soon" would be "son" and "ten" would be "teen".
            if fuzzy, m.squeezedCount >= 3, word.squeezedCount == m.squeezedCount, same(line.squeezed, word.squeezedStart, arena, m.squeezedStart, m.squeezedCount) {
                return true
            }
            if fuzzy, m.fuzz > 0, near(m, word, line: line) { return true }
            if word.masked, word.count == m.count, sameUnmasked(line.bytes, word.start, m) { return true }
        }
        return false
    }

    /// Whether a word with letters hidden behind `*` ("k*ll") is the member: every letter shown is
    /// the member's, and at least half of them are shown.
    func sameUnmasked(_ a: UnsafeBufferPointer<UInt8>, _ i: Int, _ m: Member) -> Bool {
        var shown = 0
        for k in 0..<m.count {
            let b = a[i + k]
            if b == DistressText.star { continue }
            guard b == arena[m.start + k] else { return false }
            shown += 1
        }
        return shown * 2 >= m.count
    }

    /// The members of a set that begin with `byte`.
    func run(_ info: SetInfo, _ byte: UInt8) -> Run? {
        for r in info.runsStart..<(info.runsStart + info.runsCount) where runs[r].byte == byte { return runs[r] }
        return nil
    }

    /// The rest of a member, read from the next words of the line (3 words at most in all).
    func spanning(_ m: Member, from w: Int, done: Int, _ sentence: Int, pc: Int, line: Line, stack: inout ScratchBuffer<State>) {
        var done = done, w = w
        for _ in 0..<2 {
            guard w < line.words.count, line.words[w].sentence == sentence else { return }
            let next = line.words[w]
            let rest = m.count - done
            if next.count == rest, same(line.bytes, next.start, arena, m.start + done, rest) {
                stack.append(State(pc: pc, word: w + 1, offset: 0, skipped: 0))
                return
            }
            if next.count > rest, same(line.bytes, next.start, arena, m.start + done, rest) {
                stack.append(State(pc: pc, word: w, offset: rest, skipped: 0))
                return
            }
            guard next.count < rest, same(line.bytes, next.start, arena, m.start + done, next.count) else { return }
            done += next.count
            w += 1
        }
    }

    /// Little words that people run into what follows, and the ways of saying what one means to do
    /// that run into it too ("iwanttokillmyself", "gonnaendit").
    static let fillers: [[UInt8]] = [
        "i", "im", "ive", "id", "just", "so", "really", "and", "but", "lol", "omg", "honestly", "literally",
        "iwantto", "wantto", "iwanna", "wanna", "imgonna", "gonna", "imgoingto", "goingto", "ineedto", "needto",
        "ijustwantto", "justwantto",
    ].map { Array($0.utf8) }
    /// The fillers by their first byte (in their order among those with the same one), and for each
    /// byte where they are (`lo..<hi`, empty for most): a word is compared only with those it can begin with.
    static let fillersByFirst: [[UInt8]] = fillers.enumerated().sorted { ($0.element[0], $0.offset) < ($1.element[0], $1.offset) }.map(\.element)
    static let fillerRuns: [(lo: Int, hi: Int)] = (0..<256).map { byte in
        let lo = fillersByFirst.firstIndex { Int($0[0]) >= byte } ?? fillersByFirst.count
        let hi = fillersByFirst.firstIndex { Int($0[0]) > byte } ?? fillersByFirst.count
        return (lo, hi)
    }

    @inline(__always)
    func same(_ a: UnsafeBufferPointer<UInt8>, _ i: Int, _ b: [UInt8]) -> Bool {
        for k in 0..<b.count where a[i + k] != b[k] { return false }
        return true
    }

    @inline(__always)
    func same(_ a: UnsafeBufferPointer<UInt8>, _ i: Int, _ b: UnsafeMutableBufferPointer<UInt8>, _ j: Int, _ n: Int) -> Bool {
        for k in 0..<n where a[i + k] != b[j + k] { return false }
        return true
    }
}
