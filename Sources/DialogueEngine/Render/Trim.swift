extension String {
    /// Without spaces and tabs at either end: the same as Foundation's
    /// `trimmingCharacters(in: .whitespaces)` (see `isWhitespace`), without the
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
        return scalars.count == 1 && isWhitespace(scalars.first!)
    }
}

extension String {
    /// Without the scalars `trim` holds at either end: Foundation's `trimmingCharacters(in:)` for a
    /// set given as a test, without the `NSString` bridge and a `CharacterSet` built per call (the
    /// answer parsers run it on every answer).
    func trimmingScalars(where trim: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !trim($0) }) else { return "" }
        let end = scalars.lastIndex(where: { !trim($0) })!
        if start == scalars.startIndex && scalars.index(after: end) == scalars.endIndex { return self }
        return String(scalars[start...end])
    }

    /// Foundation's `CharacterSet.whitespaces`: the tab, Unicode's space separators, and the
    /// zero-width space (U+200B, a space separator in early Unicode, which Foundation still counts).
    static func isWhitespace(_ u: Unicode.Scalar) -> Bool {
        u == " " || u == "\t" || (u.value >= 0x80 && (u.value == 0x200B || u.properties.generalCategory == .spaceSeparator))
    }
}

extension String {
    /// Foundation's `trimmingCharacters(in: .whitespacesAndNewlines)`, at a byte's cost when a
    /// visible ASCII character is at each end (nearly every text of a dialogue: `tandem check` ran
    /// the bridge to `NSString` on each of them).
    var trimmedWhitespaceAndNewlines: String {
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x7F, last > 0x20, last < 0x7F { return self }
        return trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
