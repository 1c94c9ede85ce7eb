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

    /// A quote opened and not closed on its line runs on to the next quote in the file, often the
    /// opening quote of a later text, and the parser stops there, lines away.
    @Test func aQuoteThatRunsOnIsPointedAtNotWhereTheParserStopped() throws {
        let d = try problem("- id: feel\n  ask: \"How are you feeling today?\n  answer: text\n- id: why\n  ask: \"Why is that?\"\n  answer: text")
        #expect(d.message == "this \" is not closed on its line, so the text ran on into the lines below it")
        #expect(d.location.line == 9 && d.location.column == 14, "at the quote: \(d.location)")
        #expect(d.help == "put a closing \" at the end of the text, on the same line")
    }

    /// A hole left open (`{name`, `{common.how-it-works`) would be shown to people as written.
    @Test(arguments: ["Hello {name, welcome.", "Hello {name|there}. {name"])
    func aHoleLeftOpen(text: String) {
        let d = TestSupport.diagnostics("- id: name\n  ask: Name?\n  answer: text\n- id: hi\n  say: \(text)")
        #expect(d.map(\.code) == [.unknownTextReference], "\(d.map(DiagnosticRenderer.text))")
        #expect(d.first?.message == "this {name has no } after it, so people would see it just as it is written")
        #expect(d.first?.location.line == 12)
        #expect(TestSupport.diagnostics("- id: name\n  ask: Name?\n  answer: text\n- id: hi\n  say: Hello {name}, and { } is fine.").isEmpty)
    }
}
