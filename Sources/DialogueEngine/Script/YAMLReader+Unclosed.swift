import Yams

/// A quote or bracket left open. The parser reads on past it, to the next quote in the file or to
/// its end, and stops in confusion there, often far from the mistake. The place to point at is
/// where it opened.
extension YAMLReader {
    /// A quote, `[` or `{` never closed: the parser reads on, often to the end of the file, and
    /// gives up far from the mistake. Where it opened is the place to point at.
    func neverClosed(_ context: String?, _ problem: String, opened: Mark, stopped line: Int) -> (message: String, help: String)? {
        guard let context, opened.line < line, let text = source.line(opened.line) else { return nil }
        let index = text.index(text.startIndex, offsetBy: opened.column - 1, limitedBy: text.endIndex)
        guard let index, index < text.endIndex else { return nil }
        let mark = text[index]
        if context.contains("quoted scalar"), problem.contains("end of stream") || problem.contains("document"), mark == "\"" || mark == "'" {
            return ("this \(mark) is never closed, so everything after it was read as one text",
                    "put a closing \(mark) at the end of the text, on the same line")
        }
        if context.contains("flow"), mark == "[" || mark == "{" {
            let close = mark == "[" ? "]" : "}"
            return ("this \(mark) is never closed", "close it with \(close) on the same line, after the last item")
        }
        return nil
    }

    /// A quote opened and not closed on its own line. YAML lets a quoted text run over several
    /// lines, so the parser reads on to the next quote in the file, often the opening quote of a
    /// later text.
    struct RunOnQuote: Equatable {
        var line: Int
        var column: Int
        var mark: Character
    }

    /// The quote that ran on into the lines before `errorLine`: one still open there, or one that
    /// closed on that line or the one before it (a quote that closed well before the error is an
    /// author's own text over two lines, and not to blame).
    func runOnQuote(before errorLine: Int) -> RunOnQuote? {
        var open: RunOnQuote?
        var lastRunOn: (quote: RunOnQuote, closedAt: Int)?
        for n in 1...max(1, errorLine) {
            guard let text = source.line(n) else { break }
            let chars = Array(text)
            var i = 0
            if open == nil {
                guard let start = Self.quotedValueStart(chars) else { continue }
                open = RunOnQuote(line: n, column: start + 1, mark: chars[start])
                i = start + 1
            }
            guard let quote = open else { continue }
            while i < chars.count {
                let c = chars[i]
                if quote.mark == "\"", c == "\\" { i += 2; continue }
                if c == quote.mark {
                    if quote.mark == "'", i + 1 < chars.count, chars[i + 1] == "'" { i += 2; continue }
                    if quote.line != n { lastRunOn = (quote, n) }
                    open = nil
                    break
                }
                i += 1
            }
        }
        if let open, open.line < errorLine { return open }
        if let run = lastRunOn, run.closedAt >= errorLine - 1 { return run.quote }
        return nil
    }

    /// Where a block value that starts with a quote begins (`key: "…`, `- "…`, `- key: '…`), if the line has one.
    static func quotedValueStart(_ chars: [Character]) -> Int? {
        var i = 0
        while i < chars.count, chars[i] == " " { i += 1 }
        if i + 1 < chars.count, chars[i] == "-", chars[i + 1] == " " {
            i += 2
            while i < chars.count, chars[i] == " " { i += 1 }
        }
        if i < chars.count, chars[i] == "\"" || chars[i] == "'" { return i }
        // A key, then ": ", then the value.
        while i < chars.count, chars[i] != ":", chars[i] != " ", chars[i] != "\"", chars[i] != "'", chars[i] != "#" { i += 1 }
        guard i + 1 < chars.count, chars[i] == ":", chars[i + 1] == " " else { return nil }
        i += 1
        while i < chars.count, chars[i] == " " { i += 1 }
        return i < chars.count && (chars[i] == "\"" || chars[i] == "'") ? i : nil
    }
}
