import Foundation

/// A calendar date with no time or zone: what a plan's dates are.
public struct SimpleDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), (1...Self.days(inMonth: month, of: year)).contains(day) else { return nil }
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
    /// (The zone's offset at that moment, then the day count: making a `Calendar` for it cost more
    /// than starting the plan it was for.)
    public init(_ date: Date, timeZone: TimeZone = .current) {
        let local = date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date))
        self.init(daysSinceEpoch: Int((local / 86_400).rounded(.down)))
    }

    /// Days in a month of the Gregorian calendar (used back before 1582 too, as Foundation's is).
    static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1 January 1970 (negative before it), worked out without Foundation's calendar,
    /// which costs more than the rest of a turn's dates (H. Hinnant's `days_from_civil`).
    var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `days` after 1 January 1970 (`civil_from_days`).
    public init(daysSinceEpoch days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// ISO 8601: `2027-03-01` (as `%04d-%02d-%02d` writes it, without Foundation's formatting).
    public var iso: String { "\(Self.padded(year, 4))-\(Self.padded(month, 2))-\(Self.padded(day, 2))" }

    static func padded(_ n: Int, _ width: Int) -> String {
        let digits = String(n.magnitude)
        let zeros = String.repeating(ascii: UInt8(ascii: "0"), count: max(0, width - digits.count - (n < 0 ? 1 : 0)))
        return (n < 0 ? "-" : "") + zeros + digits
    }

    public var description: String { iso }

    /// `Monday 1 March 2027`: how a date is shown to people.
    public var spoken: String { "\(weekdayTitle) \(dayMonthYear)" }

    /// `1 March 2027`.
    public var dayMonthYear: String { "\(day) \(Self.monthTitles[month - 1]) \(year)" }

    /// `Monday`.
    public var weekdayTitle: String { Self.weekdayTitles[weekday - 1] }

    /// 1 = Sunday ... 7 = Saturday (1 January 1970 was a Thursday).
    public var weekday: Int { ((daysSinceEpoch % 7 + 7) % 7 + 4) % 7 + 1 }

    /// The date so many years, months and days on (or back), as Foundation's calendar adds them:
    /// the years, then the months, each keeping the day but not past the month's end (a month on
    /// from 31 January is 28 or 29 February), then the days.
    public func adding(days: Int = 0, months: Int = 0, years: Int = 0) -> SimpleDate {
        var d = self
        if years != 0 { d = d.movedMonths(12 * years) }
        if months != 0 { d = d.movedMonths(months) }
        return days == 0 ? d : SimpleDate(daysSinceEpoch: d.daysSinceEpoch + days)
    }

    private func movedMonths(_ n: Int) -> SimpleDate {
        let total = year * 12 + (month - 1) + n
        let y = total >= 0 ? total / 12 : (total - 11) / 12
        let m = total - y * 12 + 1
        return SimpleDate(unchecked: y, m, min(day, Self.days(inMonth: m, of: y)))
    }

    private init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
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
    static let weekdayTitles = weekdayNames.map { $0.prefix(1).uppercased() + $0.dropFirst() }
    static let monthTitles = monthNames.map { $0.prefix(1).uppercased() + $0.dropFirst() }
}

/// Reads the dates people type: `2027-03-01`, `1/3/2027`, `1 March 2027`, `today`, `tomorrow`,
/// `in 2 weeks`, `next monday`, `Monday 1 March 2027`; and without a year (`3rd March`, `Dec 25`, `the 1st of March`,
/// `1/3`): the next time that day comes, today included.
public enum DateParser {
    public static func parse(_ input: String, today: SimpleDate) -> SimpleDate? {
        let text = withoutHedges(withoutFillers(asMeant(normalized(withoutEndMark(input)))))
        if let d = SimpleDate(iso: text) { return d }
        if tomorrowWords.contains(text) { return today.adding(days: 1) }
        switch text {
        case "today": return today
        case "yesterday": return today.adding(days: -1)
        case "next week": return today.adding(days: 7)
        case "next month": return today.adding(months: 1)
        case "next year": return today.adding(years: 1)
        default: break
        }
        if let d = dayFirst(text) { return d }
        if let d = dayInWords(text, today: today) { return d }
        let words = edgeWords(text.split(separator: " ").map(String.init))
        if let d = endOrStart(words, today: today) ?? middle(words, today: today) ?? thisTimeNext(words, today: today) ?? weekOfMonth(words, today: today) ?? aroundTheWeek(words, today: today) ?? namedDayInYear(words)
            ?? bankHoliday(words, today: today) { return d }
        // in 2 weeks / in a month / in three days
        if words.count == 3 || words.count == 2, words[0] == "in" {
            let amount = words.count == 3 ? number(words[1]) : 1
            if let n = amount, let d = ahead(n, words.last!, from: today) { return d }
        }
        // in a couple of weeks / in a few days: two, and three (the day is said back to them)
        if words.count >= 2, let d = ahead(inWords: words[0] == "in" ? Array(words.dropFirst()) : words, from: today) { return d }
        if let d = weekOn(words, today: today) { return d }
        // 2 weeks / two weeks from now / a week today
        var span = words
        if span.suffix(2) == ["from", "now"] || span.suffix(2) == ["from", "today"] { span.removeLast(2) } else if span.last == "today" { span.removeLast() }
        if span.count == 2, let n = number(span[0]), let d = ahead(n, span[1], from: today) { return d }
        // christmas / boxing day / new year's day
        // (Foundation's replacing only when there is an apostrophe: this runs for most dates typed.)
        let named = text.utf8.contains(0x27) ? text.replacingOccurrences(of: "'", with: "") : text
        if let (month, day) = namedDays[named] { return next(month: month, day: day, from: today) }
        // next monday / monday / this friday
        let dayWord = words.count == 2 && (words[0] == "next" || words[0] == "this" || words[0] == "on") ? words[1] : (words.count == 1 ? words[0] : nil)
        if let dayWord, let target = weekday(dayWord) {
            var ahead = (target - today.weekday + 7) % 7
            if ahead == 0 { ahead = 7 }
            return today.adding(days: ahead)
        }
        // last tuesday / last week / 3 days ago: a day gone, for a question about the past (and
        // a kind reply where the day must be still to come)
        if let d = dayGone(words, today: today) { return d }
        // in march / this week / next weekend / friday next week / next christmas (after the
        // readings most dates typed are, so those pay nothing for these)
        if let d = byMonthOrWeek(words, today: today) { return d }
        if let d = dayAndMonth(words, today: today) { return d }
        // Monday 1 March 2027, as Tandem says a date, or mon 1st march: the day's name adds nothing.
        if words.count >= 2, weekday(words[0]) != nil, let d = afterDayName(Array(words.dropFirst()), today: today) { return d }
        // the 14th: the next 14th of a month, today included
        if words.count == 1, let d = nextOrdinal(words[0], today: today) { return d }
        return dayAndMonthShort(text, today: today)
    }

    /// `1/3` or `1.3`: day first, the next such day.
    static func dayAndMonthShort(_ text: String, today: SimpleDate) -> SimpleDate? {
        for sep in ["/", "."] {
            let parts = text.split(separator: Character(sep), omittingEmptySubsequences: false)
            if parts.count == 2, parts[0].count <= 2, parts[1].count <= 2, let d = Int(parts[0]), let m = Int(parts[1]) {
                return next(month: m, day: d, from: today)
            }
        }
        return nil
    }

    /// So many days, weeks, fortnights, months or years from today.
    static func ahead(_ n: Int, _ unitWord: String, from today: SimpleDate) -> SimpleDate? {
        switch unitWord.hasSuffix("s") ? String(unitWord.dropLast()) : unitWord {
        case "day": today.adding(days: n)
        case "week", "wk": today.adding(days: 7 * n)
        case "fortnight": today.adding(days: 14 * n)
        case "month", "mth", "mnth": today.adding(months: n)
        case "year", "yr": today.adding(years: n)
        default: nil
        }
    }

    /// Days of the year people name (the next one to come, today included).
    static let namedDays: [String: (Int, Int)] = [
        "christmas": (12, 25), "christmas day": (12, 25), "xmas": (12, 25), "xmas day": (12, 25),
        "christmas eve": (12, 24), "xmas eve": (12, 24), "boxing day": (12, 26),
        "new year": (1, 1), "new years": (1, 1), "new years day": (1, 1), "new years eve": (12, 31),
        "valentines day": (2, 14), "valentines": (2, 14), "st davids day": (3, 1), "st patricks day": (3, 17),
        "st georges day": (4, 23), "halloween": (10, 31), "bonfire night": (11, 5), "guy fawkes night": (11, 5),
    ]

    /// `1 march 2027`, `1st march 27`, `march 1 2027`; and without a year (`3rd march`, `march 3`,
    /// `dec 25th`), the next such day.
    static func dayAndMonth(_ words: [String], today: SimpleDate) -> SimpleDate? {
        if words.count == 3, let y = year(words[2]) {
            if let d = ordinal(words[0]), let m = month(words[1]) { return SimpleDate(year: y, month: m, day: d) }
            if let m = month(words[0]), let d = ordinal(words[1]) { return SimpleDate(year: y, month: m, day: d) }
        }
        if words.count == 2 {
            if let d = ordinal(words[0]), let m = month(words[1]) { return next(month: m, day: d, from: today) }
            if let m = month(words[0]), let d = ordinal(words[1]) { return next(month: m, day: d, from: today) }
        }
        return nil
    }

    /// `end of january` (the next 31 January), `end of the month`, `end of next month`, `end of the
    /// year`, `start of march`, `beginning of next month` ("the" and "of" are already gone).
    static func endOrStart(_ words: [String], today: SimpleDate) -> SimpleDate? {
        guard words.count >= 2, let first = words.first, ["end", "start", "beginning"].contains(first) else { return nil }
        let atEnd = first == "end"
        let rest = Array(words.dropFirst())
        func edge(_ year: Int, _ month: Int) -> SimpleDate? {
            SimpleDate(year: year, month: month, day: atEnd ? SimpleDate.days(inMonth: month, of: year) : 1)
        }
        switch rest {
        case ["month"], ["this", "month"]: return edge(today.year, today.month)
        case ["next", "month"]:
            let next = today.adding(months: 1)
            return edge(next.year, next.month)
        case ["year"], ["this", "year"]: return atEnd ? edge(today.year, 12) : edge(today.year + 1, 1)
        case ["next", "year"]: return edge(today.year + 1, atEnd ? 12 : 1)
        default: break
        }
        guard let month = month(rest[0]) else { return nil }
        if rest.count == 2, let year = year(rest[1]) { return edge(year, month) }
        guard rest.count == 1 else { return nil }
        for year in today.year...(today.year + 1) {
            if let d = edge(year, month), !(d < today) { return d }
        }
        return nil
    }

    /// `2027`, or `27` for 2027 (as in 01/03/27).
    static func year(_ w: String) -> Int? {
        guard let y = Int(w), w.count == 2 || w.count == 4 else { return nil }
        return w.count == 2 ? 2000 + y : y
    }

    /// The next `day` of `month` on or after `today` (a 29 February: in the next leap year).
    static func next(month: Int, day: Int, from today: SimpleDate) -> SimpleDate? {
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        for year in today.year...(today.year + 8) {
            if let d = SimpleDate(year: year, month: month, day: day), !(d < today) { return d }
        }
        return nil
    }

    /// Without the words people add that change nothing: `the 1st of march`, `in 2 weeks' time`.
    static func withoutFillers(_ text: String) -> String {
        guard text.utf8.contains(0x20) else { return text }
        var words = text.split(separator: " ").map { $0.hasSuffix("'") ? String($0.dropLast()) : String($0) }
        words.removeAll { $0 == "the" || $0 == "of" }
        // "on friday"; "by friday", as people answer "By when?".
        if words.count >= 2, words.first == "on" || words.first == "by" { words.removeFirst() }
        if words.count >= 3, words.first == "in", words.last == "time" { words.removeLast() }
        // "6 weeks time", "a week's time", "2 months' time": the time after so many of something.
        if words.count >= 2, words.last == "time", let unit = words.dropLast().last {
            let plain = unit.hasSuffix("'s") ? String(unit.dropLast(2)) : unit
            if unitWords.contains(plain) || unitWords.contains(plain + "s") {
                words.removeLast()
                words[words.count - 1] = plain
            }
        }
        // "twenty first", "thirty-first": one word for the day.
        if let i = words.firstIndex(where: { $0 == "twenty" || $0 == "thirty" }), i + 1 < words.count, ordinalWords[words[i + 1]] != nil {
            words[i] += words[i + 1]
            words.remove(at: i + 1)
        }
        return words.joined(separator: " ")
    }

    /// Without the full stop, ! or ? people end a sentence with: `tomorrow!`, `9 sept.`
    static func withoutEndMark(_ input: String) -> String {
        let text = input.trimmedSpaces
        guard let last = text.utf8.last, last == 0x2E || last == 0x21 || last == 0x3F else { return input }
        return String(text.reversed().drop { ".!?".contains($0) }.reversed())
    }

    /// Lower case, without spaces at the ends, commas read as spaces and one space between words.
    static func normalized(_ input: String) -> String {
        let text = closedUpSlashes(halfWidth(input).lowercased().trimmedSpaces)
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

    /// `1/3/2027`, `01/03/27`, `1.3.2027`, `1-3-2027`: day first, as in the UK; and `2027/3/1` or
    /// `2027.03.01`, year first (a four-figure year cannot be a day).
    static func dayFirst(_ text: String) -> SimpleDate? {
        for sep in ["/", ".", "-"] {
            let parts = text.split(separator: Character(sep), omittingEmptySubsequences: false)
            if parts.count == 3, parts[0].count == 4, parts[1].count <= 2, parts[2].count <= 2,
               let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) {
                return SimpleDate(year: y, month: m, day: d)
            }
            guard parts.count == 3, let d = Int(parts[0]), let m = Int(parts[1]), var y = Int(parts[2]) else { continue }
            guard parts[2].count == 2 || parts[2].count == 4, parts[0].count <= 2, parts[1].count <= 2 else { continue }
            if parts[2].count == 2 { y += 2000 }
            return SimpleDate(year: y, month: m, day: d)
        }
        return nil
    }

    /// Short forms that are not the start of the day's name.
    static let weekdayShortForms = ["weds": 4, "thur": 5, "thurs": 5]

    static func weekday(_ w: String) -> Int? {
        if let i = SimpleDate.weekdayNames.firstIndex(of: w) { return i + 1 }
        if let n = weekdayShortForms[w] { return n }
        if w.count >= 3, let i = SimpleDate.weekdayNames.firstIndex(where: { $0.hasPrefix(w) }) { return i + 1 }
        return nil
    }

    static func month(_ w: String) -> Int? {
        guard w.count >= 3, let i = SimpleDate.monthNames.firstIndex(where: { $0.hasPrefix(w) }) else { return nil }
        return i + 1
    }

    static func ordinal(_ w: String) -> Int? {
        if let n = ordinalWords[w] { return n }
        // "twenty-first", "twentyfirst", "thirtieth"
        let joined = w.replacingOccurrences(of: "-", with: "")
        for (tens, n) in [("twenty", 20), ("thirty", 30)] where joined.hasPrefix(tens) && joined.count > tens.count {
            if let unit = ordinalWords[String(joined.dropFirst(tens.count))], unit < 10 { return n + unit }
        }
        var s = w
        for suffix in ["st", "nd", "rd", "th"] where s.hasSuffix(suffix) { s.removeLast(2) }
        return Int(s)
    }

    /// Days said as words: "third of january", "the twentieth".
    static let ordinalWords: [String: Int] = {
        let words = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                     "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
                     "eighteenth", "nineteenth", "twentieth"]
        var out = Dictionary(uniqueKeysWithValues: words.enumerated().map { ($0.element, $0.offset + 1) })
        out["thirtieth"] = 30
        return out
    }()

    /// The words for so many days, weeks, months or years (`ahead`), short forms too.
    static let unitWords: Set<String> = [
        "day", "days", "week", "weeks", "wk", "wks", "fortnight", "fortnights", "month", "months", "mth", "mths",
        "mnth", "mnths", "year", "years", "yr", "yrs",
    ]

    static let numberWords = ["a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12]

    static func number(_ w: String) -> Int? {
        if let n = Int(w), (0...1000).contains(n) { return n }
        return numberWords[w]
    }
}
