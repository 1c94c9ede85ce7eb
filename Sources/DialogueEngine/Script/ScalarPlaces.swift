import Yams

/// Where each character of a scalar's text was written in the file.
///
/// A scalar's text is not the source: quotes are taken off, `\"` and `''` become one character,
/// line breaks inside a plain, quoted or `>` text become spaces, and a `|` or `>` text starts on
/// the line below its key. A problem found at an offset in the text (a condition's unknown name,
/// a syntax error) is placed by walking the source as YAML reads it, scalar by scalar, and
/// checking that the walk gives back the text itself. When it does not (a rare form this walk
/// does not follow), `places` is nil and callers fall back to counting columns on the first line.
struct ScalarPlaces {
    private let source: SourceText
    private var cache: [Int: [Unicode.Scalar]] = [:]
    /// Lines known to be ASCII without a carriage return (`plainLine`).
    private var asciiLines: [Int: Bool] = [:]
    /// What the walk read, one entry per Unicode scalar of the text, with where it was read.
    private var out: [(scalar: Unicode.Scalar, line: Int, index: Int)] = []
    private let want: [Unicode.Scalar]

    /// The source location of every character of the node's text, and one more for its end; nil
    /// when the node is not a scalar or the walk does not give back its text.
    static func places(of node: Node, in source: SourceText) -> [SourceLocation]? {
        guard case .scalar(let scalar) = node, let mark = node.mark else { return nil }
        var walk = ScalarPlaces(source: source, want: Array(scalar.string.unicodeScalars))
        guard walk.run(style: scalar.style, line: mark.line, index: mark.column - 1), walk.matches() else { return nil }
        return walk.locations(for: scalar.string)
    }

    private init(source: SourceText, want: [Unicode.Scalar]) {
        self.source = source
        self.want = want
    }

    private mutating func line(_ n: Int) -> [Unicode.Scalar]? {
        if let l = cache[n] { return l }
        guard n >= 1, n <= source.lines.count else { return nil }
        let l = Array(source.lines[n - 1].unicodeScalars)
        cache[n] = l
        return l
    }

    private mutating func plainLine(_ n: Int, _ scalars: [Unicode.Scalar]) -> Bool {
        if let known = asciiLines[n] { return known }
        let simple = scalars.allSatisfy { $0.isASCII && $0 != "\r" }
        asciiLines[n] = simple
        return simple
    }

    private var done: Bool { out.count >= want.count }

    private mutating func emit(_ s: Unicode.Scalar, _ line: Int, _ index: Int) {
        if !done { out.append((s, line, index)) }
    }

    private static func isBlank(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\t" }

    /// Walks the scalar in `style` from its mark; false when the style is one it does not follow.
    private mutating func run(style: Node.Scalar.Style, line n: Int, index i: Int) -> Bool {
        switch style {
        case .plain: plain(n, i)
        case .singleQuoted: quoted(n, i + 1, quote: "'")
        case .doubleQuoted: quoted(n, i + 1, quote: "\"")
        case .literal: block(n, folded: false)
        case .folded: block(n, folded: true)
        default: return false
        }
        return true
    }

    /// The walk read the text exactly (a space read where the text has a line break, or the
    /// other way round, is taken as read: the places are as good).
    private func matches() -> Bool {
        guard out.count == want.count else { return false }
        for (a, b) in zip(out, want) where a.scalar != b {
            let spaces: Set<Unicode.Scalar> = [" ", "\n", "\t", "\r"]
            if !(spaces.contains(a.scalar) && spaces.contains(b)) { return false }
        }
        return true
    }

    private mutating func locations(for text: String) -> [SourceLocation] {
        var places: [SourceLocation] = []
        var k = 0
        for c in text {
            places.append(location(line: out[k].line, index: out[k].index))
            k += c.unicodeScalars.count
        }
        if let last = out.last {
            places.append(location(line: last.line, index: last.index + 1))
        }
        return places
    }

    /// A column counted in characters, as `SourceText` and the renderer count them.
    private mutating func location(line n: Int, index: Int) -> SourceLocation {
        let scalars = line(n) ?? []
        // A line of ASCII without a carriage return has one character per scalar: its column is
        // the index (counting characters for every place of every condition made `tandem check`
        // cost about 170,000 instructions a step).
        if plainLine(n, scalars) { return SourceLocation(file: source.file, line: n, column: index + 1) }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars.prefix(index))
        let column = String(view).count + 1 + max(0, index - scalars.count)
        return SourceLocation(file: source.file, line: n, column: column)
    }

    /// The lines after `n` that hold only spaces, and the first that holds more.
    private mutating func nextContent(after n: Int) -> (blanks: Int, line: Int, start: Int)? {
        var blanks = 0
        var m = n + 1
        while let l = line(m) {
            if let start = l.firstIndex(where: { !Self.isBlank($0) }) { return (blanks, m, start) }
            blanks += 1
            m += 1
        }
        return nil
    }

    /// A line break inside a plain or quoted text: one space, or a line break per blank line.
    private mutating func fold(after n: Int, at index: Int, blanks: Int) {
        if blanks == 0 { emit(" ", n, index) }
        for _ in 0..<blanks { emit("\n", n, index) }
    }

    private mutating func plain(_ first: Int, _ firstIndex: Int) {
        var n = first
        var i = firstIndex
        while !done, let l = line(n), i <= l.count {
            var end = l.count
            // ` #` starts a comment.
            if let hash = (i..<l.count).first(where: { l[$0] == "#" && $0 > 0 && Self.isBlank(l[$0 - 1]) }) { end = hash }
            while end > i, Self.isBlank(l[end - 1]) { end -= 1 }
            for k in i..<max(i, end) { emit(l[k], n, k) }
            guard !done, let next = nextContent(after: n) else { return }
            fold(after: n, at: end, blanks: next.blanks)
            n = next.line
            i = next.start
        }
    }

    private mutating func quoted(_ first: Int, _ firstIndex: Int, quote: Unicode.Scalar) {
        var n = first
        var i = firstIndex
        while !done, let l = line(n), i <= l.count {
            var pending: [(Unicode.Scalar, Int)] = []
            var escapedBreak = false
            var k = i
            while k < l.count {
                let c = l[k]
                if c == quote {
                    if quote == "'", k + 1 < l.count, l[k + 1] == "'" {
                        pending.append(("'", k))
                        k += 2
                        continue
                    }
                    for (s, at) in pending { emit(s, n, at) }
                    return
                }
                if quote == "\"", c == "\\" {
                    guard k + 1 < l.count else { escapedBreak = true; break }
                    let kind = l[k + 1]
                    let digits = kind == "x" ? 2 : kind == "u" ? 4 : kind == "U" ? 8 : 0
                    pending.append((Self.unescaped(kind, l, k + 2, digits), k))
                    k += 2 + digits
                    continue
                }
                pending.append((c, k))
                k += 1
            }
            // The line ends inside the quotes: spaces before the break go, unless escaped.
            if !escapedBreak {
                while let last = pending.last, Self.isBlank(last.0) { pending.removeLast() }
            }
            for (s, at) in pending { emit(s, n, at) }
            guard !done, let next = nextContent(after: n) else { return }
            if !escapedBreak { fold(after: n, at: pending.last.map { $0.1 + 1 } ?? i, blanks: next.blanks) }
            n = next.line
            i = next.start
        }
    }

    private static func unescaped(_ kind: Unicode.Scalar, _ l: [Unicode.Scalar], _ from: Int, _ digits: Int) -> Unicode.Scalar {
        if digits > 0 {
            let hex = String(String.UnicodeScalarView(l[min(from, l.count)..<min(from + digits, l.count)]))
            return UInt32(hex, radix: 16).flatMap { Unicode.Scalar($0) } ?? "?"
        }
        switch kind {
        case "0": return "\0"
        case "a": return "\u{07}"
        case "b": return "\u{08}"
        case "t", "\t": return "\t"
        case "n": return "\n"
        case "v": return "\u{0B}"
        case "f": return "\u{0C}"
        case "r": return "\r"
        case "e": return "\u{1B}"
        case "N": return "\u{85}"
        case "_": return "\u{A0}"
        case "L": return "\u{2028}"
        case "P": return "\u{2029}"
        default: return kind
        }
    }

    /// A `|` or `>` text: the lines below its key, less their common indentation.
    private mutating func block(_ header: Int, folded: Bool) {
        guard let first = nextContent(after: header) else { return }
        let indent = first.start
        // Blank lines before the first line of text are line breaks of their own.
        for b in 0..<first.blanks { emit("\n", header + 1 + b, 0) }
        var n = first.line
        var previousMoreIndented = false
        while !done, let l = line(n) {
            let moreIndented = l.count > indent && Self.isBlank(l[indent])
            for k in min(indent, l.count)..<l.count { emit(l[k], n, k) }
            guard !done, let next = nextContent(after: n), next.start >= indent else {
                emit("\n", n, l.count)
                return
            }
            let nextMoreIndented = next.start > indent
            if folded, next.blanks == 0, !moreIndented, !nextMoreIndented {
                emit(" ", n, l.count)
            } else {
                let breaks = folded && !moreIndented && !nextMoreIndented && !previousMoreIndented ? next.blanks : next.blanks + 1
                for _ in 0..<breaks { emit("\n", n, l.count) }
            }
            previousMoreIndented = moreIndented
            n = next.line
        }
    }
}
