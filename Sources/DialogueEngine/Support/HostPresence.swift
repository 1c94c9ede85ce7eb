/// Whether a host is there to be offered (`Event.talkOffer`): asked by the engine at the moment an
/// offer could be made (after a full check-in, not yet offered), never on an ordinary turn. The
/// door knows who is connected and answers; the engine decides whether to offer. An offer not made
/// because no host was there is not used up: a host who signs in later is offered next time.
///
///     session.host = HostPresence { hub.hasHost(besides: me) }   // a network door
///     session.host = .none                                        // one's own computer
public struct HostPresence: Sendable {
    private let ask: @Sendable () -> Bool

    public init(_ isHere: @escaping @Sendable () -> Bool) { ask = isHere }

    /// No host can be there (the terminal, a transcript).
    public static let none = HostPresence { false }
    /// A host is always there (tests).
    public static let always = HostPresence { true }

    /// Whether a host is there now.
    public var isHere: Bool { ask() }
}
