/// Weeks and days by name: `monday week`, `in a couple of weeks`, `friday the 14th`, and a day's
/// name that does not fit its date. Split from `SimpleDate.swift` (a move only).
extension DateParser {
    /// `a couple weeks`, `couple of days`, `a few weeks` ("of" is already gone): a couple is two,
    /// a few three.
    static func ahead(inWords words: [String], from today: SimpleDate) -> SimpleDate? {
        var rest = words[...]
        if rest.first == "a" { rest = rest.dropFirst() }
        guard rest.count == 2, let n = ["couple": 2, "few": 3][rest.first!] else { return nil }
        return ahead(n, rest.last!, from: today)
    }

    /// A week after a day, as people in the UK say it: `monday week` and `a week on monday` (a
    /// week after the next monday), `a week tomorrow`, `tomorrow week`.
    static func weekOn(_ words: [String], today: SimpleDate) -> SimpleDate? {
        var rest = words[...]
        if rest.first == "a" { rest = rest.dropFirst() }
        let dayWord: String
        if rest.count == 3, rest.first == "week", rest.dropFirst().first == "on" || rest.dropFirst().first == "from" {
            dayWord = rest.last!
        } else if rest.count == 2, rest.first == "week", rest.last == "tomorrow" {
            dayWord = "tomorrow"
        } else if words.count == 2, words.last == "week" {
            dayWord = words[0]
        } else {
            return nil
        }
        if dayWord == "tomorrow" { return today.adding(days: 8) }
        guard let target = weekday(dayWord) else { return nil }
        var ahead = (target - today.weekday + 7) % 7
        if ahead == 0 { ahead = 7 }
        return today.adding(days: ahead + 7)
    }

    /// What may follow a day's name: `1 march 2027`, `1/3/2027`, `1/3`, `the 14th` ("friday the 14th").
    static func afterDayName(_ words: [String], today: SimpleDate) -> SimpleDate? {
        if words.count >= 2 { return dayAndMonth(words, today: today) }
        return dayFirst(words[0]) ?? nextOrdinal(words[0], today: today) ?? dayAndMonthShort(words[0], today: today)
    }

    /// `14th`: the next 14th of a month, today included.
    static func nextOrdinal(_ word: String, today: SimpleDate) -> SimpleDate? {
        guard word.count > 2, word.last!.isLetter, let d = ordinal(word) else { return nil }
        for ahead in 0...12 {
            let month = today.adding(months: ahead)
            if let date = SimpleDate(year: month.year, month: month.month, day: d), !(date < today) { return date }
        }
        return nil
    }

    /// A day's name given with a date that falls on another day ("sunday 11 december 2026", when
    /// the 11th is a Friday): the name the person typed, and the date. Nil when they agree, or
    /// when no name came first.
    public static func dayNameMismatch(_ input: String, today: SimpleDate) -> (named: String, date: SimpleDate)? {
        // Most dates typed begin with no day's name, or are one word ("tomorrow", "friday"): they
        // are let go at their first byte, or for having no space (this runs on every date typed).
        guard let first = input.utf8.first(where: { $0 != 0x20 }), "smtwfSMTWF".utf8.contains(first),
              input.utf8.contains(where: { $0 == 0x20 || $0 == 0x2C || $0 == 0x2F }) else { return nil }
        let words = withoutFillers(normalized(withoutEndMark(input))).split(separator: " ").map(String.init)
        guard words.count >= 2, let named = weekday(words[0]),
              let date = afterDayName(Array(words.dropFirst()), today: today), date.weekday != named else { return nil }
        return (SimpleDate.weekdayTitles[named - 1], date)
    }

    /// A day with a time of day after it ("saturday morning", "tomorrow night", "monday after
    /// work"): the day. Today in words ("tonight", "this afternoon", "later today", "now"); and
    /// the weekend (the next Saturday, or today at a weekend).
    static func dayInWords(_ text: String, today: SimpleDate) -> SimpleDate? {
        if todayWords.contains(text) { return today }
        if weekendWords.contains(text) { return today.weekday == 1 ? today : today.adding(days: (7 - today.weekday) % 7) }
        var words = text.split(separator: " ").map(String.init)
        guard words.count >= 2, let last = words.last else { return nil }
        if partsOfDay.contains(last) {
            words.removeLast()
            if words.count >= 2, words.last == "in" { words.removeLast() } // "the 14th in the evening"
        } else if words.count >= 3, words[words.count - 2] == "after", ["work", "school", "college", "lunch", "tea"].contains(last) {
            words.removeLast(2)
        } else {
            return nil
        }
        guard words != ["this"], words != ["in"] else { return nil }
        return parse(words.joined(separator: " "), today: today)
    }

    static let todayWords: Set<String> = ["now", "right now", "tonight", "tonite", "this morning", "this afternoon", "this evening", "later today"]
    static let weekendWords: Set<String> = ["weekend", "this weekend", "at weekend", "over weekend"]
    static let partsOfDay: Set<String> = ["morning", "afternoon", "evening", "night", "nite", "lunchtime", "teatime"]
}
