import Testing

@testable import DialogueEngine

/// The strict YAML subset: refused features (D002), duplicate keys (D003), and YAML errors with hints (D001).
@Suite struct YAMLRulesTests {
    typealias T = TestSupport

    // MARK: Refused YAML features (D002)

    @Test func anchorsAndAliasesAreRefusedWhereWritten() {
        let d = T.diagnostics("""
            - id: a
              ask: A?
              answer: text
              hint: &short Keep it short.
            - id: b
              ask: B?
              answer: text
              hint: *short
            """)
        #expect(d.map(\.code) == [.unsupportedYAML, .unsupportedYAML])
        #expect(d.map(\.location.line) == [4 + T.stepsLineOffset, 8 + T.stepsLineOffset])
        #expect(d.map(\.location.column) == [15, 15])
        #expect(d[0].message.contains("anchors"))
        #expect(d[1].message.contains("aliases"))
    }

    @Test func tagsAreRefused() {
        let d = T.diagnostics("""
            - id: a
              ask: A?
              answer: text
              required: !!bool true
            """)
        #expect(d.count == 1)
        #expect(d.first?.code == .unsupportedYAML)
        #expect(d.first?.location.line == 11)
        #expect(d.first?.location.column == 19)
    }

    @Test func flowOverSeveralLinesIsRefused() {
        let d = T.diagnostics("""
            - id: pet
              ask: Cats or dogs?
              answer: pick-one
              options: {cats: Cats,
                dogs: Dogs}
            """)
        #expect(d.map(\.code) == [.unsupportedYAML])
        #expect(d.first?.location.line == 11)
        #expect(d.first?.location.column == 18)
        #expect(d.first?.message.contains("one line") == true)
    }

    @Test func flowListOverSeveralLinesIsRefused() {
        let d = T.load("""
            dialogue: x
            version: 1
            title: X
            audience: [family,
              carer]
            sections:
              - id: p
                title: P
                steps:
                  - id: a
                    say: Hi.
            """).diagnostics
        #expect(d.map(\.code) == [.unsupportedYAML])
        #expect(d.first.map { ($0.location.line, $0.location.column) } ?? (0, 0) == (4, 11))
    }

    @Test func flowOnOneLineIsFine() throws {
        let s = try T.script("""
            - id: energy
              ask: How much energy?
              answer: scale
              range: [0, 10]
              labels: {0: none at all, 10: plenty}
            - id: people
              ask: Who?
              answer: records
              fields:
                - {id: who, ask: "Who is it?", answer: text}
            """)
        guard case .scale(let range, let labels)? = s.step("energy")?.question?.answer else {
            Issue.record("expected a scale")
            return
        }
        #expect(range == 0...10)
        #expect(labels == [0: "none at all", 10: "plenty"])
    }

    // MARK: Duplicate keys (D003)

    @Test func duplicateKeysPointAtTheSecond() {
        let d = T.diagnostics("""
            - id: mood
              ask: How are you?
              answer: text
              ask: How are you today?
            """)
        #expect(d.map(\.code) == [.duplicateKey])
        #expect(d.first?.location.line == 4 + T.stepsLineOffset)
        #expect(d.first?.location.column == 9)
        #expect(d.first?.help == "the first is on line \(2 + T.stepsLineOffset); keep one")
    }

    @Test func severalDuplicateKeysInOneStep() {
        let d = T.diagnostics("""
            - id: one
              say: One.
            - id: two
              ask: Two?
              answer: text
              ask: Two again?
              answer: list
            - id: three
              say: Three.
            """)
        #expect(d.map(\.code) == [.duplicateKey, .duplicateKey])
        #expect(d.map(\.location.line) == [6 + T.stepsLineOffset, 7 + T.stepsLineOffset])
        #expect(d.map(\.help) == ["the first is on line \(4 + T.stepsLineOffset); keep one", "the first is on line \(5 + T.stepsLineOffset); keep one"])
    }

    @Test func duplicateFirstKeyOfAStep() {
        let d = T.diagnostics("- id: one\n  id: two\n  say: Hi.")
        #expect(d.map(\.code) == [.duplicateKey])
        #expect(d.first.map { [$0.location.line, $0.location.column] } == [9, 9])
        // The first copy starts the step's "- " line and the second has none: a "- " left off, perhaps.
        #expect(d.first?.help == "the first is on line 8. If line 9 starts a new item (a new step), it needs \"- \" before \"id\", lined up with the \"- \" on line 8 (column 7)")
    }

    @Test func duplicateKeysInOneLineFlowMapping() {
        let d = T.diagnostics("""
            - id: energy
              ask: How much energy?
              answer: scale
              labels: {1: low, 1: lower}
            """)
        #expect(d.map(\.code) == [.duplicateKey])
        #expect(d.first?.location.line == 11)
        #expect(d.first?.location.column == 26)
    }

    @Test func duplicateOptionKeys() {
        let d = T.diagnostics("""
            - id: pet
              ask: Cats or dogs?
              answer: pick-one
              options:
                cats: Cats
                dogs: Dogs
                cats: More cats
            """)
        #expect(d.map(\.code) == [.duplicateKey])
        #expect(d.first?.location.line == 7 + T.stepsLineOffset)
        #expect(d.first?.location.column == 11)
    }

    // MARK: YAML errors (D001) and their hints

    @Test func textStartingWithABraceGetsAHint() throws {
        let d = T.diagnostics("""
            - id: name
              ask: Your name?
              answer: text
            - id: hello
              say: {name}, welcome.
            """)
        let first = try #require(d.first)
        #expect(d.count == 1)
        #expect(first.code == .yamlSyntax)
        #expect(first.location.line == 12)
        #expect(first.help == "a text that starts with { must be in quotes, for example: say: \"{name}, welcome\"")
    }

    @Test func quotedTextStartingWithABraceIsFine() throws {
        let s = try T.script("""
            - id: name
              ask: Your name?
              answer: text
            - id: hello
              say: "{name}, welcome."
            """)
        guard case .say(let t)? = s.step("hello")?.content else { return }
        #expect(t.holes.map(\.id) == ["name"])
    }

    @Test func conditionStartingWithAQuoteGetsAHint() throws {
        let d = T.diagnostics("""
            - id: calm-ways
              ask: What helps?
              answer: pick-many
              options:
                music: Music
                walk: A walk
            - id: music
              when: "music" in calm-ways
              say: Music is good.
            """)
        let first = try #require(d.first)
        #expect(first.code == .yamlSyntax)
        #expect(first.help?.contains("when: '\"music\" in calm-ways'") == true)
    }

    @Test func tabsGetAHint() {
        let d = T.load("dialogue: x\nversion: 1\ntitle: X\nsections:\n\t- id: p\n").diagnostics
        #expect(d.first?.code == .yamlSyntax)
        #expect(d.first?.location.line == 5)
        #expect(d.first?.help == "indent with spaces, not tabs")
    }

    @Test func colonInTextGetsAHint() {
        let d = T.diagnostics("""
            - id: a
              say: Remember: you matter.
            """)
        #expect(d.first?.code == .yamlSyntax)
        #expect(d.first?.help == "a text that contains \": \" must be in quotes")
    }
}
