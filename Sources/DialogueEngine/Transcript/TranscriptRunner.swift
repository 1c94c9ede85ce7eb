/// Replays transcripts through `Session`, exactly as the terminal does, and reports differences.
public struct TranscriptRunner {
    public var library: DialogueLibrary
    /// Questions kept once rendered, as a server keeps them (nil: each rendered when asked).
    public var questions: QuestionLines?

    public init(library: DialogueLibrary, questions: QuestionLines? = nil) {
        self.library = library
        self.questions = questions
    }

    public struct Result: Sendable {
        public var transcript: Transcript
        /// Output lines for the opening, then for each input.
        public var outputs: [[String]]
        public var failures: [String]
        /// Ids of every step the run passed through.
        public var visited: Set<String>
        public var passed: Bool { failures.isEmpty }
    }

    /// Something that turns a transcript's inputs into lines: the in-process session, or a real door.
    public typealias Door = (_ script: Script, _ transcript: Transcript, _ inputs: [String]) throws -> [[String]]

    public func run(_ transcript: Transcript) -> Result {
        guard let script = library.scripts.first(where: { $0.id == transcript.dialogue }) else {
            return Result(transcript: transcript, outputs: [], failures: ["\(transcript.file): no dialogue called \"\(transcript.dialogue)\" in \(library.directory)"], visited: [])
        }
        var renderer = TextRenderer(width: transcript.width)
        renderer.questions = questions
        var session = Session(conversation: Conversation(script: script, today: transcript.today), support: library.support)
        let opening = session.start()
        session.accept(opening)
        var outputs = [renderer.render(opening.events).map(Self.trim)]
        var visited = Set(session.conversation.walk().path.map { script.steps[$0].id })
        var failures: [String] = []
        var turn = 0
        var expected: [(String, Int)] = []
        // The line a difference is reported at when the transcript has no `<` lines there: the
        // `>` line that Tandem answered (or the first line, for the opening).
        var lastInputLine = 1
        func compare(_ actual: [String], _ expected: [(String, Int)], after: String) {
            if actual == expected.map(\.0) { return }
            var lines = ["\(transcript.file):\(expected.first?.1 ?? lastInputLine): the output differs \(after)"]
            lines += Self.diff(expected: expected.map(\.0), actual: actual)
            failures.append(lines.joined(separator: "\n"))
        }
        var lastInput = "at the start"
        for line in transcript.lines {
            switch line {
            case .output(let s, let n):
                expected.append((s, n))
            case .input(let s, let n):
                compare(outputs[turn], expected, after: lastInput)
                expected = []
                lastInput = "after \"> \(s)\" (line \(n))"
                lastInputLine = n
                let events = session.isClosed ? [] : session.take(s)
                outputs.append(renderer.render(events).map(Self.trim))
                visited.formUnion(session.conversation.walk().path.map { script.steps[$0].id })
                turn += 1
            case .check(let step, let want, let n):
                // A check of a step the dialogue does not have could never pass: say so, not "(none)".
                guard script.step(step) != nil else {
                    let questions = script.steps.filter { $0.question != nil }.map(\.id)
                    let hint = Suggest.closest(to: step, in: questions).map { "; did you mean \($0)?" } ?? ""
                    failures.append("\(transcript.file):\(n): no step of \(script.id) is called \(step)\(hint)")
                    continue
                }
                let got = Self.canonical(session.conversation, step)
                if got != want {
                    failures.append("\(transcript.file):\(n): \(step) is \"\(got)\", expected \"\(want)\"")
                }
            }
        }
        compare(outputs[turn], expected, after: lastInput)
        return Result(transcript: transcript, outputs: outputs, failures: failures, visited: visited)
    }

    static func trim(_ s: String) -> String {
        var s = s
        while s.last == " " { s.removeLast() }
        return s
    }

    /// An answer as `=` lines write it: option keys, yes/no, ISO dates, items joined by "; ".
    public static func canonical(_ c: Conversation, _ step: String) -> String {
        if c.state.skipped.contains(step), c.plan.contains(where: { $0.step.id == step }) { return "(skipped)" }
        guard let value = c.state.answers[step], c.plan.contains(where: { $0.step.id == step }) else { return "(none)" }
        return canonical(value)
    }

    static func canonical(_ value: AnswerValue) -> String {
        switch value {
        case .text(let s), .choice(let s): s
        case .list(let l), .choices(let l): l.joined(separator: "; ")
        case .bool(let b): b ? "yes" : "no"
        case .number(let n): n.formatted
        case .date(let d): d.iso
        case .records(let r): r.map { $0.sorted { $0.key < $1.key }.map { "\($0.key)=\(canonical($0.value))" }.joined(separator: ", ") }.joined(separator: "; ")
        case .views(let v): v.map { "\($0.name)=\($0.value.map(canonical) ?? "passed")" }.joined(separator: "; ")
        }
    }

    /// A small line diff: `-` expected, `+` shown.
    public static func diff(expected: [String], actual: [String]) -> [String] {
        let n = expected.count, m = actual.count
        var lcs = Array(repeating: Array(repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lcs[i][j] = expected[i] == actual[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var out: [String] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, expected[i] == actual[j] {
                out.append("   " + expected[i]); i += 1; j += 1
            } else if j < m, i == n || lcs[i][j + 1] >= lcs[i + 1][j] {
                out.append("  +" + actual[j]); j += 1
            } else {
                out.append("  -" + expected[i]); i += 1
            }
        }
        return out
    }
}
