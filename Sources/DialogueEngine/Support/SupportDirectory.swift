/// The support contacts `/urgent` and every exported plan show, the words of the check-in, and the
/// matcher that hears words of distress (see ``DistressMatcher``).
public struct SupportDirectory: Sendable, Equatable, Codable {
    /// One service people can contact.
    public struct Contact: Sendable, Equatable, Codable {
        public var name: String
        /// How to get in touch ("Call 116 123").
        public var reach: String
        /// Who it is for, when it is open.
        public var note: String?
        /// When someone last checked this contact against its `source`.
        public var checked: SimpleDate?
        /// Where it was checked: the service's own published page, named ("samaritans.org").
        public var source: String?

        public init(name: String, reach: String, note: String? = nil, checked: SimpleDate? = nil, source: String? = nil) {
            self.name = name
            self.reach = reach
            self.note = note
            self.checked = checked
            self.source = source
        }
    }

    /// A group of contacts ("Anywhere in the UK", "Scotland").
    public struct Area: Sendable, Equatable, Codable {
        public var id: String
        public var title: String
        public var contacts: [Contact]

        public init(id: String, title: String, contacts: [Contact]) {
            self.id = id
            self.title = title
            self.contacts = contacts
        }
    }

    /// What the check-in says. The first time words of distress are heard, the message and the
    /// contacts; after that, a short reminder with the numbers that matter most, for every such line.
    /// Words of harm from someone else ("he hits me", `DistressMatch.harmFromOthers`) have words of
    /// their own and bring the areas in `harmAreas` first; so do words of fearing to hurt someone
    /// close (`DistressMatch.fearOfHarming`), with the areas as written; and words of eating, drink
    /// or drugs harming someone now (`DistressMatch.eatingDrinkDrugs`), with the areas in
    /// `eatingDrinkDrugsAreas` first.
    public struct CheckInWords: Sendable, Equatable, Codable {
        /// When the words seem to be about the person typing.
        public var person: String
        /// When they seem to be about someone else (the person they care for, a friend).
        public var someoneElse: String
        public var reminder: String
        public var reminderSomeoneElse: String
        /// When the words are of someone hurting or frightening the person typing.
        public var harmed: String
        /// When they are of someone hurting someone else ("he hits the kids").
        public var someoneElseHarmed: String
        public var reminderHarmed: String
        public var reminderSomeoneElseHarmed: String
        /// When the words are of fearing to hurt someone close ("I'm scared I'll hurt my baby").
        public var fearOfHarming: String
        public var reminderFearOfHarming: String
        /// When the words are of eating, drink or drugs harming the person typing now ("I haven't
        /// eaten in days", "I've started drinking again").
        public var eatingDrinkDrugs: String
        /// When they are of eating, drink or drugs harming someone else ("my son is using again").
        public var someoneElseEatingDrinkDrugs: String
        public var reminderEatingDrinkDrugs: String
        public var reminderSomeoneElseEatingDrinkDrugs: String
        /// When only the weighed words heard the line (``CheckInWeights``), less surely: one short,
        /// gentle line, once.
        public var maybe: String
        public var maybeSomeoneElse: String
        /// The ids of the areas shown first, in this order, with a check-in about harm from someone
        /// else (the emergency area and the helplines for abuse); the others follow as written.
        public var harmAreas: [String]
        /// The ids of the areas shown first, in this order, with a check-in about eating, drink or
        /// drugs (their helplines); the others follow as written.
        public var eatingDrinkDrugsAreas: [String]

        public init(
            person: String, someoneElse: String, reminder: String, reminderSomeoneElse: String,
            harmed: String? = nil, someoneElseHarmed: String? = nil, reminderHarmed: String? = nil, reminderSomeoneElseHarmed: String? = nil,
            fearOfHarming: String? = nil, reminderFearOfHarming: String? = nil, maybe: String? = nil, maybeSomeoneElse: String? = nil,
            harmAreas: [String] = [], eatingDrinkDrugs: String? = nil, someoneElseEatingDrinkDrugs: String? = nil,
            reminderEatingDrinkDrugs: String? = nil, reminderSomeoneElseEatingDrinkDrugs: String? = nil, eatingDrinkDrugsAreas: [String] = []
        ) {
            self.person = person
            self.someoneElse = someoneElse
            self.reminder = reminder
            self.reminderSomeoneElse = reminderSomeoneElse
            self.harmed = harmed ?? Self.harmedFallback
            self.someoneElseHarmed = someoneElseHarmed ?? Self.someoneElseHarmedFallback
            self.reminderHarmed = reminderHarmed ?? Self.reminderHarmedFallback
            self.reminderSomeoneElseHarmed = reminderSomeoneElseHarmed ?? Self.reminderSomeoneElseHarmedFallback
            self.fearOfHarming = fearOfHarming ?? Self.fearOfHarmingFallback
            self.reminderFearOfHarming = reminderFearOfHarming ?? Self.reminderFearOfHarmingFallback
            self.maybe = maybe ?? Self.maybeFallback
            self.maybeSomeoneElse = maybeSomeoneElse ?? Self.maybeSomeoneElseFallback
            self.harmAreas = harmAreas
            self.eatingDrinkDrugs = eatingDrinkDrugs ?? Self.eatingDrinkDrugsFallback
            self.someoneElseEatingDrinkDrugs = someoneElseEatingDrinkDrugs ?? Self.someoneElseEatingDrinkDrugsFallback
            self.reminderEatingDrinkDrugs = reminderEatingDrinkDrugs ?? Self.reminderEatingDrinkDrugsFallback
            self.reminderSomeoneElseEatingDrinkDrugs = reminderSomeoneElseEatingDrinkDrugs ?? Self.reminderSomeoneElseEatingDrinkDrugsFallback
            self.eatingDrinkDrugsAreas = eatingDrinkDrugsAreas
        }

        private enum CodingKeys: String, CodingKey {
            case person, someoneElse, reminder, reminderSomeoneElse, harmed, someoneElseHarmed, reminderHarmed, reminderSomeoneElseHarmed
            case fearOfHarming, reminderFearOfHarming, maybe, maybeSomeoneElse, harmAreas
            case eatingDrinkDrugs, someoneElseEatingDrinkDrugs, reminderEatingDrinkDrugs, reminderSomeoneElseEatingDrinkDrugs, eatingDrinkDrugsAreas
        }

        /// Reads words written before there were words for harm from others, fear of harming, or
        /// eating, drink and drugs, too.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            self.init(
                person: try c.decode(String.self, forKey: .person), someoneElse: try c.decode(String.self, forKey: .someoneElse),
                reminder: try c.decode(String.self, forKey: .reminder), reminderSomeoneElse: try c.decode(String.self, forKey: .reminderSomeoneElse),
                harmed: try c.decodeIfPresent(String.self, forKey: .harmed),
                someoneElseHarmed: try c.decodeIfPresent(String.self, forKey: .someoneElseHarmed),
                reminderHarmed: try c.decodeIfPresent(String.self, forKey: .reminderHarmed),
                reminderSomeoneElseHarmed: try c.decodeIfPresent(String.self, forKey: .reminderSomeoneElseHarmed),
                fearOfHarming: try c.decodeIfPresent(String.self, forKey: .fearOfHarming),
                reminderFearOfHarming: try c.decodeIfPresent(String.self, forKey: .reminderFearOfHarming),
                maybe: try c.decodeIfPresent(String.self, forKey: .maybe),
                maybeSomeoneElse: try c.decodeIfPresent(String.self, forKey: .maybeSomeoneElse),
                harmAreas: try c.decodeIfPresent([String].self, forKey: .harmAreas) ?? [],
                eatingDrinkDrugs: try c.decodeIfPresent(String.self, forKey: .eatingDrinkDrugs),
                someoneElseEatingDrinkDrugs: try c.decodeIfPresent(String.self, forKey: .someoneElseEatingDrinkDrugs),
                reminderEatingDrinkDrugs: try c.decodeIfPresent(String.self, forKey: .reminderEatingDrinkDrugs),
                reminderSomeoneElseEatingDrinkDrugs: try c.decodeIfPresent(String.self, forKey: .reminderSomeoneElseEatingDrinkDrugs),
                eatingDrinkDrugsAreas: try c.decodeIfPresent([String].self, forKey: .eatingDrinkDrugsAreas) ?? [])
        }

        /// The first check-in's words for what was heard.
        public func message(for match: DistressMatch) -> String {
            if match.fearOfHarming { return fearOfHarming }
            if match.eatingDrinkDrugs { return match.concern == .someoneElse ? someoneElseEatingDrinkDrugs : eatingDrinkDrugs }
            return switch (match.harmFromOthers, match.concern == .someoneElse) {
            case (true, true): someoneElseHarmed
            case (true, false): harmed
            case (false, true): someoneElse
            case (false, false): person
            }
        }

        /// The gentle line for a line only the weighed words heard.
        public func maybe(for match: DistressMatch) -> String {
            match.concern == .someoneElse ? maybeSomeoneElse : maybe
        }

        /// A later reminder's words for what was heard.
        public func reminder(for match: DistressMatch) -> String {
            if match.fearOfHarming { return reminderFearOfHarming }
            if match.eatingDrinkDrugs { return match.concern == .someoneElse ? reminderSomeoneElseEatingDrinkDrugs : reminderEatingDrinkDrugs }
            return switch (match.harmFromOthers, match.concern == .someoneElse) {
            case (true, true): reminderSomeoneElseHarmed
            case (true, false): reminderHarmed
            case (false, true): reminderSomeoneElse
            case (false, false): reminder
            }
        }

        /// The first check-in's words for who seems to be at risk, for words of distress that are
        /// neither of harm from others nor of fear of harming (`message(for:)` with the match reads all).
        public func message(for concern: DistressMatch.Concern) -> String {
            concern == .someoneElse ? someoneElse : person
        }

        /// A later reminder's words for who seems to be at risk.
        public func reminder(for concern: DistressMatch.Concern) -> String {
            concern == .someoneElse ? reminderSomeoneElse : reminder
        }

        static let harmedFallback = """
            Some words you wrote sound like someone may be hurting you or frightening you, or you may not feel safe at home.
            That is not your fault, and you do not have to face it alone. The people below can help.
            If you are in danger right now, call 999. On a mobile, if you cannot speak, stay on the line and press 55 when asked.
            Tandem cannot send help, and it does not tell anyone about this.
            """
        static let someoneElseHarmedFallback = """
            It sounds like you are worried that someone is being hurt or frightened by another person.
            That is a lot to carry. The people below can help you, and them.
            If anyone is in danger right now, call 999.
            Tandem cannot send help, and it does not tell anyone about this.
            """
        static let reminderHarmedFallback = "If you are in danger, call 999. On a mobile, if you cannot speak, press 55 when asked. Type /urgent for helplines."
        static let reminderSomeoneElseHarmedFallback = "If anyone is in danger, call 999. Type /urgent for helplines."
        static let fearOfHarmingFallback = """
            Some words you wrote sound like you are frightened you might hurt someone close to you.
            Thoughts like this can be very scary, and having them does not make you a bad person. You do not have to face this alone. The people below can help, and they will listen.
            If someone is in danger right now, call 999.
            Tandem cannot send help, and it does not tell anyone about this.
            """
        static let reminderFearOfHarmingFallback = "If someone is in danger, call 999. You can also call NHS 111 and choose option 2, or Samaritans on 116 123. Type /urgent for more."

        static let eatingDrinkDrugsFallback = """
            Some words you wrote sound like eating, or drink or drugs, may be harming you right now.
            That can be very hard, and it is not your fault. You do not have to face it alone. The people below can help, and they will listen.
            If you feel unwell or unsafe right now, call 999, or NHS 111.
            Tandem cannot send help, and it does not tell anyone about this.
            """
        static let someoneElseEatingDrinkDrugsFallback = """
            It sounds like you are worried that eating, or drink or drugs, may be harming someone right now.
            That is a lot to carry. The people below can help you, and them.
            If they are unwell or unsafe right now, call 999, or NHS 111.
            Tandem cannot send help, and it does not tell anyone about this.
            """
        static let reminderEatingDrinkDrugsFallback = "If you feel unwell or unsafe, call 999 or NHS 111. Type /urgent for helplines for eating, drink and drugs."
        static let reminderSomeoneElseEatingDrinkDrugsFallback = "If they are unwell or unsafe, call 999 or NHS 111. Type /urgent for helplines for eating, drink and drugs."

        static let maybeFallback = "If any of what you wrote is about you or someone else not being safe, or someone hurting or controlling you, you do not have to face it alone. If anyone is in danger now, call 999. To talk, call Samaritans free on 116 123, day or night, or NHS 111 and choose option 2. Type /urgent to see more people who can help."
        static let maybeSomeoneElseFallback = "If you are worried that someone is not safe, you do not have to carry it alone. If they are in danger now, call 999. To talk it through, call Samaritans free on 116 123, day or night, or NHS 111 and choose option 2. Type /urgent to see more people who can help."

        /// Used when `support.yaml` is missing or does not say.
        public static let fallback = CheckInWords(
            person: """
                Some words you wrote sound like you may not be safe, or might be thinking about ending your life or hurting yourself.
                You are not alone. The people below can help you now.
                Tandem cannot send help, and it does not tell anyone about this.
                """,
            someoneElse: """
                It sounds like you are worried that someone may not be safe, or may hurt themselves or end their life.
                That is a lot to carry. The people below can help you, and them, now.
                If their life is in danger right now, call 999.
                Tandem cannot send help, and it does not tell anyone about this.
                """,
            reminder: "If you feel unsafe, you can call 999, Samaritans on 116 123, or NHS 111 and choose option 2. Type /urgent for more.",
            reminderSomeoneElse: "If you fear for them, you can call 999, Samaritans on 116 123, or NHS 111 and choose option 2. Type /urgent for more.")
    }

    /// The heading above the contacts.
    public var title: String
    /// A few words under the heading.
    public var intro: String
    /// Groups of contacts, in the order shown.
    public var areas: [Area]
    /// What the check-in says.
    public var checkIn: CheckInWords
    /// Hears words of distress. Not part of the coded form: a directory read back from JSON has the built-in one.
    public var matcher: DistressMatcher

    private enum CodingKeys: String, CodingKey { case title, intro, areas, checkIn }

    public init(title: String, intro: String, areas: [Area], checkIn: CheckInWords = .fallback, matcher: DistressMatcher = .builtIn) {
        self.title = title
        self.intro = intro
        self.areas = areas
        self.checkIn = checkIn
        self.matcher = matcher
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            title: try c.decode(String.self, forKey: .title), intro: try c.decode(String.self, forKey: .intro),
            areas: try c.decode([Area].self, forKey: .areas), checkIn: try c.decode(CheckInWords.self, forKey: .checkIn))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(title, forKey: .title)
        try c.encode(intro, forKey: .intro)
        try c.encode(areas, forKey: .areas)
        try c.encode(checkIn, forKey: .checkIn)
    }

    /// Contacts used when no support file can be read: the lines that must never be missing.
    public static let fallback = SupportDirectory(
        title: "Support you can reach now",
        intro: "Tandem does not watch what you write, and it cannot send help.",
        areas: [
            Area(id: "now", title: "If a life is in danger now", contacts: [Contact(name: "Emergency services", reach: "Call 999, or go to A&E")]),
            Area(id: "uk", title: "Anywhere in the UK", contacts: [Contact(name: "Samaritans", reach: "Call 116 123", note: "Free, day or night.")]),
        ])

    /// Words of distress in a line, and who they are about; nil when there are none.
    public func distress(in line: String) -> DistressMatch? { matcher.match(line) }

    /// Whether a line has words of distress.
    public func mentionsRisk(_ text: String) -> Bool { matcher.match(text) != nil }

    /// Every contact, in order.
    public var contacts: [Contact] { areas.flatMap(\.contacts) }

    /// This directory as the first check-in shows it for what was heard. With words of harm from
    /// someone else, the areas named in `checkIn.harmAreas` come first, in that order, then the
    /// others as written (with words of eating, drink or drugs, those in `checkIn.eatingDrinkDrugsAreas`);
    /// with those or words of fearing to hurt someone, the reminder that closes
    /// the list (`CheckInWords.reminder(for:)` with the concern alone, as a renderer reads it) is
    /// the one for what was heard. Otherwise, this directory.
    public func shown(for match: DistressMatch) -> SupportDirectory {
        guard match.harmFromOthers || match.fearOfHarming || match.eatingDrinkDrugs else { return self }
        var copy = self
        let firstIDs = match.harmFromOthers ? checkIn.harmAreas : match.eatingDrinkDrugs ? checkIn.eatingDrinkDrugsAreas : []
        if !firstIDs.isEmpty {
            let first = firstIDs.compactMap { id in areas.first { $0.id == id } }
            copy.areas = first + areas.filter { !firstIDs.contains($0.id) }
        }
        copy.checkIn.reminder = checkIn.reminder(for: match)
        copy.checkIn.reminderSomeoneElse = checkIn.reminder(for: match)
        return copy
    }
}
