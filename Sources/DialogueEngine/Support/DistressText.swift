/// A line as the distress matcher reads it: plain words in sentences.
///
/// One pass over the line's scalars, with no Foundation: it runs on every line people type.
///
/// - Capitals, accents (`â`, `ŵ`, `é`) and curly quotes are made plain; apostrophes are dropped, so
///   "can't" and "cant" are the same word, and so are "dwi'n" and "dwin".
/// - Hyphens, punctuation, emoji and symbols separate words ("self-harm" is "self harm").
/// - Zero-width characters and text-direction controls are ignored ("kill\u{200B}myself" is one word).
/// - Three or more of a letter become one ("sooooo" is "so", "kiiill" is "kill").
/// - `!` or `|` between letters reads as "i" ("k!ll", "su|cide"); `*` between letters hides one
///   letter ("k*ll", "s*icide") and matches any letter of a word the same length.
/// - Digits inside words read as letters ("k1ll", "su1c1de"); "2" on its own reads as "to", "u" as
///   "you", "b" as "be", and "too" as "to"; a number from 10 to 999 reads as "many" ("took 30
///   tablets"); three or more single letters are one word ("k i l l").
/// - A full stop, `!`, `?` or `;` followed by a space, or a line break, ends a sentence (but a
///   sentence of one or two words runs on: "Kill. Myself."). Patterns never match across sentences.
struct DistressText: Sendable {
    /// Where a word's bytes are: plain values only, so reading them retains nothing.
    struct Word: Sendable {
        /// The word's bytes (UTF-8, made plain) are `bytes[start..<start + count]`.
        var start: Int
        var count: Int
        /// The same with every run of a letter made one ("kill" is "kil"), in `squeezed`.
        var squeezedStart: Int
        var squeezedCount: Int
        /// Which sentence of the line the word is in, from 0.
        var sentence: Int
        /// Whether some letters are hidden behind `*` ("k*ll").
        var masked = false
    }

    private(set) var words: [Word] = []
    /// Every word's bytes, one after another.
    private(set) var bytes: [UInt8] = []
    /// Every word's squeezed bytes, one after another.
    private(set) var squeezed: [UInt8] = []

    /// A word's bytes.
    func bytes(of w: Int) -> ArraySlice<UInt8> { bytes[words[w].start..<(words[w].start + words[w].count)] }

    init(_ line: String) {
        var current: [UInt8] = []
        var sentence = 0, inSentence = 0
        var terminal = false, spaced = false, hardBreak = false
        var word: [UInt8] = []
        word.reserveCapacity(32)
        func finish() {
            guard !current.isEmpty else { return }
            if Self.plainWord(current, into: &word) {
                // A sentence of one or two words runs on into the next: "Kill. Myself."
                if !words.isEmpty && (hardBreak || (terminal && spaced && inSentence >= 3)) {
                    sentence += 1
                    inSentence = 0
                }
                inSentence += 1
                let start = bytes.count, squeezedStart = squeezed.count
                var masked = false
                word.withUnsafeBufferPointer { w in
                    bytes.append(contentsOf: w)
                    // `squeeze`, written straight in: an ASCII byte the same as the one before it goes.
                    for i in w.indices {
                        let b = w[i]
                        if b == Self.star { masked = true }
                        if i == 0 || !(b < 0x80 && w[i - 1] == b) { squeezed.append(b) }
                    }
                }
                words.append(Word(start: start, count: word.count, squeezedStart: squeezedStart, squeezedCount: squeezed.count - squeezedStart, sentence: sentence, masked: masked))
                terminal = false
                spaced = false
                hardBreak = false
            }
            current.removeAll(keepingCapacity: true)
        }
        // A `!` or `|` just after a letter: an "i" if a letter follows ("k!ll"), else what it is.
        var pendingI: Kind?
        let size = line.utf8.count
        words.reserveCapacity(size / 4 + 1)
        bytes.reserveCapacity(size)
        squeezed.reserveCapacity(size)
        current.reserveCapacity(32)
        func read(_ scalar: Unicode.Scalar) {
            var kind = Self.kind(of: scalar)
            if let pending = pendingI {
                pendingI = nil
                switch kind {
                case .letter, .otherLetter: current.append(0x69)
                default:
                    finish()
                    if case .terminal = pending { terminal = true }
                }
            }
            if !current.isEmpty, scalar == "!" || scalar == "|" {
                pendingI = kind
                return
            }
            if scalar == "*" {
                // Inside a word it stands for a letter; elsewhere it separates words ("*hugs*").
                if !current.isEmpty { kind = .letter(Self.star) }
            }
            switch kind {
            case .letter(let byte):
                current.append(byte)
            case .otherLetter:
                for lower in Self.lowered(scalar) {
                    if let folded = Self.folded[lower.value] {
                        current.append(folded)
                    } else if lower.isASCII {
                        current.append(UInt8(lower.value))
                    } else {
                        current.append(contentsOf: Array(String(lower).utf8))
                    }
                }
            case .joiner, .ignored:
                return
            case .terminal:
                finish()
                terminal = true
            case .lineBreak:
                finish()
                hardBreak = true
            case .space:
                finish()
                if terminal { spaced = true }
            case .separator:
                finish()
            }
        }
        // Most lines are ASCII: reading bytes as scalars skips decoding UTF-8.
        if line.utf8.allSatisfy({ $0 < 0x80 }) {
            for byte in line.utf8 { read(Unicode.Scalar(byte)) }
        } else {
            for scalar in line.unicodeScalars { read(scalar) }
        }
        if let pending = pendingI {
            finish()
            if case .terminal = pending { terminal = true }
        }
        finish()
        joinSpacedLetters()
    }

    /// A letter hidden behind `*`.
    static let star: UInt8 = 0x2A

    /// Three or more single letters in a row are one word: "k i l l" is "kill".
    private mutating func joinSpacedLetters() {
        var i = 0
        while i < words.count {
            var j = i
            while j < words.count, words[j].count == 1, words[j].sentence == words[i].sentence, (0x61...0x7A).contains(bytes[words[j].start]) { j += 1 }
            if j - i >= 3 {
                let joined = (i..<j).map { bytes[words[$0].start] }
                let loose = Self.squeeze(joined)
                let word = Word(start: bytes.count, count: joined.count, squeezedStart: squeezed.count, squeezedCount: loose.count, sentence: words[i].sentence)
                bytes += joined
                squeezed += loose
                words.replaceSubrange(i..<j, with: [word])
            }
            i += 1
        }
    }

    /// The words of a pattern's word, made plain the same way ("self-harm" is two words).
    static func plainWords(_ text: String) -> [[UInt8]] {
        let t = DistressText(text)
        return t.words.indices.map { Array(t.bytes(of: $0)) }
    }

    // MARK: Characters

    enum Kind {
        /// An ASCII letter or digit (lower case), or `@` or `$` (read as letters inside words).
        case letter(UInt8)
        /// A letter or digit outside ASCII.
        case otherLetter
        /// An apostrophe: dropped, the word goes on.
        case joiner
        /// Zero-width characters, text-direction controls, combining accents: as if not there.
        case ignored
        /// `.`, `!`, `?`, `;`, `…`: a sentence ends when a space follows.
        case terminal
        case lineBreak
        case space
        /// Any other punctuation, symbol or emoji: ends a word.
        case separator
    }

    static func kind(of u: Unicode.Scalar) -> Kind {
        let v = u.value
        if v < 0x80 {
            switch v {
            case 0x61...0x7A, 0x30...0x39: return .letter(UInt8(v))
            case 0x41...0x5A: return .letter(UInt8(v + 0x20))
            case 0x40, 0x24: return .letter(UInt8(v))
            case 0x27, 0x60: return .joiner
            case 0x2E, 0x21, 0x3F, 0x3B: return .terminal
            case 0x0A, 0x0D, 0x0B, 0x0C: return .lineBreak
            case 0x20, 0x09: return .space
            default: return .separator
            }
        }
        switch v {
        case 0x2019, 0x2018, 0x02BC, 0x00B4, 0x2032, 0xFF07: return .joiner
        case 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2069, 0xFEFF, 0x00AD, 0x061C, 0x034F: return .ignored
        case 0x2026, 0x203C, 0x2047...0x2049, 0x3002, 0x061F, 0xFF01, 0xFF1F: return .terminal
        case 0x2028, 0x2029, 0x0085: return .lineBreak
        case 0x00A0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return .space
        default: break
        }
        switch u.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber, .letterNumber:
            return .otherLetter
        case .nonspacingMark, .enclosingMark, .spacingMark:
            return .ignored
        default:
            return .separator
        }
    }

    static func lowered(_ u: Unicode.Scalar) -> Substring.UnicodeScalarView {
        let lower = u.properties.lowercaseMapping
        return lower.isEmpty ? Substring(String(u)).unicodeScalars : Substring(lower).unicodeScalars
    }

    /// Latin letters with accents, and the plain letter they read as (Welsh `ŵ`, `ŷ`, `â` among them).
    static let folded: [UInt32: UInt8] = {
        var map: [UInt32: UInt8] = [:]
        let groups: [(String, Character)] = [
            ("àáâãäåāăą", "a"), ("çćĉċč", "c"), ("ďđ", "d"), ("èéêëēĕėęě", "e"), ("ĝğġģ", "g"), ("ĥħ", "h"),
            ("ìíîïĩīĭįı", "i"), ("ĵ", "j"), ("ķ", "k"), ("ĺļľŀł", "l"), ("ñńņň", "n"), ("òóôõöøōŏő", "o"),
            ("ŕŗř", "r"), ("śŝşšß", "s"), ("ţťŧ", "t"), ("ùúûüũūŭůűų", "u"), ("ŵẁẃẅ", "w"), ("ýÿŷỳ", "y"), ("źżž", "z"),
        ]
        for (letters, plain) in groups {
            for s in letters.unicodeScalars { map[s.value] = plain.asciiValue! }
        }
        return map
    }()

    // MARK: Words

    /// A word's raw bytes made plain: digits in words read as letters, long runs cut, text-speak
    /// read as words. Nil when nothing of the word is left.
    static func plainWord(_ raw: [UInt8]) -> [UInt8]? {
        var word: [UInt8] = []
        return plainWord(raw, into: &word) ? word : nil
    }

    /// `plainWord` into a buffer kept from word to word (a line's words allocate nothing); false
    /// when nothing is left of the word.
    static func plainWord(_ raw: [UInt8], into word: inout [UInt8]) -> Bool {
        let hasLetter = raw.contains { ($0 >= 0x61 && $0 <= 0x7A) || $0 >= 0x80 }
        let startsWithLetter = raw.first.map { ($0 >= 0x61 && $0 <= 0x7A) || $0 >= 0x80 || $0 == 0x40 || $0 == 0x24 } ?? false
        word.removeAll(keepingCapacity: true)
        if hasLetter && startsWithLetter {
            for b in raw {
                switch b {
                case 0x30: word.append(0x6F)  // 0 -> o
                case 0x31: word.append(0x69)  // 1 -> i
                case 0x33: word.append(0x65)  // 3 -> e
                case 0x34, 0x40: word.append(0x61)  // 4, @ -> a
                case 0x35, 0x24: word.append(0x73)  // 5, $ -> s
                case 0x37: word.append(0x74)  // 7 -> t
                default: word.append(b)
                }
            }
        } else {
            for b in raw where b != 0x40 && b != 0x24 { word.append(b) }
            // A number from 10 to 999 reads as "many": "I took 30 paracetamol".
            if !hasLetter, word.count >= 2, word.count <= 3, word[0] != 0x30 { return replace(&word, many) }
        }
        // A `*` hides a letter only inside a word: "hugs*" is "hugs".
        while word.last == star { word.removeLast() }
        guard !word.isEmpty else { return false }
        word = collapseRuns(word)
        // Short forms people type, read as the words they stand for. Compared byte by byte: a
        // `switch` over array literals would build an array for every case, for every word.
        switch word.count {
        case 1:
            switch word[0] {
            case 0x32: return replace(&word, to)  // 2
            case 0x75: return replace(&word, you)  // u
            case 0x72: return replace(&word, are)  // r
            case 0x62: return replace(&word, be)  // b
            default: return true
            }
        case 2:
            if word[0] == 0x79 && word[1] == 0x61 { return replace(&word, you) }  // ya
            if word[0] == 0x75 && word[1] == 0x72 { return replace(&word, your) }  // ur
            return true
        case 3:
            if word[0] == 0x74 && word[1] == 0x6F && word[2] == 0x6F { return replace(&word, to) }  // too
            return true
        default:
            return true
        }
    }

    private static func replace(_ word: inout [UInt8], _ with: [UInt8]) -> Bool {
        word.removeAll(keepingCapacity: true)
        word.append(contentsOf: with)
        return true
    }

    static let to = Array("to".utf8), you = Array("you".utf8), your = Array("your".utf8)
    static let are = Array("are".utf8), be = Array("be".utf8), many = Array("many".utf8)

    /// Three or more of the same ASCII letter become one: "sooooo" -> "so", "kiiill" -> "kill".
    static func collapseRuns(_ word: [UInt8]) -> [UInt8] {
        // Most words have no run of three: keep them as they are.
        var hasRun = false
        var k = 2
        while k < word.count, !hasRun {
            hasRun = word[k] == word[k - 1] && word[k] == word[k - 2]
            k += 1
        }
        guard hasRun else { return word }
        var out: [UInt8] = []
        out.reserveCapacity(word.count)
        var i = 0
        while i < word.count {
            var j = i + 1
            while j < word.count && word[j] == word[i] { j += 1 }
            let run = j - i
            if run >= 3 && word[i] < 0x80 && word[i] != star {
                out.append(word[i])
            } else {
                out.append(contentsOf: word[i..<j])
            }
            i = j
        }
        return out
    }

    /// Every run of the same ASCII letter made one: "kill" -> "kil", "feel" -> "fel".
    static func squeeze(_ word: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(word.count)
        for b in word where !(b < 0x80 && out.last == b) { out.append(b) }
        return out
    }
}
