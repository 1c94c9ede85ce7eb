extension DistressCode {
    /// Endings that make another form of a word, not a misspelling of it: "wants" is not a
    /// misspelling of "want", nor "overdosed" of "overdose".
    static let endings: [[UInt8]] = ["s", "d", "ed", "es", "er", "r", "n", "y", "ly", "al", "ing"].map { Array($0.utf8) }

    /// One letter wrong, missing, added or swapped (two, for words of 9 letters or more), with the
    /// first letter kept; a wrong letter only in words of 7 letters or more.
    func near(_ m: Member, _ word: DistressText.Word, line: Line) -> Bool {
        if word.count == 3 {
            // A word of 4 letters typed without its one vowel, as in a text message ("kll", "hrt",
            // "jmp"). Not one letter missing of any kind: "hut" is a word, and so is "dad".
            guard m.count == 4, line.bytes[word.start] == arena[m.start] else { return false }
            return Self.isVowelDropped(UnsafeBufferPointer(rebasing: line.bytes[word.start..<(word.start + 3)]),
                                       UnsafeBufferPointer(rebasing: arena[m.start..<(m.start + 4)]))
        }
        let unlike = (word.letters ^ m.letters).nonzeroBitCount
        guard word.count >= 4, abs(word.count - m.count) <= m.fuzz, unlike <= 2 * m.fuzz,
            line.bytes[word.start] == arena[m.start] else { return false }
        // One edit, told by the bytes each word has (``DistressText/letterBits(_:)``): a swap keeps
        // them all, and a letter missing or added changes one. So a word of another length with
        // two bytes unlike, or of the same length below 7 letters (only a swap) with any, is not near.
        if m.fuzz == 1, word.count == m.count ? m.count < 7 && unlike > 0 : unlike > 1 { return false }
        let a = UnsafeBufferPointer(rebasing: line.bytes[word.start..<(word.start + word.count)])
        let b = UnsafeBufferPointer(rebasing: arena[m.start..<(m.start + m.count)])
        if m.count == 4 { return word.count == 4 && Self.isSwap(a, b) }
        // One letter for another, in a short word, is too often another real word ("noise" for
        // "noose", "alike" for "alive"): below 7 letters only missing, added or swapped letters.
        if m.count < 7, word.count == m.count, !Self.isSwap(a, b) { return false }
        guard Self.mayBeNear(a, b, limit: m.fuzz), Self.distance(a, b, limit: m.fuzz) <= m.fuzz else { return false }
        return !isOtherForm(a, b) && !Self.isRealWord(a)
    }

    /// Everyday words near a word of the patterns that are never a misspelling of it: a depot
    /// "injection" (a medicine) is two letters from "injunction" and from "injecting" (so "my depot
    /// injection is due again" brought the check-in, as a breached injunction). Only words no one
    /// means as the other belong here; a pattern that wants one names it.
    static let realWords: [[UInt8]] = ["injection", "injections"].map { Array($0.utf8) }

    static func isRealWord(_ w: UnsafeBufferPointer<UInt8>) -> Bool {
        realWords.contains { $0.count == w.count && $0.elementsEqual(w) }
    }

    /// A word whose start is one letter away from a `word*` prefix ("sucidal" for `suicid*`).
    func nearPrefix(_ m: Member, _ word: DistressText.Word, line: Line) -> Bool {
        // One edit leaves out at most one of the prefix's letters, and the word's start is in the word.
        guard word.count >= m.count - 1, (m.letters & ~word.letters).nonzeroBitCount <= 1, line.bytes[word.start] == arena[m.start] else { return false }
        let b = UnsafeBufferPointer(rebasing: arena[m.start..<(m.start + m.count)])
        for k in (m.count - 1)...(m.count + 1) where k <= word.count {
            let a = UnsafeBufferPointer(rebasing: line.bytes[word.start..<(word.start + k)])
            if Self.distance(a, b, limit: 1) <= 1 { return true }
        }
        return false
    }

    static func isVowel(_ c: UInt8) -> Bool { c == 0x61 || c == 0x65 || c == 0x69 || c == 0x6F || c == 0x75 }

    /// Whether `typed` is `word` with its one vowel left out, and has no vowel of its own.
    static func isVowelDropped(_ typed: UnsafeBufferPointer<UInt8>, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard typed.count + 1 == word.count, !typed.contains(where: isVowel) else { return false }
        guard let v = word.firstIndex(where: isVowel), !word[(v + 1)...].contains(where: isVowel) else { return false }
        return typed[..<v].elementsEqual(word[..<v]) && typed[v...].elementsEqual(word[(v + 1)...])
    }

    /// A quick test that two words might be `limit` edits apart: what they share at the start and
    /// at the end must cover all but a few letters (each edit spoils at most two).
    @inline(__always)
    static func mayBeNear(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, limit: Int) -> Bool {
        let n = min(a.count, b.count)
        var front = 0
        while front < n, a[front] == b[front] { front += 1 }
        if front == n { return true }
        var back = 0
        while back < n - front, a[a.count - 1 - back] == b[b.count - 1 - back] { back += 1 }
        return front + back >= n - 2 * limit
    }

    /// Whether two words of the same length differ only by two letters side by side swapped.
    static func isSwap(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count, let i = a.indices.first(where: { a[$0] != b[$0] }), i + 1 < a.count else { return false }
        return a[i] == b[i + 1] && a[i + 1] == b[i] && a[(i + 2)...].elementsEqual(b[(i + 2)...])
    }

    /// Whether two words are forms of one word: the same once an ending is taken off each
    /// ("overdoses" and "overdosed", "want" and "wants").
    ///
    /// An ending typed without its `e` is the same form, not another, in a word of 5 letters or
    /// more: "punchd" and "kickd" are "punched" and "kicked" misspelled, "punchs" is "punches". (In
    /// shorter words the two are often both words: "card" and "cared".)
    func isOtherForm(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        for ea in Self.stemEndings where ea.count < a.count && Self.ends(a, with: ea) {
            let stem = a.count - ea.count
            for eb in Self.stemEndings where (ea.count > 0 || eb.count > 0) && eb.count < b.count && b.count - eb.count == stem && Self.ends(b, with: eb) {
                var same = true
                for k in 0..<stem where a[k] != b[k] {
                    same = false
                    break
                }
                if same && !(a.count >= 5 && Self.isEndingWithoutE(ea, eb)) { return true }
            }
        }
        return false
    }

    /// Whether one ending is the other without its `e` ("d" and "ed", "s" and "es").
    static func isEndingWithoutE(_ x: [UInt8], _ y: [UInt8]) -> Bool {
        let (short, long) = x.count < y.count ? (x, y) : (y, x)
        return long.count == 2 && long[0] == 0x65 && short.count == 1 && short[0] == long[1] && (short[0] == 0x64 || short[0] == 0x73)
    }

    /// The endings above, and none.
    static let stemEndings: [[UInt8]] = [[]] + endings

    static func ends(_ w: UnsafeBufferPointer<UInt8>, with e: [UInt8]) -> Bool {
        let start = w.count - e.count
        for k in 0..<e.count where w[start + k] != e[k] { return false }
        return true
    }

    /// Edit distance counting a swap of two letters side by side as one edit (optimal string
    /// alignment), or `limit + 1` for any distance over `limit`.
    ///
    /// Only the band of cells within `limit` of the diagonal is worked out: a cell further out is
    /// more than `limit` edits in, so it is taken as `limit + 1`, which changes no answer up to
    /// `limit`. For a limit of 1 that is 3 cells a row, not the whole word.
    static func distance(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, limit: Int) -> Int {
        let n = a.count, m = b.count
        let over = limit + 1
        if abs(n - m) > limit { return over }
        if n == 0 || m == 0 { return max(n, m) }
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * (m + 1)) { buffer in
            var before = 0, previous = m + 1, current = 2 * (m + 1)
            for j in 0...m { buffer[previous + j] = min(j, over) }
            for i in 1...n {
                let lo = max(1, i - limit), hi = min(m, i + limit)
                buffer[current] = min(i, over)
                if lo > 1 { buffer[current + lo - 1] = over }
                var rowBest = i <= limit ? i : over
                for j in lo...hi {
                    let cost = a[i - 1] == b[j - 1] ? 0 : 1
                    var d = min(buffer[previous + j] + 1, buffer[current + j - 1] + 1, buffer[previous + j - 1] + cost)
                    if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d = min(d, buffer[before + j - 2] + 1) }
                    d = min(d, over)
                    buffer[current + j] = d
                    rowBest = min(rowBest, d)
                }
                // The next row reads one cell past this row's band.
                if hi < m { buffer[current + hi + 1] = over }
                if rowBest > limit { return over }
                (before, previous, current) = (previous, current, before)
            }
            return buffer[previous + m]
        }
    }
}
