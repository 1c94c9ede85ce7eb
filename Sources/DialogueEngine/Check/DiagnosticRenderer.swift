import Foundation

/// Shows diagnostics compiler-style, or as JSON for editors and tools.
public enum DiagnosticRenderer {
    ///     dialogues/sleep.yaml:18:13: error[D010]: step "hours" goes to "tipps", but no step is called "tipps"
    ///        18 |         go: tipps
    ///           |             ^^^^^
    ///       help: did you mean "tips" (line 20)?
    public static func text(_ d: Diagnostic) -> String {
        var lines = ["\(d.location): \(d.severity.rawValue)[\(d.code.rawValue)]: \(d.message)"]
        if let source = d.sourceLine {
            let number = String(d.location.line)
            let gutter = String.repeating(ascii: UInt8(ascii: " "), count: number.count)
            lines.append(" \(number) | \(source)")
            let lead = String(source.prefix(max(0, d.location.column - 1)).map { $0 == "\t" ? "\t" : " " })
            let room = max(1, source.count - (d.location.column - 1))
            lines.append(" \(gutter) | \(lead)\(String.repeating(ascii: UInt8(ascii: "^"), count: min(d.length, room)))")
        }
        if let help = d.help { lines.append("  help: \(help)") }
        return lines.joined(separator: "\n")
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
