import DialogueEngine

/// Everything a network door sends, in either mode: text for people (the same words the terminal
/// shows), JSON objects for programs. One type, so every door (a line connection, a web page) and
/// `tandem connect` encode and read it the same way.
public enum ServerMessage: Sendable, Equatable {
    /// What a plan, the menu or a group room says (rendered by `TextRenderer` or `JSONRenderer`).
    case events([Event])
    /// The server's own words (not an error).
    case note(String)
    /// An error: words for people, a code for programs; `close` when the connection closes after it.
    case error(code: Int, text: String, close: Bool)
    /// The first object in JSON mode: what this server is and allows.
    case hello(Hello)
    /// `/sessions` (hosts): every connection, never an answer.
    case sessions([ConnectionSnapshot])
    /// Something about a person a host watches.
    case watched(WatchEvent)
    /// A host's `/say`, to one person.
    case fromHost(String)
    /// `/room` (hosts): the open group rooms.
    case rooms([RoomListing])
}

/// What a JSON-mode client learns first.
public struct Hello: Sendable, Equatable {
    public var id: String
    public var server: String
    public var saved: Bool
    public var limits: [(key: String, value: JSONValue)]

    public init(id: String, server: String, saved: Bool, limits: [(key: String, value: JSONValue)]) {
        self.id = id
        self.server = server
        self.saved = saved
        self.limits = limits
    }

    public static func == (a: Hello, b: Hello) -> Bool {
        a.id == b.id && a.server == b.server && a.saved == b.saved && JSONValue.object(a.limits) == JSONValue.object(b.limits)
    }

    public static let capabilities = ["resume", "host", "share", "watch", "name", "naws", "rooms", "hear"]
}

/// One open group room, as a host's `/room` lists it.
public struct RoomListing: Sendable, Equatable {
    public var code: String
    public var dialogue: String
    public var title: String
    public var people: [String]
    public var finished: Bool
    /// Its host's connection has dropped: the room waits for them (`/room resume` takes it back).
    public var waitingForHost: Bool

    public init(code: String, dialogue: String, title: String, people: [String], finished: Bool, waitingForHost: Bool = false) {
        self.code = code
        self.dialogue = dialogue
        self.title = title
        self.people = people
        self.finished = finished
        self.waitingForHost = waitingForHost
    }
}

/// Something a host should hear about a person they watch.
public struct WatchEvent: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// An answer given or changed after sharing began; `answer` nil when it was skipped.
        /// `withheld` when part of it was given before sharing and is left out.
        case answered(step: String, question: String, answer: String?, withheld: Bool)
        case stoppedSharing
        case left

        /// The person is gone or stopped sharing: the host no longer watches them.
        public var isLeaving: Bool {
            switch self {
            case .answered: false
            case .stoppedSharing, .left: true
            }
        }
    }

    public var id: String
    public var name: String?
    public var kind: Kind

    public init(id: String, name: String?, kind: Kind) {
        self.id = id
        self.name = name
        self.kind = kind
    }
}

/// One line of `/sessions`: never an answer.
public struct ConnectionSnapshot: Sendable, Equatable {
    public var id: String
    public var name: String?
    public var isHost: Bool
    public var dialogue: String?
    public var progress: Progress?
    public var finished: Bool
    public var idleSeconds: Int
    public var sharing: Bool
    public var json: Bool
    /// What a JSON-mode client said it is; nil for a program that did not say.
    public var client: String?

    public init(id: String, name: String?, isHost: Bool, dialogue: String?, progress: Progress?, finished: Bool, idleSeconds: Int, sharing: Bool, json: Bool, client: String? = nil) {
        self.id = id
        self.name = name
        self.isHost = isHost
        self.dialogue = dialogue
        self.progress = progress
        self.finished = finished
        self.idleSeconds = idleSeconds
        self.sharing = sharing
        self.json = json
        self.client = client
    }
}
