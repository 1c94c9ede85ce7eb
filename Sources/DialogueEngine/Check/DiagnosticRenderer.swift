import Foundation

/// Shows diagnostics compiler-style, or as JSON for editors and tools.
public enum DiagnosticRenderer {
    ///     dialogues/sleep.yaml:18:13: error[D010]: step "hours" goes to "tipps", but no step is called "tipps"
    ///        18 |         go: tipps
    ///           |             ^^^^^
    ///       help: did you mean "tips" (line 20)?
    public static func text(_ d: Diagnostic) -> String {
        var lines = ["\(d.location): \(d.severity.rawValue)[\(d.code.rawValue)]: \(d.message)"]
        if let line = d.sourceLine {
            let number = String(d.location.line)
            let gutter = String.repeating(ascii: UInt8(ascii: " "), count: number.count)
            let (source, column) = window(line, column: d.location.column)
            lines.append(" \(number) | \(source)")
            let lead = String(source.prefix(max(0, column - 1)).map { $0 == "\t" ? "\t" : " " })
            let room = max(1, source.count - (column - 1) - (source.count < line.count && source.hasSuffix("…") ? 1 : 0))
            lines.append(" \(gutter) | \(lead)\(String.repeating(ascii: UInt8(ascii: "^"), count: min(d.length, room)))")
        }
        if let help = d.help { lines.append("  help: \(help)") }
        return lines.joined(separator: "\n")
    }

    /// The most characters of a line shown under a message: a longer line (a whole paragraph on
    /// one line, a megabyte of text) is cut to a window around the column, with … where it was cut.
    static let windowWidth = 100

    /// The part of `line` to show, and the column within it that `column` falls on.
    static func window(_ line: String, column: Int) -> (text: String, column: Int) {
        // Counted in UTF-8 first: most lines are short, and Characters cost more to count.
        guard line.utf8.count > windowWidth else { return (line, column) }
        let chars = Array(line)
        guard chars.count > windowWidth else { return (line, column) }
        let at = min(max(0, column - 1), chars.count)
        let start = max(0, min(at - windowWidth * 2 / 5, chars.count - windowWidth))
        let end = min(chars.count, start + windowWidth)
        let head = start > 0 ? "…" : ""
        let tail = end < chars.count ? "…" : ""
        return (head + String(chars[start..<end]) + tail, at - start + head.count + 1)
    }

    public static func json(_ diagnostics: [Diagnostic]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = diagnostics.map { d -> String in
            struct Out: Encodable {
                var file: String, line: Int, column: Int, length: Int, severity: String, code: String, message: String, help: String?
            }
            let o = Out(file: d.location.file, line: d.location.line, column: d.location.column, length: d.length, severity: d.severity.rawValue, code: d.code.rawValue, message: d.message, help: d.help)
            return String(decoding: (try? encoder.encode(o)) ?? Data(), as: UTF8.self)
        }
        return "[" + json.joined(separator: ",\n ") + "]"
    }
}
