/// The lines of a text as YAML, editors and the Language Server Protocol count them, shared by the
/// checker (where a problem is) and `tandem lsp` (where the editor's cursor is), so the two agree.
public enum TextLines {
    /// The lines of `text`, without their ends. LF, CRLF and a lone CR each end a line.
    ///
    /// Split at the byte, not the `Character`: `"\r\n"` is one Character (so splitting Characters
    /// at `"\n"` never splits a Windows file), and a line end followed by a combining mark is one
    /// Character too, but each still ends the line for YAML and for editors.
    public static func split(_ text: String) -> [Substring] {
        let utf8 = text.utf8
        var lines: [Substring] = []
        var start = utf8.startIndex
        var i = start
        while i < utf8.endIndex {
            let byte = utf8[i]
            guard byte == 0x0A || byte == 0x0D else {
                i = utf8.index(after: i)
                continue
            }
            lines.append(Substring(utf8[start..<i]))
            i = utf8.index(after: i)
            if byte == 0x0D, i < utf8.endIndex, utf8[i] == 0x0A { i = utf8.index(after: i) }
            start = i
        }
        lines.append(Substring(utf8[start..<utf8.endIndex]))
        return lines
    }

    /// How many UTF-16 units a byte-order mark (U+FEFF) takes at the start of `text`: 1 when the
    /// text begins with one, else 0. Foundation drops it when it reads a UTF-8 file, so
    /// `tandem check` never sees it; an editor may still send it.
    public static func byteOrderMarkLength(_ text: String) -> Int {
        text.unicodeScalars.first == "\u{FEFF}" ? 1 : 0
    }

    /// `text` without a byte-order mark at its start, as `tandem check` reads a file.
    public static func withoutByteOrderMark(_ text: String) -> String {
        byteOrderMarkLength(text) == 0 ? text : String(text.unicodeScalars.dropFirst())
    }
}
