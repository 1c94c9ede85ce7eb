/// Every command of every door in one place: its words, where it works, and its help line. The
/// engine parses with it (`Command`, `Room`, `Lobby`), `/help` is drawn from it, the network door
/// reads its own commands with it, and every door's Tab completion offers its words. A new command
/// is one entry here, and its handling where it is used.
public enum CommandCatalogue {
    /// Where a command works.
    public struct Places: OptionSet, Sendable, Hashable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }

        /// Choosing a plan (the menu).
        public static let menu = Places(rawValue: 1 << 0)
        /// In a plan of one's own.
        public static let plan = Places(rawValue: 1 << 1)
        /// In a group room, as someone taking part.
        public static let member = Places(rawValue: 1 << 2)
        /// In a group room, as its host.
        public static let roomHost = Places(rawValue: 1 << 3)
        /// Anywhere, for someone signed in as a host (`/host`).
        public static let host = Places(rawValue: 1 << 4)

        public static let room: Places = [.member, .roomHost]
        public static let everywhere: Places = [.menu, .plan, .member, .roomHost]
    }

    /// One command.
    public struct Entry: Sendable, Equatable {
        /// The word after the `/`.
        public let word: String
        /// Other words people type for it.
        public let aliases: [String]
        /// How it is written in help, like `/change 3`.
        public let usage: String
        /// What it does, in a few plain words (the help line).
        public let help: String
        public let places: Places
        /// Only over the network (`tandem serve`), not in the terminal.
        public let networkOnly: Bool
        /// The help line in a group room, for someone taking part and for its host (nil: not listed).
        public let memberHelp: String?
        public let roomHostHelp: String?

        init(_ word: String, _ aliases: [String] = [], usage: String? = nil, _ help: String, in places: Places, network: Bool = false,
             member: String? = nil, roomHost: String? = nil) {
            self.word = word
            self.aliases = aliases
            self.usage = usage ?? "/" + word
            self.help = help
            self.places = places
            self.networkOnly = network
            self.memberHelp = member
            self.roomHostHelp = roomHost
        }
    }

    /// Every command, in the order help shows them.
    public static let all: [Entry] = [
        // The order of the plan's /help, and of a group room's.
        Entry("help", ["?", "commands"], "show these commands", in: .everywhere),
        Entry("people", [], "see who is in the group", in: .room, network: true,
              member: "see who is in the group", roomHost: "see who is in the group"),
        Entry("next", [], "show the answers so far and go on, without waiting for everyone", in: .roomHost, network: true,
              roomHost: "show the answers so far and go on, without waiting for everyone"),
        Entry("back", ["b"], "go back one step", in: [.plan, .roomHost], roomHost: "go back a question, for everyone"),
        Entry("skip", ["s"], "leave this question for now", in: [.plan, .member, .roomHost], member: "pass on a question everyone answers",
              roomHost: "leave a question for now, or pass on one everyone answers"),
        Entry("why", ["w"], "why we ask this question", in: [.plan, .member], member: "why this question is asked"),
        Entry("review", ["r"], "see all your answers so far, numbered", in: [.plan, .member, .roomHost],
              member: "look over the group's answers", roomHost: "look over the group's answers"),
        Entry("change", ["c", "edit"], usage: "/change 3", "change answer number 3 (the numbers are in /review)", in: [.plan, .roomHost],
              roomHost: "change a group answer"),
        Entry("progress", ["p"], "see how far you have got", in: [.plan, .member]),
        Entry("export", ["e"], "see your plan (/export markdown, /export json; add a file name to save it)", in: [.plan, .member, .roomHost],
              member: "see the group's plan", roomHost: "see the group's plan"),
        Entry("urgent", ["help-now", "support", "sos"], "support contacts, right now", in: .everywhere,
              member: "show support contacts", roomHost: "show support contacts"),
        Entry("pause", ["save"], "stop for now and carry on later", in: [.plan, .member, .roomHost]),
        Entry("quit", ["exit", "q", "stop"], "finish this session", in: .everywhere,
              member: "leave the group", roomHost: "close the room for everyone (the plan is saved)"),
        // Choosing a plan.
        Entry("start", ["plan"], usage: "/start 1", "start a plan by its number or name", in: .menu),
        Entry("dialogues", ["list", "menu"], "the plans you can start", in: .menu),
        Entry("join", [], usage: "/join CODE NAME", "join a group room with its code and your name", in: .menu, network: true),
        // The network door.
        Entry("resume", ["continue"], usage: "/resume CODE", "carry on a saved plan with its code", in: .menu, network: true),
        Entry("name", [], usage: "/name NAME", "the name the host sees", in: .everywhere, network: true),
        Entry("share", [], "let the host see the answers you give from now on", in: .everywhere, network: true),
        Entry("unshare", [], "stop sharing your answers", in: .everywhere, network: true),
        Entry("mode", [], usage: "/mode json", "talk JSON (for programs), or text", in: .everywhere, network: true),
        Entry("host", [], usage: "/host TOKEN", "become the host", in: .everywhere, network: true),
        Entry("talk", [], "ask the host to come and talk with you (only that is passed on, never your words)", in: .everywhere, network: true),
        // Hosts.
        Entry("sessions", ["who"], "everyone connected, never their answers", in: .host, network: true),
        Entry("say", ["tell"], usage: "/say ID TEXT", "a message to one person", in: .host, network: true),
        Entry("watch", [], usage: "/watch ID", "see a person's answers, if they chose to share", in: .host, network: true),
        Entry("unwatch", [], usage: "/unwatch ID", "stop seeing them", in: .host, network: true),
        Entry("room", ["rooms"], usage: "/room new PLAN", "open, list, close or resume group rooms", in: .host, network: true),
    ]

    private static let byWord: [String: Entry] = {
        var map: [String: Entry] = [:]
        for entry in all {
            for word in [entry.word] + entry.aliases where map[word] == nil { map[word] = entry }
        }
        return map
    }()

    /// The command a typed word names (its own word or an alias, any case), if any.
    public static func entry(_ typed: String) -> Entry? {
        byWord[typed.lowercased()]
    }

    /// A line split into its command word and the rest, when it is a command (`/word rest`).
    public static func split(_ line: String) -> (word: String, rest: String)? {
        let text = line.trimmedSpaces
        guard text.hasPrefix("/"), text.count > 1 else { return nil }
        let body = text.dropFirst()
        let word = body.prefix { !$0.isWhitespace }.lowercased()
        return (word, String(body.dropFirst(word.count)).trimmedSpaces)
    }

    /// The words typed after a command's word (`/skip i cant go on`: "i cant go on"), or nil when
    /// the line is not a command or has nothing after its word. Every line is heard, and a
    /// command's own words are part of the line.
    public static func argument(of line: String) -> String? {
        guard let rest = split(line)?.rest, !rest.isEmpty else { return nil }
        return rest
    }

    /// The commands that work in `place`, in help order.
    public static func entries(in place: Places, network: Bool) -> [Entry] {
        all.filter { !$0.places.isDisjoint(with: place) && (network || !$0.networkOnly) }
    }

    /// `/words` for Tab completion in `place`.
    public static func completions(in place: Places, network: Bool) -> [String] {
        entries(in: place, network: network).map { "/" + $0.word }
    }

    /// The help rows of a group room, for its host or for someone taking part.
    public static func roomHelp(host: Bool) -> [(usage: String, help: String)] {
        all.compactMap { entry in (host ? entry.roomHostHelp : entry.memberHelp).map { ("/" + entry.word, $0) } }
    }

    /// The words of the engine's own commands (for "did you mean").
    public static var planWords: [String] { entries(in: .plan, network: false).map(\.word) }
}
