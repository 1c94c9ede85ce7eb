import Testing

@testable import DialogueEngine

/// A word longer than the line (a web address, a file's path, a long pasted word) is cut at the
/// width by Tandem, with the indent kept, not left for the terminal to cut at its first column.
@Suite struct WrapLongWordTests {
    @Test func aLongWordIsCutAtTheWidth() {
        let text = "Where: (~/.local/share/tandem/plans.sqlite). Nothing is sent."
        let out = Wrap.lines(text, width: 20, indent: "  ", firstIndent: "")
        for line in out { #expect(line.count <= 20, "too wide: \(line)") }
        #expect(out.dropFirst().allSatisfy { $0.hasPrefix("  ") })
        let joined = out.map { $0.hasPrefix("  ") ? String($0.dropFirst(2)) : $0 }.joined(separator: "\u{1}")
        #expect(joined.replacingOccurrences(of: "\u{1}", with: "").contains("(~/.local/share/tandem/plans.sqlite)."))
    }

    @Test func accentedLongWordsToo() {
        let out = Wrap.lines("Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch, Môn", width: 20, indent: " ")
        for line in out { #expect(line.count <= 20, "too wide: \(line)") }
    }

    @Test func someoneElsesLongWordKeepsItsMarkerOnEveryLine() {
        let out = Wrap.quoted("look https://example.org/a/very/long/address/indeed/yes", width: 24, marker: "  | ")
        #expect(out.count >= 3)
        for line in out { #expect(line.hasPrefix("  | ") && line.count <= 24, "\(line)") }
    }
}
