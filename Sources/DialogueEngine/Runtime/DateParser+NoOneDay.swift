/// Words people give for "when" that name no one day: "soon", "asap", "when i can", "half term"
/// (on different days in different areas), "payday". They were told "I could not read that as a
/// date", as if they had typed it wrong. They are told why no day can be kept, and what would work.
/// Only read once a line is no date, so the dates people type pay nothing for it.
extension DateParser {
    /// The reply for a "when" that names no one day, or nil when the line is not one.
    public static func noOneDay(_ input: String) -> String? {
        guard let kind = vagueKind(input) else { return nil }
        switch kind {
        case .soon:
            return "Soon could be many different days, so I cannot keep it as a date. Please choose a day, like next friday, in 2 weeks or 1/3. You can change it later."
        case .whenReady:
            return "That is fine. There is no rush. If you can, choose a day to aim for, like next friday or in 2 weeks. You can change it later."
        case .differsByArea(let what):
            return "\(what) on different days in different areas, so I cannot tell which day you mean. Please type the day, like next monday, or the date, like 1/3."
        case .yours(let what):
            return "I do not know when \(what) is. Please type the day, like next friday, or the date, like 1/3."
        }
    }

    /// "when i can", "whenever", "when i'm ready": said by someone who may not be able to choose a
    /// day yet, so they are told they can leave the question for now.
    public static func leftOpen(_ input: String) -> Bool {
        if case .whenReady? = vagueKind(input) { return true }
        return false
    }

    enum Vague: Equatable {
        case soon
        case whenReady
        case differsByArea(String)
        case yours(String)
    }

    static func vagueKind(_ input: String) -> Vague? {
        // Long lines are someone's own words, not a "when".
        guard input.utf8.count <= 60 else { return nil }
        var words = AnswerParser.words(input)
        // "by half term", "before payday", "asap please", "soon i hope": the same "when".
        while words.count > 1, let first = words.first, vagueLeads.contains(first) { words.removeFirst() }
        words.removeTrailing(vagueTails)
        if words.count > 1, words.last == "ish" { words.removeLast() }
        guard !words.isEmpty else { return nil }
        if soonPhrases.contains(words) { return .soon }
        if readyPhrases.contains(words) { return .whenReady }
        if let what = areaPhrases[words] { return .differsByArea(what) }
        if let what = yoursPhrases[words] { return .yours(what) }
        return nil
    }

    static let vagueLeads: Set<String> = [
        "by", "at", "in", "on", "over", "during", "around", "about", "before", "after", "until", "till", "til", "for",
        "the", "next", "this", "just", "hopefully", "ideally", "probably", "maybe", "um", "erm", "well", "ok", "so", "very",
        "really", "as",
    ]
    static let vagueTails: [[String]] = [
        ["please"], ["pls"], ["plz"], ["hopefully"], ["i", "hope"], ["i", "think"], ["i", "guess"], ["x"], ["really"], ["then"],
        ["if", "possible"], ["if", "i", "can"],
    ]

    static let soonPhrases: Set<[String]> = [
        ["soon"], ["soonish"], ["asap"], ["a", "s", "a", "p"], ["soon", "as", "possible"], ["soon", "as", "i", "can"], ["soon", "as"],
        ["quickly", "as", "possible"], ["shortly"], ["a", "bit"], ["a", "while"], ["a", "little", "while"], ["not", "long"],
        ["any", "day", "now"], ["some", "point"], ["some", "stage"], ["sometime"], ["some", "time"], ["one", "day"], ["someday"],
        ["eventually"], ["later"], ["later", "on"], ["the", "future"], ["future"], ["near", "future"], ["a", "few", "weeks", "or", "months"],
        ["straight", "away"], ["right", "away"], ["now", "ish"], ["quick"], ["quickly"],
    ]
    static let readyPhrases: Set<[String]> = [
        ["when", "i", "can"], ["whenever", "i", "can"], ["when", "possible"], ["whenever", "possible"], ["whenever"],
        ["when", "i'm", "ready"], ["when", "im", "ready"], ["when", "i", "am", "ready"], ["when", "i", "feel", "ready"],
        ["when", "i", "feel", "better"], ["when", "i", "feel", "up", "to", "it"], ["when", "i'm", "up", "to", "it"],
        ["when", "im", "up", "to", "it"], ["when", "i", "have", "time"], ["when", "i've", "got", "time"], ["when", "ive", "got", "time"],
        ["when", "i", "get", "a", "chance"], ["when", "i", "get", "the", "chance"], ["when", "i", "get", "time"],
        ["when", "i", "get", "round", "to", "it"], ["when", "i", "get", "around", "to", "it"], ["when", "i", "can", "manage", "it"],
        ["when", "i", "can", "manage"], ["when", "i", "feel", "like", "it"], ["when", "we", "can"], ["whenever", "we", "can"],
        ["when", "ready"], ["when", "needed"], ["no", "rush"], ["no", "hurry"], ["in", "my", "own", "time"], ["my", "own", "time"],
        ["own", "time"], ["when", "the", "time", "is", "right"], ["when", "it", "feels", "right"],
    ]
    /// What differs by area, said as the start of "… are on different days in different areas".
    static let areaPhrases: [[String]: String] = [
        ["half", "term"]: "Half term is", ["halfterm"]: "Half term is", ["half", "term", "holiday"]: "Half term is",
        ["half", "term", "holidays"]: "Half term is", ["end", "of", "term"]: "The end of term is", ["end", "term"]: "The end of term is",
        ["start", "of", "term"]: "The start of term is", ["new", "term"]: "The new term is", ["school", "holidays"]: "School holidays are",
        ["school", "hols"]: "School holidays are", ["holidays"]: "The holidays are", ["hols"]: "The holidays are",
        ["summer", "holidays"]: "Summer holidays are", ["easter", "holidays"]: "Easter holidays are",
        ["christmas", "holidays"]: "Christmas holidays are", ["easter", "hols"]: "Easter holidays are",
        ["christmas", "hols"]: "Christmas holidays are", ["xmas", "hols"]: "Christmas holidays are", ["summer", "hols"]: "Summer holidays are",
        ["term", "time"]: "Term dates are", ["term"]: "Term dates are",
    ]
    /// What only the person knows, said as "I do not know when … is".
    static let yoursPhrases: [[String]: String] = [
        ["payday"]: "your payday", ["pay", "day"]: "your payday", ["i", "get", "paid"]: "your payday",
        ["when", "i", "get", "paid"]: "your payday",
        ["my", "birthday"]: "your birthday", ["birthday"]: "your birthday", ["my", "appointment"]: "your appointment",
        ["my", "next", "appointment"]: "your next appointment", ["appointment"]: "your appointment",
        ["my", "review"]: "your review", ["my", "holiday"]: "your holiday", ["holiday"]: "your holiday",
    ]
}
