import Foundation
import Yams

/// A key written without its colon (`ask What should I call you?`). The parser reads the line as
/// the start of a key and stops on the line after it, saying "while scanning a simple key could
/// not find expected ':'". The line to point at is the one with the key, which it also names.
extension YAMLReader {
    struct MissingColon {
        var line: Int
        var column: Int
        var key: String
        var message: String
        var help: String
    }

    func missingColon(_ context: String?, _ problem: String, opened: Mark?) -> MissingColon? {
        guard let context, context.contains("simple key"), problem.contains("expected ':'"), let opened,
            let text = source.line(opened.line)
        else { return nil }
        let chars = Array(text)
        let start = opened.column - 1
        guard start >= 0, start < chars.count else { return nil }
        var end = start
        while end < chars.count, chars[end].isLetter || chars[end].isNumber || chars[end] == "-" || chars[end] == "_" { end += 1 }
        guard end > start else { return nil }
        let key = String(chars[start..<end])
        let rest = String(chars[end...]).trimmingCharacters(in: .whitespaces)
        let help = rest.isEmpty
            ? "write \"\(key):\" with its value after the colon"
            : "write it as \(key): \(rest)"
        return MissingColon(line: opened.line, column: opened.column, key: key, message: "this line needs a \":\" after \"\(key)\"", help: help)
    }
}
