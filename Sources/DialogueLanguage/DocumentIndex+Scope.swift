import DialogueEngine

/// Which steps a place in the file may name, by the rules `tandem check` applies (see
/// docs/dialogue-format.md): a condition and an `{id}` hole use questions that come before their
/// step (D014, D018), `if:` may also use its own step, `options: {from:}` an earlier pick-many or
/// list question (D032), and `go:` a step after its own (D013). Completion offers only those.
extension DocumentIndex {
    /// Where a line stands among the steps: `index`, the last step (in `script`) that starts at or
    /// above the line, and whether the line is `inside` it rather than in a step typed after it
    /// that has not loaded yet. Nil above the first step (the top of the file, the intro).
    ///
    /// Steps are found by their `id:` lines in the text as it is now: `script` may be from an
    /// earlier version that loaded, whose line numbers have moved since.
    func stepPlace(line: Int) -> (index: Int, inside: Bool)? {
        guard line >= 0, line < lines.count, let steps = script?.steps else { return nil }
        var found: (index: Int, start: Int)?
        for (i, step) in steps.enumerated() {
            if let start = startLine(of: step), start <= line { found = (i, start) }
        }
        guard let (index, start) = found else { return nil }
        // The step's own items sit deeper than its `- `; another `- ` at the same place, or a
        // line further left (a new section), means the line is past the step.
        let dash = Self.indent(lines[start])
        var row = line
        while row > start {
            let code = Self.uncommented(lines[row])
            row -= 1
            if code.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            let indent = Self.indent(code)
            if indent < dash || (indent == dash && code.dropFirst(indent).hasPrefix("-")) { return (index, false) }
        }
        return (index, true)
    }

    /// The indices of the steps before a line's step; with `own`, its step too.
    func earlierSteps(line: Int, own: Bool = false) -> Range<Int> {
        guard let place = stepPlace(line: line) else { return 0..<0 }
        return 0..<(place.inside && !own ? place.index : place.index + 1)
    }

    /// Questions a condition or a hole at `line` may name: earlier ones that one answer is given
    /// to (a `who: everyone` question has no one answer, D024).
    func nameableQuestions(line: Int, own: Bool = false) -> [Step] {
        guard let steps = script?.steps else { return [] }
        return earlierSteps(line: line, own: own).map { steps[$0] }.filter { $0.question != nil && $0.question?.who != .everyone }
    }

    /// Steps a `go:` at `line` may name: those after its step (all of them above the first step).
    func laterSteps(line: Int) -> [Step] {
        guard let steps = script?.steps else { return [] }
        guard let place = stepPlace(line: line) else { return steps }
        return Array(steps[(place.index + 1)...])
    }

    /// The line the step starts on (its `- `) in the text as it is now: found from its `id:` line,
    /// the one nearest to where the step was when it loaded; nil when the text no longer has it.
    func startLine(of step: Step) -> Int? {
        guard let row = idLine(of: step) else { return nil }
        if Self.uncommented(lines[row]).drop(while: { $0 == " " }).hasPrefix("-") { return row }
        // `id:` is not the step's first key: the `- ` is on a line above, further left.
        let column = Self.indent(lines[row])
        var above = row - 1
        while above >= 0 {
            let code = Self.uncommented(lines[above])
            above -= 1
            if code.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            let indent = Self.indent(code)
            if indent >= column { continue }
            return code.dropFirst(indent).hasPrefix("-") ? above + 1 : row
        }
        return row
    }

    /// The line of the step's `id:` in the text as it is now, nearest to where it was when it loaded.
    func idLine(of step: Step) -> Int? {
        let was = step.location.line - 1
        return idLines[step.id]?.min { abs($0 - was) < abs($1 - was) }
    }

    /// Every `id: NAME` line of the text, by name: the lines of steps, sections and fields.
    static func idLines(_ lines: [String]) -> [String: [Int]] {
        var found: [String: [Int]] = [:]
        for (row, line) in lines.enumerated() {
            guard let id = idValue(line) else { continue }
            found[id, default: []].append(row)
        }
        return found
    }

    /// The value of a line that is `id: NAME` (after spaces and a `- `, quotes taken off), and the
    /// column (in characters) it starts at.
    static func idValue(_ line: String) -> String? {
        idValueAndColumn(line)?.value
    }

    static func idValueAndColumn(_ line: String) -> (value: String, column: Int)? {
        let code = uncommented(line)
        let body = code.drop { $0 == " " || $0 == "-" }
        guard body.hasPrefix("id:") else { return nil }
        let afterKey = body.dropFirst(3).drop { $0 == " " || $0 == "\t" }
        let quoted = afterKey.first == "\"" || afterKey.first == "'"
        let value = (quoted ? afterKey.dropFirst() : afterKey).prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        guard !value.isEmpty else { return nil }
        let column = code.count - afterKey.count + (quoted ? 1 : 0)
        return (String(value), column)
    }

    /// How many spaces the line starts with.
    static func indent<S: StringProtocol>(_ line: S) -> Int {
        line.prefix { $0 == " " }.count
    }
}
