/// YAML's errors for a line indented a little too far or not far enough ("mapping values are not
/// allowed in this context", "did not find expected '-' indicator") say nothing about indentation.
/// When the line the parser stopped at does not line up with anything above it, this says so,
/// with the number of spaces that would fit.
extension YAMLReader {
    struct IndentationProblem {
        var message: String
        var help: String
        var column: Int
    }

    /// One line as far as indentation goes.
    private struct Shape {
        var indent: Int
        /// Where the key starts (after any `- `), or the text for a plain list item.
        var keyColumn: Int
        var isItem: Bool
        /// `key:` with nothing after it: what follows is its value, one level in.
        var opensBlock: Bool
        var key: String?
    }

    private func shape(_ line: String) -> Shape? {
        let chars = Array(line)
        var i = 0
        while i < chars.count, chars[i] == " " { i += 1 }
        guard i < chars.count, chars[i] != "#", chars[i] != "\t" else { return nil }
        let indent = i
        var isItem = false
        while i + 1 < chars.count, chars[i] == "-", chars[i + 1] == " " {
            isItem = true
            i += 2
            while i < chars.count, chars[i] == " " { i += 1 }
        }
        if i < chars.count, chars[i] == "-", i + 1 == chars.count { isItem = true }
        let rest = String(chars[i...])
        guard let colon = rest.range(of: #"^[A-Za-z0-9_-]+:(\s|$)"#, options: .regularExpression) else {
            // A plain list item ("- text") or a continued text: only items say anything here.
            return isItem ? Shape(indent: indent, keyColumn: i, isItem: true, opensBlock: false, key: nil) : nil
        }
        let key = String(rest[colon].prefix { $0 != ":" })
        let after = rest[colon.upperBound...].trimmingCharacters(in: .whitespaces)
        return Shape(indent: indent, keyColumn: i, isItem: isItem, opensBlock: after.isEmpty || after.hasPrefix("#"), key: key)
    }

    /// Lines that are inside a `|` or `>` block of text, up to `last` (1-based), found from the top.
    private func textBlockLines(upTo last: Int) -> Set<Int> {
        var inside: Set<Int> = []
        var blockParent: Int?
        for n in 1...max(1, last) {
            guard let text = source.line(n) else { break }
            let indent = text.prefix { $0 == " " }.count
            if let parent = blockParent {
                if text.trimmingCharacters(in: .whitespaces).isEmpty || indent > parent {
                    inside.insert(n)
                    continue
                }
                blockParent = nil
            }
            if text.range(of: #":\s*[|>][+-]?[0-9]?\s*(#.*)?$"#, options: .regularExpression) != nil, let s = shape(text) {
                blockParent = s.isItem ? s.indent : s.keyColumn
            }
        }
        return inside
    }

    func indentationProblem(atLine line: Int) -> IndentationProblem? {
        guard let text = source.line(line), let here = shape(text) else { return nil }
        let inText = textBlockLines(upTo: line)
        guard !inText.contains(line) else { return nil }
        var above: [Shape] = []
        var n = line - 1
        while n >= 1, above.count < 400 {
            if !inText.contains(n), let text = source.line(n), let s = shape(text) { above.append(s) }
            n -= 1
        }
        guard let previous = above.first else { return nil }
        // Right after `key:` anything further in starts its value: nothing to say.
        if previous.opensBlock, here.indent > previous.keyColumn || (here.isItem && here.indent == previous.keyColumn) { return nil }

        // The columns that would fit: the line above's own, then each enclosing level's.
        var keyColumns: [Int] = []
        var itemColumns: [Int] = []
        var level = Int.max
        for s in above {
            let column = s.isItem ? s.indent : s.keyColumn
            if s.keyColumn < level || (s.isItem && s.indent < level) {
                if s.key != nil, !keyColumns.contains(s.keyColumn), s.keyColumn < level { keyColumns.append(s.keyColumn) }
                if s.isItem, !itemColumns.contains(s.indent) { itemColumns.append(s.indent) }
                level = min(level, column)
            }
            if level == 0 { break }
        }
        let fits = here.isItem ? itemColumns : keyColumns
        guard !fits.isEmpty, !fits.contains(here.isItem ? here.indent : here.keyColumn) else { return nil }
        let at = here.isItem ? here.indent : here.keyColumn
        // The nearest column that fits; on a tie, the one of the line above.
        let best = fits.enumerated().min { a, b in
            let da = abs(a.element - at), db = abs(b.element - at)
            return da != db ? da < db : a.offset < b.offset
        }!.element
        let spaces = { (n: Int) in n == 1 ? "1 space" : "\(n) spaces" }
        if here.isItem {
            return IndentationProblem(
                message: "this list item is indented \(spaces(at)), but the items of its list are indented \(spaces(best))",
                help: "the - of items in one list must line up exactly: indent it \(spaces(best)), so the - is in column \(best + 1)",
                column: at + 1)
        }
        let name = here.key.map { "\"\($0):\"" } ?? "this line"
        return IndentationProblem(
            message: "\(name) is indented \(spaces(at)), but the keys beside it are indented \(spaces(best))",
            help: "keys that belong together must line up exactly: indent it \(spaces(best)), so it starts in column \(best + 1)",
            column: at + 1)
    }
}
