import DialogueEngine

/// The commands only the network door has (see `CommandCatalogue`: the entries marked network,
/// other than a group room's own). Every other line goes to the menu, the plan or the room, so the
/// network shows what the terminal shows.
public enum NetworkCommand: Equatable, Sendable {
    case resume(String)
    /// `/mode json`, `/mode text`, as typed (any case); a JSON client may add what it is.
    case mode(String)
    case host(String)
    case sessions
    case say(id: String, text: String)
    case watch(String)
    case unwatch(String)
    case share
    case unshare
    case name(String)
    /// `/room new <dialogue>`, `/room close <code>`, `/room resume <code>`, `/room` (a host's rooms).
    case room(String)
    /// `/join <code> <name>`
    case join(String)
    /// `/talk`: the person would like the host to come and talk with them.
    case talk(String)

    /// Reads a line; nil when it is not one of the network's own commands.
    public init?(line: String) {
        // Answers are most lines: turn them away before any string work. A line that starts with
        // a non-ASCII character may still be a command after a no-break or other Unicode space
        // (`CommandCatalogue.split` trims those, for the plan's commands too).
        guard let first = line.utf8.first(where: { $0 != 0x20 && $0 != 0x09 }), first == UInt8(ascii: "/") || first >= 0x80 else { return nil }
        guard let (typed, rest) = CommandCatalogue.split(line), let entry = CommandCatalogue.entry(typed), entry.networkOnly else { return nil }
        switch entry.word {
        case "resume": self = .resume(rest)
        case "mode": self = .mode(rest)
        case "host": self = .host(rest)
        case "sessions": self = .sessions
        case "say":
            let parts = rest.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
            self = .say(id: parts.first.map(String.init) ?? "", text: parts.count > 1 ? String(parts[1]).trimmedSpaces : "")
        case "watch": self = .watch(rest)
        case "unwatch": self = .unwatch(rest)
        case "share": self = .share
        case "unshare": self = .unshare
        case "name": self = .name(rest)
        case "room": self = .room(rest)
        case "join": self = .join(rest)
        case "talk": self = .talk(rest)
        default: return nil  // a group room's own (/people, /next): the room reads those
        }
    }
}

extension NetworkCommand {
    /// What follows `/mode`, read as the mode asked for (`json` or `text`, lowercased; nil when the
    /// first word is neither) and the words after it, trimmed. `/mode json I want to die`:
    /// ("json", "I want to die"); `/mode plain kill myself`: (nil, "plain kill myself"). The words
    /// are a person's own and are heard, as every line is (`tandem connect` passes them on too).
    public static func modeWords(_ rest: String) -> (mode: String?, words: String) {
        let parts = rest.trimmedSpaces.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard let first = parts.first else { return (nil, "") }
        let mode = first.lowercased()
        guard mode == "json" || mode == "text" else { return (nil, rest.trimmedSpaces) }
        return (mode, parts.count > 1 ? String(parts[1]).trimmedSpaces : "")
    }
}
