import Foundation

/// Characters YAML does not allow in a file (a bell, an escape, a NUL), and bytes that are not
/// UTF-8: each is reported where it is, not at the top of the file, since it cannot be seen.
extension YAMLReader {
    /// Reports the first character YAML does not allow (as libyaml's reader refuses them); true if
    /// there was one. Tab, line feed and carriage return are allowed.
    func reportControlCharacters() -> Bool {
        for (i, line) in source.lines.enumerated() {
            // Fast path: every refused character has a byte below 0x20, 0x7F, or leads with 0xC2 or 0xEF.
            guard line.utf8.contains(where: { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0D) || $0 == 0x7F || $0 == 0xC2 || $0 == 0xEF }) else { continue }
            for (column, scalar) in line.unicodeScalars.enumerated() where !Self.allowedInYAML(scalar) {
                report(.yamlSyntax, "there is \(Self.describe(scalar)) here: it cannot be seen, and YAML does not allow it in a file",
                       at: SourceLocation(file: file, line: i + 1, column: column + 1), help: "delete it (in an editor that shows invisible characters, or retype the line)")
                return true
            }
        }
        return false
    }

    /// The characters libyaml's reader accepts.
    static func allowedInYAML(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x09, 0x0A, 0x0D, 0x20...0x7E, 0x85, 0xA0...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    static func describe(_ s: Unicode.Scalar) -> String {
        let names: [UInt32: String] = [0x00: "a NUL", 0x07: "a bell", 0x08: "a backspace", 0x0B: "a vertical tab", 0x0C: "a form feed", 0x1B: "an escape", 0x7F: "a delete"]
        let code = String(s.value, radix: 16, uppercase: true)
        let u = "U+" + String(repeating: "0", count: max(0, 4 - code.count)) + code
        return "\(names[s.value] ?? "a control") character (\(u))"
    }
}

extension SourceText {
    /// Where the first byte that is not UTF-8 sits: its line, and its column counted in characters
    /// before it on that line, plus one. Nil when the data is UTF-8 throughout.
    static func firstInvalidUTF8(in data: Data) -> (line: Int, column: Int)? {
        var line = 1
        var column = 1
        var iterator = data.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var lastWasCR = false
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                let scalar = Unicode.UTF8.decode(encoded)
                // Lines end as `SourceText` ends them: LF, CRLF, or a lone CR.
                if scalar == "\n" {
                    if !lastWasCR { line += 1 }
                    column = 1
                } else if scalar == "\r" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                lastWasCR = scalar == "\r"
            case .error:
                return (line, column)
            case .emptyInput:
                return nil
            }
        }
    }
}
