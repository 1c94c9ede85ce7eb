import DialogueEngine

/// A JSON-mode message from a program, as the line a person would type.
///
///     {"op":"answer","step":"energy","value":4}      → "4" (checked against the current step)
///     {"op":"answer","value":["walk","music"]}       → "walk, music"
///     {"op":"answer","value":true}                   → "yes"
///     {"op":"command","name":"change","arg":"3"}     → "/change 3"
///     {"op":"line","text":"/start 1"}                → "/start 1"
enum ClientMessage: Equatable {
    /// An answer; `step` when the program said which question it answers.
    case answer(String, step: String?)
    /// A whole line, commands included.
    case command(String)

    struct Problem: Error {
        var text: String
    }

    init(json text: String) throws(Problem) {
        guard text.hasPrefix("{") else { throw Problem(text: "Each line should be one JSON object, like {\"op\":\"answer\",\"value\":\"yes\"}, or a /command.") }
        let value: JSONValue
        do {
            value = try JSONValue.parse(text)
        } catch where error.unusableNumber {
            throw Problem(text: "That number cannot be used: it is \(error.message). Please send it as a smaller number, or as text in quotes.")
        } catch {
            throw Problem(text: "That is not valid JSON: \(error.description).")
        }
        try self.init(value)
    }

    init(_ value: JSONValue) throws(Problem) {
        switch value["op"]?.string {
        case "answer":
            guard let v = value["value"] else { throw Problem(text: "An answer needs a value, like {\"op\":\"answer\",\"value\":\"yes\"}.") }
            guard let line = Self.text(v) else { throw Problem(text: "An answer's value is a string, a number, true or false, or a list of those.") }
            self = .answer(line, step: value["step"]?.string)
        case "command":
            guard let name = value["name"]?.string, !name.isEmpty, !name.contains(" ") else {
                throw Problem(text: "A command needs a name, like {\"op\":\"command\",\"name\":\"back\"}.")
            }
            let word = name.hasPrefix("/") ? String(name.dropFirst()) : name
            let arg = value["arg"].flatMap(Self.text) ?? ""
            self = .command(arg.isEmpty ? "/\(word)" : "/\(word) \(arg)")
        case "line":
            guard let text = value["text"]?.string else { throw Problem(text: "A line needs its text, like {\"op\":\"line\",\"text\":\"/help\"}.") }
            self = .command(text)
        case let op?:
            throw Problem(text: "I do not know the op \"\(Sanitize.line(String(op.prefix(40))))\". Use answer, command or line.")
        case nil:
            throw Problem(text: "Each object needs an op: answer, command or line.")
        }
    }

    /// A value as typed words: numbers as digits, true/false as yes/no, lists with commas.
    static func text(_ v: JSONValue) -> String? {
        switch v {
        case .string(let s): return s
        case .number(let n): return JSONValue.format(n)
        case .bool(let b): return b ? "yes" : "no"
        case .null: return ""
        case .array(let items):
            let parts = items.compactMap { item -> String? in
                if case .array = item { return nil }
                if case .object = item { return nil }
                return text(item)
            }
            guard parts.count == items.count else { return nil }
            return parts.joined(separator: ", ")
        case .object: return nil
        }
    }
}
