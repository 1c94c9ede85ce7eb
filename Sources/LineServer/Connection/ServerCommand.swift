/// The commands only the network door has. Every other line goes to the menu or the plan, so the
/// server shows what the terminal shows.
enum ServerCommand: Equatable {
    case resume(String)
    case mode(String)
    case host(String)
    case sessions
    case say(id: String, text: String)
    case watch(String)
    case unwatch(String)
    case share
    case unshare
    case name(String)
    /// `/room new <dialogue>`, `/room close <code>`, `/room` (a host's rooms).
    case room(String)
    /// `/join <code> <name>`
    case join(String)

    /// Reads a line; nil when it is not a server command.
    init?(line: String) {
        // Answers are most lines: turn them away before any string work.
        guard line.utf8.first(where: { $0 != 0x20 }) == UInt8(ascii: "/") else { return nil }
        let text = Self.trim(Substring(line))
        guard text.hasPrefix("/") else { return nil }
        let body = text.dropFirst()
        let word = body.prefix { $0 != " " && $0 != "\t" }.lowercased()
        let rest = String(Self.trim(body.dropFirst(word.count)))
        switch word {
        case "resume", "continue": self = .resume(rest)
        case "mode": self = .mode(rest.lowercased())
        case "host": self = .host(rest)
        case "sessions", "who": self = .sessions
        case "say", "tell":
            let parts = rest.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
            self = .say(id: parts.first.map(String.init) ?? "", text: parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : "")
        case "watch": self = .watch(rest)
        case "unwatch": self = .unwatch(rest)
        case "share": self = .share
        case "unshare": self = .unshare
        case "name": self = .name(rest)
        case "room", "rooms": self = .room(rest)
        case "join": self = .join(rest)
        default: return nil
        }
    }

    /// Without spaces and tabs at either end (cheaper than Foundation's trimming, on every command).
    static func trim(_ s: Substring) -> Substring {
        var s = s
        while let c = s.first, c == " " || c == "\t" { s.removeFirst() }
        while let c = s.last, c == " " || c == "\t" { s.removeLast() }
        return s
    }
}
