import Testing

@testable import DialogueEngine

/// A line that fits is no longer cut into words: what comes out must be what the cutting makes,
/// for every kind of text, width and indent.
@Suite struct WrapOneLineTests {
    static let pieces = ["a", "word", "longerword", "1.", "(hint)", " ", "  ", "\t", "\n", "\r", "é", "x\u{7F}", "-", "?"]

    static func samples() -> [String] {
        TestSupport.strings(of: pieces, random: 3_000, seed: 0x3D17)
    }

    @Test func sameAsCuttingIntoWords() {
        let indents: [(String, String?)] = [("", nil), ("  ", "  "), ("     ", "  "), ("    ", "    - "), ("      ", "  - ")]
        var fast = 0
        for s in Self.samples() {
            for width in [20, 24, 30, 80] {
                for (indent, first) in indents {
                    guard Wrap.isPlainASCII(s) else { continue }
                    let cut = s.utf8.withContiguousStorageIfAvailable { Wrap.asciiLines($0, width: width, indent: indent, firstIndent: first) }
                    #expect(Wrap.lines(s, width: width, indent: indent, firstIndent: first) == cut, "\(Array(s.utf8)) width \(width)")
                    if Wrap.oneLine(s, width: width, first: first ?? indent) != nil { fast += 1 }
                }
            }
        }
        // The short way is taken, and not only for trivial text.
        #expect(fast > 10_000)
    }

    @Test func oneLineOnlyWhenItFits() {
        #expect(Wrap.oneLine("Type yes or no.", width: 80, first: "  ") == "  Type yes or no.")
        #expect(Wrap.oneLine("Type yes or no.", width: 20, first: "      ") == nil)
        #expect(Wrap.oneLine(" leading", width: 80, first: "") == nil)
        #expect(Wrap.oneLine("trailing ", width: 80, first: "") == nil)
        #expect(Wrap.oneLine("two  spaces", width: 80, first: "") == nil)
        #expect(Wrap.oneLine("café", width: 80, first: "") == nil)
        #expect(Wrap.oneLine("", width: 80, first: "  ") == nil)
    }
}
