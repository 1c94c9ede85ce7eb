import DialogueEngine

/// The commands only the network door has (see `CommandCatalogue`: the entries marked network,
/// other than a group room's own). Every other line goes to the menu, the plan or the room, so the
/// network shows what the terminal shows.
public enum NetworkCommand: Equatable, Sendable {
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
        case "mode": self = .mode(rest.lowercased())
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
