import Testing

@testable import DialogueEngine

/// A word longer than the line (a web address, a file's path): in the program's own text it is
/// kept whole on a line of its own, so it can be copied; in someone else's quoted words it is cut
/// at the width, so the marker starts every line.
@Suite struct WrapLongWordTests {
    @Test func aPathStaysWholeOnItsOwnLine() {
        let text = "Where: (~/.local/share/tandem/plans.sqlite). Nothing is sent."
        let out = Wrap.lines(text, width: 20, indent: "  ", firstIndent: "")
        #expect(out.contains("  (~/.local/share/tandem/plans.sqlite)."))
        for line in out where line.trimmingCharacters(in: .whitespaces).contains(" ") { #expect(line.count <= 20, "too wide: \(line)") }
    }

    @Test func someoneElsesLongWordKeepsItsMarkerOnEveryLine() {
        let out = Wrap.quoted("look https://example.org/a/very/long/address/indeed/yes", width: 24, marker: "  | ")
        #expect(out.count >= 3)
        for line in out { #expect(line.hasPrefix("  | ") && line.count <= 24, "\(line)") }
    }
}
