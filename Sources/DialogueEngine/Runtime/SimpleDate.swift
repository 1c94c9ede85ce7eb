import Foundation

/// A calendar date with no time or zone: what a plan's dates are.
public struct SimpleDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), (1...31).contains(day) else { return nil }
        var c = DateComponents()
        c.year = year
        c.month = month
        c.day = day
        guard let date = Self.calendar.date(from: c),
            Self.calendar.component(.day, from: date) == day, Self.calendar.component(.month, from: date) == month
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// `2027-03-01`
    public init?(iso: String) {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The date in the local time zone at a moment.
    public init(_ date: Date, timeZone: TimeZone = .current) {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = timeZone
        let c = cal.dateComponents([.year, .month, .day], from: date)
        self.year = c.year!
        self.month = c.month!
        self.day = c.day!
    }

    static let calendar: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        return c
    }()

    var date: Date {
        Self.calendar.date(from: DateComponents(year: year, month: month, day: day))!
    }

    /// ISO 8601: `2027-03-01` (as `%04d-%02d-%02d` writes it, without Foundation's formatting).
    public var iso: String { "\(Self.padded(year, 4))-\(Self.padded(month, 2))-\(Self.padded(day, 2))" }

    static func padded(_ n: Int, _ width: Int) -> String {
        let digits = String(n.magnitude)
        let zeros = String(repeating: "0", count: max(0, width - digits.count - (n < 0 ? 1 : 0)))
        return (n < 0 ? "-" : "") + zeros + digits
    }

    public var description: String { iso }

    /// `Monday 1 March 2027`: how a date is shown to people.
    public var spoken: String {
        "\(Self.weekdayNames[weekday - 1].capitalized) \(day) \(Self.monthNames[month - 1].capitalized) \(year)"
    }

    /// 1 = Sunday ... 7 = Saturday.
    public var weekday: Int { Self.calendar.component(.weekday, from: date) }

    public func adding(days: Int = 0, months: Int = 0, years: Int = 0) -> SimpleDate {
        let d = Self.calendar.date(byAdding: DateComponents(year: years, month: months, day: days), to: date)!
        return SimpleDate(d, timeZone: Self.calendar.timeZone)
    }

    public static func < (a: SimpleDate, b: SimpleDate) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    public init(from decoder: any Decoder) throws {
        let s = try decoder.singleValueContainer().decode(String.self)
        guard let d = SimpleDate(iso: s) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not an ISO date: \(s)"))
        }
        self = d
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(iso)
    }

    static let weekdayNames = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]
    static let monthNames = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
}

/// Reads the dates people type: `2027-03-01`, `1/3/2027`, `1 March 2027`, `today`, `tomorrow`,
/// `in 2 weeks`, `next monday`.
public enum DateParser {
    public static func parse(_ input: String, today: SimpleDate) -> SimpleDate? {
        let text = normalized(input)
        if let d = SimpleDate(iso: text) { return d }
        switch text {
        case "today": return today
        case "tomorrow": return today.adding(days: 1)
        case "next week": return today.adding(days: 7)
        case "next month": return today.adding(months: 1)
        case "next year": return today.adding(years: 1)
        default: break
        }
        if let d = dayFirst(text) { return d }
        let words = text.split(separator: " ").map(String.init)
        // in 2 weeks / in a month / in three days
        if words.count == 3 || words.count == 2, words[0] == "in" {
            let amount = words.count == 3 ? number(words[1]) : 1
            let unit = words.last!
            if let n = amount {
                switch unit.hasSuffix("s") ? String(unit.dropLast()) : unit {
                case "day": return today.adding(days: n)
                case "week": return today.adding(days: 7 * n)
                case "fortnight": return today.adding(days: 14 * n)
                case "month": return today.adding(months: n)
                case "year": return today.adding(years: n)
                default: break
                }
            }
        }
        // next monday / monday / this friday
        let dayWord = words.count == 2 && (words[0] == "next" || words[0] == "this" || words[0] == "on") ? words[1] : (words.count == 1 ? words[0] : nil)
        if let dayWord, let target = weekday(dayWord) {
            var ahead = (target - today.weekday + 7) % 7
            if ahead == 0 { ahead = 7 }
            return today.adding(days: ahead)
        }
        // 1 march 2027 / 1st march 2027 / march 1 2027
        if words.count == 3 {
            if let d = ordinal(words[0]), let m = month(words[1]), let y = Int(words[2]) { return SimpleDate(year: y, month: m, day: d) }
            if let m = month(words[0]), let d = ordinal(words[1]), let y = Int(words[2]) { return SimpleDate(year: y, month: m, day: d) }
        }
        return nil
    }

    /// Lower case, without spaces at the ends, commas read as spaces and one space between words.
    static func normalized(_ input: String) -> String {
        let text = input.lowercased().trimmedSpaces
        // Most dates are typed without commas or spaces side by side: nothing more to do (this
        // runs on every date typed, and Foundation's replacing costs more than the rest).
        var previous: UInt8 = 0
        let plain = text.utf8.allSatisfy { b in
            defer { previous = b }
            return b != 0x2C && !(b == 0x20 && previous == 0x20)
        }
        if plain { return text }
        return text.split(whereSeparator: { $0 == "," || $0 == " " }).joined(separator: " ")
    }

    /// `1/3/2027`, `01/03/27`, `1.3.2027`, `1-3-2027`: day first, as in the UK.
    static func dayFirst(_ text: String) -> SimpleDate? {
        for sep in ["/", ".", "-"] {
            let parts = text.split(separator: Character(sep), omittingEmptySubsequences: false)
            guard parts.count == 3, let d = Int(parts[0]), let m = Int(parts[1]), var y = Int(parts[2]) else { continue }
            guard parts[2].count == 2 || parts[2].count == 4, parts[0].count <= 2, parts[1].count <= 2 else { continue }
            if parts[2].count == 2 { y += 2000 }
            return SimpleDate(year: y, month: m, day: d)
        }
        return nil
    }

    static func weekday(_ w: String) -> Int? {
        if let i = SimpleDate.weekdayNames.firstIndex(of: w) { return i + 1 }
        if w.count >= 3, let i = SimpleDate.weekdayNames.firstIndex(where: { $0.hasPrefix(w) }) { return i + 1 }
        return nil
    }

    static func month(_ w: String) -> Int? {
        guard w.count >= 3, let i = SimpleDate.monthNames.firstIndex(where: { $0.hasPrefix(w) }) else { return nil }
        return i + 1
    }

    static func ordinal(_ w: String) -> Int? {
        var s = w
        for suffix in ["st", "nd", "rd", "th"] where s.hasSuffix(suffix) { s.removeLast(2) }
        return Int(s)
    }

    static let numberWords = ["a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12]

    static func number(_ w: String) -> Int? {
        if let n = Int(w), (0...1000).contains(n) { return n }
        return numberWords[w]
    }
}
