import Testing

@testable import DialogueEngine

/// The YAML parser's own words for a mistake are said plainly, at the mistake, with the line as it
/// should be written.
@Suite struct YAMLPlainWordsTests {
    typealias T = TestSupport

    /// The first diagnostic for one step whose `ask:` line is `line`, exactly as typed.
    func first(_ askLine: String) throws -> Diagnostic {
        let d = T.diagnostics("- id: a\n  \(askLine)\n  answer: text\n")
        let first = try #require(d.first)
        // The parser's words never reach the author.
        for jargon in ["while scanning", "while parsing", "token", "scalar", "not valid YAML"] {
            #expect(!first.message.contains(jargon), "\(first.message)")
        }
        return first
    }

    @Test(arguments: [
        ("ask: `Home` is where?", "a backtick (`)", "ask: \"`Home` is where?\""),
        ("ask: @home what helps?", "@", "ask: \"@home what helps?\""),
        ("ask: `He said \"hi\"`", "a backtick (`)", "ask: '`He said \"hi\"`'"),
    ])
    func aTextBeginningWithASymbolAsksForQuotes(line: String, symbol: String, fixed: String) throws {
        let d = try first(line)
        #expect(d.code == .yamlSyntax)
        #expect(d.message == "a text cannot begin with \(symbol) unless it is in quotes")
        #expect(d.location.column == 14)
        #expect(d.help == "put the text in quotes: \(fixed)")
    }

    @Test func aStarIsAnAliasAndSaysSo() throws {
        let d = try first("ask: *Really* how are you?")
        #expect(d.code == .unsupportedYAML)
        #expect(d.message.contains("alias"))
        #expect(d.help == "put the text in quotes: ask: \"*Really* how are you?\"")
    }

    @Test func anUnknownEscapeNamesItself() throws {
        let d = try first(#"ask: "C:\documents is where?""#)
        #expect(d.message == #"inside double quotes, \ starts a special character, and \d is not one"#)
        #expect(d.location.column == 17)
        #expect(d.length == 2)
        #expect(d.help?.contains("single quotes") == true)
    }

    @Test func aDashAfterAKey() throws {
        let d = try first("ask: - what helps?")
        #expect(d.message.contains("starts a list"))
        #expect(d.location.line == 9)
    }

    @Test func wordsAfterABar() throws {
        let d = try first("ask: | what helps?")
        #expect(d.message == "after | or >, the text must begin on the next line")
    }

    @Test func aTabSaysItIsATab() throws {
        let d = T.load("dialogue: x\nversion: 1\ntitle: X\nsections:\n  - id: p\n\ttitle: P\n").diagnostics
        let first = try #require(d.first)
        #expect(first.message == "this line is indented with a tab, but YAML needs spaces")
        #expect(first.location.line == 6)
        #expect(first.location.column == 1)
    }

    @Test func aColonInsideAText() throws {
        let d = try first("ask: Note: what helps?")
        #expect(d.message == "\": \" inside a text reads as the start of a new key")
        #expect(d.help == "a text that contains \": \" must be in quotes")
    }

    @Test func nestingTooDeep() {
        let d = T.load("dialogue: x\nversion: 1\ntitle: " + String(repeating: "[", count: 5000) + "\n").diagnostics
        #expect(d.first?.message.contains("nested too deeply") == true)
    }
}
