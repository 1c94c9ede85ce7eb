import Testing

@testable import DialogueEngine

/// A quote or bracket left open: the YAML parser reads on, often to the end of the file, and
/// stops far from the mistake. The message points where it opened (found by trying `tandem check`
/// as an author would: an open quote on line 21 was reported at line 137, the file's end).
@Suite struct UnclosedMessageTests {
    func problem(_ steps: String) throws -> Diagnostic {
        let text = TestSupport.yaml(steps)
            + "\n      - id: later\n        ask: Something later?\n        answer: text\n      - id: last\n        ask: The last one?\n        answer: yes-no\n"
        return try #require(ScriptLoader.load(text: text, file: "open.yaml").diagnostics.first)
    }

    @Test(arguments: ["\"", "'"])
    func aQuoteNeverClosed(quote: String) throws {
        let d = try problem("- id: feel\n  ask: \(quote)How are you feeling today?\n  answer: text")
        #expect(d.code == .yamlSyntax)
        #expect(d.message == "this \(quote) is never closed, so everything after it was read as one text")
        #expect(d.help == "put a closing \(quote) at the end of the text, on the same line")
        #expect(d.location.line == 9 && d.location.column == 14, "at the quote: \(d.location)")
    }

    @Test(arguments: [("[", "]", "range: [1, 10"), ("{", "}", "labels: {1: low, 10: high")])
    func aBracketNeverClosed(open: String, close: String, line: String) throws {
        let d = try problem("- id: energy\n  ask: Energy?\n  answer: scale\n  \(line)")
        #expect(d.message == "this \(open) is never closed")
        #expect(d.help == "close it with \(close) on the same line, after the last item")
        #expect(d.location.line == 11, "on the line it opened: \(d.location)")
    }

    @Test func aClosedQuoteOverTwoLinesIsFine() {
        #expect(TestSupport.diagnostics("- id: feel\n  ask: \"How are you\n    feeling today?\"\n  answer: text").isEmpty)
    }
}
