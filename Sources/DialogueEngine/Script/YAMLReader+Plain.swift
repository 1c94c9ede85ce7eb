/// The YAML parser's own words for a mistake ("while scanning for the next token found character
/// that cannot start any token") said in plain ones, with what to do about it. These are the
/// mistakes an author makes by typing an ordinary sentence where YAML reads a symbol: a text
/// beginning with a backtick, `@`, `%`, `*` or `- `, a `\` inside double quotes, words after `|`,
/// a tab used to indent. Anything else keeps the parser's words (`reportYAMLError`).
extension YAMLReader {
    struct PlainMistake {
        var code: Diagnostic.Code = .yamlSyntax
        var column: Int
        var length = 1
        var message: String
        var help: String
    }

    func plainMistake(_ context: String?, _ problem: String, line: Int, column: Int) -> PlainMistake? {
        let text = source.line(line) ?? ""
        let chars = Array(text)
        let at: Character? = column >= 1 && column <= chars.count ? chars[column - 1] : nil
        if problem.contains("tab character") || chars.prefix(while: { $0 == " " || $0 == "\t" }).contains("\t") {
            let tab = chars.prefix { $0 == " " || $0 == "\t" }.firstIndex(of: "\t").map { $0 + 1 } ?? column
            return PlainMistake(column: tab, message: "this line is indented with a tab, but YAML needs spaces",
                                help: "indent with spaces, not tabs")
        }
        if problem.contains("cannot start any token"), let at {
            return PlainMistake(column: column, message: "a text cannot begin with \(Self.shown(at)) unless it is in quotes",
                                help: quotedHelp(text))
        }
        if context?.contains("directive") == true || problem.contains("directive") {
            return PlainMistake(column: 1, message: "a line cannot begin with % unless it is in quotes", help: quotedHelp(text))
        }
        if problem.contains("undefined alias") || context?.contains("while scanning an alias") == true {
            return PlainMistake(code: .unsupportedYAML, column: column,
                                message: "a text beginning with * reads as a YAML alias (*name), and aliases are not allowed",
                                help: quotedHelp(text))
        }
        if context?.contains("while scanning an anchor") == true {
            return PlainMistake(code: .unsupportedYAML, column: column,
                                message: "a text beginning with & reads as a YAML anchor (&name), and anchors are not allowed",
                                help: quotedHelp(text))
        }
        if problem.contains("unknown escape character") {
            // The parser points at the \; the letter after it is the one it does not know.
            let escaped = column < chars.count ? "\\\(chars[column])" : "this"
            return PlainMistake(column: column, length: 2,
                                message: "inside double quotes, \\ starts a special character, and \(escaped) is not one",
                                help: "write \\\\ for a \\, or put the text in single quotes ('…') instead")
        }
        if problem.contains("mapping values are not allowed") {
            return PlainMistake(column: column, message: "\": \" inside a text reads as the start of a new key",
                                help: "a text that contains \": \" must be in quotes")
        }
        if problem.contains("block sequence entries are not allowed") {
            return PlainMistake(column: column, message: "\"- \" here starts a list, which cannot come after a key on the same line",
                                help: "for a text that begins with -, put it in quotes; for a list, put each \"- \" item on its own line below, indented")
        }
        if context?.contains("block scalar") == true {
            return PlainMistake(column: column, message: "after | or >, the text must begin on the next line",
                                help: "move the words to the lines below, indented, or put the text in quotes")
        }
        if problem.contains("nesting level") || context?.contains("nesting level") == true {
            return PlainMistake(column: column, message: "this is nested too deeply: too many brackets, or lists inside lists, one inside another",
                                help: "look for a [ or { that is never closed; a dialogue needs only a few levels")
        }
        return nil
    }

    /// "put the text in quotes", with the line as it would be written that way when it is a
    /// `key: value` line.
    private func quotedHelp(_ line: String) -> String {
        guard let colon = line.range(of: ": ") else { return "put the text in quotes" }
        let key = line[..<colon.lowerBound]
        guard let name = key.split(separator: " ").last, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        else { return "put the text in quotes" }
        let value = line[colon.upperBound...].trimmingCharacters(in: .whitespaces)
        let quoted = value.contains("\"")
            ? "'\(value.replacingOccurrences(of: "'", with: "''"))'"
            : "\"\(value.replacingOccurrences(of: "\\", with: "\\\\"))\""
        return "put the text in quotes: \(name): \(quoted)"
    }

    private static func shown(_ c: Character) -> String {
        switch c {
        case "`": "a backtick (`)"
        case "@": "@"
        default: "\"\(c)\""
        }
    }
}
