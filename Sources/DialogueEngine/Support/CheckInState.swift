/// When to speak up about words of distress, for one person: the first time, the full check-in
/// (a kind message and the contacts); after that, for every line with words of distress, a short
/// reminder with the numbers that matter most. Every line is heard and none is met with silence:
/// a later line may be the more urgent one, and once a plan is finished there is no next question
/// to wait for. (A reminder is one line; a missed line costs far more.)
///
///     var state = CheckInState()
///     state.event(for: "I want to die", support: support)     // .checkIn(...)
///     state.event(for: "kms", support: support)               // .checkInReminder(...)
public struct CheckInState: Sendable, Equatable {
    /// Whether the full check-in has been shown.
    public private(set) var shown = false
    /// Whether the person has been offered the host (`Event.talkOffer`).
    public private(set) var offered = false

    public init() {}

    /// The offer of the host, once, after the full check-in, where there is a host (`hosted`).
    public mutating func offer(hosted: Bool, after said: Event) -> Event? {
        guard hosted, !offered, case .checkIn = said else { return nil }
        offered = true
        return .talkOffer
    }

    /// What to show for a line, or nil when it has no words of distress.
    public mutating func event(for line: String, support: SupportDirectory) -> Event? {
        guard let match = support.distress(in: line) else { return nil }
        return event(for: match, support: support)
    }

    /// What to show for words of distress already heard in a line. (A session hears the line first:
    /// most lines have none, and hearing needs no change here.)
    public mutating func event(for match: DistressMatch, support: SupportDirectory) -> Event {
        guard shown else {
            shown = true
            return .checkIn(message: support.checkIn.message(for: match), support: support.shown(for: match), about: match.concern)
        }
        return .checkInReminder(message: support.checkIn.reminder(for: match), about: match.concern)
    }
}
