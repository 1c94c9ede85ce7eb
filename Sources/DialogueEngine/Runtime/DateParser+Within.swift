/// A date inside words of the person's own: "after my annual leave, so like the 4th jan". Not
/// taken as the answer (the other words could not be kept, and might change it); used to ask for
/// just the date, in the words they used for it.
extension DateParser {
    /// The words of the one date in `input`, as typed, when the whole line is not a date: the
    /// longest run of words read as a date, when no other run not inside it is read as another
    /// date. Nil when there is none, when there are two ("the 4th or the 11th"), or when the line
    /// says not ("not today").
    public static func dateWithin(_ input: String, today: SimpleDate) -> String? {
        let words = input.split(whereSeparator: \.isWhitespace).map { word in
            // Quotes and brackets around a word, and a comma or full stop after it, are not part of
            // it; a minus sign is ("in -2 weeks" is no date).
            String(word.drop(while: { "\"'([{\u{201C}\u{2018}".contains($0) }).reversed().drop(while: { ",.;:!?\"')]}\u{201D}\u{2019}".contains($0) }).reversed())
        }.filter { !$0.isEmpty }
        // Long pastes are not searched: this only chooses the words of a kinder reply.
        guard words.count > 1, words.count <= 40 else { return nil }
        let lower = words.map { $0.lowercased() }
        guard !lower.contains(where: { negations.contains($0) }) else { return nil }
        var found: [(range: Range<Int>, date: SimpleDate)] = []
        for length in stride(from: min(6, words.count - 1), through: 1, by: -1) {
            for start in 0...(words.count - length) {
                let range = start..<(start + length)
                // A run inside one already found is that date, or a part of it ("4th" in "the 4th jan").
                guard !found.contains(where: { $0.range.clamped(to: range) == range }) else { continue }
                // One word alone must say a date itself: a number or "may" on its own is not one.
                // "sometime next week": the date offered is "next week".
                if lower[start] == "sometime" || lower[start] == "some" { continue }
                if length == 1, !loneDateWords.contains(lower[start]), !lower[start].contains(where: \.isNumber) || lower[start].allSatisfy(\.isNumber) { continue }
                if let date = parse(words[range].joined(separator: " "), today: today) { found.append((range, date)) }
            }
        }
        guard let first = found.first, found.allSatisfy({ $0.date == first.date }) else { return nil }
        let longest = found.max { $0.range.count < $1.range.count }!
        // "after christmas", "the week before the 4th", "day after tomorrow": the date is not the
        // one they mean, so it is not offered back to them.
        if longest.range.lowerBound > 0, shiftWords.contains(lower[longest.range.lowerBound - 1]) { return nil }
        // "christmas in 2027": a year after it that the date offered would leave out.
        if lower[longest.range.upperBound...].contains(where: { $0.count == 4 && year($0) != nil }) { return nil }
        // "like the 4th jan", "friday i guess": the words around it that change nothing are not offered.
        var range = longest.range
        while range.count > 1, dateHedges.contains(lower[range.lowerBound]) || lower[range.lowerBound] == "of" { range = (range.lowerBound + 1)..<range.upperBound }
        while range.count > 1, tailWords.contains(lower[range.upperBound - 1]) { range = range.lowerBound..<(range.upperBound - 1) }
        return words[range].joined(separator: " ")
    }

    static let negations: Set<String> = ["not", "no", "never", "don't", "dont", "can't", "cant", "won't", "wont", "isn't", "isnt"]
    static let shiftWords: Set<String> = ["after", "before", "past"]
    /// The words of `dateTails`, one by one.
    static let tailWords: Set<String> = Set(dateTails.joined())
    static let loneDateWords: Set<String> = ["today", "tomorrow", "tmrw", "tonight", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "christmas"]
}

/// "after christmas", "before easter", "just after the new year": a day they named, and a time
/// around it. Which day in that time is not known, so none is kept; they were told "I could not
/// read that as a date", as if the day itself had been typed wrong. They are told which day Tandem
/// read, and asked for the day they have in mind, with days near it to show how.
extension DateParser {
    public static func aroundADay(_ input: String, today: SimpleDate) -> String? {
        // Return early: most dates say none of these.
        let lower = input.lowercased()
        guard lower.contains("after") || lower.contains("before") else { return nil }
        var words = lower.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        guard words.count >= 2, words.count <= 8 else { return nil }
        while words.count > 2, let first = words.first, aroundLeads.contains(first) { words.removeFirst() }
        guard let which = words.first, which == "after" || which == "before" else { return nil }
        let rest = words.dropFirst().joined(separator: " ")
        // "after tomorrow" is "the day after tomorrow" to some, and read by the parser when said so.
        guard !tomorrowWords.contains(rest), let day = parse(rest, today: today) else { return nil }
        let after = which != "before"
        let near = after ? [day.adding(days: 1), day.adding(days: 7)] : [day.adding(days: -1), day.adding(days: -7)]
        let like = near.map { "\($0.day)/\($0.month)" }.joined(separator: " or ")
        return "\(after ? "After" : "Before") \(day.spoken) could be many days, so I cannot keep it as one date. Please type the day you have in mind, like \(like)."
    }

    /// Words before "after" that change nothing: "just after christmas", "sometime after easter".
    /// ("the day after christmas" is one day, and is not this.)
    static let aroundLeads: Set<String> = ["just", "sometime", "some", "soon", "straight", "right", "shortly", "probably", "maybe", "prob", "hopefully"]
}
