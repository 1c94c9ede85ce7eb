/// Checks a loaded script for what YAML alone cannot catch: ids, jumps, reachability, names, types, text.
struct Checker {
    let script: Script
    let source: SourceText
    private var diagnostics: [Diagnostic] = []
    /// Step ids written in the file whose steps could not be read (the reader reported why): the
    /// checker still runs, so every problem shows in one run, but says nothing about these ids.
    let unread: Set<String>
    /// The reader found errors: warnings about the flow could come from the steps it left out.
    let partial: Bool
    /// Steps with a `next:` branch the reader could not read and left out.
    let unreadBranches: Set<String>
    /// The folder's `common.yaml`, when the dialogue puts in its texts: a mistake in a text that
    /// is only there is pointed at there.
    var common: SourceText?

    init(script: Script, source: SourceText, unread: Set<String> = [], partial: Bool = false, unreadBranches: Set<String> = []) {
        self.script = script
        self.source = source
        self.unread = unread
        self.partial = partial
        self.unreadBranches = unreadBranches
    }

    mutating func run() -> [Diagnostic] {
        checkIDs()
        checkJumps()
        checkReachability()
        checkNames()
        checkText()
        return diagnostics
    }

    private mutating func report(_ code: Diagnostic.Code, _ severity: Diagnostic.Severity, _ message: String, at location: SourceLocation, length: Int = 1, help: String? = nil) {
        if partial && severity == .warning { return }
        diagnostics.append(source.diagnostic(code, severity, message, at: location, length: length, help: help))
    }

    private mutating func report(_ code: Diagnostic.Code, _ message: String, at location: SourceLocation, length: Int = 1, help: String? = nil) {
        report(code, .error, message, at: location, length: length, help: help)
    }

    /// An error in a text, at `written` where it is written: in the dialogue at or after `location`,
    /// else in `common.yaml` (a shared text put in), else at `location`.
    private mutating func reportInText(_ code: Diagnostic.Code, _ message: String, _ written: String, from location: SourceLocation, length: Int, help: String? = nil) {
        if source.find(written, from: location) == nil, let common,
           let place = common.find(written, from: SourceLocation(file: common.file, line: 1, column: 1)) {
            diagnostics.append(common.diagnostic(code, .error, message, at: place, length: length, help: help))
            return
        }
        report(code, message, at: source.find(written, from: location) ?? location, length: length, help: help)
    }

    /// Where the `id:` value of a step sits (the step's own mark points at its first key).
    private func idLocation(_ step: Step) -> SourceLocation {
        source.find(step.id, from: step.location) ?? step.location
    }

    private mutating func checkIDs() {
        var sections: [String: Section] = [:]
        for s in script.sections {
            if let first = sections[s.id] {
                report(.duplicateID, "two sections are called \"\(s.id)\"", at: source.find(s.id, from: s.location) ?? s.location, length: s.id.count, help: "the first is on line \(first.location.line); give each its own id")
            } else {
                sections[s.id] = s
            }
        }
        var steps: [String: Step] = [:]
        for step in script.steps {
            if let first = steps[step.id] {
                report(.duplicateID, "two steps are called \"\(step.id)\"", at: idLocation(step), length: step.id.count, help: "the first is on line \(first.location.line); give each its own id")
            } else {
                steps[step.id] = step
            }
            if Self.reservedWords.contains(step.id) {
                report(.invalidID, "\"\(step.id)\" is a reserved word and cannot be a step id", at: idLocation(step), length: step.id.count)
            }
        }
    }

    /// Words conditions and `go:` give a meaning of their own.
    static let reservedWords: Set<String> = [Branch.endTarget, "role", "and", "or", "not", "in", "true", "false", "answered", "count"]

    private mutating func checkJumps() {
        for (i, step) in script.steps.enumerated() {
            for (b, branch) in step.next.enumerated() {
                let target = branch.target.value
                if target == Branch.endTarget { continue }
                guard let j = script.index(of: target) else {
                    if unread.contains(target) { continue }
                    // Only steps it may go to: a later step, or the end.
                    let names = script.steps[(i + 1)...].map(\.id) + [Branch.endTarget]
                    let hint = Suggest.closest(to: target, in: names).map { name in
                        name == Branch.endTarget ? "did you mean \"end\"?" : "did you mean \"\(name)\" (line \(script.step(name)!.location.line))?"
                    }
                    report(.missingTarget, "step \"\(step.id)\" goes to \"\(target)\", but no step is called \"\(target)\"", at: branch.target.location, length: target.count, help: hint)
                    continue
                }
                if j <= i {
                    report(.backwardJump, "step \"\(step.id)\" goes back to \"\(target)\"; a dialogue only moves forward", at: branch.target.location, length: target.count, help: "people go back with /back; to ask something again, add a new step")
                }
                _ = b
            }
            // A branch the reader could not read (reported there) may have been the last, with no if:.
            if !unreadBranches.contains(step.id), let last = step.next.last, let cond = last.condition {
                report(.lastBranchConditional, "the last branch of next: has a condition, so sometimes no branch fits", at: cond.location, length: cond.text.count, help: "end next: with a branch that has no \"if:\", such as \"- go: end\"")
            }
        }
    }

    /// Steps that can follow step `i`.
    func successors(_ i: Int) -> [Int] {
        let step = script.steps[i]
        var out: [Int] = []
        let following = i + 1 < script.steps.count ? [i + 1] : []
        if step.next.isEmpty {
            out += following
        } else {
            for b in step.next where b.target.value != Branch.endTarget {
                if let j = script.index(of: b.target.value), j > i { out.append(j) }
            }
            // A step whose when: is false passes straight on to the next in order.
            if step.when != nil { out += following }
        }
        return out
    }

    private mutating func checkReachability() {
        guard !script.steps.isEmpty else { return }
        var reached = Array(repeating: false, count: script.steps.count)
        reached[0] = true
        for i in script.steps.indices where reached[i] {
            for j in successors(i) { reached[j] = true }
        }
        for (i, step) in script.steps.enumerated() where !reached[i] {
            report(.unreachableStep, .warning, "no path reaches step \"\(step.id)\"", at: idLocation(step), length: step.id.count, help: "a next: before it always jumps past it; point a go: at it, or remove it")
        }
    }

    private mutating func checkNames() {
        let reach = AnswerReach(script: script, successors: successors)
        for (i, step) in script.steps.enumerated() {
            if let when = step.when {
                check(when, at: i, role: "when:") { reach.mayBeAnswered($0, before: i) }
            }
            if let rule = step.question?.rules.check {
                // A check reads the answer being given (under the question's own id) and earlier ones.
                check(rule, at: i + 1, role: "check:", selfID: step.id) { $0 == i || reach.mayBeAnswered($0, before: i) }
            }
            for branch in step.next {
                // A branch is read after its own step is answered.
                if let cond = branch.condition {
                    check(cond, at: i + 1, role: "if:", selfID: step.id) { $0 == i || reach.mayBeAnswered($0, before: i) }
                }
            }
        }
    }

    private mutating func check(_ expr: Located<Expression>, at index: Int, role: String, selfID: String? = nil, answeredBefore: (Int) -> Bool) {
        var names: [String: Int] = [:]
        for (name, offset) in expr.value.names where names[name] == nil { names[name] = offset }
        var ok = true
        for (name, offset) in expr.value.names.sorted(by: { $0.1 < $1.1 }) where name != "role" {
            let loc = expr.location(at: offset)
            guard let j = script.index(of: name) else {
                if unread.contains(name) {
                    ok = false
                    continue
                }
                let hint = Suggest.closest(to: name, in: script.steps.prefix(index).filter { $0.question != nil }.map(\.id)).map { "did you mean \"\($0)\"?" }
                report(.unknownName, "\"\(name)\" is not the id of any question", at: loc, length: name.count, help: hint ?? "conditions use the ids of earlier questions; text needs quotes: \"\(name)\"")
                ok = false
                continue
            }
            if script.steps[j].question == nil {
                report(.unknownName, "\"\(name)\" is a message (say:), which has no answer", at: loc, length: name.count)
                ok = false
            } else if script.steps[j].question?.who == .everyone {
                report(.everyoneAnswer, "\"\(name)\" is answered by everyone in a group (who: everyone), so it has no one answer to test", at: loc, length: name.count, help: "test a question the group answers together, or leave out who: on \"\(name)\"")
                ok = false
            } else if j >= index && name != selfID {
                report(.unknownName, "\"\(name)\" is asked later, so it has no answer yet here", at: loc, length: name.count, help: "a condition can only use questions that come before it")
                ok = false
            } else if !answeredBefore(j) {
                report(.unknownName, .warning, "no path to here asks \"\(name)\", so this always treats it as not answered", at: loc, length: name.count)
            }
        }
        guard ok else { return }
        var typer = ExpressionTyper(script: script)
        let type = typer.type(of: expr.value)
        for problem in typer.problems {
            let loc = expr.location(at: problem.offset)
            report(.typeError, problem.message, at: loc, length: problem.length, help: problem.help)
        }
        if typer.problems.isEmpty, type != .bool, type != .unknown {
            report(.typeError, "\(role) must be true or false, but this is \(type.describe)", at: expr.location, length: expr.text.count, help: type == .number ? "compare it, for example: \(expr.text) >= 5" : "compare it, for example: \(expr.text) == \"...\"")
        }
    }

    private mutating func checkText() {
        let index = Dictionary(script.steps.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let questionIDs = Set(script.steps.filter { $0.question != nil }.map(\.id))
        func check(_ template: Template?, at stepIndex: Int, location: SourceLocation) {
            guard let template else { return }
            if template.source.unicodeScalars.contains(where: { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F...0x9F).contains($0.value) || $0 == "\u{1B}" }) {
                report(.textStyle, "this text has control characters; write plain text only", at: location)
            }
            if let open = Self.unclosedHole(template.source) {
                reportInText(.unknownTextReference, "this \(open) has no } after it, so people would see it just as it is written", open, from: location, length: open.count,
                             help: "close it: {id} puts in an answer, {common.NAME} a shared text")
            }
            for odd in Self.oddHoles(template.source, questions: questionIDs) {
                let earlier = script.steps.prefix(stepIndex).first { $0.question != nil }?.id
                let help = odd.meant.map { "did you mean \($0)?" }
                    ?? earlier.map { "put the id of an earlier question inside, such as {\($0)}, or take the braces out" } ?? "take the braces out"
                reportInText(.unknownTextReference, odd.message, odd.written, from: location, length: odd.written.count, help: help)
            }
            for hole in template.holes {
                let loc = source.find("{" + hole.id, from: location) ?? location
                guard let j = index[hole.id] else {
                    if unread.contains(hole.id) { continue }
                    let hint = Suggest.closest(to: hole.id, in: script.steps.prefix(stepIndex).map(\.id)).map { "did you mean {\($0)}?" }
                    reportInText(.unknownTextReference, "the text uses {\(hole.id)}, but no question is called \"\(hole.id)\"", "{" + hole.id, from: location, length: hole.id.count + 2, help: hint)
                    continue
                }
                if script.steps[j].question == nil {
                    report(.unknownTextReference, "{\(hole.id)} is a message, which has no answer to show", at: loc, length: hole.id.count + 2)
                } else if script.steps[j].question?.who == .everyone {
                    report(.everyoneAnswer, "{\(hole.id)} is answered by everyone in a group (who: everyone), so it has no one answer to show", at: loc, length: hole.id.count + 2, help: "use a question the group answers together, or leave out who: on \"\(hole.id)\"")
                } else if j >= stepIndex {
                    report(.unknownTextReference, "{\(hole.id)} is asked later, so it has no answer yet here", at: loc, length: hole.id.count + 2)
                }
            }
        }
        if script.intro != nil {
            // Looked up only when there is an intro: without one, the search ran to the end of the file.
            let introLocation = source.find("intro:", from: script.location) ?? script.location
            check(script.intro, at: 0, location: introLocation)
            checkStorageClaims(script.intro, at: introLocation)
        }
        for (i, step) in script.steps.enumerated() {
            // Point at the key that holds the text (a step's own mark is its first key).
            func text(_ t: Template?, _ key: String, from: SourceLocation? = nil) {
                guard let t else { return }
                check(t, at: i, location: source.find(key + ":", from: from ?? step.location) ?? step.location)
            }
            switch step.content {
            case .say(let t): text(t, "say")
            case .ask(let q):
                text(q.prompt, "ask")
                text(q.hint, "hint")
                text(q.why, "why")
                if case .records(let fields, _, _) = q.answer {
                    let start = source.find("fields:", from: step.location)
                    for f in fields {
                        let at = source.find(f.id, from: start ?? step.location)
                        text(f.prompt, "ask", from: at)
                        text(f.hint, "hint", from: at)
                    }
                }
            }
        }
    }

    /// A `{` followed by a name (`{name`, `{common.how-it-works`) that no `}` closes before the line
    /// ends: a hole left open, which the text would show as written.
    static func unclosedHole(_ text: String) -> String? {
        // Most texts have no brace at all: one pass over the bytes, not over Characters.
        guard text.utf8.contains(UInt8(ascii: "{")) else { return nil }
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            var rest = line[...]
            while let brace = rest.firstIndex(of: "{") {
                let after = rest[rest.index(after: brace)...]
                let name = after.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }
                guard !name.isEmpty, let first = name.first, first.isLetter else { rest = after; continue }
                if !after.contains("}") { return "{" + name }
                rest = after
            }
        }
        return nil
    }

    /// Words about where answers are kept or sent, which only a door can say truly.
    static let storageClaims = [
        "kept only", "kept on", "saved on", "stored", "stays on", "stay on", "only on", "on this computer",
        "on the computer", "on your computer", "on this device", "nothing is sent", "not sent", "sent anywhere",
        "sent to", "never sent", "encrypted", "only you can see", "no one else can see", "no one else sees",
    ]

    /// An intro that says where answers go: true in one door and false in another (a terminal, a
    /// server, a group room), so Tandem says it itself at the start of every plan.
    private mutating func checkStorageClaims(_ intro: Template?, at location: SourceLocation) {
        guard let text = intro?.source.lowercased() else { return }
        for claim in Self.storageClaims where text.contains(claim) {
            let at = source.find(claim, from: location) ?? source.findIgnoringCase(claim, from: location) ?? location
            report(.storageClaim, .warning, "the intro says where answers are kept or sent (\"\(claim)\"), which depends on how Tandem is run", at: at, length: claim.count,
                   help: "take this out: Tandem tells people where their answers go at the start of every plan, in words true for the terminal, the network or a group room")
            return
        }
    }
}
