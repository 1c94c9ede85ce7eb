import Foundation
import Testing

@testable import DialogueEngine

/// Every diagnostic code the engine emits has a must-fail file, checked for code, line and column.
@Suite struct CheckerTests {
    typealias T = TestSupport

    struct Expected: Sendable, CustomTestStringConvertible {
        /// What the file is: a dialogue, check-in words, or support contacts.
        /// `clash`: a dialogue checked as if in one folder with must-pass/everything.yaml.
        enum Kind: Sendable { case dialogue, checkIn, support, common, weights, clash }

        var file: String
        var code: Diagnostic.Code
        var line: Int
        var column: Int
        var severity: Diagnostic.Severity = .error
        var kind: Kind = .dialogue
        var testDescription: String { "\(code.rawValue) \(file) \(line):\(column)" }
    }

    /// Loads a must-fail file as what it is: whether it gave something usable, and its diagnostics.
    static func load(_ e: Expected) -> (usable: Bool, diagnostics: [Diagnostic]) {
        let path = path("must-fail", e.file)
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        switch e.kind {
        case .dialogue:
            let result = ScriptLoader.load(path: path)
            return (result.script != nil, result.diagnostics)
        case .checkIn:
            let (matcher, diagnostics) = DistressMatcher.load(text: text, file: path)
            return (matcher != nil, diagnostics)
        case .support:
            let (support, diagnostics) = SupportDirectory.load(text: text, file: path, today: TestSupport.today)
            return (support != nil, diagnostics)
        case .weights:
            let (weights, diagnostics) = CheckInWeights.load(text: text, file: path)
            return (weights != nil, diagnostics)
        case .clash:
            let other = Self.path("must-pass", "everything.yaml")
            let loaded = [path, other].compactMap { file -> (file: String, text: String, script: Script)? in
                let result = ScriptLoader.load(path: file)
                let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
                return result.script.map { (file, text, $0) }
            }
            let clashes = DialogueLibrary.idClashes(loaded).filter { $0.location.file == path }
            return (clashes.isEmpty, ScriptLoader.load(path: path).diagnostics + clashes)
        case .common:
            // Checked as a folder's common.yaml whose dialogues use none of it.
            let (common, diagnostics) = CommonLibrary.load(text: text, file: path)
            return (common != nil, diagnostics + (common?.unused(in: ["say: {common.goodbye}"], commonText: text) ?? []))
        }
    }

    static func path(_ folder: String, _ file: String) -> String {
        T.fixtures.appendingPathComponent(folder).appendingPathComponent(file).path
    }

    @Test(arguments: mustFail)
    func mustFailFile(_ e: Expected) throws {
        let result = Self.load(e)
        // Fixture names are not their dialogue ids, so D022 is expected beside the others.
        let found = result.diagnostics.filter { $0.code != .fileNameMismatch || e.code == .fileNameMismatch }
        let hit = found.first { $0.code == e.code }
        let d = try #require(hit, "no \(e.code.rawValue) in \(found.map(DiagnosticRenderer.text))")
        #expect(d.location.line == e.line)
        #expect(d.location.column == e.column)
        #expect(d.severity == e.severity)
        #expect(d.location.file.hasSuffix(e.file))
        #expect(d.sourceLine != nil)
        // Only the problem the file is about is an error.
        let otherErrors = found.filter { $0.severity == .error && $0.code != e.code }
        #expect(otherErrors.isEmpty, "\(otherErrors.map(DiagnosticRenderer.text))")
        #expect(result.usable == (e.severity != .error))
    }

    @Test func everyCodeHasAMustFailFile() throws {
        let covered = Set(Self.mustFail.map(\.code))
        #expect(covered == Set(Diagnostic.Code.allCases))
        #expect(!Diagnostic.Code.allCases.map(\.rawValue).contains("D019"))
        let files = try FileManager.default.contentsOfDirectory(atPath: T.fixtures.appendingPathComponent("must-fail").path)
        #expect(Set(files.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".tsv") }) == Set(Self.mustFail.map(\.file)))
        for e in Self.mustFail { #expect(e.file.hasPrefix(e.code.rawValue + "-")) }
    }

    @Test func mustPassFileIsClean() throws {
        let result = ScriptLoader.load(path: Self.path("must-pass", "everything.yaml"))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(DiagnosticRenderer.text))")
        let script = try #require(result.script)
        #expect(Set(script.questions.map(\.question!.answer.kind)) == Set(AnswerKind.allCases))
    }

    @Test func everyDialogueInUseIsClean() throws {
        let directory = T.packageRoot.appendingPathComponent("dialogues").path
        let files = DialogueLibrary.files(in: directory)
        #expect(files.count >= 7)
        for file in files {
            let result = ScriptLoader.load(path: file)
            #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(DiagnosticRenderer.text))")
        }
        let library = try DialogueLibrary.load(directory: directory)
        #expect(library.diagnostics.isEmpty, "\(library.diagnostics.map(DiagnosticRenderer.text))")
        #expect(library.scripts.count == files.count)
        #expect(library.support != SupportDirectory.fallback)
    }

    // MARK: How diagnostics read

    @Test func compilerStyleText() throws {
        let file = Self.path("must-fail", "D010-missing-target.yaml")
        let d = try #require(ScriptLoader.load(path: file).diagnostics.first { $0.code == .missingTarget })
        #expect(DiagnosticRenderer.text(d) == """
            \(file):14:17: error[D010]: step "hours" goes to "tipps", but no step is called "tipps"
             14 |             go: tipps
                |                 ^^^^^
              help: did you mean "tips" (line 16)?
            """)
    }

    @Test func jsonForTools() throws {
        let d = T.diagnostics("- id: a\n  ask: A?\n  answer: txet")
        let data = Data(DiagnosticRenderer.json(d).utf8)
        let parsed = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(parsed.count == 1)
        let first = try #require(parsed.first)
        #expect(first["code"] as? String == "D009")
        #expect(first["line"] as? Int == 10)
        #expect(first["column"] as? Int == 17)
        #expect(first["length"] as? Int == 4)
        #expect(first["severity"] as? String == "error")
        #expect(first["file"] as? String == "inline")
        #expect(first["help"] as? String == "did you mean \"text\"?")
        #expect(DiagnosticRenderer.json([]) == "[]")
    }

    // MARK: More checks than one file per code

    @Test func reservedStepIDs() {
        let d = T.diagnostics("- id: end\n  say: Hi.\n- id: role\n  say: Bye.")
        #expect(d.map(\.code) == [.invalidID, .invalidID])
    }

    @Test func duplicateSectionAndFieldIDs() {
        let sections = T.load("""
            dialogue: x
            version: 1
            title: X
            sections:
              - id: p
                title: P
                steps:
                  - id: a
                    say: A.
              - id: p
                title: Q
                steps:
                  - id: b
                    say: B.
            """).diagnostics
        #expect(sections.map(\.code) == [.duplicateID])
        #expect(sections.first?.location.line == 10)
        let fields = T.diagnostics("""
            - id: people
              ask: Who?
              answer: records
              fields:
                - {id: who, ask: Who?, answer: text}
                - {id: who, ask: How?, answer: text}
            """)
        #expect(fields.map(\.code) == [.duplicateID])
    }

    @Test func emptyNextHasNoWayOn() {
        let d = T.diagnostics("- id: a\n  ask: A?\n  answer: text\n  next: []")
        #expect(d.map(\.code) == [.noWayOn])
    }

    @Test func jumpToEndNeedsNoStep() throws {
        _ = try T.script("""
            - id: a
              ask: A?
              answer: yes-no
              next:
                - if: a == true
                  go: end
                - go: b
            - id: b
              say: B.
            """)
    }

    @Test func missingTargetSuggestsEnd() {
        let d = T.diagnostics("- id: a\n  ask: A?\n  answer: text\n  next:\n    - go: ned")
        #expect(d.map(\.code) == [.missingTarget])
        #expect(d.first?.help == "did you mean \"end\"?")
    }

    @Test func jumpToItselfIsBackward() {
        let d = T.diagnostics("- id: a\n  ask: A?\n  answer: text\n  next:\n    - go: a")
        #expect(d.map(\.code) == [.backwardJump])
    }

    @Test func stepsAfterAWhenStayReachable() throws {
        // A step with when: may be passed over, so the step after it is reachable.
        _ = try T.script("""
            - id: a
              ask: A?
              answer: yes-no
            - id: b
              when: a == true
              say: B.
              next:
                - go: end
            - id: c
              say: C.
            """)
    }

    @Test func conditionNamesMustBeEarlierQuestions() {
        let later = T.diagnostics("""
            - id: a
              when: b == true
              say: A.
            - id: b
              ask: B?
              answer: yes-no
            """)
        #expect(later.map(\.code) == [.unknownName])
        #expect(later.first?.message.contains("asked later") == true)

        let message = T.diagnostics("""
            - id: a
              say: A.
            - id: b
              when: a == true
              say: B.
            """)
        #expect(message.map(\.code) == [.unknownName])
        #expect(message.first?.message.contains("message") == true)
    }

    @Test func aQuestionNoPathAsksIsAWarning() throws {
        let d = T.diagnostics("""
            - id: a
              ask: A?
              answer: yes-no
              next:
                - if: a == true
                  go: c
                - go: b
            - id: b
              ask: B?
              answer: yes-no
              next:
                - go: d
            - id: c
              when: b == true
              say: C.
            - id: d
              say: D.
            """)
        let first = try #require(d.first)
        #expect(d.count == 1)
        #expect(first.code == .unknownName)
        #expect(first.severity == .warning)
        #expect(first.location.line == 14 + T.stepsLineOffset)
        #expect(first.location.column == 15)
    }

    @Test func nextMayReadItsOwnStep() throws {
        _ = try T.script("""
            - id: a
              ask: A?
              answer: number
              next:
                - if: a > 3
                  go: end
                - go: b
            - id: b
              say: B.
            """)
    }

    @Test func textReferences() {
        let later = T.diagnostics("- id: a\n  say: Hi {b}.\n- id: b\n  ask: B?\n  answer: text")
        #expect(later.map(\.code) == [.unknownTextReference])
        #expect(later.first?.message.contains("asked later") == true)
        #expect(later.first?.location.column == 17)

        let toMessage = T.diagnostics("- id: a\n  say: Hi.\n- id: b\n  say: See {a}.")
        #expect(toMessage.map(\.code) == [.unknownTextReference])

        let inField = T.diagnostics("""
            - id: people
              ask: Who?
              answer: records
              fields:
                - {id: who, ask: "Who, {nmae}?", answer: text}
            """)
        #expect(inField.map(\.code) == [.unknownTextReference])
        #expect(inField.first?.location.line == 12)
    }

    @Test func introReferencesAreChecked() {
        let d = T.load("""
            dialogue: x
            version: 1
            title: X
            intro: Hello {name}.
            sections:
              - id: p
                title: P
                steps:
                  - id: name
                    ask: Name?
                    answer: text
            """).diagnostics
        #expect(d.map(\.code) == [.unknownTextReference])
        #expect(d.first.map { [$0.location.line, $0.location.column] } == [4, 14])
    }

    @Test(arguments: [
        ("answer: pick-one", "a pick-one question needs options:"),
        ("answer: pick-one\n  options:\n    a: Only one", "at least two options"),
        ("answer: pick-many\n  max: 3\n  options:\n    a: A\n    b: B", "max is 3 but there are only 2 options"),
        ("answer: text\n  min: 5\n  max: 2", "min (5) is larger than max (2)"),
        ("answer: list\n  min: -1", "min cannot be below 0"),
        ("answer: scale\n  range: [10, 1]", "the first number must be lower"),
        ("answer: scale\n  range: [1]", "needs two numbers"),
        ("answer: scale\n  range: [0, 1000]", "at most 100 points"),
        ("answer: scale\n  range: [1, 5]\n  labels: {6: too high}", "outside the scale"),
        ("answer: date\n  after: someday", "a date limit is"),
        ("answer: yes-no\n  options:\n    a: A\n    b: B", "does not fit a yes-no answer"),
        ("answer: text\n  action: export", "action: export belongs on a yes-no question"),
        ("answer: records", "a records question needs fields:"),
        ("answer: records\n  fields:\n    - {id: f, ask: F?, answer: list}", "a field takes one value"),
        ("answer: records\n  fields:\n    - {id: f, ask: F?, answer: records}", "a field cannot itself be records"),
    ])
    func answerShapes(_ shape: String, _ message: String) {
        let d = T.diagnostics("- id: a\n  ask: A?\n  " + shape)
        #expect(d.contains { $0.message.contains(message) }, "\(d.map(\.message))")
        #expect(!d.isEmpty)
        #expect(d.allSatisfy { $0.severity == .error })
    }

    @Test func unknownActionAndBothRequiredAndOptional() {
        let action = T.diagnostics("- id: a\n  ask: A?\n  answer: yes-no\n  action: print")
        #expect(action.map(\.code) == [.wrongValue])
        let both = T.diagnostics("- id: a\n  ask: A?\n  answer: text\n  required: true\n  optional: true")
        #expect(both.map(\.code) == [.wrongValue])
    }

    @Test func unknownServesTermIsAWarning() {
        let d = T.load("""
            dialogue: x
            version: 1
            title: X
            serves: [coproduction, lifegoals]
            sections:
              - id: p
                title: P
                steps:
                  - id: a
                    say: A.
            """)
        #expect(d.diagnostics.map(\.code) == [.unknownTerm])
        #expect(d.diagnostics.first?.help == "did you mean \"life-goals\"?")
        #expect(d.script != nil)
    }
}
