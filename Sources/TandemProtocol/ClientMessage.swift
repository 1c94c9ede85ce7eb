import DialogueEngine

/// A JSON-mode message from a program. Answers stay typed all the way to the engine, which checks
/// them against the question (`AnswerInput`); commands and lines are what a person would type.
///
///     {"op":"answer","step":"energy","value":4}      → .answer(.number(4), step: "energy")
///     {"op":"answer","value":["walk","music"]}       → .answer(.list([.text("walk"), .text("music")]))
///     {"op":"answer","value":true}                   → .answer(.bool(true))
///     {"op":"command","name":"change","arg":"3"}     → .line("/change 3")
///     {"op":"line","text":"/start 1"}                → .line("/start 1")
///     {"op":"hear","text":"I want to die"}           → .hear("I want to die")
public enum ClientMessage: Equatable, Sendable {
    /// An answer; `step` when the program said which question it answers.
    case answer(AnswerInput, step: String?)
    /// A whole line, commands included.
    case line(String)
    /// Words a person typed that the client answered itself (`tandem connect`'s `/mode`), passed on
    /// so they are heard as every line is: the check-in when they hold words of distress, and
    /// nothing else (never an answer, never a command).
    case hear(String)

    public struct Problem: Error, Sendable {
        public var text: String
    }

    public init(json text: String) throws(Problem) {
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

    public init(_ value: JSONValue) throws(Problem) {
        // A key given twice could be read either way: say so rather than pick one.
        if case .object(let members) = value {
            var seen = Set<String>()
            for (key, _) in members where !seen.insert(key).inserted {
                throw Problem(text: "The key \"\(Sanitize.line(String(key.prefix(40))))\" is given twice. Please send each key once.")
            }
        }
        switch value["op"]?.string {
        case "answer":
            guard let v = value["value"] else { throw Problem(text: "An answer needs a value, like {\"op\":\"answer\",\"value\":\"yes\"}.") }
            guard let typed = Self.input(v) else { throw Problem(text: "An answer's value is a string, a number, true or false, or a list of those.") }
            // A program passing on what a person typed must never run a command by it. The answer is
            // cleaned first, as every line is: a control, an escape sequence or a bidi mark before a
            // "/" is gone by the time the plan or the room reads it. Every string counts, each item
            // of a list too (a room reads a list as its items joined, a plan's list keeps each).
            let input = typed.sanitized
            if input.startsWithCommand {
                throw Problem(text: "An answer cannot start with /. To run a command, send {\"op\":\"command\",\"name\":\"back\"} or {\"op\":\"line\",\"text\":\"/back\"}.")
            }
            let step = value["step"]
            if let step, step != .null, step.string == nil {
                throw Problem(text: "An answer's step is the question's id, as a string, like {\"op\":\"answer\",\"step\":\"energy\",\"value\":4}.")
            }
            self = .answer(input, step: step?.string)
        case "command":
            guard let name = value["name"]?.string, !name.isEmpty, !name.contains(" ") else {
                throw Problem(text: "A command needs a name, like {\"op\":\"command\",\"name\":\"back\"}.")
            }
            let word = name.hasPrefix("/") ? String(name.dropFirst()) : name
            let arg: String
            switch value["arg"] {
            case nil, .null?: arg = ""
            case .string(let text)?: arg = text
            case .number(let n)?: arg = AnswerInput.number(n).line
            default: throw Problem(text: "A command's arg is a string or a number, like {\"op\":\"command\",\"name\":\"change\",\"arg\":3}.")
            }
            self = .line(arg.isEmpty ? "/\(word)" : "/\(word) \(arg)")
        case "line":
            guard let text = value["text"]?.string else { throw Problem(text: "A line needs its text, like {\"op\":\"line\",\"text\":\"/help\"}.") }
            self = .line(text)
        case "hear":
            guard let text = value["text"]?.string else { throw Problem(text: "Words to hear need their text, like {\"op\":\"hear\",\"text\":\"hello\"}.") }
            self = .hear(Sanitize.line(text))
        case let op?:
            throw Problem(text: "I do not know the op \"\(Sanitize.line(String(op.prefix(40))))\". Use answer, command or line.")
        case nil:
            throw Problem(text: "Each object needs an op: answer, command or line.")
        }
    }

    /// A value as a typed answer: a string, a number, true or false, null (nothing typed), or a
    /// flat list of those.
    static func input(_ v: JSONValue) -> AnswerInput? {
        switch v {
        case .string(let s): return .text(s)
        case .number(let n): return .number(n)
        case .bool(let b): return .bool(b)
        case .null: return .text("")
        case .array(let items):
            var out: [AnswerInput] = []
            for item in items {
                switch item {
                case .array, .object, .null: return nil
                default: out += [input(item)!]
                }
            }
            return .list(out)
        case .object: return nil
        }
    }
}

extension AnswerInput {
    /// Whether any of its text would be read as a `/command` (as `CommandCatalogue.split` reads
    /// one: after spaces, NBSP and the like): the answer itself, or any item of a list.
    var startsWithCommand: Bool {
        switch self {
        case .text(let s): s.trimmedSpaces.hasPrefix("/")
        case .list(let items): items.contains(where: \.startsWithCommand)
        case .number, .bool: false
        }
    }
}
