import Testing

@testable import DialogueEngine

/// What fuzzing found (scripts/fuzz; the inputs are kept in Fuzz/regressions and replayed by
/// scripts/test): each as a test of its own.
@Suite struct FuzzFindingsTests {
    @Test func aLargeWholeNumberIsWrittenSoItReadsBack() throws {
        // "2e15" was written as 2000000000000000, which the parser refuses (more than 15 digits).
        let value = try JSONValue.parse("2e15")
        #expect(value.serialized() != "2000000000000000")
        #expect(try JSONValue.parse(value.serialized()) == value)
        #expect(JSONValue.number(999_999_999_999_999).serialized() == "999999999999999")
        #expect(try JSONValue.parse(JSONValue.number(-4e17).serialized()) == .number(-4e17))
    }

    @Test func deepBracketsAreRefusedNotAStackOverflow() {
        // 1,450 "(" overflowed the stack.
        #expect(throws: ExpressionSyntaxError.self) { try Expression.parse(String(repeating: "(", count: 5000) + "a" + String(repeating: ")", count: 5000)) }
        #expect(throws: ExpressionSyntaxError.self) { try Expression.parse(String(repeating: "not ", count: 200) + "a") }
        #expect(throws: ExpressionSyntaxError.self) { try Expression.parse(Array(repeating: "a == 1", count: 600).joined(separator: " and ")) }
        #expect((try? Expression.parse(String(repeating: "(", count: 30) + "a == 1" + String(repeating: ")", count: 30))) != nil)
        #expect((try? Expression.parse(Array(repeating: "a == 1", count: 100).joined(separator: " and "))) != nil)
    }

    @Test func aFileWithLoneCarriageReturnsQuotesTheRightLine() throws {
        // Lines ended by a lone CR were counted by YAML but not when quoting the line.
        let text = "dialogue: cr\rversion: 1\rtitle: CR\rsections:\r  - id: part\r    title: Part\r    steps:\r      - id: a\r        ask: A?\r        answer: txet\r"
        let d = try #require(ScriptLoader.load(text: text, file: "cr.yaml").diagnostics.first { $0.code == .unknownAnswerType })
        #expect(d.location.line == 10)
        #expect(d.sourceLine == "        answer: txet")
        let crlf = text.replacingOccurrences(of: "\r", with: "\r\n")
        #expect(ScriptLoader.load(text: crlf, file: "cr.yaml").diagnostics.first { $0.code == .unknownAnswerType }?.sourceLine == "        answer: txet")
    }
}
