import DialogueEngine

extension ClientMessage {
    /// A JSON-mode line cleaned as every line is (docs/protocol.md, "Framing"), but only between
    /// the JSON's strings: a stray arrow key (`ESC [ A`) before the object, a NUL or a bidi mark
    /// after it, are taken out, as in text mode, so the object is still read. Inside a string
    /// nothing changes here: a raw control there is not valid JSON, and every string's value is
    /// cleaned once it is read (an answer by `AnswerInput.sanitized`, a line as any typed line).
    public static func cleanedLine(_ text: String) -> String {
        // Most lines are printable ASCII: nothing to clean.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var between = String.UnicodeScalarView()
        var inString = false, escaped = false
        for scalar in text.unicodeScalars {
            if inString {
                out.unicodeScalars.append(scalar)
                if escaped {
                    escaped = false
                } else if scalar == "\\" {
                    escaped = true
                } else if scalar == "\"" {
                    inString = false
                }
            } else if scalar == "\"" {
                out += Sanitize.line(String(between))
                between = String.UnicodeScalarView()
                out.unicodeScalars.append(scalar)
                inString = true
            } else {
                between.append(scalar)
            }
        }
        out += Sanitize.line(String(between))
        return out
    }
}
