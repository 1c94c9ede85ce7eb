import Testing

@testable import DialogueEngine

/// Golden conversations: the format, replay through `Session`, and a diff on a mismatch.
@Suite struct TranscriptTests {
    typealias T = TestSupport

    func library() throws -> DialogueLibrary {
        let script = try T.script("""
            - id: name
              ask: What shall I call you?
              answer: text
            - id: pet
              ask: Cats or dogs?
              answer: pick-one
              options:
                cats: Cats
                dogs: Dogs
            - id: when
              ask: When?
              answer: date
            """)
        return DialogueLibrary(directory: "memory", scripts: [script], support: .fallback)
    }

    @Test func parsesTheFormat() throws {
        let t = try Transcript.parse("""
            # a comment
            dialogue: test
            today: 2027-02-01
            width: 60
            <
            < == Test ==
            > Sam
            >
            = name: Sam
            """, file: "t.transcript")
        #expect(t.dialogue == "test")
        #expect(t.today == SimpleDate(year: 2027, month: 2, day: 1))
        #expect(t.width == 60)
        #expect(t.lines == [
            .output("", line: 5), .output("== Test ==", line: 6), .input("Sam", line: 7), .input("", line: 8),
            .check(step: "name", expected: "Sam", line: 9),
        ])
        #expect(t.inputs == ["Sam", ""])
    }

    @Test(arguments: [
        ("> hi", 1, "dialogue: its-id"),
        ("dialogue: x\nnonsense", 2, "each line starts with"),
        ("dialogue: x\ntoday: soon", 2, "today: needs a date"),
        ("dialogue: x\nwidth: 10", 2, "width: needs a number"),
        ("dialogue: x\ncolour: red", 2, "unknown header"),
        ("dialogue: x\n= no colon", 2, "= step-id: expected answer"),
    ])
    func parseErrorsSayWhere(_ text: String, _ line: Int, _ message: String) {
        #expect {
            _ = try Transcript.parse(text, file: "t.transcript")
        } throws: { error in
            guard let e = error as? Transcript.ParseError else { return false }
            return e.line == line && e.message.contains(message) && e.description.hasPrefix("t.transcript:\(line): ")
        }
    }

    @Test func updateThenReplayPasses() throws {
        let runner = TranscriptRunner(library: try library())
        let draft = try Transcript.parse("dialogue: test\n> Sam\n> 2\n> /back\n> cats\n> 1/3/2027\n= pet: cats\n= when: 2027-03-01\n= name: Sam", file: "t")
        let first = runner.run(draft)
        // With no < lines yet, only the output differs; the checks pass.
        #expect(first.failures.allSatisfy { $0.contains("the output differs") })
        let updated = try Transcript.parse(draft.text(withOutputs: first.outputs), file: "t")
        let second = runner.run(updated)
        #expect(second.passed, "\(second.failures)")
        #expect(second.visited == ["name", "pet", "when"])
    }

    @Test func updateKeepsComments() throws {
        let runner = TranscriptRunner(library: try library())
        let source = "# about this test\ndialogue: test\n# the opening\n<\n# before Sam\n> Sam\n= name: Sam\n# at the end"
        let t = try Transcript.parse(source, file: "t")
        let text = t.text(withOutputs: runner.run(t).outputs)
        let kept = text.split(separator: "\n").filter { $0.hasPrefix("#") }
        #expect(kept == ["# about this test", "# the opening", "# before Sam", "# at the end"])
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.firstIndex(of: "# before Sam")! + 1 == lines.firstIndex(of: "> Sam")!)
        #expect(lines.first == "dialogue: test")
        #expect(runner.run(try Transcript.parse(text, file: "t")).passed)
    }

    @Test func aMismatchShowsADiff() throws {
        let runner = TranscriptRunner(library: try library())
        let good = runner.run(try Transcript.parse("dialogue: test\n> Sam", file: "t"))
        var text = try Transcript.parse("dialogue: test\n> Sam", file: "t").text(withOutputs: good.outputs)
        text = text.replacingOccurrences(of: "< Cats or dogs?", with: "< Dogs or cats?")
        let result = runner.run(try Transcript.parse(text, file: "t"))
        #expect(!result.passed)
        let failure = try #require(result.failures.first)
        #expect(failure.contains("the output differs after \"> Sam\""))
        #expect(failure.contains("  -Dogs or cats?"))
        #expect(failure.contains("  +Cats or dogs?"))
    }

    @Test func aMissingAnswerIsReportedAtTheLineThatAskedForIt() throws {
        // Only ">" lines: Tandem says things the transcript does not have. The failure points at
        // the line typed (it said file:0).
        let runner = TranscriptRunner(library: try library())
        let good = runner.run(try Transcript.parse("dialogue: test\n> Sam", file: "t"))
        let withOpening = try Transcript.parse("dialogue: test\n> Sam", file: "t").text(withOutputs: good.outputs)
        let lines = withOpening.split(separator: "\n", omittingEmptySubsequences: false)
        let sam = try #require(lines.firstIndex(of: "> Sam")) + 1
        let cut = lines.prefix(sam).joined(separator: "\n") + "\n# (nothing after)\n"
        let result = runner.run(try Transcript.parse(cut, file: "t.transcript"))
        #expect(!result.passed)
        #expect(result.failures.first?.hasPrefix("t.transcript:\(sam): the output differs after \"> Sam\"") == true, "\(result.failures)")
        let none = runner.run(try Transcript.parse("# no output lines at all\ndialogue: test\n", file: "t.transcript"))
        #expect(none.failures.first?.hasPrefix("t.transcript:1:") == true)
    }

    @Test func aWrongCheckFails() throws {
        let runner = TranscriptRunner(library: try library())
        let result = runner.run(try Transcript.parse("dialogue: test\n> Sam\n= name: Alex\n= pet: cats", file: "t"))
        #expect(result.failures.contains("t:3: name is \"Sam\", expected \"Alex\""))
        #expect(result.failures.contains("t:4: pet is \"(none)\", expected \"cats\""))
    }

    /// A check of a step the dialogue does not have ("mod" for "mood") says so, with the nearest
    /// question's id, rather than "(none)" as if it were only not answered yet.
    @Test func aCheckOfAStepThatIsNotThereSaysSo() throws {
        let runner = TranscriptRunner(library: try library())
        let result = runner.run(try Transcript.parse("dialogue: test\n> Sam\n= nmae: Sam\n= zzzzzz: x", file: "t"))
        #expect(result.failures.contains("t:3: no step of test is called nmae; did you mean name?"), "\(result.failures)")
        #expect(result.failures.contains("t:4: no step of test is called zzzzzz"), "\(result.failures)")
    }

    @Test func anUnknownDialogueFails() throws {
        let result = TranscriptRunner(library: try library()).run(try Transcript.parse("dialogue: nope\n> hi", file: "t"))
        #expect(result.failures.first?.contains("no dialogue called \"nope\"") == true)
    }

    @Test func diffMarksLines() {
        #expect(TranscriptRunner.diff(expected: ["a", "b", "c"], actual: ["a", "x", "c"]) == ["   a", "  +x", "  -b", "   c"])
        #expect(TranscriptRunner.diff(expected: [], actual: []).isEmpty)
    }

    @Test func canonicalAnswers() {
        #expect(TranscriptRunner.canonical(.bool(true)) == "yes")
        #expect(TranscriptRunner.canonical(.choices(["a", "b"])) == "a; b")
        #expect(TranscriptRunner.canonical(.number(2.5)) == "2.5")
        #expect(TranscriptRunner.canonical(.records([["b": .text("2"), "a": .text("1")]])) == "a=1, b=2")
    }
}
