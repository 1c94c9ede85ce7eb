import Testing

@testable import DialogueEngine

/// A line indented a little too far or not far enough is explained as indentation, with the
/// number of spaces that fits: never "a text that contains ': ' must be in quotes", never the
/// YAML parser's own words.
@Suite struct IndentationMessageTests {
    static let lines = """
        dialogue: ind
        version: 1
        title: Ind
        sections:
          - id: part
            title: Part
            steps:
              - id: a
                ask: First?
                answer: text
              - id: b
                ask: Second?
                answer: text
                hint: Take your time.
              - id: c
                ask: Third?
                answer: pick-one
                options:
                  yes: Yes
                  no: No
        """.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)

    /// The file with line `n` (1-based) moved by `delta` spaces.
    static func moved(_ n: Int, by delta: Int) -> String {
        var l = lines
        l[n - 1] = delta > 0 ? String(repeating: " ", count: delta) + l[n - 1] : String(l[n - 1].dropFirst(-delta))
        return l.joined(separator: "\n") + "\n"
    }

    @Test(arguments: [
        (13, 1, "\"answer:\" is indented 9 spaces, but the keys beside it are indented 8 spaces"),
        (13, 2, "\"answer:\" is indented 10 spaces, but the keys beside it are indented 8 spaces"),
        (13, 4, "\"answer:\" is indented 12 spaces, but the keys beside it are indented 8 spaces"),
        (13, -1, "\"answer:\" is indented 7 spaces, but the keys beside it are indented 8 spaces"),
        (13, -2, "\"answer:\" is indented 6 spaces, but the keys beside it are indented 8 spaces"),
        (14, 2, "\"hint:\" is indented 10 spaces, but the keys beside it are indented 8 spaces"),
        (6, 2, "\"title:\" is indented 6 spaces, but the keys beside it are indented 4 spaces"),
        (11, 2, "this list item is indented 8 spaces, but the items of its list are indented 6 spaces"),
        (20, 1, "\"no:\" is indented 11 spaces, but the keys beside it are indented 10 spaces"),
    ])
    func explainedAsIndentation(_ line: Int, _ delta: Int, _ message: String) throws {
        let found = ScriptLoader.load(text: Self.moved(line, by: delta), file: "ind.yaml").diagnostics
        let d = try #require(found.first)
        #expect(d.message == message)
        #expect(d.location.line == line)
        #expect(d.help?.contains("must line up exactly") == true)
        #expect(!d.message.contains("mapping values"))
    }

    @Test func aColonInsideATextStillAsksForQuotes() throws {
        var l = Self.lines
        l[8] = "        ask: Note: this is the first?"
        let d = try #require(ScriptLoader.load(text: l.joined(separator: "\n"), file: "ind.yaml").diagnostics.first)
        #expect(d.help == "a text that contains \": \" must be in quotes")
    }

    @Test func linesInsideABlockOfTextAreLeftAlone() throws {
        let text = "dialogue: ind\nversion: 1\ntitle: Ind\nintro: |\n  Hello.\n     Indented more, on purpose.\nsections:\n  - id: part\n    title: Part\n    steps:\n      - id: a\n        ask: First?\n        answer: text\n"
        #expect(ScriptLoader.load(text: text, file: "ind.yaml").diagnostics.isEmpty)
    }

    @Test func aHashInsideBracesIsReportedWhereItIs() throws {
        var l = Self.lines
        l[17] = "          options: {yes: Yes # the usual, no: No}"
        l.removeSubrange(18...19)
        let d = try #require(ScriptLoader.load(text: l.joined(separator: "\n") + "\n", file: "ind.yaml").diagnostics.first)
        #expect(d.location.line == 18)
        #expect(d.location.column == 30)
        #expect(d.message.hasPrefix("a # inside { } or [ ] starts a comment"))
        var list = Self.lines
        list[13] = "        hint: [one, two # three]"
        let e = try #require(ScriptLoader.load(text: list.joined(separator: "\n") + "\n", file: "ind.yaml").diagnostics.first)
        #expect(e.location.line == 14 && e.message.contains("closing ]"))
    }
}
