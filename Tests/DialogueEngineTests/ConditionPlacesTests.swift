import Foundation
import Testing

@testable import DialogueEngine

/// Conditions written over several lines, as `|` or `>` blocks, or with escapes, are read, and a
/// problem in them is placed on its own line and column.
@Suite struct ConditionPlacesTests {
    typealias B = BrokenBase

    @Test(arguments: [">", "|", ">-", "|-"])
    func aConditionAsABlockIsRead(_ indicator: String) {
        let ds = B.diagnostics(replacing: "          - if: mood == \"bad\"\n", with: "          - if: \(indicator)\n              mood == \"bad\"\n")
        #expect(ds.isEmpty, "\(B.rendered(ds))")
    }

    @Test func aConditionOverTwoPlainLinesIsRead() {
        let ds = B.diagnostics(replacing: "          - if: mood == \"bad\"\n", with: "          - if: mood ==\n              \"bad\"\n")
        #expect(ds.isEmpty, "\(B.rendered(ds))")
    }

    @Test func noMessageHasALineBreakInIt() {
        // A text in quotes that runs over two lines of a block, then something unexpected.
        let ds = B.diagnostics(replacing: "          - if: mood == \"bad\"\n", with: "          - if: |\n              mood == \"bad\" \"x\n              y\"\n")
        let d = ds.first { $0.code == .expressionSyntax }
        #expect(d != nil, "\(B.rendered(ds))")
        for d in ds {
            #expect(!d.message.contains("\n") && !d.message.contains("\r"), "\(d.message)")
            #expect(!(d.help ?? "").contains("\n"))
        }
        #expect(d?.message.contains(#""x\ny""#) == true, "\(d?.message ?? "")")
    }

    @Test func aControlCharacterInAConditionIsShownNotPrinted() {
        // A BEL, written as an escape in double quotes.
        let ds = B.diagnostics(replacing: "- if: mood == \"bad\"", with: #"- if: "mood == \"bad\" \a""#)
        let d = ds.first { $0.code == .expressionSyntax }
        #expect(d?.message.contains("U+0007") == true, "\(B.rendered(ds))")
        #expect(d?.message.unicodeScalars.contains("\u{07}") == false)
    }

    @Test func anUnknownNameAfterEscapesIsPlacedOnIt() throws {
        let line = "        when: \"\\\"x\\\" in name and \\\"y\\\" in nmae\""
        let text = B.text(replacing: "      - id: help\n", with: "      - id: help\n\(line)\n")
        let ds = ScriptLoader.load(text: text, file: "brk.yaml").diagnostics
        let d = try #require(ds.first { $0.code == .unknownName }, "\(B.rendered(ds))")
        #expect(d.location.line == 24)
        #expect(d.location.column == B.column(of: "nmae", line: 24, in: text))
    }

    @Test(arguments: [
        // A plain condition carried on to the next line.
        ("        when: answered(name) and\n          nmae == \"x\"\n", 25),
        // A folded block.
        ("        when: >\n          answered(name) and\n          nmae == \"x\"\n", 26),
        // A literal block.
        ("        when: |\n          answered(name) and\n          nmae == \"x\"\n", 26),
        // Double quotes over two lines.
        ("        when: \"answered(name) and\n          nmae == 'x'\"\n", 25),
        // Single quotes with a doubled quote.
        ("        when: 'answered(name) and ''x'' in nmae'\n", 24),
    ])
    func anUnknownNameOnALaterLineIsPlacedOnIt(_ when: String, _ line: Int) throws {
        let text = B.text(replacing: "      - id: help\n", with: "      - id: help\n\(when)")
        let ds = ScriptLoader.load(text: text, file: "brk.yaml").diagnostics
        let d = try #require(ds.first { $0.code == .unknownName }, "\(B.rendered(ds))")
        #expect(d.location.line == line, "\(B.rendered(ds))")
        #expect(d.location.column == B.column(of: "nmae", line: line, in: text), "\(B.rendered(ds))")
    }

    @Test func aSyntaxErrorOnTheSecondLineIsPlacedOnIt() throws {
        let text = B.text(replacing: "      - id: help\n", with: "      - id: help\n        when: answered(name) and\n          name = \"x\"\n")
        let ds = ScriptLoader.load(text: text, file: "brk.yaml").diagnostics
        let d = try #require(ds.first { $0.code == .expressionSyntax }, "\(B.rendered(ds))")
        #expect(d.location.line == 25)
        #expect(d.location.column == B.column(of: "=", line: 25, in: text))
    }

    @Test func aConditionThatEndsTooSoonPointsAtItsEnd() throws {
        let text = B.text(replacing: "mood == \"bad\"", with: "mood ==")
        let ds = ScriptLoader.load(text: text, file: "brk.yaml").diagnostics
        let d = try #require(ds.first { $0.code == .expressionSyntax }, "\(B.rendered(ds))")
        #expect(d.location.line == 20)
        #expect(d.location.column == B.column(of: "==", line: 20, in: text)! + 2)
    }
}
