/// When to speak up about words of distress, for one person: the first time, the full check-in
/// (a kind message and the contacts); after that, for every line with words of distress, a short
/// reminder with the numbers that matter most. Every line is heard and none is met with silence:
/// a later line may be the more urgent one, and once a plan is finished there is no next question
/// to wait for. (A reminder is one line; a missed line costs far more.) Lines heard only by the
/// weighed words are the exception, before a full check-in: see ``event(for:support:)-(DistressMatch,_)``.
///
///     var state = CheckInState()
///     state.event(for: "I want to die", support: support)     // .checkIn(...)
///     state.event(for: "kms", support: support)               // .checkInReminder(...)
public struct CheckInState: Sendable, Equatable {
    /// Whether the full check-in has been shown.
    public private(set) var shown = false
    /// Whether the full check-in for eating, drink or drugs (``DistressMatch/eatingDrinkDrugs``) has
    /// been shown. It does not stand for the full check-in: words of a risk to life or safety after
    /// it still bring theirs, with its message and every contact.
    public private(set) var eatingDrinkDrugsShown = false
    /// Whether the gentle line for a line only the weighed words heard has been shown.
    public private(set) var maybeShown = false
    /// Whether the person has been offered the host (`Event.talkOffer`).
    public private(set) var offered = false

    public init() {}

    /// The offer of the host, once, after the full check-in, where there is a host (`hosted`): see
    /// ``offer(host:after:)``.
    public mutating func offer(hosted: Bool, after said: Event) -> Event? {
        offer(host: hosted ? .always : .none, after: said)
    }

    /// The offer of the host, once, after the full check-in, when a host is there: `host` is asked
    /// only then. With no host there the offer is not used up: it comes after a later reminder,
    /// once a host is there (a host who signs in later is offered to someone already shown the
    /// contacts). Never after the gentle line for words only the weighed words heard.
    public mutating func offer(host: HostPresence, after said: Event) -> Event? {
        let afterCheckIn = switch said {
        case .checkIn: true
        case .checkInReminder: shown || eatingDrinkDrugsShown
        default: false
        }
        guard !offered, afterCheckIn, host.isHere else { return nil }
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
    ///
    /// A line only the weighed words heard (``DistressMatch/weighed``) is less sure: before any full
    /// check-in, it brings one gentle line (`maybe:`), once; after a full check-in, the reminder as
    /// any line would. Between the two (the gentle line said, no full check-in yet) it brings nil,
    /// so that everyday answers the weights misjudge do not bring the same line again and again.
    ///
    /// Words of eating, drink or drugs alone bring their own full check-in once, unless a full
    /// check-in has been shown already; then their reminder.
    public mutating func event(for match: DistressMatch, support: SupportDirectory) -> Event? {
        if match.weighed, !shown {
            guard !maybeShown else { return nil }
            maybeShown = true
            return .checkInReminder(message: support.checkIn.maybe(for: match), about: match.concern)
        }
        if match.eatingDrinkDrugs, !shown, !eatingDrinkDrugsShown {
            eatingDrinkDrugsShown = true
            return .checkIn(message: support.checkIn.message(for: match), support: support.shown(for: match), about: match.concern)
        }
        if match.eatingDrinkDrugs {
            return .checkInReminder(message: support.checkIn.reminder(for: match), about: match.concern)
        }
        guard shown else {
            shown = true
            return .checkIn(message: support.checkIn.message(for: match), support: support.shown(for: match), about: match.concern)
        }
        return .checkInReminder(message: support.checkIn.reminder(for: match), about: match.concern)
    }
}
