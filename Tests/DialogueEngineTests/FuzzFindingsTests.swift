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

    /// A scale wider than 100 points is refused with one clear message and never makes the checker
    /// list every point (the fuzzer found `range: [1, 109999999999999999]` with labels asking for
    /// 880 petabytes), nor overflow working out the span.
    @Test(arguments: [
        "[1, 109999999999999999]", "[-9223372036854775808, 9223372036854775807]", "[-9223372036854775807, 1]", "[0, 101]",
    ])
    func aScaleTooWideIsRefused(range: String) {
        let d = TestSupport.diagnostics("- id: a\n  ask: A?\n  answer: scale\n  range: \(range)\n  labels: {1: low, 5: high}")
        #expect(d.map(\.code) == [.badAnswerOptions], "\(d.map(DiagnosticRenderer.text))")
        #expect(d.first?.message == "a scale can span at most 100 points")
        #expect(d.first?.location.line == 11, "on the range line")
        #expect(TestSupport.diagnostics("- id: a\n  ask: A?\n  answer: scale\n  range: [0, 100]\n  labels: {0: low, 100: high}").isEmpty)
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

    @Test func invisibleLineSeparatorsArePointedOutOnTheLineAnEditorShows() throws {
        // U+2028 (and U+2029, U+0085) end a line for the YAML parser but not in editors: a problem
        // after one was reported on a line the file did not have ("D001 at line 3 of 1").
        let found = ScriptLoader.load(text: "\u{FFFD}2027-: 02-\u{2028}30", file: "ls.yaml").diagnostics
        #expect(found.count == 1)
        #expect(found.first?.code == .yamlSyntax)
        #expect(found.first?.location.line == 1 && found.first?.location.column == 12)
        #expect(found.first?.message.contains("line separator (U+2028)") == true)
        let text = "dialogue: ls\nversion: 1\ntitle: Pasted\u{2029} text\nsections:\n  - id: part\n    title: Part\u{85}One\n"
        let places = ScriptLoader.load(text: text, file: "ls.yaml").diagnostics.map { "\($0.location.line):\($0.location.column)" }
        #expect(places == ["3:14", "6:16"])
        // A line end followed by a combining mark is one Character, but two lines.
        let d = try #require(ScriptLoader.load(text: "dialogue: x\n\u{301}version: [1\n", file: "m.yaml").diagnostics.first)
        #expect(d.location.line <= 3)
    }

    @Test func aKeyGivenTwiceIsPlacedWithoutARegularExpression() {
        // Placing a duplicated key compiled a regular expression from the key, which Foundation caches
        // and leaks (LeakSanitizer, checkin target). Keys with a regular expression's own characters
        // are found where they are, and one that only begins like the key is not taken for it.
        for key in ["c++", "a.b", "(x)", "why?", "naïve"] {
            let text = "dialogue: d\n\(key): 1\nversion: 1\n\(key)x: 3\n\(key) : 2\n"
            let d = ScriptLoader.load(text: text, file: "d.yaml").diagnostics.first { $0.code == .duplicateKey }
            #expect(d?.location.line == 5, "\(key)")
            #expect(d?.help == "the first is on line 2; keep one", "\(key)")
        }
        let (_, problems) = DistressMatcher.load(text: "signals:\n  - a\nme:\n  - b\nsignals:\n  - c\n", file: "check-in.yaml")
        #expect(problems.contains { $0.code == .duplicateKey && $0.location.line == 5 })
    }

    @Test func sharedChoicesAreFoundUsedWithoutARegularExpression() {
        #expect(CommonLibrary.usesChoices("    options: feelings", "feelings"))
        #expect(CommonLibrary.usesChoices("    options:feelings   # shared", "feelings"))
        #expect(CommonLibrary.usesChoices("  x: 1  options: feelings\r", "feelings"))
        #expect(!CommonLibrary.usesChoices("    options: feelings-more", "feelings"))
        #expect(!CommonLibrary.usesChoices("    options: {from: feelings}", "feelings"))
        #expect(!CommonLibrary.usesChoices("    choices: feelings", "feelings"))
        #expect(CommonLibrary.usesChoices("  options: other  options: a.b", "a.b"))
    }
    /// The walk target (a dialogue made from the bytes, then walked) found a JSON number far past
    /// any Int trapping in `Int(_:)` at a pick-one or scale question: one line stopped a server.
    @Test(arguments: [1e300, -1e300, 9.3e18, 1e19, .infinity, -.infinity, .nan])
    func aNumberPastAnyIntIsAskedAgainNotATrap(number: Double) {
        let parser = AnswerParser(today: SimpleDate(year: 2026, month: 12, day: 3)!)
        let options = [Option(key: "a", label: "A"), Option(key: "b", label: "B")]
        for spec: AnswerSpec in [.pickOne(options: options), .pickMany(options: options, min: nil, max: nil), .scale(range: 1...10, labels: [:]), .number(range: nil)] {
            if case .number = spec, number.isFinite { continue }
            guard case .rejected = parser.parse(AnswerInput.number(number), as: spec) else {
                Issue.record("\(number) was taken at \(spec.kind.rawValue)")
                continue
            }
        }
        #expect(AnswerText.inline(.number(number), spec: .scale(range: 1...10, labels: [10: "high"])).hasSuffix("out of 10"))
    }

    /// The same trap in the checker: a condition comparing a pick-one with a number too big for an Int.
    @Test func aConditionWithANumberPastAnyIntIsExplainedNotATrap() {
        let d = TestSupport.diagnostics("- id: rel\n  ask: Which?\n  answer: pick-one\n  options:\n    a: A\n    b: B\n- id: more\n  when: rel == 99999999999999999999\n  ask: More?\n  answer: text")
        #expect(d.map(\.code) == [.typeError], "\(d.map(DiagnosticRenderer.text))")
    }
}
