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
    public struct CheckInWords: Sendable, Equatable, Codable {
        /// When the words seem to be about the person typing.
        public var person: String
        /// When they seem to be about someone else (the person they care for, a friend).
        public var someoneElse: String
        public var reminder: String
        public var reminderSomeoneElse: String

        public init(person: String, someoneElse: String, reminder: String, reminderSomeoneElse: String) {
            self.person = person
            self.someoneElse = someoneElse
            self.reminder = reminder
            self.reminderSomeoneElse = reminderSomeoneElse
        }

        /// The first check-in's words for who seems to be at risk.
        public func message(for concern: DistressMatch.Concern) -> String {
            concern == .someoneElse ? someoneElse : person
        }

        /// A later reminder's words for who seems to be at risk.
        public func reminder(for concern: DistressMatch.Concern) -> String {
            concern == .someoneElse ? reminderSomeoneElse : reminder
        }

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
}
