import Foundation
import Testing

@testable import DialogueEngine

/// Reading dialogue files: every scalar typed by us, strict YAML, and clear positions.
@Suite struct LoaderTests {
    typealias T = TestSupport

    @Test func readsAWholeDialogue() throws {
        let text = """
            dialogue: sleep
            version: 2
            title: Sleeping well
            summary: A short plan about sleep.
            audience: [person, carer]
            minutes: 5
            serves: [life-goals]
            intro: |
              Hello.
              This is about sleep.
            sections:
              - id: nights
                title: Nights
                steps:
                  - id: hours
                    ask: How many hours do you sleep?
                    answer: number
                    range: [0, 24]
                    hint: A rough guess is fine.
                    why: Sleep matters.
                    required: true
                  - id: tips
                    say: Thank you.
            """
        let s = try T.script(text: text)
        #expect(s.id == "sleep")
        #expect(s.version == 2)
        #expect(s.title == "Sleeping well")
        #expect(s.summary == "A short plan about sleep.")
        #expect(s.audience == ["person", "carer"])
        #expect(s.minutes == 5)
        #expect(s.serves == ["life-goals"])
        #expect(s.intro?.source == "Hello.\nThis is about sleep.")
        #expect(s.steps.map(\.id) == ["hours", "tips"])
        let q = try #require(s.step("hours")?.question)
        #expect(q.required)
        #expect(q.hint?.source == "A rough guess is fine.")
        #expect(q.why?.source == "Sleep matters.")
        guard case .number(let range) = q.answer else {
            Issue.record("expected a number answer")
            return
        }
        #expect(range == 0...24)
        #expect(s.step("hours")?.location.line == 15)
        #expect(s.section(of: "tips")?.title == "Nights")
    }

    // MARK: Every scalar stays text where text is expected

    @Test func bareYesNoOnOffStayText() throws {
        let s = try T.script("""
            - id: choice
              ask: yes
              answer: pick-one
              options:
                no: No
                yes: Yes
                on: On
                off: Off
            - id: said
              say: off
            """)
        let q = try #require(s.step("choice")?.question)
        #expect(q.prompt.source == "yes")
        #expect(q.answer.options == [
            Option(key: "no", label: "No"), Option(key: "yes", label: "Yes"),
            Option(key: "on", label: "On"), Option(key: "off", label: "Off"),
        ])
        guard case .say(let t)? = s.step("said")?.content else {
            Issue.record("expected a message")
            return
        }
        #expect(t.source == "off")
    }

    @Test func numbersAndDatesInTextStayAsWritten() throws {
        let s = try T.script(text: """
            dialogue: x
            version: 1
            title: 1.50
            sections:
              - id: p
                title: 2027-03-01
                steps:
                  - id: a
                    say: 0x1F
            """)
        #expect(s.title == "1.50")
        #expect(s.sections[0].title == "2027-03-01")
        guard case .say(let t)? = s.step("a")?.content else { return }
        #expect(t.source == "0x1F")
    }

    @Test func requiredAcceptsTrueFalseYesNo() throws {
        let s = try T.script("""
            - id: a
              ask: A?
              answer: text
              required: yes
            - id: b
              ask: B?
              answer: text
              required: false
            """)
        #expect(s.step("a")?.question?.required == true)
        #expect(s.step("b")?.question?.required == false)
    }

    // MARK: Keys

    @Test func unknownKeySuggestsTheClosest() throws {
        let d = T.diagnostics("""
            - id: mood
              ask: How are you?
              answer: text
              hnit: A word or two.
            """)
        let first = try #require(d.first)
        #expect(d.count == 1)
        #expect(first.code == .unknownKey)
        #expect(first.location.line == 11)
        #expect(first.location.column == 9)
        #expect(first.length == 4)
        #expect(first.help == "did you mean \"hint\"?")
    }

    @Test func unknownKeyWithNothingCloseListsTheKeys() {
        let d = T.diagnostics("""
            - id: mood
              ask: How are you?
              answer: text
              colour: blue
            """)
        #expect(d.first?.code == .unknownKey)
        #expect(d.first?.help?.hasPrefix("the keys allowed here are: id, ask, say") == true)
    }

    @Test func missingTopLevelKeys() {
        let d = T.load("""
            dialogue: x
            sections:
              - id: p
                title: P
                steps:
                  - id: a
                    say: Hi.
            """).diagnostics
        #expect(d.map(\.code) == [.missingKey, .missingKey])
        #expect(d.map(\.message).sorted() == ["the dialogue needs a \"title:\"", "the dialogue needs a \"version:\""])
    }

    @Test func aStepNeedsAskOrSay() {
        let d = T.diagnostics("""
            - id: a
              hint: Nothing here.
            """)
        #expect(d.map(\.code) == [.missingKey])
        #expect(d.first?.message.contains("needs \"ask:\"") == true)
    }

    @Test func aMessageTakesNoAnswerKeys() {
        let d = T.diagnostics("""
            - id: a
              say: Hello.
              answer: text
            """)
        #expect(d.map(\.code) == [.wrongValue])
        #expect(d.first?.location.line == 10)
        #expect(d.first?.location.column == 9)
    }

    @Test func emptyFile() {
        let d = T.load("").diagnostics
        #expect(d.map(\.code) == [.missingKey])
        #expect(d.first?.message.contains("empty") == true)
    }

    @Test func missingAndNonUTF8Files() throws {
        let missing = ScriptLoader.load(path: "/nonexistent/nothing.yaml")
        #expect(missing.diagnostics.map(\.code) == [.yamlSyntax])
        #expect(missing.script == nil)

        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-loader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("latin1.yaml")
        try Data([0x64, 0x69, 0x61, 0x3A, 0x20, 0xE9, 0xFF, 0x0A]).write(to: file)
        let bad = ScriptLoader.load(path: file.path)
        #expect(bad.diagnostics.map(\.code) == [.yamlSyntax])
        #expect(bad.diagnostics.first?.message.contains("UTF-8") == true)
    }

    @Test func fileNameMismatchIsAWarningOnlyForYamlFiles() {
        let text = T.yaml("- id: a\n  say: Hi.", id: "sleep")
        #expect(ScriptLoader.load(text: text, file: "dialogues/sleep.yaml").diagnostics.isEmpty)
        let d = ScriptLoader.load(text: text, file: "dialogues/sleeping.yaml")
        #expect(d.diagnostics.map(\.code) == [.fileNameMismatch])
        #expect(d.diagnostics.first?.severity == .warning)
        #expect(d.script != nil)
        #expect(ScriptLoader.load(text: text, file: "inline").diagnostics.isEmpty)
    }

    @Test func errorsMeanNoScript() {
        let r = T.load(T.yaml("- id: a\n  ask: A?\n  answer: txet"))
        #expect(r.hasErrors)
        #expect(r.script == nil)
        #expect(r.diagnostics.first?.help == "did you mean \"text\"?")
    }

    @Test func diagnosticsAreSortedByPlace() {
        let d = T.diagnostics("""
            - id: B
              say: Hi.
            - id: c
              ask: C?
              answer: nope
            - id: D
              say: Bye.
            """)
        let places = d.map { [$0.location.line, $0.location.column] }
        #expect(places == places.sorted { $0.lexicographicallyPrecedes($1) })
        #expect(d.count == 3)
    }
}
