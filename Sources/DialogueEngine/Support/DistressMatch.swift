/// What ``DistressMatcher`` heard in a line: words of distress, and who seems to be at risk.
public struct DistressMatch: Sendable, Equatable {
    /// Who the words are about.
    public enum Concern: String, Sendable, Equatable, Codable, CaseIterable {
        /// The person typing ("I want to die").
        case person
        /// Someone else, such as the person they care for ("my son says he wants to kill himself").
        case someoneElse = "someone-else"
        /// Both, in one line ("he says he wants to die and so do I").
        case both

        /// Whether the person typing may be at risk themselves.
        public var includesPerson: Bool { self != .someoneElse }
    }

    /// Who seems to be at risk.
    public var concern: Concern
    /// The patterns that matched, as written in the check-in file and in its order (signals,
    /// then topics): for reports and tests, never shown to the person.
    public var patterns: [String]
    /// Whether every pattern that matched is one of harm from someone else (`harm-from-others:` in
    /// the check-in file: "he hits me", "I'm scared to go home"). A line that also has other words
    /// of distress ("he hits me and I want to die") is not: the check-in then speaks of the risk to
    /// life first, and its contacts still hold the helplines for abuse.
    public var harmFromOthers: Bool
    /// Whether every pattern that matched is one of fearing to hurt someone close
    /// (`fear-of-harming:`: "I'm scared I'll hurt my baby"). The person typing is the one to help.
    public var fearOfHarming: Bool
    /// Whether every pattern that matched is one of eating, drink or drugs harming someone now
    /// (`eating-drink-drugs:`: "I haven't eaten in four days", "he's using again"). A line that also
    /// has other words of distress is not: the check-in then speaks of those first.
    public var eatingDrinkDrugs: Bool
    /// Whether no pattern heard the line and only the weighed words did (``CheckInWeights``): less
    /// sure, so the check-in says one gentle line (`maybe:` in `support.yaml`). `patterns` is then
    /// ``weighedWords``.
    public var weighed: Bool

    /// What `patterns` holds for a line only the weighed words heard.
    public static let weighedWords = "(weighed words)"

    public init(concern: Concern, patterns: [String], harmFromOthers: Bool = false, fearOfHarming: Bool = false, eatingDrinkDrugs: Bool = false, weighed: Bool = false) {
        self.concern = concern
        self.patterns = patterns
        self.harmFromOthers = harmFromOthers
        self.fearOfHarming = fearOfHarming
        self.eatingDrinkDrugs = eatingDrinkDrugs
        self.weighed = weighed
    }
}
