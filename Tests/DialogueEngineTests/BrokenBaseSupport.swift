import Foundation
import Testing

@testable import DialogueEngine

/// A small dialogue that checks clean, broken one way at a time by the tests of `tandem check`'s
/// messages: each test changes a line or two and looks at what the checker says, and where.
enum BrokenBase {
    static let text = """
        dialogue: brk
        version: 1
        title: Break me
        sections:
          - id: one
            title: One
            steps:
              - id: name
                ask: What should I call you?
                answer: text
              - id: mood
                ask: How are you?
                answer: pick-one
                options:
                  good: Good
                  bad: Bad
              - id: hi
                say: Hello {name|there}.
                next:
                  - if: mood == "bad"
                    go: help
                  - go: end
              - id: help
                ask: What helps?
                answer: list

        """

    /// The base with `old` (which must be there) replaced by `new`.
    static func text(replacing old: String, with new: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String {
        #expect(text.contains(old), "the base has no \(old)", sourceLocation: sourceLocation)
        return text.replacingOccurrences(of: old, with: new)
    }

    /// What the checker says about the base with `old` replaced by `new`, read as brk.yaml.
    static func diagnostics(replacing old: String, with new: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [Diagnostic] {
        ScriptLoader.load(text: text(replacing: old, with: new, sourceLocation: sourceLocation), file: "brk.yaml").diagnostics
    }

    /// The 1-based column where `needle` first appears on line `line` of `text`.
    static func column(of needle: String, line: Int, in text: String) -> Int? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1, line <= lines.count, let r = lines[line - 1].range(of: needle) else { return nil }
        return lines[line - 1].distance(from: lines[line - 1].startIndex, to: r.lowerBound) + 1
    }

    static func rendered(_ ds: [Diagnostic]) -> String { ds.map(DiagnosticRenderer.text).joined(separator: "\n") }
}
