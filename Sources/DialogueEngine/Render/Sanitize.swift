/// Removes what could steer a terminal: ESC and every C0/C1 control (tab and newline excepted),
/// and bidirectional overrides (Trojan Source). Applied to everything shown to a person and to exports.
public enum Sanitize {
    public static func text(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: isUnsafe) else { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars where !isUnsafe(u) { out.append(u) }
        return String(out)
    }

    /// One line of input: also drops newlines and tabs become spaces.
    public static func line(_ s: String) -> String {
        text(s).replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ")
    }

    @inline(__always)
    static func isUnsafe(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x09, 0x0A: false
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C: true
        default: false
        }
    }
}

/// Wraps text at a width, keeping words whole and indenting continuation lines.
public enum Wrap {
    public static func lines(_ text: String, width: Int, indent: String = "", firstIndent: String? = nil) -> [String] {
        var out: [String] = []
        let width = max(20, width)
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = firstIndent ?? indent
            var lineHasWord = false
            let words = paragraph.split(separator: " ", omittingEmptySubsequences: true)
            if words.isEmpty {
                out.append("")
                continue
            }
            for word in words {
                if lineHasWord && line.count + 1 + word.count > width {
                    out.append(line)
                    line = indent
                    lineHasWord = false
                }
                if lineHasWord { line += " " }
                line += word
                lineHasWord = true
            }
            out.append(line)
        }
        return out
    }
}
