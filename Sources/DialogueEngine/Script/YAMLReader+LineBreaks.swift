extension YAMLReader {
    /// NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR end a line for the YAML parser (YAML 1.1) but
    /// not for editors or YAML 1.2, so every place after one would be reported on the wrong line.
    /// They are invisible, and come with text pasted from word processors: each is pointed out, on
    /// the line an editor shows, and the file is not read further. True if there was one.
    func reportOddLineBreaks() -> Bool {
        var found = false
        for (i, line) in source.lines.enumerated() {
            // Fast path: all three are outside ASCII, and lead with 0xC2 or 0xE2 in UTF-8.
            guard line.utf8.contains(where: { $0 == 0xC2 || $0 == 0xE2 }) else { continue }
            for (column, scalar) in line.unicodeScalars.enumerated() {
                let name: String
                switch scalar.value {
                case 0x85: name = "a next-line character (U+0085)"
                case 0x2028: name = "a line separator (U+2028)"
                case 0x2029: name = "a paragraph separator (U+2029)"
                default: continue
                }
                found = true
                report(.yamlSyntax, "there is \(name) here: it cannot be seen, and YAML readers do not agree on whether it ends a line",
                       at: SourceLocation(file: file, line: i + 1, column: column + 1), help: "delete it, or put a new line or a space in its place")
            }
        }
        return found
    }
}
