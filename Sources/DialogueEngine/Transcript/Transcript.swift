/// A golden conversation: `>` what the person types, `<` what Tandem shows, `=` an answer check.
///
///     # comments start with #
///     dialogue: looking-after-me-too
///     today: 2027-01-04
///     <
///     < == Looking after me too ==
///     > Sam
///     = name: Sam
public struct Transcript: Sendable {
    public enum Line: Sendable, Equatable {
        case input(String, line: Int)
        case output(String, line: Int)
        case check(step: String, expected: String, line: Int)
    }

    public var file: String
    public var dialogue: String
    public var today: SimpleDate
    public var width: Int
    public var lines: [Line]
    /// `#` comments, kept so `--update` writes them back: by the index in `lines` they come before
    /// (comments among the header lines are under -1).
    public var comments: [Int: [String]] = [:]

    /// The date every transcript runs on unless it says `today:`, so dates in answers replay the same.
    public static let defaultToday = SimpleDate(year: 2027, month: 1, day: 4)!

    public struct ParseError: Error, CustomStringConvertible, Sendable {
        public var file: String
        public var line: Int
        public var message: String
        public var description: String { "\(file):\(line): \(message)" }
    }

    public static func parse(_ text: String, file: String) throws(ParseError) -> Transcript {
        var dialogue: String?
        var today = defaultToday
        var width = 80
        var lines: [Line] = []
        var comments: [Int: [String]] = [:]
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let n = i + 1
            let line = raw.hasSuffix("\r") ? String(raw.dropLast()) : String(raw)
            if line.hasPrefix("#") { comments[lines.isEmpty ? -1 : lines.count, default: []].append(line) }
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix(">") {
                lines.append(.input(String(line.dropFirst(line.hasPrefix("> ") ? 2 : 1)), line: n))
            } else if line.hasPrefix("<") {
                lines.append(.output(String(line.dropFirst(line.hasPrefix("< ") ? 2 : 1)), line: n))
            } else if line.hasPrefix("=") {
                let body = line.dropFirst().trimmingCharacters(in: .whitespaces)
                guard let colon = body.firstIndex(of: ":") else {
                    throw ParseError(file: file, line: n, message: "a check is written \"= step-id: expected answer\"")
                }
                lines.append(.check(step: body[..<colon].trimmingCharacters(in: .whitespaces), expected: body[body.index(after: colon)...].trimmingCharacters(in: .whitespaces), line: n))
            } else if let colon = line.firstIndex(of: ":"), lines.isEmpty {
                let key = line[..<colon].trimmingCharacters(in: .whitespaces)
                let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                switch key {
                case "dialogue": dialogue = value
                case "today":
                    guard let d = SimpleDate(iso: value) else { throw ParseError(file: file, line: n, message: "today: needs a date like 2027-01-04") }
                    today = d
                case "width":
                    guard let w = Int(value), w >= 30 else { throw ParseError(file: file, line: n, message: "width: needs a number of 30 or more") }
                    width = w
                default: throw ParseError(file: file, line: n, message: "unknown header \"\(key)\" (use dialogue:, today: or width:)")
                }
            } else {
                throw ParseError(file: file, line: n, message: "each line starts with > (typed), < (shown), = (check) or # (comment)")
            }
        }
        guard let dialogue else { throw ParseError(file: file, line: 1, message: "a transcript starts with \"dialogue: its-id\"") }
        return Transcript(file: file, dialogue: dialogue, today: today, width: width, lines: lines, comments: comments)
    }

    /// The transcript with its `<` lines replaced by what Tandem showed (for `tandem test --update`).
    public func text(withOutputs outputs: [[String]]) -> String {
        var out = ["dialogue: \(dialogue)"]
        if today != Self.defaultToday { out.append("today: \(today.iso)") }
        if width != 80 { out.append("width: \(width)") }
        out += comments[-1] ?? []
        var turn = 0
        // A comment before a < line goes with the next > or = line, as < lines are written afresh.
        var pending: [String] = []
        func emit(_ lines: [String]) { out += lines.map { $0.isEmpty ? "<" : "< " + $0 } }
        emit(outputs.first ?? [])
        for (i, line) in lines.enumerated() {
            pending += comments[i] ?? []
            switch line {
            case .input(let s, _):
                out += pending
                pending = []
                out.append(s.isEmpty ? ">" : "> " + s)
                turn += 1
                emit(turn < outputs.count ? outputs[turn] : [])
            case .check(let step, let expected, _):
                out += pending
                pending = []
                out.append("= \(step): \(expected)")
            case .output: break
            }
        }
        out += pending + (comments[lines.count] ?? [])
        return out.joined(separator: "\n") + "\n"
    }

    public var inputs: [String] {
        lines.compactMap { if case .input(let s, _) = $0 { return s } else { return nil } }
    }
}
