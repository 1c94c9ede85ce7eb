/// Dates said by a month, a week or a time of year, as people answer "When would you like to look
/// at this plan again?": `in march`, `by march`, `march next year`, `this week`, `next weekend`,
/// `friday next week`, `the 1st of next month`, `next christmas`, `easter`. Tandem says back the
/// day it took, so a reading the person did not mean can be put right at once.
extension DateParser {
    /// The readings below, in turn ("the" and "of" are already gone).
    static func byMonthOrWeek(_ words: [String], today: SimpleDate) -> SimpleDate? {
        thisWeekOrMonth(words, today: today) ?? nextWeekend(words, today: today) ?? dayOfWeek(words, today: today)
            ?? dayOfMonth(words, today: today) ?? inMonth(words, today: today) ?? namedDayAhead(words, today: today)
            ?? figuresWithSpaces(words) ?? season(words, today: today)
    }

    /// `in the summer`, `spring`, `next autumn`, `summer 2028`: the first day of the season, as the
    /// Met Office counts them (spring from 1 March, summer 1 June, autumn 1 September, winter 1
    /// December), the next one to come. Said in that season ("in the winter" in January), it is
    /// not read: this season or the next is theirs to say. `next` said in it is next year's.
    static func season(_ words: [String], today: SimpleDate) -> SimpleDate? {
        var rest = words[...]
        if rest.first == "in" || rest.first == "over" { rest = rest.dropFirst() }
        let next = rest.first == "next"
        if next || rest.first == "this" { rest = rest.dropFirst() }
        guard let name = rest.first, let start = seasons[name] else { return nil }
        rest = rest.dropFirst()
        var year: Int?
        if rest.count == 1, rest.first!.count == 4, let y = Self.year(rest.first!) { year = y } else if !rest.isEmpty { return nil }
        // The season today is in: winter runs on into January and February.
        let monthsIn = (today.month - start + 12) % 12
        if year == nil, monthsIn < 3, !next { return nil }
        if let year { return SimpleDate(year: year, month: start, day: 1) }
        let first = Self.next(month: start, day: 1, from: today.adding(days: 1))
        return first
    }

    static let seasons: [String: Int] = ["spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12]

    /// `march`, `in march`, `by march` ("by" is already gone), `next march`, `this march`, `march
    /// 2028`, `march next year`: the 1st of that month, the next one to come. Said in that month,
    /// it is this month (its 1st is past): its last day. `next march` said in March is next year's.
    static func inMonth(_ words: [String], today: SimpleDate) -> SimpleDate? {
        var rest = words[...]
        if rest.first == "in" { rest = rest.dropFirst() }
        let next = rest.first == "next"
        if next || rest.first == "this" { rest = rest.dropFirst() }
        // Three letters at least, and not a word that only begins like a month ("mayb", "marc"):
        // the month's name, or its short form.
        guard let word = rest.first, let m = month(word), word.count == 3 || word == "sept" || SimpleDate.monthNames[m - 1] == word else { return nil }
        rest = rest.dropFirst()
        var year: Int?
        if Array(rest) == ["next", "year"] {
            year = today.year + 1
        } else if rest.count == 1, rest.first!.count == 4, let y = Self.year(rest.first!) {
            year = y
        } else if !rest.isEmpty {
            return nil
        }
        if next, year != nil { return nil }
        let y = year ?? (m < today.month || (next && m == today.month) ? today.year + 1 : today.year)
        if y == today.year, m == today.month {
            return SimpleDate(year: y, month: m, day: SimpleDate.days(inMonth: m, of: y))
        }
        return SimpleDate(year: y, month: m, day: 1)
    }

    /// `this week` (the coming Friday, today included, as `end of the week`), `this month`,
    /// `this year` (their last day); `later this week` and the like, the same.
    static func thisWeekOrMonth(_ words: [String], today: SimpleDate) -> SimpleDate? {
        var rest = words[...]
        if rest.first == "later" { rest = rest.dropFirst() }
        guard rest.count == 2, rest.first == "this" else { return nil }
        switch rest.last! {
        case "week", "wk": return today.adding(days: (6 - today.weekday + 7) % 7)
        case "month": return SimpleDate(year: today.year, month: today.month, day: SimpleDate.days(inMonth: today.month, of: today.year))
        case "year": return SimpleDate(year: today.year, month: 12, day: 31)
        default: return nil
        }
    }

    /// This week's Monday (weeks start on a Monday; weekdays count from Sunday, 1).
    static func monday(of today: SimpleDate) -> SimpleDate { today.adding(days: -((today.weekday + 5) % 7)) }

    /// `next weekend`: the Saturday of next week (the week starting next Monday); `the weekend
    /// after next`: a week after that.
    static func nextWeekend(_ words: [String], today: SimpleDate) -> SimpleDate? {
        if words == ["weekend", "after", "next"] { return monday(of: today).adding(days: 19) }
        guard words == ["next", "weekend"] || words == ["weekend", "after", "this"] else { return nil }
        return monday(of: today).adding(days: 12)
    }

    /// `friday next week`, `monday this week`: that day of next week (or this one);
    /// `the friday after next`: a week after the next Friday.
    static func dayOfWeek(_ words: [String], today: SimpleDate) -> SimpleDate? {
        guard words.count == 3, let target = weekday(words[0]) else { return nil }
        let fromMonday = (target + 5) % 7
        switch (words[1], words[2]) {
        case ("this", "week"), ("this", "wk"): return monday(of: today).adding(days: fromMonday)
        case ("next", "week"), ("next", "wk"): return monday(of: today).adding(days: 7 + fromMonday)
        case ("after", "next"):
            var ahead = (target - today.weekday + 7) % 7
            if ahead == 0 { ahead = 7 }
            return today.adding(days: ahead + 7)
        default: return nil
        }
    }

    /// `1st next month`, `20th this month`, `1st month` ("the 1st of the month": the next 1st).
    static func dayOfMonth(_ words: [String], today: SimpleDate) -> SimpleDate? {
        guard words.count == 2 || words.count == 3, words.last == "month", let d = ordinal(words[0]) else { return nil }
        switch words.count == 3 ? words[1] : "" {
        case "": return nextOrdinal(words[0], today: today)
        case "this": return SimpleDate(year: today.year, month: today.month, day: d)
        case "next":
            let later = today.adding(months: 1)
            return SimpleDate(year: later.year, month: later.month, day: d)
        default: return nil
        }
    }

    /// `next christmas`, `this christmas`, `at christmas`, `over christmas`, `in the new year` (the
    /// next one to come; `next christmas` said on Christmas Day is next year's); `easter`, `easter
    /// sunday`, `easter monday`, `good friday`, with a year too (`easter 2028`).
    static func namedDayAhead(_ words: [String], today: SimpleDate) -> SimpleDate? {
        var rest = words[...]
        let next = rest.first == "next"
        if rest.count >= 2, let first = rest.first, ["next", "this", "at", "over", "in"].contains(first) { rest = rest.dropFirst() }
        var year: Int?
        if rest.count >= 2, rest.last!.count == 4, let y = Self.year(rest.last!) {
            year = y
            rest = rest.dropLast()
        }
        let joined = rest.joined(separator: " ")
        let name = joined.utf8.contains(0x27) ? joined.replacingOccurrences(of: "'", with: "") : joined
        if easterDays[name] != nil || fathersDayNames.contains(name) {
            if let year { return yearlyDay(name, in: year) }
            for y in today.year...(today.year + 1) {
                guard let day = yearlyDay(name, in: y) else { return nil }
                if !(day < today), !(next && day == today) { return day }
            }
            return nil
        }
        // "christmas 2027" is read by `namedDayInYear`; a named day alone, by `parse`.
        guard year == nil, rest.count < words.count, let (month, day) = namedDays[name], let found = Self.next(month: month, day: day, from: today) else { return nil }
        return next && found == today ? Self.next(month: month, day: day, from: today.adding(days: 1)) : found
    }

    /// Days from Easter Sunday.
    static let easterDays: [String: Int] = [
        "easter": 0, "easter sunday": 0, "easter day": 0, "easter monday": 1, "good friday": -2,
        // Mothering Sunday, as kept in the UK: three weeks before Easter.
        "mothers day": -21, "mothering sunday": -21,
    ]

    /// "fathers day" (its apostrophe already gone): the third Sunday in June, as kept in the UK.
    static let fathersDayNames: Set<String> = ["fathers day", "fathersday", "dads day"]

    /// A day named by when it falls in a year: Easter and the days kept from it, and Father's Day.
    static func yearlyDay(_ name: String, in year: Int) -> SimpleDate? {
        if let shift = easterDays[name] { return easter(year).adding(days: shift) }
        guard fathersDayNames.contains(name), let june = SimpleDate(year: year, month: 6, day: 1) else { return nil }
        return june.adding(days: (8 - june.weekday) % 7 + 14)
    }

    /// Easter Sunday in a year (the Gregorian reckoning: Meeus, Jones and Butcher).
    static func easter(_ year: Int) -> SimpleDate {
        let a = year % 19, b = year / 100, c = year % 100
        let d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return SimpleDate(year: year, month: month, day: day)!
    }

    /// `1 3 2027`, `01 03 2027`: a day, a month and a four-figure year in figures, with spaces
    /// between them (as `1/3/2027`).
    static func figuresWithSpaces(_ words: [String]) -> SimpleDate? {
        guard words.count == 3, words[0].count <= 2, words[1].count <= 2, words[2].count == 4,
              words.allSatisfy({ $0.utf8.allSatisfy { (0x30...0x39).contains($0) } }),
              let d = Int(words[0]), let m = Int(words[1]), let y = Int(words[2]) else { return nil }
        return SimpleDate(year: y, month: m, day: d)
    }

    /// The words above, for `reads` (`ClosedAnswer`).
    static let monthWords: Set<String> = {
        var words: Set<String> = ["later", "early", "late", "weekend", "after", "easter", "sunday", "monday", "good", "friday", "sometime", "some",
                                  "mothers", "mother's", "mothering", "fathers", "father's", "fathersday", "dads"]
        words.formUnion(seasons.keys)
        words.formUnion(misspellings.keys)
        return words
    }()
}

/// Typing as a phone or a hurry leaves it: full-width figures and marks (`１/３/2027`, `２ weeks`,
/// from a Chinese, Japanese or Korean keyboard), spaces around the slashes (`1 / 3 / 2027`),
/// `nxt` for next, and `2moro` for tomorrow.
extension DateParser {
    /// Full-width figures, letters and marks read as the plain ones; the wide space as a space.
    static func halfWidth(_ text: String) -> String {
        // Full-width forms are three bytes from 0xEF, the wide space from 0xE3: most dates have neither.
        guard text.utf8.contains(where: { $0 == 0xEF || $0 == 0xE3 }) else { return text }
        var scalars = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if (0xFF01...0xFF5E).contains(s.value), let plain = Unicode.Scalar(s.value - 0xFEE0) {
                scalars.append(plain)
            } else {
                scalars.append(s.value == 0x3000 ? " " : s)
            }
        }
        return String(scalars)
    }

    /// Without the spaces around a slash: `1 / 3 / 2027` is `1/3/2027`.
    static func closedUpSlashes(_ text: String) -> String {
        guard text.utf8.contains(0x2F), text.utf8.contains(0x20) else { return text }
        var out = ""
        for c in text {
            if c == " ", out.last == "/" { continue }
            if c == "/", out.last == " " { out.removeLast() }
            out.append(c)
        }
        return out
    }

    /// Words as typed in a hurry, read as meant: `nxt` is next; `next wk`, `this mth` are next
    /// week and this month; `6wks`, `2weeks` are `6 wks`, `2 weeks`; and the misspellings of days
    /// and months people type most (`febuary`, `wensday`).
    static func asMeant(_ text: String) -> String {
        var words = text.split(separator: " ").map(String.init)
        var changed = false
        for i in words.indices {
            var word = words[i]
            if let right = misspellings[word] {
                word = right
            } else if i > 0, ["next", "this", "nxt"].contains(words[i - 1]), let long = ["wk": "week", "mth": "month", "mnth": "month", "yr": "year"][word] {
                word = long
            } else if let first = word.utf8.first, (0x30...0x39).contains(first), let cut = word.firstIndex(where: { $0.isLetter }),
                      word[..<cut].allSatisfy({ $0.isNumber }), unitWords.contains(String(word[cut...])) {
                // "6wks": the number, then the unit ("1st", "3rd" are not units).
                word = String(word[..<cut]) + " " + String(word[cut...])
            }
            if word != words[i] {
                words[i] = word
                changed = true
            }
        }
        return changed ? words.joined(separator: " ") : text
    }

    static let misspellings: [String: String] = [
        "nxt": "next", "febuary": "february", "feburary": "february", "febraury": "february", "janurary": "january", "januray": "january",
        "septmber": "september", "setpember": "september", "wensday": "wednesday", "wendsday": "wednesday", "wedensday": "wednesday",
        "wednsday": "wednesday", "thirsday": "thursday", "thurday": "thursday", "tuseday": "tuesday", "tusday": "tuesday",
        "saterday": "saturday", "satuday": "saturday", "tomorrrow": "tomorrow", "nye": "new years eve",
    ]

    static let tomorrowWords: Set<String> = [
        "tomorrow", "tomorow", "tommorow", "tommorrow", "tomoz", "tmrw", "tmw", "tomoro", "tomorro", "2moro", "2morrow", "2mrw", "2moz",
    ]

    /// `early` and `late` as `start` and `end` (`early march`, `late next week`); `later this week`
    /// is read by `thisWeekOrMonth`.
    static func edgeWords(_ words: [String]) -> [String] {
        guard let first = words.first, words.count >= 2 else { return words }
        switch first {
        case "early": return ["start"] + words.dropFirst()
        case "late": return ["end"] + words.dropFirst()
        default: return words
        }
    }
}
