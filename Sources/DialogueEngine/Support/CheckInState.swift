/// When to speak up about words of distress, for one person: the first time, the full check-in
/// (a kind message and the contacts); after that a short reminder with the numbers that matter
/// most, at most once a question. Every line is heard; nothing is said twice at one question.
///
///     var state = CheckInState()
///     state.event(for: "I want to die", at: "mood", support: support)     // .checkIn(...)
///     state.event(for: "kms", at: "mood", support: support)               // nil: already spoken at "mood"
///     state.event(for: "I want to die", at: "helps", support: support)    // .checkInReminder(...)
public struct CheckInState: Sendable, Equatable {
    /// Whether the full check-in has been shown.
    public private(set) var shown = false
    /// The questions (step ids; "" once the plan is finished) at which something was said.
    public private(set) var steps: Set<String> = []
    /// Whether the person has been offered the host (`Event.talkOffer`).
    public private(set) var offered = false

    public init() {}

    /// The offer of the host, once, after the full check-in, where there is a host (`hosted`).
    public mutating func offer(hosted: Bool, after said: Event) -> Event? {
        guard hosted, !offered, case .checkIn = said else { return nil }
        offered = true
        return .talkOffer
    }

    /// What to show for a line typed at question `step`, or nil.
    public mutating func event(for line: String, at step: String, support: SupportDirectory) -> Event? {
        guard let match = support.distress(in: line) else { return nil }
        return event(for: match, at: step, support: support)
    }

    /// What to show for words of distress already heard in a line typed at question `step`, or nil.
    /// (A session hears the line first: most lines have none, and hearing needs no change here.)
    public mutating func event(for match: DistressMatch, at step: String, support: SupportDirectory) -> Event? {
        guard shown else {
            shown = true
            steps.insert(step)
            return .checkIn(message: support.checkIn.message(for: match.concern), support: support, about: match.concern)
        }
        guard steps.insert(step).inserted else { return nil }
        return .checkInReminder(message: support.checkIn.reminder(for: match.concern), about: match.concern)
    }
}
