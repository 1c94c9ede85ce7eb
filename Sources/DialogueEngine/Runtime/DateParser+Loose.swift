/// Dates said loosely, as people answer "When would you like to look at this plan again?": a
/// date with a word around it that changes nothing ("about 2 weeks", "in a month or so", "next
/// friday pls"), the middle of a month ("mid jan", "the middle of next month"), and "this time
/// next week". Tandem says back the day it took, so a loose date is never kept unseen.
extension DateParser {
    /// Without the words around a date that do not change it: "about", "around", "roughly" before
    /// it, "or so", "ish", "please" after it. Nothing is left out of a line that would be empty.
    static func withoutHedges(_ words: [String]) -> [String] {
        var words = words
        while words.count > 1, let first = words.first, dateHedges.contains(first) { words.removeFirst() }
        // "some time next week", "sometime in march".
        if words.count > 2, words[0] == "some", words[1] == "time" { words.removeFirst(2) }
        // "in about 2 weeks", "in roughly a month": the hedge after the "in".
        while words.count > 2, words[0] == "in", dateHedges.contains(words[1]) { words.remove(at: 1) }
        words.removeTrailing(dateTails)
        words = laterEnd(withinWords(words))
        // "2 weeksish", "a monthish".
        if let last = words.last, last.count > 4, last.hasSuffix("ish") { words[words.count - 1] = String(last.dropLast(3)) }
        return words
    }

    /// The same, for a line: one space between words, as `withoutFillers` leaves it.
    static func withoutHedges(_ text: String) -> String {
        guard text.utf8.contains(0x20) || text.hasSuffix("ish") else { return text }
        return withoutHedges(text.split(separator: " ").map(String.init)).joined(separator: " ")
    }

    static let dateHedges: Set<String> = [
        "about", "around", "roughly", "approx", "approximately", "maybe", "probably", "say", "sometime", "prob", "probs", "prolly",
        "hopefully", "ideally", "possibly", "perhaps", "like", "idk", "dunno",
    ]
    static let dateTails: [[String]] = [
        ["or", "so"], ["ish"], ["please"], ["pls"], ["plz"], ["thanks"], ["thank", "you"], ["x"], ["i", "think"], ["i", "guess"],
        ["i", "reckon"], ["id", "say"], ["i'd", "say"], ["i", "would", "say"], ["tbh"], ["lol"], ["maybe"], ["probably"], ["hopefully"],
        ["sometime"], ["some", "time"],
    ]

    /// `mid january`, `middle of jan`, `mid month`, `the middle of next month` ("the" and "of" are
    /// already gone): the 15th, the next one to come.
    static func middle(_ words: [String], today: SimpleDate) -> SimpleDate? {
        guard words.count >= 2, words[0] == "mid" || words[0] == "middle" else { return nil }
        let rest = Array(words.dropFirst())
        switch rest {
        case ["month"], ["this", "month"]:
            // Past the middle of this month: the middle of the next.
            let month = today.day <= 15 ? today : today.adding(months: 1)
            return SimpleDate(year: month.year, month: month.month, day: 15)
        case ["next", "month"]:
            let later = today.adding(months: 1)
            return SimpleDate(year: later.year, month: later.month, day: 15)
        default:
            guard let month = month(rest[0]) else { return nil }
            if rest.count == 2, let year = year(rest[1]) { return SimpleDate(year: year, month: month, day: 15) }
            return rest.count == 1 ? next(month: month, day: 15, from: today) : nil
        }
    }

    /// `first week of feb` (the 1st), `last week of march` (the last day): "of" is already gone.
    static func weekOfMonth(_ words: [String], today: SimpleDate) -> SimpleDate? {
        guard words.count == 3, words[1] == "week" || words[1] == "wk", words[0] == "first" || words[0] == "last" else { return nil }
        return endOrStart([words[0] == "first" ? "start" : "end", words[2]], today: today)
    }

    /// `this time next week`, `same time next month`: a week (a month) from today.
    static func thisTimeNext(_ words: [String], today: SimpleDate) -> SimpleDate? {
        guard words.count == 4, words[0] == "this" || words[0] == "same", words[1] == "time", words[2] == "next" else { return nil }
        switch words[3] {
        case "week": return today.adding(days: 7)
        case "month": return today.adding(months: 1)
        case "year": return today.adding(years: 1)
        default: return nil
        }
    }

    /// `the day after tomorrow`, `the week after next` ("the" is already gone); `end of the week`
    /// (the coming Friday, today included), `end of next week` (the Friday of next week),
    /// `start of next week` (next Monday). Weeks start on a Monday.
    static func aroundTheWeek(_ words: [String], today: SimpleDate) -> SimpleDate? {
        switch words {
        case ["day", "after", "tomorrow"]: return today.adding(days: 2)
        case ["week", "after", "next"]: return today.adding(days: 14)
        default: break
        }
        guard words.count >= 2, ["end", "start", "beginning"].contains(words[0]), words.last == "week" || words.last == "wk" else { return nil }
        // Weekdays count from Sunday (1): Monday is 2, Friday 6.
        let friday = today.adding(days: (6 - today.weekday + 7) % 7)
        var monday = today.adding(days: (2 - today.weekday + 7) % 7)
        if monday == today { monday = today.adding(days: 7) }
        switch (words[0] == "end", Array(words.dropFirst().dropLast())) {
        case (true, []), (true, ["this"]): return friday
        case (true, ["next"]): return monday.adding(days: 4)
        case (false, ["next"]): return monday
        default: return nil
        }
    }

    /// `within 2 weeks`, `in the next few days`, `over the next week`: as `in 2 weeks`, `in a few
    /// days`, `in a week` ("the" is already gone).
    static func withinWords(_ words: [String]) -> [String] {
        if words.count >= 2, words[0] == "within" { return ["in"] + words.dropFirst() }
        if words.count >= 3, words[0] == "in" || words[0] == "over", words[1] == "next", unitWords.contains(words.last!) {
            return ["in"] + words.dropFirst(2)
        }
        return words
    }

    /// Two ends of a time ahead, as people say one: `a week or two`, `2 or 3 weeks`, `2-3 weeks`, `a
    /// day or two`, `one to two months`, `next week or the week after` ("the" is already gone). The
    /// later end is taken (there is time to be ready by then), and said back, so it can be changed.
    static func laterEnd(_ words: [String]) -> [String] {
        // Return early: most dates typed hold no "or", "to", "-" or "–".
        guard words.count >= 2, words.contains(where: { $0 == "or" || $0 == "to" || $0.utf8.contains(0x2D) || $0.utf8.contains(0xE2) })
        else { return words }
        let lead = words.first == "in" ? ["in"] : []
        var rest = Array(words.dropFirst(lead.count))
        // "2-3 weeks", "2 - 3 weeks": one word, or a dash between two.
        if let first = rest.first, rest.count == 2 {
            let ends = first.split(whereSeparator: { $0 == "-" || $0 == "\u{2013}" }).map(String.init)
            if ends.count == 2 { rest = [ends[0], "-", ends[1], rest[1]] }
        }
        switch rest {
        case ["next", "week", "or", "week", "after"], ["next", "week", "or", "one", "after"]: return ["week", "after", "next"]
        case ["this", "week", "or", "next"]: return ["next", "week"]
        case ["today", "or", "tomorrow"]: return ["tomorrow"]
        case ["tomorrow", "or", "day", "after"]: return ["day", "after", "tomorrow"]
        default: break
        }
        let joins: Set<String> = ["or", "to", "-", "\u{2013}"]
        switch rest.count {
        case 4 where joins.contains(rest[1]):
            // "2 or 3 weeks", "two to three months"
            guard let low = number(rest[0]), let high = number(rest[2]), unitWords.contains(rest[3]) else { return words }
            return lead + [String(max(low, high)), rest[3]]
        case 4...5 where joins.contains(rest[2]):
            // "a week or two", "a day or 2", "1 week or 2 weeks", "a week or a month"
            guard let low = number(rest[0]), let high = number(rest[3]), unitWords.contains(rest[1]),
                  rest.count == 4 || unitWords.contains(rest[4])
            else { return words }
            let highUnit = rest.count == 5 ? rest[4] : rest[1]
            guard let lowEnd = ahead(low, rest[1], from: anyDay), let highEnd = ahead(high, highUnit, from: anyDay) else { return words }
            return lowEnd > highEnd ? lead + [String(low), rest[1]] : lead + [String(high), highUnit]
        default: return words
        }
    }

    /// A day to measure two ends from, for `laterEnd` (which end is later does not hang on it).
    static let anyDay = SimpleDate(year: 2001, month: 1, day: 1)!

    /// `christmas 2027`, `new year's eve 2026`, `boxing day 27`: a named day in the year given.
    static func namedDayInYear(_ words: [String]) -> SimpleDate? {
        guard words.count >= 2, let y = year(words.last!) else { return nil }
        let name = words.dropLast().joined(separator: " ").replacingOccurrences(of: "'", with: "")
        guard let (month, day) = namedDays[name] else { return nil }
        return SimpleDate(year: y, month: month, day: day)
    }

    /// The words above, for `reads` (`ClosedAnswer`): a date typed in them holds no words of the
    /// person's own.
    static let looseWords: Set<String> = dateHedges.union(dateTails.joined()).union(["mid", "middle", "same", "within", "over", "week", "wk", "day", "or", "to", "-"])
}
