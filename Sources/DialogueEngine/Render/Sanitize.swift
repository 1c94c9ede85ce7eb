/// Removes what could steer a terminal: whole escape sequences, every other C0/C1 control (tab
/// and newline excepted), and bidirectional overrides (Trojan Source). The one place text is
/// cleaned: answers as they are typed (`Session`), and everything shown to a person or exported.
/// Unicode's own line breaks (U+2028, U+2029, NEL) become newlines, so they break a line where
/// people can see it, never inside a line a terminal shows as one.
///
/// An escape sequence goes as a whole, not only its ESC, so nothing of it is left to read
/// (`[31m`, `]0;title`):
/// - CSI, `ESC [` or U+009B: parameter bytes (`0`–`?`), intermediate bytes (space–`/`), and the
///   final byte (`@`–`~`). One cut short loses what it had so far; what follows stays.
/// - OSC, DCS, SOS, PM and APC (`ESC ]`, `ESC P`, `ESC X`, `ESC ^`, `ESC _`, or U+009D, U+0090,
///   U+0098, U+009E, U+009F): everything up to BEL, `ESC \` or U+009C. Another ESC ends it too
///   (as in a terminal). With no end before a newline or the end of the text, only the opening
///   goes, and the words after it stay.
/// - SS2 and SS3 (`ESC N`, `ESC O`, as arrow keys send): with the character after them.
/// - Any other `ESC`: with its intermediate bytes (space–`/`) and final byte (`0`–`~`), such as
///   `ESC ( B`, `ESC 7` or `ESC c`; an ESC before anything else goes alone.
/// Everything else people wrote stays exactly: emoji, accents, combining marks, every script.
public enum Sanitize {
    public static func text(_ s: String) -> String {
        // Printable ASCII, tabs and newlines need nothing done, and most text is only that: a scan
        // of the bytes is many times cheaper than decoding scalars (every line shown comes here).
        if s.isPrintableASCII { return s }
        guard s.unicodeScalars.contains(where: { isUnsafe($0) || isLineBreak($0) }) else { return s }
        let scalars = Array(s.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            let u = scalars[i]
            if let end = endOfSequence(scalars, at: i) {
                i = end
                continue
            }
            if isLineBreak(u) {
                out.append("\n")
            } else if !isUnsafe(u) {
                out.append(u)
            }
            i += 1
        }
        return String(out)
    }

    /// Where the escape sequence starting at `i` ends (the index after it), or nil when none starts there.
    static func endOfSequence(_ s: [Unicode.Scalar], at i: Int) -> Int? {
        switch s[i].value {
        case 0x1B:
            guard i + 1 < s.count else { return i + 1 }
            switch s[i + 1].value {
            case 0x5B: return endOfCSI(s, from: i + 2) // [
            case 0x5D, 0x50, 0x58, 0x5E, 0x5F: return endOfString(s, from: i + 2) // ] P X ^ _
            case 0x4E, 0x4F: // N O: one character follows
                return i + 2 < s.count && (0x20...0x7E).contains(s[i + 2].value) ? i + 3 : i + 2
            case 0x20...0x2F:
                var j = i + 1
                while j < s.count, (0x20...0x2F).contains(s[j].value) { j += 1 }
                return j < s.count && (0x30...0x7E).contains(s[j].value) ? j + 1 : j
            case 0x30...0x7E: return i + 2
            default: return i + 1
            }
        case 0x9B: return endOfCSI(s, from: i + 1)
        case 0x9D, 0x90, 0x98, 0x9E, 0x9F: return endOfString(s, from: i + 1)
        default: return nil
        }
    }

    /// After a CSI's opening: parameter bytes, intermediate bytes, then the final byte.
    static func endOfCSI(_ s: [Unicode.Scalar], from start: Int) -> Int {
        var j = start
        while j < s.count, (0x30...0x3F).contains(s[j].value) { j += 1 }
        while j < s.count, (0x20...0x2F).contains(s[j].value) { j += 1 }
        return j < s.count && (0x40...0x7E).contains(s[j].value) ? j + 1 : j
    }

    /// After a control string's opening (OSC and the like): up to and with its terminator. With
    /// none before a newline or the end, only the opening is taken (`start`).
    static func endOfString(_ s: [Unicode.Scalar], from start: Int) -> Int {
        var j = start
        while j < s.count {
            switch s[j].value {
            case 0x07, 0x9C: return j + 1
            case 0x1B: return j + 1 < s.count && s[j + 1] == "\\" ? j + 2 : j
            case 0x0A: return start
            default: j += 1
            }
        }
        return start
    }

    /// Line and paragraph separators, and NEL (a C1 control that means a new line).
    @inline(__always)
    static func isLineBreak(_ u: Unicode.Scalar) -> Bool {
        u.value == 0x2028 || u.value == 0x2029 || u.value == 0x85
    }

    /// One line of input: also drops newlines and tabs become spaces.
    public static func line(_ s: String) -> String {
        let clean = text(s)
        // Most lines hold neither: skip Foundation's replacing for them (this runs on every line typed).
        guard !clean.allUTF8({ $0 != 0x09 && $0 != 0x0A }) else { return clean }
        return clean.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ")
    }

    @inline(__always)
    static func isUnsafe(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x09, 0x0A: false
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C: true
        default: false
        }
    }
}

/// Wraps text at a width, keeping words whole and indenting continuation lines.
public enum Wrap {
    /// Someone's words shown to another person: every line, wrapped ones too, begins with `marker`,
    /// so nothing they typed can look like a line of the program's own.
    public static func quoted(_ text: String, width: Int, marker: String) -> [String] {
        let clean = Sanitize.text(text)
        let lines = fitted(lines(clean, width: width, indent: marker, firstIndent: marker), width: width, indent: marker)
        let bare = String(marker.reversed().drop { $0 == " " }.reversed())
        return lines.map { $0.allSatisfy { $0 == " " } || $0 == marker ? bare : $0 }
    }

    /// As `lines`, but a phone number ("0800 068 4141", "116 123") is never broken across two
    /// lines: the spaces between its digit groups hold, so the whole number moves to the next line.
    /// For support contacts, on screen and in exports.
    public static func keepingNumbers(_ text: String, width: Int, indent: String = "", firstIndent: String? = nil) -> [String] {
        // Plain ASCII (every number and contact line of an export): wrapped in place, byte by byte,
        // a space between two digits read as part of the word. Every plan shown is wrapped this
        // way, contact by contact; going through Characters and a glue character cost most of an
        // export (docs/performance.md, twelfth pass).
        if let line = oneLine(text, width: max(20, width), first: firstIndent ?? indent) { return [line] }
        if isPlainASCII(indent), firstIndent.map(isPlainASCII) ?? true,
           let lines = text.utf8.withContiguousStorageIfAvailable({ bytes in
               isPlainASCII(bytes) ? asciiLines(bytes, width: max(20, width), indent: indent, firstIndent: firstIndent, keepingNumbers: true) : nil
           }), let lines {
            return lines
        }
        return keepingNumbersByGlue(text, width: width, indent: indent, firstIndent: firstIndent)
    }

    /// `keepingNumbers` for any text: a space between two digits becomes a no-break space while
    /// the text is wrapped, and a space again after.
    static func keepingNumbersByGlue(_ text: String, width: Int, indent: String = "", firstIndent: String? = nil) -> [String] {
        let glue: Character = "\u{00A0}"
        var glued = ""
        glued.reserveCapacity(text.utf8.count)
        var previous: Character?
        var chars = text.makeIterator()
        var next = chars.next()
        while let c = next {
            next = chars.next()
            if c == " ", previous?.isASCIIDigit == true, next?.isASCIIDigit == true { glued.append(glue) } else { glued.append(c) }
            previous = c
        }
        guard glued != text else { return lines(text, width: width, indent: indent, firstIndent: firstIndent) }
        return lines(glued, width: width, indent: indent, firstIndent: firstIndent).map {
            String($0.map { $0 == glue ? " " : $0 })
        }
    }

    public static func lines(_ text: String, width: Int, indent: String = "", firstIndent: String? = nil) -> [String] {
        let width = max(20, width)
        if let line = oneLine(text, width: width, first: firstIndent ?? indent) { return [line] }
        if isPlainASCII(indent), firstIndent.map(isPlainASCII) ?? true,
           let lines = text.utf8.withContiguousStorageIfAvailable({ bytes in
               isPlainASCII(bytes) ? asciiLines(bytes, width: width, indent: indent, firstIndent: firstIndent) : nil
           }), let lines {
            return lines
        }
        var out: [String] = []
        let indentCount = columns(indent)
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = firstIndent ?? indent
            // Columns `line` takes, kept as it grows: counting a String is linear.
            var lineCount = firstIndent.map(columns) ?? indentCount
            var lineHasWord = false
            let words = paragraph.split(separator: " ", omittingEmptySubsequences: true)
            if words.isEmpty {
                out.append("")
                continue
            }
            for word in words {
                let wordCount = columns(word)
                if lineHasWord && lineCount + 1 + wordCount > width {
                    out.append(line)
                    line = indent
                    lineCount = indentCount
                    lineHasWord = false
                }
                if lineHasWord {
                    line += " "
                    lineCount += 1
                }
                line += word
                lineCount += wordCount
                lineHasWord = true
            }
            out.append(line)
        }
        return out
    }

    /// Someone else's quoted lines, with any still too long (one word longer than the line: a web
    /// address) cut at the width, each part after the first behind the marker. Left to the
    /// terminal, the cut would come at its first column, without the marker, where their words
    /// could pass for the program's own. The program's own text is not cut this way: a path or
    /// a code left whole can be copied whole.
    static func fitted(_ lines: [String], width: Int, indent: String) -> [String] {
        // A line has at least as many bytes as characters: most need no counting.
        guard lines.contains(where: { $0.utf8.count > width }) else { return lines }
        let room = width - indent.count
        guard room >= 8 else { return lines }
        var out: [String] = []
        for line in lines {
            guard line.utf8.count > width, line.count > width else { out.append(line); continue }
            var rest = Substring(line)
            out.append(String(rest.prefix(width)))
            rest = rest.dropFirst(width)
            while !rest.isEmpty {
                out.append(indent + rest.prefix(room))
                rest = rest.dropFirst(room)
            }
        }
        return out
    }

    /// Lines cut so that none takes more than `width` columns: a word longer than the line (Chinese
    /// or Japanese written without spaces, a long web address) is cut where the line ends, and each
    /// part after the first begins with `indent`. A wide character (two columns) is never split.
    /// For what is printed (a plan's text export): paper does not scroll.
    public static func cut(_ lines: [String], width: Int, indent: String) -> [String] {
        // A line takes no more columns than it has bytes (a wide character is 2 columns in 3 or 4
        // bytes): most need no counting.
        guard lines.contains(where: { $0.utf8.count > width && columns($0) > width }) else { return lines }
        let indentColumns = columns(indent)
        guard width - indentColumns >= 8 else { return lines }
        var out: [String] = []
        for line in lines {
            guard line.utf8.count > width, columns(line) > width else { out.append(line); continue }
            var current = ""
            var used = 0
            for c in line {
                let w = columns(c)
                if used + w > width, !current.allSatisfy({ $0 == " " }) {
                    out.append(String(current.reversed().drop { $0 == " " }.reversed()))
                    current = indent
                    used = indentColumns
                    if c == " " { continue }
                }
                current.append(c)
                used += w
            }
            if !current.allSatisfy({ $0 == " " }) { out.append(current) }
        }
        return out
    }

    /// The columns text takes in a terminal: an emoji, or a Chinese, Japanese or Korean character,
    /// takes two; a letter with its accents, one.
    public static func columns<S: StringProtocol>(_ text: S) -> Int {
        var n = 0
        for c in text { n += columns(c) }
        return n
    }

    static func columns(_ c: Character) -> Int {
        if c.isASCII { return 1 }
        let scalars = c.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if first.properties.isEmojiPresentation { return 2 }
        // A text-style emoji made to look like a picture (U+FE0F after it), as "❤️" is.
        if first.properties.isEmoji, scalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        return isWide(first.value) ? 2 : 1
    }

    /// East Asian wide and full-width characters (Unicode's EastAsianWidth W and F, in the main blocks).
    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
             0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            true
        default: false
        }
    }

    /// Text that fits on its first line as it is: printable ASCII, no space at either end and none
    /// two together, so wrapping would only put the indent before it. Most lines shown are like
    /// this (a choice, a hint, a short question), and they skip the cutting into words.
    static func oneLine(_ text: String, width: Int, first: String) -> String? {
        let count = text.utf8.count
        guard count > 0, first.utf8.count + count <= width, isPlainASCII(first) else { return nil }
        var previous: UInt8 = 0x20 // as if a space came before: a space at the start does not pass
        let plain = text.allUTF8 { b in
            defer { previous = b }
            return b > 0x20 && b < 0x7F || (b == 0x20 && previous != 0x20)
        }
        guard plain, previous != 0x20 else { return nil }
        return first.isEmpty ? text : first + text
    }

    /// ASCII with no CR: one byte is one character, so the same wrapping can work on bytes, which
    /// is many times faster than on Characters (every line shown goes through here).
    static func isPlainASCII(_ s: String) -> Bool {
        s.allUTF8 { $0 < 0x80 && $0 != 0x0D }
    }

    static func isPlainASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.allSatisfy { $0 < 0x80 && $0 != 0x0D }
    }

    /// One pass over the bytes: each paragraph (between newlines) is cut into words at spaces, and
    /// words are put on a line until the next would pass `width`. Nothing is allocated but the lines.
    /// With `keepingNumbers`, a single space between two digits does not end a word.
    static func asciiLines(_ text: UnsafeBufferPointer<UInt8>, width: Int, indent: String, firstIndent: String?, keepingNumbers: Bool = false) -> [String] {
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        var out: [String] = []
        let indentBytes = Array(indent.utf8)
        let firstBytes = firstIndent.map { Array($0.utf8) } ?? indentBytes
        var line: [UInt8] = []
        line.reserveCapacity(width + 16)
        let n = text.count
        var start = 0
        while start <= n {
            var end = start
            while end < n, text[end] != 0x0A { end += 1 }
            line.removeAll(keepingCapacity: true)
            line.append(contentsOf: firstBytes)
            var lineHasWord = false
            var i = start
            while i < end {
                guard text[i] != 0x20 else { i += 1; continue }
                var j = i
                while j < end, text[j] != 0x20 || (keepingNumbers && j > i && isDigit(text[j - 1]) && j + 1 < end && isDigit(text[j + 1])) { j += 1 }
                if lineHasWord && line.count + 1 + (j - i) > width {
                    out.append(String(decoding: line, as: UTF8.self))
                    line.removeAll(keepingCapacity: true)
                    line.append(contentsOf: indentBytes)
                    lineHasWord = false
                }
                if lineHasWord { line.append(0x20) }
                line.append(contentsOf: UnsafeBufferPointer(rebasing: text[i..<j]))
                lineHasWord = true
                i = j
            }
            out.append(lineHasWord ? String(decoding: line, as: UTF8.self) : "")
            start = end + 1
        }
        return out
    }
}

extension Character {
    /// 0 to 9 (not other scripts' digits).
    var isASCIIDigit: Bool { isASCII && isNumber }
}
