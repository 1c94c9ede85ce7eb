/// A problem found in a dialogue file, with a stable code and a place.
public struct Diagnostic: Sendable, Equatable, Codable {
    public enum Severity: String, Sendable, Codable { case error, warning }

    public var code: Code
    public var severity: Severity
    public var message: String
    public var location: SourceLocation
    /// How many characters the caret underlines (at least 1).
    public var length: Int
    /// The source line, for the excerpt.
    public var sourceLine: String?
    /// A suggestion ("did you mean ...").
    public var help: String?

    public init(
        _ code: Code, _ severity: Severity, _ message: String, at location: SourceLocation,
        length: Int = 1, sourceLine: String? = nil, help: String? = nil
    ) {
        self.code = code
        self.severity = severity
        // One line each: a line break or control character in a message (a value quoted from the
        // file) broke the summary that `tandem list` and `tandem test` print, and could steer a terminal.
        self.message = Self.oneLine(message)
        self.location = location
        self.length = max(1, length)
        self.sourceLine = sourceLine
        self.help = help.map(Self.oneLine)
    }

    /// `text` in quotes, with line breaks and other control characters written as `\n`, `\t` or
    /// `U+001B`, so that a message quoting it stays on one line and shows what is there.
    public static func shown(_ text: String) -> String { "\"" + visible(text) + "\"" }

    static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        for s in text.unicodeScalars {
            switch s {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where isControl(s): out += "U+" + String(repeating: "0", count: max(0, 4 - String(s.value, radix: 16).count)) + String(s.value, radix: 16, uppercase: true)
            default: out.unicodeScalars.append(s)
            }
        }
        return out
    }

    private static func isControl(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x20 || (0x7F...0x9F).contains(s.value) || s == "\u{2028}" || s == "\u{2029}"
    }

    private static func oneLine(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        return visible(text)
    }

    /// Stable diagnostic codes: documented in docs/dialogue-format.md, never reused.
    public init(_ code: Code, _ message: String, at location: SourceLocation, length: Int = 1, sourceLine: String? = nil, help: String? = nil) {
        self.init(code, .error, message, at: location, length: length, sourceLine: sourceLine, help: help)
    }

    public enum Code: String, Sendable, Codable, CaseIterable {
        /// The file is not valid YAML, or not UTF-8, or cannot be read.
        case yamlSyntax = "D001"
        /// Anchors, aliases, tags and flow collections over several lines are not allowed.
        case unsupportedYAML = "D002"
        /// The same key twice in one mapping.
        case duplicateKey = "D003"
        /// A key the format does not know.
        case unknownKey = "D004"
        /// A key that must be there is missing.
        case missingKey = "D005"
        /// A value of the wrong shape (a list where text is expected, a word where a number is).
        case wrongValue = "D006"
        /// An id that breaks the id rule.
        case invalidID = "D007"
        /// Two steps, sections, options or fields with the same id.
        case duplicateID = "D008"
        /// An answer type the engine does not know.
        case unknownAnswerType = "D009"
        /// `go:` names a step that does not exist.
        case missingTarget = "D010"
        /// A step that no path reaches.
        case unreachableStep = "D011"
        /// A step with no way on (a `next:` that is empty or a branch with no `go:`).
        case noWayOn = "D012"
        /// `go:` jumps back to an earlier step (the person uses /back instead).
        case backwardJump = "D013"
        /// A condition or text reads a step that is unknown or not answered before it.
        case unknownName = "D014"
        /// A condition whose types do not fit.
        case typeError = "D015"
        /// Options, range, labels, min or max that do not fit the answer type.
        case badAnswerOptions = "D016"
        /// A `next:` list whose last branch has a condition, so nothing may match.
        case lastBranchConditional = "D017"
        /// Text that refers to an unknown `{id}`.
        case unknownTextReference = "D018"
        /// A condition that cannot be read.
        case expressionSyntax = "D020"
        /// `serves:` or `audience:` names something unknown.
        case unknownTerm = "D021"
        /// The dialogue id does not match the file name.
        case fileNameMismatch = "D022"
        /// A question with no `why:` in a dialogue where most have one, or other style advice.
        case textStyle = "D023"
        /// A `who: everyone` question used where one answer is needed (a condition, `{id}` text), or
        /// with an answer that takes several lines (`list`, `records`).
        case everyoneAnswer = "D024"
        /// A check-in pattern that cannot be used: empty, unreadable, or naming an unknown word group.
        case checkInPattern = "D025"
        /// A check-in pattern that matches an everyday line with no words of distress.
        case checkInTooBroad = "D026"
        /// The same check-in pattern twice.
        case checkInDuplicate = "D027"
        /// A support contact not checked in the last year, or with no `checked:` date or `source:`.
        case contactNotChecked = "D028"
        /// An intro that says where answers are kept or sent: only the door knows (see `Privacy`).
        case storageClaim = "D029"
        /// `options:` names a list of choices that no `choices:` defines.
        case unknownChoices = "D030"
        /// A list under `choices:` that no question uses.
        case unusedChoices = "D031"
        /// `options: {from: …}` names a step that is not an earlier pick-many or list question.
        case badOptionsFrom = "D032"
        /// `after:`, `before:`, `min:` or `max:` names a step that is not an earlier question of
        /// the kind it needs (a date for `after:`/`before:`, a number or scale for `min:`/`max:`).
        case badRuleReference = "D040"
        /// `check:` without `message:`, or `message:` without `check:`.
        case checkWithoutMessage = "D041"
        /// `{common.NAME}` names no text in `common.yaml` (or there is no `common.yaml`).
        case unknownCommon = "D042"
        /// A text or list in `common.yaml` that no dialogue in the folder uses.
        case unusedCommon = "D043"
        /// A support file with no way to reach 999: every plan, check-in and `/urgent` would lack it.
        case noEmergencyNumber = "D044"
        /// `check-in-weights.tsv` cannot be read: not the trainer's format, a number that is not
        /// one, a setting missing.
        case checkInWeights = "D045"
        /// A word under `who-reading:` in `check-in.yaml` that is not one word as the check-in
        /// reads words.
        case checkInWhoWord = "D046"
        /// A number from 10 to 999 in a check-in pattern: read as "many", it matches any such number.
        case checkInNumber = "D047"
        /// Two dialogue files in one folder with the same `dialogue:` id.
        case dialogueIDClash = "D048"
        /// A support file whose check-in words (its own, or Tandem's built-in ones when it has no
        /// `check-in:`) name a number that none of its contacts gives.
        case checkInNumberNotListed = "D049"
    }
}

/// Holds a file's lines to quote them in diagnostics.
struct SourceText {
    var file: String
    var lines: [Substring]

    init(file: String, text: String) {
        self.file = file
        // Lines end as YAML (and editors) end them: LF, CRLF, or a lone CR (found by fuzzing: a
        // file with lone CRs had its problems placed on lines this did not have). Split as
        // `tandem lsp` splits, so the editor shows each problem on the line it is on.
        self.lines = TextLines.split(text)
    }

    func line(_ n: Int) -> String? {
        // Line ends are taken off in `init`; this is called for every node read, so it stays cheap.
        n >= 1 && n <= lines.count ? String(lines[n - 1]) : nil
    }

    func diagnostic(
        _ code: Diagnostic.Code, _ severity: Diagnostic.Severity, _ message: String,
        line: Int, column: Int, length: Int = 1, help: String? = nil
    ) -> Diagnostic {
        Diagnostic(
            code, severity, message, at: SourceLocation(file: file, line: line, column: column),
            length: length, sourceLine: self.line(line), help: help)
    }

    func diagnostic(
        _ code: Diagnostic.Code, _ severity: Diagnostic.Severity, _ message: String,
        at location: SourceLocation, length: Int = 1, help: String? = nil
    ) -> Diagnostic {
        diagnostic(code, severity, message, line: location.line, column: location.column, length: length, help: help)
    }

    /// Where `needle` first appears at or after a location (for holes inside block text).
    /// The same as `find`, in any case.
    func findIgnoringCase(_ needle: String, from location: SourceLocation) -> SourceLocation? {
        guard location.line >= 1 else { return nil }
        for n in location.line...max(location.line, lines.count) {
            guard let text = line(n) else { break }
            if let r = text.range(of: needle, options: .caseInsensitive) {
                return SourceLocation(file: file, line: n, column: text.distance(from: text.startIndex, to: r.lowerBound) + 1)
            }
        }
        return nil
    }

    /// `find` on one line of ASCII without a carriage return: the column (from 0) where `needle`
    /// is at or after `start`, .some(nil) when it is not there, and nil when the line or the needle
    /// is not plain ASCII (then characters must be counted).
    static func asciiFind(_ needle: String, in line: Substring, from start: Int) -> Int?? {
        let hay = line.utf8
        let want = needle.utf8
        guard !want.isEmpty, hay.allSatisfy({ $0 < 0x80 && $0 != 0x0D }), want.allSatisfy({ $0 < 0x80 }) else { return nil }
        let bytes = Array(hay)
        let pattern = Array(want)
        guard start >= 0, start <= bytes.count else { return .some(nil) }
        guard bytes.count >= pattern.count else { return .some(nil) }
        var i = start
        while i + pattern.count <= bytes.count {
            if bytes[i] == pattern[0], bytes[i..<i + pattern.count].elementsEqual(pattern) { return .some(i) }
            i += 1
        }
        return .some(nil)
    }

    func find(_ needle: String, from location: SourceLocation) -> SourceLocation? {
        guard location.line >= 1 else { return nil }
        for n in location.line...max(location.line, lines.count) {
            guard n <= lines.count else { break }
            let startColumn = n == location.line ? location.column - 1 : 0
            // A line and a needle of ASCII (nearly all): searched as bytes, a column a byte. (By
            // Character, with a String made of each line, every step of `tandem check` cost
            // about 60,000 instructions here.)
            if let found = Self.asciiFind(needle, in: lines[n - 1], from: startColumn) {
                if let column = found { return SourceLocation(file: file, line: n, column: column + 1) }
                continue
            }
            let chars = Array(lines[n - 1])
            guard startColumn <= chars.count else { continue }
            let hay = String(chars[startColumn...])
            if let r = hay.range(of: needle) {
                return SourceLocation(file: file, line: n, column: startColumn + hay.distance(from: hay.startIndex, to: r.lowerBound) + 1)
            }
        }
        return nil
    }
}

/// Suggests the closest known word for "did you mean".
enum Suggest {
    static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        var best: (String, Int)?
        for c in candidates {
            let d = distance(word.lowercased(), c.lowercased())
            if d <= max(2, word.count / 3), best == nil || d < best!.1 { best = (c, d) }
        }
        return best?.0
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev = Array(0...b.count)
        var cur = prev
        for i in 1...a.count {
            cur[0] = i
            for j in 1...b.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&prev, &cur)
        }
        return prev[b.count]
    }
}

import Foundation
