/// The bullet or number a line copied from a list begins with ("- ", "• ", "1. ", "2) ").
enum ListMarker {
    /// The words after the marker, or nil when the line has none (or nothing after it).
    static func rest(_ item: String) -> Substring? {
        // Most lines begin with a letter, which no marker is: let go at the first byte.
        if let b = item.utf8.first, (0x61...0x7A).contains(b | 0x20) { return nil }
        var s = Substring(item)
        if let first = s.first, "-*•·–—+".contains(first) {
            s = s.dropFirst()
        } else {
            let digits = s.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, digits.count <= 3 else { return nil }
            s = s.dropFirst(digits.count)
            guard let mark = s.first, mark == "." || mark == ")" else { return nil }
            s = s.dropFirst()
        }
        guard s.first == " " || s.first == "\u{A0}" else { return nil }
        let text = s.drop { $0 == " " || $0 == "\u{A0}" }
        return text.isEmpty ? nil : text
    }
}
