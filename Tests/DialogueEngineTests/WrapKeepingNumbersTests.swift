import Testing

@testable import DialogueEngine

/// Numbers are kept whole on a line ("0808 2000 247") byte by byte for plain text now, as the glue
/// character did: the same lines for every kind of text, width and indent.
@Suite struct WrapKeepingNumbersTests {
    static let pieces = ["1", "07", "0808", "247", " ", "  ", "Call", "text", "or", "a", "\n", ".", ",", "é", "longerwordhere", "\t", "9 "]

    static func samples() -> [String] {
        ["Call 0808 2000 247, or text 07860 077333.", "1 2", "1  2", " 1 2 ", "Call 999, or go to A&E"]
            + TestSupport.strings(of: pieces, random: 4_000, lengthShift: 59, seed: 0x5EED)
    }

    @Test func sameAsGluingTheSpaces() {
        let indents: [(String, String?)] = [("", nil), ("  ", "  "), ("    ", "  "), ("    ", "  - ")]
        var plain = 0
        for s in Self.samples() {
            for width in [20, 24, 33, 80] {
                for (indent, first) in indents {
                    let fast = Wrap.keepingNumbers(s, width: width, indent: indent, firstIndent: first)
                    let glued = Wrap.keepingNumbersByGlue(s, width: width, indent: indent, firstIndent: first)
                    #expect(fast == glued, "\(Array(s.utf8)) width \(width) indent \(indent.count)")
                    if Wrap.isPlainASCII(s) { plain += 1 }
                }
            }
        }
        #expect(plain > 50_000, "most samples take the byte path")
    }

    @Test func aNumberIsNeverSplit() {
        let lines = Wrap.keepingNumbers("National Domestic Abuse Helpline, England: Call 0808 2000 247. Free, day or night.", width: 50, indent: "    ", firstIndent: "  ")
        #expect(lines.contains { $0.contains("0808 2000 247") }, "\(lines)")
        #expect(lines.allSatisfy { $0.count <= 50 })
    }
}
