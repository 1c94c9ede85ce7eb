/// Before a plan starts: the menu of dialogues, and choosing one. Shared by every door.
public struct Lobby: Sendable {
    public var library: DialogueLibrary

    public init(library: DialogueLibrary) { self.library = library }

    public enum Outcome: Sendable {
        /// Show these and ask again.
        case stay([Event])
        /// Start this dialogue.
        case start(Script)
        /// Leave.
        case leave([Event])
    }

    public func greeting() -> [Event] { [.menu(library.entries)] }

    /// A line typed at the menu: a number, an id, `/start <id>`, or a command. Every line is heard:
    /// words of distress bring the check-in (`checkIns` is what this person has been shown so far),
    /// and then, once, the offer of the host when one is there (`host`).
    public func handle(_ line: String, checkIns: inout CheckInState, host: HostPresence = .none) -> Outcome {
        var text = line.trimmedSpaces
        // "help", "urgent" or "quit" typed without the slash are the commands, not a plan's name.
        if let word = Command.bareWord(text), ["help", "urgent", "quit"].contains(word) { text = "/" + word }
        if text.isEmpty { return .stay([.invalid("Type the number of the plan you would like to start.")]) }
        var word = text
        if let (typed, rest) = CommandCatalogue.split(text) {
            let command = CommandCatalogue.entry(typed)?.word
            // The words after a command are heard too ("/quit i cant do this", "/help me i want to
            // die"); `/start`'s are heard below, when they name no plan. The network's own commands
            // take codes and tokens, not words: the network door hears the words in them itself.
            let takesCodes = CommandCatalogue.entry(typed)?.networkOnly == true
            if command != "start", !takesCodes, !rest.isEmpty,
               // No offer of the host to someone leaving: there would be no one left to talk to.
               let heard = hear(rest, checkIns: &checkIns, host: command == "quit" ? .none : host) {
                switch command {
                case "quit": return .leave(heard + [.goodbye(code: nil, finished: true, saved: false)])
                case "urgent":
                    // The check-in lists every contact; a reminder does not.
                    let isCheckIn = heard.contains { if case .checkIn = $0 { true } else { false } }
                    return .stay(isCheckIn ? heard : heard + [.support(library.support)])
                default: return .stay(heard + [.notice(Self.whenReady)])
                }
            }
            switch command {
            case "start":
                guard !rest.isEmpty else { return .stay([.invalid("Type /start and the plan's number or name, like /start 1.")]) }
                word = rest
            case "dialogues": return .stay(greeting())
            case "urgent": return .stay([.support(library.support)])
            case "quit": return .leave([.goodbye(code: nil, finished: true, saved: false)])
            case "help":
                return .stay([.notice(Self.help)])
            default:
                return .stay([.invalid("First choose a plan: type its number. /urgent shows support contacts, /quit leaves.")])
            }
        }
        // A plan named by words in its title ("the safe one") only when the line has no words of
        // distress: "I am not safe" brings the check-in, never a plan.
        guard let script = library.find(word, byWords: false) else {
            if let heard = hear(text, checkIns: &checkIns, host: host) {
                return .stay(heard + [.notice(Self.whenReady)])
            }
            if let script = library.find(word) { return .start(script) }
            // "the carers one", "for staff": the plans made for them, to choose from.
            let forThem = library.plansFor(text)
            if forThem.count == 1 { return .start(library.scripts[forThem[0] - 1]) }
            if forThem.count > 1 {
                let listed = forThem.map { "\($0). \(library.scripts[$0 - 1].title)" }.joined(separator: "; ")
                return .stay([.notice("More than one plan fits: \(listed). Type the number of the one you would like to start.")])
            }
            // "im a carer for my son hes got psychosis": the words that name who a plan is for,
            // among words of their own. Offered, not started.
            let mayFit = library.plansFor(text, loosely: true)
            if !mayFit.isEmpty {
                let listed = mayFit.map { "\($0). \(library.scripts[$0 - 1].title)" }.joined(separator: "; ")
                let pick = mayFit.count == 1 ? "Type \(mayFit[0]) to start it" : "Type the number of the one you would like to start"
                return .stay([.notice("\(mayFit.count == 1 ? "This plan may fit" : "These plans may fit"): \(listed). \(pick), or another number from the list.")])
            }
            // "help me", "I need help", "what do I do?": what to do here, not 'There is no plan
            // called "help me"'.
            let words = AnswerParser.words(text)
            if words.contains("help") || text.hasSuffix("?") || words.first.map({ ["what", "which", "how", "where"].contains($0) }) == true {
                return .stay([.notice(Self.help)])
            }
            let numbers = library.scripts.count == 1 ? "Type 1 to start it." : "Type a number from 1 to \(library.scripts.count) to start one."
            return .stay([.invalid(library.unknownMessage(word) + " " + numbers)])
        }
        return .start(script)
    }

    static let help = "Type the number of a plan to start it. Inside a plan, /help shows what you can do. /urgent shows support contacts at any time. /quit leaves."

    /// After the check-in at the menu: where to go from here.
    static let whenReady = "When you are ready, type the number of a plan to start it. /urgent shows the contacts again."

    /// A line that is not a choice of plan (at the menu, or when choosing a saved plan), heard for
    /// words of distress: the check-in the first time, then the short reminder. Nil when it has none.
    /// After the full check-in, the offer of the host, once, when one is there (`host`).
    public func hear(_ line: String, checkIns: inout CheckInState, host: HostPresence = .none) -> [Event]? {
        guard let said = checkIns.event(for: line, support: library.support) else { return nil }
        return [said] + (checkIns.offer(host: host, after: said).map { [$0] } ?? [])
    }
}
