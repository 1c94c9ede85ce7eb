import Foundation
import Testing

@testable import DialogueEngine

/// Questions rendered once and kept (`QuestionLines`, as a server keeps them): the lines are the
/// ones rendering gives, and nothing that holds an answer is ever kept.
@Suite struct QuestionLinesTests {
    typealias T = TestSupport

    func prompts(_ events: [Event]) -> [Prompt] {
        events.compactMap { if case .asked(let p) = $0 { p } else { nil } }
    }

    func renderer(_ questions: QuestionLines?, width: Int = 60) -> TextRenderer {
        var r = TextRenderer(width: width)
        r.questions = questions
        return r
    }

    @Test("every golden conversation gives the same lines with one cache kept across all of them, twice")
    func goldenConversationsTwice() throws {
        let library = try DialogueLibrary.load(directory: T.packageRoot.appendingPathComponent("dialogues").path)
        let folder = T.packageRoot.appendingPathComponent("dialogues/tests").path
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".transcript") }.sorted()
        #expect(files.count >= 20)
        let kept = QuestionLines()
        let runner = TranscriptRunner(library: library, questions: kept)
        for round in 1...2 {
            for file in files {
                let transcript = try Transcript.parse(String(contentsOfFile: folder + "/" + file, encoding: .utf8), file: file)
                let result = runner.run(transcript)
                #expect(result.passed, "round \(round), \(file): \(result.failures.first ?? "")")
            }
        }
        #expect(kept.count > 50, "the shipped plans' questions are kept")
    }

    @Test("a question as written is marked so; one with an answer in its words, its hint or its choices is not")
    func asWrittenOnlyWithoutAnswers() throws {
        var c = try T.conversation("""
            - id: name
              ask: What shall I call you?
              answer: text
            - id: greet
              ask: Hello {name}, what helps you?
              answer: text
            - id: hinted
              ask: What gets in the way?
              hint: Think of this week, {name}.
              answer: text
            - id: things
              ask: Which things help?
              answer: list
            - id: first
              ask: Which first?
              answer: pick-one
              options: {from: things}
            - id: plain
              ask: How do you feel today?
              answer: scale
              range: [1, 5]
            """)
        var seen: [String: Prompt] = [:]
        for p in prompts(c.start().events) { seen[p.step] = p }
        for line in ["Sam", "Walks", "Noise", "Music", "Friends", "", "2"] {
            for p in prompts(c.answer(line).events) { seen[p.step] = p }
        }
        #expect(seen["name"]?.asWritten == true)
        #expect(seen["greet"]?.asWritten == false)
        #expect(seen["greet"]?.text.contains("Sam") == true)
        #expect(seen["hinted"]?.asWritten == false)
        #expect(seen["things"]?.asWritten == true)
        #expect(seen["first"]?.asWritten == false)
        #expect(seen["plain"]?.asWritten == true)

        // Rendered through a cache, the ones with answers leave nothing kept.
        let kept = QuestionLines()
        let cached = renderer(kept), plain = renderer(nil)
        for step in ["greet", "hinted", "first"] {
            let p = try #require(seen[step])
            #expect(cached.render(.asked(p)) == plain.render(.asked(p)))
        }
        #expect(kept.count == 0)
        let p = try #require(seen["plain"])
        #expect(cached.render(.asked(p)) == plain.render(.asked(p)))
        #expect(kept.count == 1)
    }

    static let base = Prompt(
        step: "helps", text: "What helps you on a hard day? Think of people, places and things you do.", kind: .list,
        options: [], range: nil, labels: nil, hint: "One thing on each line.", hasWhy: false, required: false, current: nil,
        progress: Progress(part: 1, parts: 1, partTitle: "Part", question: 1, questions: 3, answered: 0, skipped: 0), itemsSoFar: nil,
        asWritten: true)

    @Test("what is shown with a question (the answer now, items so far) is never kept, and is shown")
    func answersShownWithItAreNotKept() {
        let kept = QuestionLines()
        let cached = renderer(kept), plain = renderer(nil)
        var variants: [Prompt] = []
        var p = Self.base
        p.current = "Walks by the river"
        variants.append(p)
        p = Self.base
        p.soFar = ["Walks", "My sister"]
        variants.append(p)
        p = Self.base
        p.itemsSoFar = 2
        variants.append(p)
        for v in variants {
            // Kept lines of the plain question must not stand in for these.
            _ = cached.render(.asked(Self.base))
            let lines = cached.render(.asked(v))
            #expect(lines == plain.render(.asked(v)))
            #expect(lines != plain.render(.asked(Self.base)))
        }
        #expect(kept.count == 1, "only the plain question")
    }

    @Test("questions with the same id in two dialogues, and each width, have lines of their own")
    func sameIdAndWidths() {
        let kept = QuestionLines()
        var other = Self.base
        other.text = "Who can you call when things are hard?"
        other.hint = nil
        var withChoices = Self.base
        withChoices.kind = .pickOne
        withChoices.options = [OptionView(number: 1, key: "a", label: "A walk"), OptionView(number: 2, key: "b", label: "A bath")]
        var otherChoices = withChoices
        otherChoices.options[1].label = "A chat with a friend"
        for width in [20, 40, 80] {
            for p in [Self.base, other, withChoices, otherChoices, Self.base, other, withChoices, otherChoices] {
                #expect(renderer(kept, width: width).render(.asked(p)) == renderer(nil, width: width).render(.asked(p)))
            }
        }
        #expect(kept.count == 12)
    }

    @Test("a cache that fills up starts again rather than grow")
    func bounded() {
        let kept = QuestionLines()
        for width in 20..<(20 + QuestionLines.capacity + 100) {
            _ = renderer(kept, width: width).render(.asked(Self.base))
        }
        #expect(kept.count <= QuestionLines.capacity)
        #expect(kept.count > 0)
    }
}
