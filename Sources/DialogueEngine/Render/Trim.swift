extension String {
    /// Without spaces and tabs at either end: the same as Foundation's
    /// `trimmingCharacters(in: .whitespaces)` (tabs and Unicode space separators), without the
    /// bridging to `NSString` that made it a hot spot on every typed line.
    public var trimmedSpaces: String {
        let bytes = utf8
        // Most lines start and end with a visible ASCII character: nothing to trim.
        if let first = bytes.first, let last = bytes.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 {
            return self
        }
        guard let start = firstIndex(where: { !Self.isSpace($0) }) else { return "" }
        let end = lastIndex(where: { !Self.isSpace($0) })!
        return String(self[start...end])
    }

    static func isSpace(_ c: Character) -> Bool {
        if c == " " || c == "\t" { return true }
        let scalars = c.unicodeScalars
        return scalars.count == 1 && scalars.first!.properties.generalCategory == .spaceSeparator
    }
}
