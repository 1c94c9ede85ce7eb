import DialogueEngine

/// Reads choices from fuzz bytes: each call takes the next byte (0 once they run out), so a short
/// input still makes a whole dialogue and a walk, and libFuzzer's changes to a byte change one choice.
struct Choices {
    let bytes: [UInt8]
    var at = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isEmpty: Bool { at >= bytes.count }

    /// A number from 0 to n - 1.
    mutating func pick(_ n: Int) -> Int {
        guard at < bytes.count, n > 1 else { at += 1; return 0 }
        defer { at += 1 }
        return Int(bytes[at]) % n
    }

    mutating func chance(_ inEight: Int) -> Bool { pick(8) < inEight }

    mutating func one<T>(_ items: [T]) -> T { items[pick(items.count)] }

    /// Up to `max` raw bytes, as text (any bytes, so broken UTF-8 and control characters too).
    mutating func raw(_ max: Int) -> String {
        let n = pick(max + 1)
        let end = min(bytes.count, at + n)
        defer { at = end }
        return at < end ? String(decoding: bytes[at..<end], as: UTF8.self) : ""
    }
}

/// Writes a dialogue an author could write, from fuzz bytes: every answer type with the keys that
/// fit it, `when:` and `next:` with conditions on earlier answers, `{id}` in the words, limits
/// from earlier answers, `check:`, `start-with:`, `action: export`. Made to be valid: the checker
/// refusing one is allowed (the walk is then not run), and `tandem-fuzz` counts how often.
struct DialogueMaker {
    /// A question written so far: its id, its answer type, and (for a date) whether it has a day.
    struct Asked {
        var id: String
        var kind: AnswerKind
        /// Options from an earlier answer (`options: {from: ID}`): their keys are known only as
        /// the plan runs, so conditions only ask whether it was answered.
        var dynamic = false
        /// The option keys conditions may name.
        var keys = ["a", "b"]
    }

    var choices: Choices
    /// Whether questions may say `who: everyone` (for a group room): such a question is never
    /// named in a condition, a limit or `{id}` (D024).
    var everyone = false
    private(set) var asked: [Asked] = []
    private var lines: [String] = []
    /// Whether the question being written takes its options from an earlier answer.
    private var fromEarlier = false
    /// The option keys of the question being written.
    private var keys = ["a", "b"]

    init(_ choices: Choices) { self.choices = choices }

    static let optionKeys = ["a", "b", "c", "d"]
    static let labels = ["Sleep well", "Go for a walk", "See a friend", "Something else"]

    mutating func make() -> String {
        let sections = 1 + choices.pick(3)
        let steps = sections + choices.pick(10)
        lines = ["dialogue: fuzz", "version: 1", "title: A plan made by the fuzzer"]
        if choices.chance(3) { lines.append("intro: Hello. This plan has a few questions.") }
        // Shared options, used by name (`options: shared`); a list no question uses is only a warning.
        lines += ["choices:", "  shared:"] + (0..<3).map { "    \(Self.optionKeys[$0]): \(Self.labels[$0])" }
        lines.append("sections:")
        var step = 0
        for s in 0..<sections {
            lines += ["  - id: part-\(s)", "    title: Part \(s)", "    steps:"]
            // Every section has a step; the last one takes what is left.
            let here = s == sections - 1 ? steps - step : 1 + choices.pick(max(1, steps - step - (sections - s - 1)))
            for _ in 0..<here {
                self.step(step, of: steps)
                step += 1
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private mutating func add(_ line: String) { lines.append("        " + line) }

    /// Words, with an earlier answer put in now and then.
    /// The shared words a made dialogue can use (`Walk.common`): a text, and a list of choices.
    static let commonText = """
        texts:
          kind-words: You are doing well. Take your time.
        choices:
          moods:
            calm: Calm
            busy: Busy
            low: Low
        """

    private mutating func words(_ base: String) -> String {
        if choices.pick(16) == 0 { return "\(base) {common.kind-words}" }
        guard !asked.isEmpty, choices.chance(3) else { return base }
        let a = choices.one(asked)
        return choices.chance(4) ? "\(base) ({\(a.id)|nothing yet})" : "\(base) ({\(a.id)})"
    }

    private mutating func step(_ i: Int, of count: Int) {
        lines.append("      - id: q\(i)")
        if !asked.isEmpty, choices.chance(2), let c = condition() { add("when: '\(c)'") }
        // A group's dialogue has more questions for everyone's own words.
        let kind = everyone && choices.chance(3) ? 0 : choices.pick(12)
        if kind >= 9 && kind != 11 {
            add("say: \"\(words("A message for you"))\"")
        } else {
            let answer = kind == 11 ? AnswerKind.yesNo : AnswerKind.allCases[kind]
            add("ask: \"\(words("Question \(i)"))\"")
            add("answer: \(answer.rawValue)")
            if kind == 11 { add("action: export") }
            shape(answer, id: "q\(i)", indent: "")
            if choices.chance(1) { add("hint: \"\(words("A hint"))\"") }
            if choices.chance(2) { add("why: \"\(words("Because it helps"))\"") }
            switch choices.pick(8) {
            case 0: add("required: true")
            case 1: add("optional: true")
            default: break
            }
            if everyone, !answer.isMultiLine, choices.chance(4) {
                add("who: everyone")
            } else {
                asked.append(Asked(id: "q\(i)", kind: answer, dynamic: fromEarlier, keys: keys))
            }
            fromEarlier = false
            keys = ["a", "b"]
        }
        next(i, of: count)
    }

    /// The keys that fit an answer type (`indent` is "  " for a record's field).
    private mutating func shape(_ kind: AnswerKind, id: String, indent: String) {
        func put(_ line: String) { lines.append("        " + indent + line) }
        switch kind {
        case .text:
            if choices.chance(2) { put("min: \(limit(1...3))") }
            if choices.chance(2) { put("max: \(limit(5...60))") }
        case .list:
            if choices.chance(2) { put("min: \(limit(1...2))") }
            if choices.chance(2) { put("max: \(limit(3...5))") }
            if indent.isEmpty, choices.chance(1) { put("start-with: [Call 999, Samaritans 116 123]") }
            if indent.isEmpty, choices.chance(1) {
                put("check: count(\(id)) >= 2 or not answered(\(id))")
                put("message: Please give two things, or type /skip.")
            }
        case .pickOne, .pickMany:
            var n = 2 + choices.pick(3)
            let sources = asked.filter { ($0.kind == .pickMany || $0.kind == .list) && !$0.dynamic }.map(\.id)
            if indent.isEmpty, !sources.isEmpty, choices.chance(2) {
                put("options: {from: \(choices.one(sources))}")
                fromEarlier = true
                n = 2
            } else if choices.chance(2) {
                let shared = choices.chance(6)
                put(shared ? "options: shared" : "options: moods")
                if indent.isEmpty { keys = shared ? ["a", "b", "c"] : ["calm", "busy", "low"] }
                n = 3
            } else {
                put("options:")
                for k in 0..<n { put("  \(Self.optionKeys[k]): \(Self.labels[k])") }
            }
            if kind == .pickMany {
                if choices.chance(2) { put("min: 1") }
                if choices.chance(2) { put("max: \(limit(2...n))") }
            }
        case .yesNo:
            break
        case .number:
            if choices.chance(5) { put("range: [\(choices.one(["0", "-5", "1"])), \(choices.one(["10", "24", "1000"]))]") }
        case .scale:
            // Without a range a scale is 1 to 10, and labels name points on it.
            var top = 10
            if choices.chance(6) {
                top = choices.one([5, 10, 99])
                put("range: [\(choices.pick(2)), \(top)]")
            }
            if choices.chance(3) { put("labels: {1: not at all, \(top): very much}") }
        case .date:
            let earlier = asked.filter { $0.kind == .date }.map(\.id)
            if choices.chance(3) { put("after: \(earlier.isEmpty ? choices.one(["today", "2026-01-01"]) : choices.one(earlier + ["today"]))") }
            if choices.chance(2) { put("before: \(choices.one(["2031-01-01", "2040-12-31"]))") }
        case .records:
            put("fields:")
            let fields = 1 + choices.pick(3)
            var firstIsText = false
            for f in 0..<fields {
                let type = choices.one([AnswerKind.text, .text, .pickOne, .yesNo, .number, .scale, .date])
                if f == 0 { firstIsText = type == .text }
                lines.append("        " + indent + "  - id: f\(f)")
                lines.append("        " + indent + "    ask: Part \(f)")
                lines.append("        " + indent + "    answer: \(type.rawValue)")
                shape(type, id: "f\(f)", indent: indent + "    ")
                if f > 0, choices.chance(1) { lines.append("        " + indent + "    required: true") }
            }
            if choices.chance(2) { put("max: \(limit(1...4))") }
            // Items already in the plan: text fits a text first field (a date cannot be filled ahead).
            if firstIsText, indent.isEmpty, choices.chance(1) {
                put("start-with:")
                put("  - f0: Samaritans")
            }
        }
    }

    /// A fixed limit, or now and then the id of an earlier number or scale question.
    private mutating func limit(_ range: ClosedRange<Int>) -> String {
        let numbers = asked.filter { $0.kind == .number || $0.kind == .scale }.map(\.id)
        if !numbers.isEmpty, choices.chance(1) { return choices.one(numbers) }
        return String(range.lowerBound + choices.pick(range.count))
    }

    /// A condition on earlier answers, typed as the checker types it.
    private mutating func condition(depth: Int = 0) -> String? {
        guard let a = asked.isEmpty ? nil : choices.one(asked) else { return nil }
        var c: String
        switch a.kind {
        case .text: c = choices.one(["\(a.id) == \"Sam\"", "\(a.id) != \"no\"", "answered(\(a.id))"])
        case .list: c = choices.one(["count(\(a.id)) >= 2", "\"tea\" in \(a.id)", "answered(\(a.id))"])
        case .pickOne where a.dynamic: c = choices.one(["answered(\(a.id))", "not answered(\(a.id))"])
        case .pickMany where a.dynamic: c = choices.one(["count(\(a.id)) >= 2", "answered(\(a.id))"])
        case .pickOne: c = choices.one(["\(a.id) == \"\(a.keys[0])\"", "\(a.id) != \"\(a.keys[1])\"", "answered(\(a.id))"])
        case .pickMany: c = choices.one(["\"\(a.keys[0])\" in \(a.id)", "count(\(a.id)) >= 2", "not answered(\(a.id))"])
        case .yesNo: c = choices.one(["\(a.id)", "not \(a.id)", "\(a.id) == false"])
        case .number, .scale: c = choices.one(["\(a.id) <= 3", "\(a.id) > 5", "\(a.id) == 1", "\(a.id) != 0"])
        case .date:
            let dates = asked.filter { $0.kind == .date && $0.id != a.id }.map(\.id)
            c = dates.isEmpty ? "answered(\(a.id))" : "\(a.id) > \(choices.one(dates))"
        case .records: c = choices.one(["count(\(a.id)) >= 1", "answered(\(a.id))"])
        }
        if depth < 2, choices.chance(2), let other = condition(depth: depth + 1) {
            c = choices.one(["(\(c)) and (\(other))", "(\(c)) or (\(other))", "not (\(c))"])
        }
        return c
    }

    /// `next:` now and then: branches to later steps, and a last branch on to the next step or the end.
    private mutating func next(_ i: Int, of count: Int) {
        guard choices.chance(2) else { return }
        add("next:")
        if i + 2 < count {
            let later = (i + 2)..<count
            for _ in 0..<(1 + choices.pick(2)) {
                guard let c = condition() else { break }
                add("  - if: '\(c)'")
                add("    go: q\(later.lowerBound + choices.pick(later.count))")
            }
        }
        add("  - go: \(i + 1 < count && !choices.chance(1) ? "q\(i + 1)" : "end")")
    }
}
