/// The engine-wide commands every door offers. Authors never write these.
public enum Command: Equatable, Sendable {
    case help, back, skip, review, progress, why, urgent, pause, quit
    case change(String)
    case export(ExportFormat, path: String?)
    case unknown(String)
    case bad(String)

    /// Command words, for help and Tab completion.
    public static let names = ["help", "back", "skip", "review", "change", "progress", "why", "urgent", "export", "pause", "quit"]

    /// What each command does, in the order help shows them.
    public static let descriptions: [(String, String)] = [
        ("/help", "show these commands"),
        ("/back", "go back one step"),
        ("/skip", "leave this question for now"),
        ("/why", "why we ask this question"),
        ("/review", "see all your answers so far, numbered"),
        ("/change 3", "change answer number 3 (the numbers are in /review)"),
        ("/progress", "see how far you have got"),
        ("/export", "see your plan (/export markdown, /export json; add a file name to save it)"),
        ("/urgent", "support contacts, right now"),
        ("/pause", "stop for now and carry on later"),
        ("/quit", "finish this session"),
    ]

    /// Reads a line that starts with `/`; nil for anything else (an answer).
    public init?(line: String) {
        let text = line.trimmedSpaces
        guard text.hasPrefix("/"), text.count > 1 else { return nil }
        let body = text.dropFirst()
        let word = body.prefix { !$0.isWhitespace }.lowercased()
        let rest = String(body.dropFirst(word.count)).trimmedSpaces
        switch word {
        case "help", "?", "commands": self = .help
        case "back", "b": self = .back
        case "skip", "s": self = .skip
        case "review", "r": self = .review
        case "progress", "p": self = .progress
        case "why", "w": self = .why
        case "urgent", "help-now", "support", "sos": self = .urgent
        case "pause", "save": self = .pause
        case "quit", "exit", "q", "stop": self = .quit
        case "change", "c", "edit": self = .change(rest)
        case "export", "e":
            let parts = rest.split(separator: " ", maxSplits: 1).map(String.init)
            guard let first = parts.first else {
                self = .export(.text, path: nil)
                return
            }
            guard let format = ExportFormat(word: first) else {
                self = .bad("I can export as text, markdown or json, like /export markdown.")
                return
            }
            self = .export(format, path: parts.count > 1 ? parts[1] : nil)
        default: self = .unknown(String(word))
        }
    }
}
