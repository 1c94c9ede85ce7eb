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
    /// week after the next monday), `a week tomorrow`, `tomorrow week`; and a fortnight the same
    /// way: `a fortnight on monday`, `monday fortnight`, `a fortnight tomorrow`, `fortnight today`
    /// (two weeks after it).
    static func weekOn(_ words: [String], today: SimpleDate) -> SimpleDate? {
        var rest = words[...]
        if rest.first == "a" { rest = rest.dropFirst() }
        let span: Int
        let dayWord: String
        if rest.count == 3, let unit = rest.first, let n = weeks[unit], rest.dropFirst().first == "on" || rest.dropFirst().first == "from" {
            (span, dayWord) = (n, rest.last!)
        } else if rest.count == 2, let unit = rest.first, let n = weeks[unit], rest.last == "tomorrow" || rest.last == "today" {
            (span, dayWord) = (n, rest.last!)
        } else if words.count == 2, let unit = words.last, let n = weeks[unit] {
            (span, dayWord) = (n, words[0])
        } else {
            return nil
        }
        if dayWord == "today" { return today.adding(days: span) }
        if dayWord == "tomorrow" { return today.adding(days: span + 1) }
        guard let target = weekday(dayWord) else { return nil }
        var ahead = (target - today.weekday + 7) % 7
        if ahead == 0 { ahead = 7 }
        return today.adding(days: ahead + span)
    }

    /// A day gone: `last tuesday` (the one before today, never today), `last week`, `last month`,
    /// `last year` (a week, a month, a year ago), `3 days ago`, `a fortnight ago`, `the day before
    /// yesterday`. Read so that a question about the past can take it, and a question about a day
    /// still to come can say kindly that the day has passed (it was "I could not read that").
    static func dayGone(_ words: [String], today: SimpleDate) -> SimpleDate? {
        if words == ["day", "before", "yesterday"] { return today.adding(days: -2) }
        if words.count == 2, words[0] == "last" {
            switch words[1] {
            case "week", "wk": return today.adding(days: -7)
            case "month": return today.adding(months: -1)
            case "year": return today.adding(years: -1)
            default:
                guard let target = weekday(words[1]) else { return nil }
                var back = (today.weekday - target + 7) % 7
                if back == 0 { back = 7 }
                return today.adding(days: -back)
            }
        }
        guard words.count == 3 || words.count == 2, words.last == "ago" else { return nil }
        let n = words.count == 3 ? number(words[0]) : 1
        guard let n, let unit = words.dropLast().last else { return nil }
        return ahead(-n, unit, from: today)
    }

    /// A week and a fortnight, in days (`weekOn`).
    static let weeks = ["week": 7, "fortnight": 14]

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
