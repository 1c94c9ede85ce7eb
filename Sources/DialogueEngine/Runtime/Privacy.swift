/// Where a person's answers go, as the door they came through knows it. These words come from the
/// door, never from a dialogue's text: a dialogue cannot know whether it runs in a terminal, over an
/// encrypted connection, or in a group room (`tandem check` warns when an intro tries, D029).
public enum Privacy: Sendable, Equatable, Codable {
    /// The terminal: answers kept in the file at `store` on this computer, or not kept (nil).
    case thisComputer(store: String?)
    /// The terminal, keeping answers in the file at `store`, which other people on this computer
    /// may be able to read (its permissions; Tandem warns just before and says how to fix it).
    case thisComputerReadable(store: String)
    /// A connection to `tandem serve`: answers sent to the host's computer, and kept there when
    /// `saved`; the connection `encrypted` (TLS) or not. A host sees them only after `/share`.
    case server(saved: Bool, encrypted: Bool)
    /// A group room: everyone in it sees the group's answers and what each person types there.
    case room(saved: Bool, encrypted: Bool)
}

extension Session {
    /// An opening with the door's words about where answers go, after its first event (the intro,
    /// or "welcome back").
    public static func withPrivacy(_ privacy: Privacy?, _ opening: [Event]) -> [Event] {
        guard let privacy else { return opening }
        var events = opening
        events.insert(.privacy(privacy), at: min(1, events.count))
        return events
    }
}
