/// Bank holidays in England and Wales, as people name them: "next bank holiday", "bank holiday
/// monday", "the may bank holiday", "august bank holiday", "easter bank holiday". Each is the next
/// one to come (today included, unless they said "next"). A holiday that falls at a weekend moves
/// to the next weekday, as the real ones do (Christmas on a Saturday: Monday 27 and Tuesday 28).
/// Tandem says back the day it took, so a wrong reading can be changed at once.
extension DateParser {
    /// Which bank holiday the words name, and the day it falls on in a year.
    enum BankHoliday: CaseIterable {
        case newYear, goodFriday, easterMonday, earlyMay, spring, summer, christmas, boxingDay
    }

    /// `next bank holiday`, `bank holiday monday`, `may bank holiday`, `the next bank hol` ("the"
    /// and "of" are already gone).
    static func bankHoliday(_ words: [String], today: SimpleDate) -> SimpleDate? {
        // Return early: almost every date typed says no "bank" and no "whitsun".
        guard words.contains(where: { $0 == "bank" || $0 == "whitsun" }) else { return nil }
        var rest = words[...]
        var next = false
        if let first = rest.first, ["next", "this", "on", "at", "over", "for", "in"].contains(first) {
            next = first == "next"
            rest = rest.dropFirst()
        }
        // "bank holiday monday" (a Monday one: not Good Friday), "bank holiday weekend".
        let monday = rest.last == "monday" || rest.last == "mon"
        if let last = rest.last, monday || last == "weekend" { rest = rest.dropLast() }
        guard let which = bankHolidayNames[Array(rest)] else { return nil }
        let kinds = which.map { [$0] } ?? BankHoliday.allCases
        for year in today.year...(today.year + 1) {
            let days = kinds.map { bankHoliday($0, in: year) }.filter { !monday || $0.weekday == 2 }.sorted()
            if let day = days.first(where: { !($0 < today) && !(next && $0 == today) }) { return day }
        }
        return nil
    }

    /// The day a bank holiday is kept in `year`.
    static func bankHoliday(_ kind: BankHoliday, in year: Int) -> SimpleDate {
        let easterSunday = easter(year)
        switch kind {
        case .newYear: return weekdayOnOrAfter(SimpleDate(year: year, month: 1, day: 1)!)
        case .goodFriday: return easterSunday.adding(days: -2)
        case .easterMonday: return easterSunday.adding(days: 1)
        case .earlyMay: return mondayOnOrAfter(SimpleDate(year: year, month: 5, day: 1)!)
        case .spring: return mondayOnOrAfter(SimpleDate(year: year, month: 5, day: 25)!)
        case .summer: return mondayOnOrAfter(SimpleDate(year: year, month: 8, day: 25)!)
        case .christmas: return weekdayOnOrAfter(SimpleDate(year: year, month: 12, day: 25)!)
        case .boxingDay:
            // The day after Christmas's own (it may have moved to the Monday).
            return weekdayOnOrAfter(bankHoliday(.christmas, in: year).adding(days: 1))
        }
    }

    /// The day itself, or the Monday after when it falls on a Saturday or a Sunday.
    static func weekdayOnOrAfter(_ day: SimpleDate) -> SimpleDate {
        switch day.weekday {
        case 7: day.adding(days: 2)
        case 1: day.adding(days: 1)
        default: day
        }
    }

    /// The first Monday on or after a day.
    static func mondayOnOrAfter(_ day: SimpleDate) -> SimpleDate { day.adding(days: (2 - day.weekday + 7) % 7) }

    /// The words for a bank holiday (after "next", and before "monday" or "weekend"): nil is any one.
    /// (`early` and `late` are already `start` and `end`.)
    static let bankHolidayNames: [[String]: BankHoliday?] = {
        var names: [[String]: BankHoliday?] = [:]
        let holiday: [(String, BankHoliday?)] = [
            ("", nil), ("new year", .newYear), ("new years", .newYear), ("new years day", .newYear), ("easter", .easterMonday),
            ("good friday", .goodFriday), ("easter monday", .easterMonday), ("may", .earlyMay), ("early may", .earlyMay),
            ("first may", .earlyMay), ("start may", .earlyMay), ("may day", .earlyMay), ("late may", .spring), ("end may", .spring), ("last may", .spring),
            ("spring", .spring), ("whitsun", .spring), ("summer", .summer), ("august", .summer), ("aug", .summer),
            ("christmas", .christmas), ("xmas", .christmas), ("boxing day", .boxingDay),
        ]
        for (name, kind) in holiday {
            let lead = name.split(separator: " ").map(String.init)
            for tail in [["bank", "holiday"], ["bank", "hol"], ["bank", "holidays"], ["bank", "hols"]] { names[lead + tail] = kind }
        }
        names[["whitsun"]] = .spring
        return names
    }()

    /// The words above, for `reads`.
    static let holidayWords: Set<String> = Set(bankHolidayNames.keys.joined()).union(["weekend", "mon"])
}
