/// Text with `{id}` and `{id|fallback}` holes filled from answers.
public struct Template: Sendable, Hashable {
    public enum Part: Sendable, Hashable {
        case literal(String)
        /// `{id}` or `{id|fallback}`; `offset` counts characters from the text's start.
        case hole(id: String, fallback: String?, offset: Int)
    }

    public let parts: [Part]
    /// The text as written.
    public let source: String
    /// The text as shown, worked out once when it has no holes (most texts): rendering is then free.
    private var fixed: String?

    /// Parses `{id}` holes. An unmatched `{` is kept as text.
    public init(_ source: String) {
        self.source = source
        var parts: [Part] = []
        var literal = ""
        var i = source.startIndex
        var offset = 0
        while i < source.endIndex {
            let c = source[i]
            if c == "{", let close = source[i...].firstIndex(of: "}") {
                let inner = source[source.index(after: i)..<close]
                let pieces = inner.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
                let id = pieces[0].trimmingCharacters(in: .whitespaces)
                if Identifier.isValid(id) {
                    if !literal.isEmpty { parts.append(.literal(literal)) }
                    literal = ""
                    parts.append(.hole(id: id, fallback: pieces.count > 1 ? String(pieces[1]) : nil, offset: offset))
                    offset += source.distance(from: i, to: close) + 1
                    i = source.index(after: close)
                    continue
                }
            }
            literal.append(c)
            offset += 1
            i = source.index(after: i)
        }
        if !literal.isEmpty { parts.append(.literal(literal)) }
        self.parts = parts
        if !parts.contains(where: { if case .hole = $0 { true } else { false } }) {
            fixed = Template.tidy(literal)
        }
    }

    /// Whether the text has no holes, so that it is the same for everyone.
    public var isFixed: Bool { fixed != nil }

    /// The ids this text refers to, with their character offsets.
    public var holes: [(id: String, fallback: String?, offset: Int)] {
        parts.compactMap {
            if case .hole(let id, let fallback, let offset) = $0 { return (id, fallback, offset) }
            return nil
        }
    }

    /// Fills the holes; `lookup` returns the display text of an answer, or nil when there is none.
    public func render(_ lookup: (String) -> String?) -> String {
        if let fixed { return fixed }
        var out = ""
        // An answer that ends a sentence itself ("Dr. J.", "Sam!") before the text's own full stop:
        // one stop, not "Hello Dr. J..".
        var holeEndedSentence = false
        for part in parts {
            switch part {
            case .literal(let s):
                out += holeEndedSentence && s.hasPrefix(".") ? String(s.dropFirst()) : s
                holeEndedSentence = false
            case .hole(let id, let fallback, _):
                let value = lookup(id).flatMap { $0.isEmpty ? nil : $0 } ?? fallback ?? ""
                out += value
                holeEndedSentence = value.utf8.last.map { $0 == 0x2E || $0 == 0x21 || $0 == 0x3F } ?? false
            }
        }
        return Template.tidy(out)
    }

    /// Removes the doubled spaces and stray spaces before punctuation that an empty hole leaves.
    static func tidy(_ s: String) -> String {
        // ASCII (most text) is tidied byte by byte: the same rules, without grapheme breaking.
        if let tidied = s.utf8.withContiguousStorageIfAvailable({ $0.allSatisfy { $0 < 0x80 } ? tidyASCII($0) : nil }), let tidied {
            return tidied
        }
        var out = ""
        var lastWasSpace = false
        for c in s {
            if c == " " {
                if lastWasSpace { continue }
                lastWasSpace = true
            } else {
                if lastWasSpace, c == "," || c == "." || c == "!" || c == "?" || c == ":" || c == ";", out.last == " " { out.removeLast() }
                // "Thank you, {name|}." leaves "Thank you,." behind: the comma goes.
                if c == "." || c == "!" || c == "?", out.last == "," { out.removeLast() }
                lastWasSpace = false
            }
            out.append(c)
        }
        // One pass, no Foundation in the loop: this runs for every line a dialogue says.
        guard out.first?.isWhitespace == true || out.last?.isWhitespace == true else { return out }
        return out.trimmingCharacters(in: .whitespaces)
    }

    /// `tidy` for ASCII text, on its bytes. Trims spaces and tabs at the ends, as `.whitespaces` does.
    static func tidyASCII(_ s: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.count)
        var lastWasSpace = false
        for c in s {
            if c == 0x20 {
                if lastWasSpace { continue }
                lastWasSpace = true
            } else {
                let stop = c == 0x2E || c == 0x21 || c == 0x3F  // . ! ?
                if lastWasSpace, stop || c == 0x2C || c == 0x3A || c == 0x3B, out.last == 0x20 { out.removeLast() }  // , : ;
                if stop, out.last == 0x2C { out.removeLast() }
                lastWasSpace = false
            }
            out.append(c)
        }
        var start = 0, end = out.count
        while start < end, out[start] == 0x20 || out[start] == 0x09 { start += 1 }
        while end > start, out[end - 1] == 0x20 || out[end - 1] == 0x09 { end -= 1 }
        return String(decoding: out[start..<end], as: UTF8.self)
    }
}

/// The rule for ids of dialogues, sections, steps, options and fields.
public enum Identifier {
    /// Lower-case letters, digits, `-` and `_`, starting with a letter.
    public static func isValid(_ s: some StringProtocol) -> Bool {
        guard let first = s.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return s.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }
}

import Foundation
