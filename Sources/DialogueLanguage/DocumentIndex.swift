import DialogueEngine
import Foundation

/// What an editor asks about one place in a dialogue file: what may be typed there (completion),
/// what a word means (hover) and where a step is defined (definition).
///
/// Works from the text as it is now (which may not parse while the author types) and the last
/// version that loaded (`script`), which gives step ids, answer types and questions.
struct DocumentIndex {
    /// The lines of the text, split as the checker splits them (LF, CRLF or a lone CR), without a
    /// byte-order mark at the start.
    let lines: [String]
    let script: Script?
    /// The folder's `common.yaml`: shared texts for `{common.…}` and shared lists for `options:`.
    let common: CommonLibrary?
    /// UTF-16 units of a byte-order mark the editor sent before the first line (0 or 1): taken
    /// off `lines[0]`, so columns the protocol gives or gets on line 0 are moved by it.
    let byteOrderMark: Int
    /// The lines of every `id:` by its value.
    let idLines: [String: [Int]]

    init(text: String, script: Script?, common: CommonLibrary? = nil) {
        self.byteOrderMark = TextLines.byteOrderMarkLength(text)
        self.lines = TextLines.split(TextLines.withoutByteOrderMark(text)).map(String.init)
        self.script = script
        self.common = common
        self.idLines = Self.idLines(lines)
    }

    /// A place as the protocol gives it: a line and a UTF-16 offset in it, both from 0.
    struct Position: Equatable {
        var line: Int
        var character: Int
    }

    /// A position from the editor as a place in `lines`: nil when it is not in the text (a
    /// negative line or character, a line past the end). A character past the line's end means
    /// its end, as the protocol says.
    func place(_ position: Position) -> Position? {
        guard position.line >= 0, position.character >= 0, position.line < lines.count else { return nil }
        let shift = position.line == 0 ? byteOrderMark : 0
        return Position(line: position.line, character: min(max(0, position.character - shift), lines[position.line].utf16.count))
    }

    /// A column in characters on a line of `lines` as the editor counts it: UTF-16 units, with a
    /// byte-order mark before line 0.
    func editorColumn(line: Int, characters: Int) -> Int {
        guard line >= 0, line < lines.count else { return 0 }
        return Self.utf16(lines[line], characters: characters) + (line == 0 ? byteOrderMark : 0)
    }

    /// One completion, as LSP `CompletionItem`.
    struct Item: Equatable {
        enum Kind: Int { case value = 12, keyword = 14, reference = 18, field = 5, `enum` = 13 }
        var label: String
        var kind: Kind
        var detail: String?
        /// Text put in (a key gets its colon and a space).
        var insert: String?

        var json: [String: Any] {
            var j: [String: Any] = ["label": label, "kind": kind.rawValue]
            if let detail { j["detail"] = detail }
            if let insert { j["insertText"] = insert }
            return j
        }
    }

    // MARK: Completion

    func completions(at position: Position) -> [Item] {
        guard let position = place(position) else { return [] }
        let line = lines[position.line]
        let before = Self.prefix(line, utf16: position.character)
        let code = Self.uncommented(before)
        if code.count < before.count { return [] }  // inside a comment

        // Inside a {hole} of a text: the questions whose answers can be shown there.
        if let open = code.lastIndex(of: "{"), !code[open...].contains("}"), !Self.matches(code, #"options:\s*\{"#) {
            return questionIDs(nameableQuestions(line: position.line)) + (common?.texts.keys.sorted() ?? []).map {
                Item(label: "common.\($0)", kind: .reference, detail: "shared text: " + (common?.texts[$0] ?? "").prefix(60))
            }
        }
        if let value = Self.valueContext(code) {
            switch value {
            case "answer":
                return AnswerKind.allCases.map { Item(label: $0.rawValue, kind: .enum, detail: Self.answerHelp[$0]) }
            case "go":
                return stepIDs(laterSteps(line: position.line)) + [Item(label: "end", kind: .keyword, detail: "finish the conversation")]
            case "who":
                return [Item(label: "group", kind: .enum, detail: "one answer for the group (the default)"),
                        Item(label: "everyone", kind: .enum, detail: "each person answers")]
            case "action":
                return [Item(label: "export", kind: .enum, detail: "answering yes shows the plan")]
            case "required", "optional":
                return ["true", "false"].map { Item(label: $0, kind: .keyword) }
            case "when", "if":
                // A branch of next: is read once its own step is answered, so it may use that step.
                let named = nameableQuestions(line: position.line, own: value == "if")
                return questionIDs(named) + optionKeys(named)
            case "options-from":
                // A field's options cannot come from an earlier answer (the docs; D032): nothing fits.
                if container(line: position.line, column: Self.indent(code)) == "fields" { return [] }
                return questionIDs(nameableQuestions(line: position.line).filter { [.pickMany, .list].contains($0.question!.answer.kind) })
            case "options":
                let own = choiceNames()
                return own.map { Item(label: $0.name, kind: .reference, detail: "choices at line \($0.line + 1)") }
                    + (common?.choices.keys.sorted() ?? []).filter { name in !own.contains { $0.name == name } }
                    .map { Item(label: $0, kind: .reference, detail: "shared choices in common.yaml") }
            default:
                return []
            }
        }
        // A key: which keys depends on the list or map the cursor is in.
        let trimmed = code.drop { $0 == " " || $0 == "-" }
        guard trimmed.allSatisfy({ $0.isLetter || $0 == "-" }) else { return [] }
        let column = code.count - trimmed.count
        let keys: [String]
        switch container(line: position.line, column: column) {
        case nil: keys = column == 0 ? ScriptLoader.topKeys : []
        case "sections": keys = ScriptLoader.sectionKeys
        case "steps": keys = ScriptLoader.stepKeys
        case "fields": keys = ScriptLoader.fieldKeys
        case "next": keys = ["if", "go"]
        case "options": keys = ["from"]
        default: keys = []
        }
        return keys.map { Item(label: $0, kind: .field, detail: Self.keyHelp[$0], insert: "\($0): ") }
    }

    /// The key whose value the cursor's line is part of, found by indentation: the nearest line
    /// above whose key starts left of `column`.
    func container(line: Int, column: Int) -> String? {
        var row = min(line, lines.count) - 1
        while row >= 0 {
            let text = Self.uncommented(lines[row])
            row -= 1
            let body = text.drop { $0 == " " || $0 == "-" }
            guard !body.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            let keyColumn = text.count - body.count
            if keyColumn < column, let colon = body.firstIndex(of: ":") {
                return String(body[..<colon])
            }
            if keyColumn < column { return nil }  // a plain value further left: not in a map we know
        }
        return nil
    }

    /// The key whose value is being typed on this line (`answer`, `go`, …), or nil when a key is.
    static func valueContext(_ code: String) -> String? {
        if matches(code, #"options:\s*\{\s*from:\s*[\w-]*$"#) { return "options-from" }
        guard let match = code.range(of: #"([A-Za-z-]+):\s*[^:]*$"#, options: .regularExpression) else { return nil }
        let key = code[match].prefix { $0 != ":" }
        return String(key)
    }

    // MARK: Hover

    func hover(at position: Position) -> String? {
        guard let position = place(position), let (word, start) = word(at: position) else { return nil }
        let line = lines[position.line]
        let after = line.dropFirst(start + word.count)
        if after.hasPrefix(":") { return Self.keyHelp[word].map { "`\(word):` \($0)" } }
        if let step = script?.steps.first(where: { $0.id == word }) { return describe(step) }
        if let kind = AnswerKind(rawValue: word), Self.matches(String(line.prefix(start)), #"answer:\s*$"#) {
            return "`\(kind.rawValue)`: \(Self.answerHelp[kind] ?? "")"
        }
        return nil
    }

    func describe(_ step: Step) -> String {
        guard let q = step.question else {
            if case .say(let text) = step.content { return "**\(step.id)** (a message)\n\n\(text.source)" }
            return "**\(step.id)**"
        }
        var out = "**\(step.id)**: \(q.answer.kind.rawValue) question in section \(step.sectionID)\n\n\(q.prompt.source)"
        let options = q.answer.options
        if !options.isEmpty {
            out += "\n\n" + options.map { "- `\($0.key)`: \($0.label)" }.joined(separator: "\n")
        }
        return out
    }

    // MARK: Definition

    /// Where the word at `position` is defined: a step's `id:` or a list under `choices:`.
    func definition(at position: Position) -> (line: Int, character: Int, length: Int)? {
        guard let position = place(position), let (word, _) = word(at: position) else { return nil }
        if let step = script?.steps.first(where: { $0.id == word }) {
            // The `id:` line as the text is now; the step may have moved since it last loaded.
            if let row = idLine(of: step), let (_, column) = Self.idValueAndColumn(lines[row]) {
                return (row, editorColumn(line: row, characters: column), word.utf16.count)
            }
            return (min(max(0, step.location.line - 1), lines.count - 1), 0, 0)
        }
        if let choice = choiceNames().first(where: { $0.name == word }) {
            return (choice.line, editorColumn(line: choice.line, characters: choice.column), word.utf16.count)
        }
        return nil
    }

    // MARK: Names in the file

    func stepIDs(_ steps: [Step]) -> [Item] {
        steps.map { step in
            let detail = step.question.map { "\($0.answer.kind.rawValue): \($0.prompt.source)" } ?? "message"
            return Item(label: step.id, kind: .reference, detail: detail)
        }
    }

    func questionIDs(_ questions: [Step]) -> [Item] {
        questions.map { Item(label: $0.id, kind: .reference, detail: "\($0.question!.answer.kind.rawValue): \($0.question!.prompt.source)") }
    }

    /// Option keys of pick questions, quoted as a condition compares them (`mood == "low"`).
    func optionKeys(_ questions: [Step]) -> [Item] {
        var seen = Set<String>()
        var items: [Item] = []
        for step in questions {
            for option in step.question!.answer.options where seen.insert(option.key).inserted {
                items.append(Item(label: "\"\(option.key)\"", kind: .value, detail: "\(step.id): \(option.label)"))
            }
        }
        return items
    }

    /// The lists named under a top-level `choices:`, with where each name is.
    func choiceNames() -> [(name: String, line: Int, column: Int)] {
        guard let start = lines.firstIndex(where: { Self.uncommented($0).hasPrefix("choices:") }) else { return [] }
        var names: [(String, Int, Int)] = []
        var indent: Int?
        for row in (start + 1)..<lines.count {
            let code = Self.uncommented(lines[row])
            if code.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            let column = code.prefix { $0 == " " }.count
            if column == 0 { break }
            if indent == nil { indent = column }
            guard column == indent, !code.dropFirst(column).hasPrefix("-"),
                  let colon = code.firstIndex(of: ":") else { continue }
            names.append((String(code[code.index(code.startIndex, offsetBy: column)..<colon]), row, column))
        }
        return names
    }

    // MARK: Text

    /// The id-like word (letters, digits, `-`, `_`) under the cursor and where it starts, in characters.
    func word(at position: Position) -> (String, Int)? {
        guard position.line >= 0, position.line < lines.count, position.character >= 0 else { return nil }
        let chars = Array(lines[position.line])
        var at = Self.prefix(lines[position.line], utf16: position.character).count
        func isWord(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "-" || c == "_" }
        if at == chars.count || (at < chars.count && !isWord(chars[at])) { at -= 1 }
        guard at >= 0, at < chars.count, isWord(chars[at]) else { return nil }
        var start = at, end = at
        while start > 0, isWord(chars[start - 1]) { start -= 1 }
        while end + 1 < chars.count, isWord(chars[end + 1]) { end += 1 }
        return (String(chars[start...end]), start)
    }

    /// The part of `line` before a UTF-16 offset.
    /// An offset inside a letter (between the halves of a surrogate pair, or before a combining
    /// mark) counts from the start of that letter.
    static func prefix(_ line: String, utf16 offset: Int) -> String {
        let utf16 = line.utf16
        var end = utf16.index(utf16.startIndex, offsetBy: min(max(0, offset), utf16.count))
        while end > utf16.startIndex, end.samePosition(in: line) == nil { end = utf16.index(before: end) }
        return String(line[..<end])
    }

    /// A count of characters from the start of `line` as a UTF-16 offset (what LSP counts in).
    static func utf16(_ line: String, characters: Int) -> Int {
        line.prefix(max(0, characters)).utf16.count + max(0, characters - line.count)
    }

    /// The line without a trailing `# comment` (a `#` outside quotes, at the start or after a space).
    static func uncommented(_ line: String) -> String {
        var quote: Character?
        var previous: Character = " "
        for (i, c) in line.enumerated() {
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "#", previous == " " || previous == "\t" {
                return String(line.prefix(i))
            }
            previous = c
        }
        return line
    }

    static func matches(_ text: String, _ pattern: String) -> Bool {
        text.range(of: pattern, options: .regularExpression) != nil
    }
}
