import Foundation

/// The engine-wide commands every door offers. Authors never write these.
public enum Command: Equatable, Sendable {
    case help, back, skip, review, progress, why, urgent, pause, quit
    case change(String)
    case export(ExportFormat, path: String?)
    case unknown(String)
    case bad(String)

    /// Command words, for help and Tab completion (see `CommandCatalogue`).
    public static var names: [String] { CommandCatalogue.planWords }

    /// What each command does, in the order help shows them.
    public static var descriptions: [(String, String)] {
        CommandCatalogue.entries(in: .plan, network: false).map { ($0.usage, $0.help) }
    }

    /// Reads a line that starts with `/`; nil for anything else (an answer).
    /// `writesFiles`: whether the door can write a file at all. Where it cannot (over the network),
    /// `/export plan.pdf` is an export to a file like any other, so the person hears that no file
    /// can be saved there, not which kinds of file could be.
    public init?(line: String, writesFiles: Bool = true) {
        guard let (typed, rest) = CommandCatalogue.split(line) else { return nil }
        guard let entry = CommandCatalogue.entry(typed), entry.places.contains(.plan) || entry.word == "help" else {
            self = .unknown(typed)
            return
        }
        switch entry.word {
        case "help": self = .help
        case "back": self = .back
        case "skip": self = .skip
        case "review": self = .review
        case "progress": self = .progress
        case "why": self = .why
        case "urgent": self = .urgent
        case "pause": self = .pause
        case "quit": self = .quit
        case "change": self = .change(rest)
        case "export":
            let parts = rest.split(separator: " ", maxSplits: 1).map(String.init)
            guard let first = parts.first else {
                self = .export(.text, path: nil)
                return
            }
            guard let format = ExportFormat(word: first) else {
                // A file's name on its own, like "/export plan.txt": its ending says the format.
                let name = Self.unquoted(rest)
                if name.contains(".") || name.contains("/") || name.hasPrefix("~") {
                    // "/export plan.pdf" wrote plain text into a file called plan.pdf.
                    if writesFiles, let cannot = ExportFormat.cannotMake(name) {
                        self = .bad(cannot)
                        return
                    }
                    self = .export(ExportFormat(fileName: name), path: name)
                    return
                }
                self = .bad("I can show your plan as text, markdown or json, like /export markdown. To save it in a file, add the file's name, like /export text my-plan.txt.")
                return
            }
            self = .export(format, path: parts.count > 1 ? Self.unquoted(parts[1]) : nil)
        default: self = .unknown(typed)
        }
    }

    /// A command's word typed on its own, without the slash ("skip", "Help!", "urgent"): people
    /// type them so. Taken as an answer, "skip" would go into the plan as what they said. Only the
    /// words that need nothing after them; nil for anything else (an answer).
    /// `pause` and `quit` stop the plan, and at a question that takes words they may be the answer
    /// ("quit" smoking, at "What would you like to change?"): there (`mayBeAnswer`) they are kept as
    /// typed, and `/quit` still stops. Where no answer could be those words (a choice, a score, a
    /// date, a yes or no), they stop the plan as the command does.
    public init?(bareWord line: String, mayBeAnswer: Bool = false) {
        guard let word = Self.bareWord(line), !(mayBeAnswer && Self.leavingWords.contains(word)),
              let command = Command(line: "/" + word) else { return nil }
        self = command
    }

    /// The command word in a line that is only that word, without its slash; nil for anything else.
    public static func bareWord(_ line: String) -> String? {
        // Every line comes here: one longer than any of them with a few spaces and marks ("progress!!")
        // is let go at once, as Foundation's trimming cost a turn about 30,000 instructions.
        guard line.utf8.count <= 16 else { return nil }
        // A line of ASCII is read as bytes: spaces and tabs trimmed, then ".!?", in small letters.
        if line.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes = Array(line.utf8)[...]
            while let b = bytes.first, b == 0x20 || b == 0x09 { bytes.removeFirst() }
            while let b = bytes.last, b == 0x20 || b == 0x09 { bytes.removeLast() }
            let mark = { (b: UInt8) in b == UInt8(ascii: ".") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?") }
            while let b = bytes.first, mark(b) { bytes.removeFirst() }
            while let b = bytes.last, mark(b) { bytes.removeLast() }
            let word = String(decoding: bytes.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
            return bareWords.contains(word) ? word : nil
        }
        let word = line.trimmingCharacters(in: .whitespaces).lowercased().trimmingCharacters(in: Self.endMarks)
        return bareWords.contains(word) ? word : nil
    }

    private static let endMarks = CharacterSet(charactersIn: ".!?")

    static let bareWords: Set<String> = ["help", "skip", "urgent", "back", "why", "review", "progress", "pause", "quit"]
    /// The bare words that stop the plan (see ``init(bareWord:mayBeAnswer:)``).
    static let leavingWords: Set<String> = ["pause", "quit"]

    /// A file's name as people quote one with spaces in it (`"my plan.md"`, `'my plan.md'`, or the
    /// curly quotes a phone or word processor puts in): the quotes are not part of the name.
    static func unquoted(_ name: String) -> String {
        let pairs: [(Character, Character)] = [("\"", "\""), ("'", "'"), ("\u{201C}", "\u{201D}"), ("\u{2018}", "\u{2019}")]
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard trimmed.count >= 2, let first = trimmed.first, let last = trimmed.last,
              pairs.contains(where: { $0.0 == first && $0.1 == last }) else { return trimmed }
        return String(trimmed.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
    }
}
