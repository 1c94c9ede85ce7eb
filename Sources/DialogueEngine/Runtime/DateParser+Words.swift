/// The words `DateParser` reads a date by, for `ClosedAnswer`: a date typed in these words and
/// numbers only holds no words of the person's own. Kept beside the parser: a word the parser
/// learns to read belongs here too (a word left out only means the whole check-in hears the line).
extension DateParser {
    static func reads(_ word: String) -> Bool {
        fixedWords.contains(word) || unitWords.contains(word) || number(word) != nil || ordinal(word) != nil
            || weekday(word) != nil || month(word) != nil
    }

    /// The parser's own words: `today`, `next`, `end of`, `a couple of`, `after work`, `christmas eve`.
    static let fixedWords: Set<String> = {
        var words: Set<String> = [
            "today", "yesterday",
            "next", "this", "in", "on", "the", "of", "from", "time", "end", "start", "beginning", "couple", "few",
            "after", "work", "school", "college", "lunch", "tea", "twenty", "thirty", "last", "ago", "before", "fortnight",
        ]
        words.formUnion(looseWords)
        words.formUnion(holidayWords)
        words.formUnion(tomorrowWords)
        words.formUnion(monthWords)
        for phrase in Array(todayWords) + Array(weekendWords) + Array(partsOfDay) + Array(namedDays.keys) {
            words.formUnion(phrase.split(separator: " ").map(String.init))
        }
        return words
    }()
}
