extension TextRenderer {
    /// The lines, with any still wider than `width` wrapped again: lines laid out in columns (the
    /// commands in /help) or written as they are (a heading, goodbye) on a very narrow window.
    /// An indent more than half the width is made 4, so a word or more fits on each line.
    func fitted(_ lines: [String]) -> [String] {
        // A line has at least as many bytes as characters: most need no counting.
        guard lines.contains(where: { $0.utf8.count > width && $0.count > width }) else { return lines }
        return lines.flatMap { line -> [String] in
            guard line.utf8.count > width, line.count > width else { return [line] }
            let lead = line.prefix { $0 == " " }.count
            let indent = String.repeating(ascii: UInt8(ascii: " "), count: lead > width / 2 ? 4 : lead)
            return Wrap.lines(String(line.dropFirst(lead)), width: width, indent: indent, firstIndent: indent)
        }
    }
}
