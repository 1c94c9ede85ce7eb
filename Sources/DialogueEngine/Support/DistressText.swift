/// A line as the distress matcher reads it: plain words in sentences.
///
/// One pass over the line's scalars, with no Foundation: it runs on every line people type.
///
/// - Capitals, accents (`â`, `ŵ`, `é`) and curly quotes are made plain; apostrophes are dropped, so
///   "can't" and "cant" are the same word, and so are "dwi'n" and "dwin"; but "sa'd" (sexually
///   assaulted) reads "saed", not "sad".
/// - Letters in "fancy fonts" (𝐛𝐨𝐥𝐝, 𝓼𝓬𝓻𝓲𝓹𝓽, ｗｉｄｅ, ⓒⓘⓡⓒⓛⓔⓓ, ꜱᴍᴀʟʟ ᴄᴀᴘꜱ) and Cyrillic or Greek
///   letters that look like Latin ones read as the plain letter (``lookalikes``).
/// - Hyphens, punctuation, emoji and symbols separate words ("self-harm" is "self harm").
/// - Zero-width characters and text-direction controls are ignored ("kill\u{200B}myself" is one word).
/// - Three or more of a letter become one ("sooooo" is "so", "kiiill" is "kill").
/// - `!` or `|` between letters reads as "i" ("k!ll", "su|cide"); `*` between letters hides one
///   letter ("k*ll", "s*icide") and matches any letter of a word the same length.
/// - Digits inside words read as letters ("k1ll", "su1c1de"), and so does a digit for a word's first
///   letter, but not a number run into what it counts ("5uicide", not "5days", see
///   ``startsWithDigitForLetter(_:)``); "2" on its own reads as "to", "u" as
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
        /// Which bytes the word has, as bits (``letterBits(_:)``): a quick test that it cannot be
        /// a close misspelling of a word.
        var letters: UInt32 = 0
    }

    /// The bytes a word has, one bit for each byte value modulo 32. One edit (a letter wrong,
    /// missing or added) changes at most two bits, so words whose bits differ in more than
    /// `2 * k` places are more than `k` edits apart.
    @inline(__always)
    static func letterBits<C: Collection<UInt8>>(_ bytes: C) -> UInt32 {
        var bits: UInt32 = 0
        for b in bytes { bits |= 1 << UInt32(b & 31) }
        return bits
    }

    private(set) var words: [Word] = []

    /// Whether word `i` is `plain` (lower case, as words are read).
    func word(_ i: Int, is plain: String) -> Bool {
        let w = words[i]
        return bytes[w.start..<w.start + w.count].elementsEqual(plain.utf8)
    }
    /// Every word's bytes, one after another.
    private(set) var bytes: [UInt8] = []
    /// Every word's squeezed bytes, one after another.
    private(set) var squeezed: [UInt8] = []

    /// A word's bytes.
    func bytes(of w: Int) -> ArraySlice<UInt8> { bytes[words[w].start..<(words[w].start + words[w].count)] }

    init(_ line: String) {
        var reader = Reader(size: line.utf8.count)
        defer { reader.deallocate() }
        // Most lines are ASCII: reading their bytes as scalars skips decoding UTF-8.
        var line = line
        let ascii = line.withUTF8 { utf8 in
            guard !utf8.contains(where: { $0 >= 0x80 }) else { return false }
            for byte in utf8 { reader.read(Unicode.Scalar(byte)) }
            return true
        }
        if !ascii {
            for scalar in line.unicodeScalars { reader.read(scalar) }
        }
        reader.end()
        words = reader.words
        bytes = Array(UnsafeBufferPointer(rebasing: reader.bytes[..<reader.byteCount]))
        squeezed = Array(UnsafeBufferPointer(rebasing: reader.squeezed[..<reader.squeezedCount]))
        joinSpacedLetters()
    }

    /// One pass over a line's scalars: words made plain, and where sentences end.
    ///
    /// It runs on every line people type, so it writes into memory it owns for the line, not
    /// into arrays (which check on every byte that they are not shared and have room): a struct
    /// with mutating methods, with room for what any line can become. A byte costs a few
    /// instructions.
    private struct Reader {
        var words: [Word] = []
        /// The words' plain bytes, and the same squeezed. A word never grows by more than 3 bytes
        /// for each byte typed ("u" is "you", "10" is "many"): `3 * size` is room for any line.
        let bytes: UnsafeMutableBufferPointer<UInt8>
        var byteCount = 0
        let squeezed: UnsafeMutableBufferPointer<UInt8>
        var squeezedCount = 0
        /// The word being read, as typed (a lower-case letter outside ASCII is at most 3 bytes
        /// for the 2 of the capital, see ``lowered(_:)``).
        let current: UnsafeMutableBufferPointer<UInt8>
        var currentCount = 0
        var sentence = 0, inSentence = 0
        var terminal = false, spaced = false, hardBreak = false
        /// A `!` or `|` just after a letter: an "i" if a letter follows ("k!ll"), else what it is.
        var pendingI: Kind?
        /// An apostrophe just after a word's first letters "sa": "sa'd" (sexually assaulted, as
        /// people type it) reads "saed", not "sad".
        var afterSA = false

        init(size: Int) {
            let room = 3 * size + 8
            bytes = .allocate(capacity: room)
            squeezed = .allocate(capacity: room)
            current = .allocate(capacity: room)
            words.reserveCapacity(size / 4 + 1)
        }

        func deallocate() {
            bytes.deallocate()
            squeezed.deallocate()
            current.deallocate()
        }

        @inline(__always)
        mutating func append(_ byte: UInt8) {
            current[currentCount] = byte
            currentCount += 1
        }

        mutating func read(_ scalar: Unicode.Scalar) {
            var kind = DistressText.kind(of: scalar)
            if let pending = pendingI {
                pendingI = nil
                switch kind {
                case .letter, .otherLetter: append(0x69)
                default:
                    finish()
                    if case .terminal = pending { terminal = true }
                }
            }
            if currentCount > 0, scalar.value == 0x21 || scalar.value == 0x7C {  // ! or |
                pendingI = kind
                return
            }
            // Inside a word `*` stands for a letter; elsewhere it separates words ("*hugs*").
            if scalar.value == 0x2A, currentCount > 0 { kind = .letter(DistressText.star) }
            if afterSA {
                afterSA = false
                if case .letter(0x64) = kind { append(0x65) }
            }
            switch kind {
            case .letter(let byte):
                append(byte)
            case .otherLetter:
                for lower in DistressText.lowered(scalar) {
                    if let folded = DistressText.folded[lower.value] {
                        append(folded)
                    } else if lower.isASCII {
                        append(UInt8(lower.value))
                    } else {
                        for byte in String(lower).utf8 { append(byte) }
                    }
                }
            case .joiner:
                afterSA = currentCount == 2 && current[0] == 0x73 && current[1] == 0x61
            case .ignored:
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

        /// The end of the line.
        mutating func end() {
            if let pending = pendingI {
                finish()
                if case .terminal = pending { terminal = true }
            }
            finish()
        }

        /// The end of a word: made plain and kept, with its squeezed form.
        mutating func finish() {
            guard currentCount > 0 else { return }
            let start = byteCount
            let count = DistressText.plainWord(UnsafeBufferPointer(rebasing: current[..<currentCount]), into: bytes.baseAddress! + start)
            currentCount = 0
            guard count > 0 else { return }
            // A sentence of one or two words runs on into the next: "Kill. Myself."
            if !words.isEmpty && (hardBreak || (terminal && spaced && inSentence >= 3)) {
                sentence += 1
                inSentence = 0
            }
            inSentence += 1
            byteCount += count
            // Squeezed: an ASCII byte the same as the one before it goes.
            let squeezedStart = squeezedCount
            var masked = false, letters: UInt32 = 0
            for k in start..<byteCount {
                let b = bytes[k]
                if b == DistressText.star { masked = true }
                letters |= 1 << UInt32(b & 31)
                if k == start || !(b < 0x80 && bytes[k - 1] == b) {
                    squeezed[squeezedCount] = b
                    squeezedCount += 1
                }
            }
            words.append(Word(start: start, count: count, squeezedStart: squeezedStart, squeezedCount: squeezedCount - squeezedStart, sentence: sentence, masked: masked, letters: letters))
            terminal = false
            spaced = false
            hardBreak = false
        }
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
                let word = Word(start: bytes.count, count: joined.count, squeezedStart: squeezed.count, squeezedCount: loose.count, sentence: words[i].sentence, letters: Self.letterBits(joined))
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

    @inline(__always)
    static func kind(of u: Unicode.Scalar) -> Kind {
        let v = u.value
        guard v < 0x80 else { return otherKind(of: u) }
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

    /// `kind(of:)` outside ASCII, apart: the Unicode properties it reads cost every call of the
    /// function they are in a few dozen instructions, even a call that does not read them.
    @inline(never)
    static func otherKind(of u: Unicode.Scalar) -> Kind {
        let v = u.value
        switch v {
        case 0x2019, 0x2018, 0x02BC, 0x00B4, 0x2032, 0xFF07: return .joiner
        case 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2069, 0xFEFF, 0x00AD, 0x061C, 0x034F: return .ignored
        case 0x2026, 0x203C, 0x2047...0x2049, 0x3002, 0x061F, 0xFF01, 0xFF1F: return .terminal
        case 0x2028, 0x2029, 0x0085: return .lineBreak
        case 0x00A0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return .space
        default: break
        }
        if let letter = lookalikes[v] { return .letter(letter) }
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
}
