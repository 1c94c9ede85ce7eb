import Foundation

/// Numbers as people type them: a score ("about a 4 tbh", "7/10") and an amount ("2.5", "seven").
extension AnswerParser {
    /// A line as the parser reads it: without spaces at the ends and, for an answer that is not
    /// words of the person's own, with full-width figures and letters read as plain ones ("７/１０",
    /// "２ weeks", from a Chinese, Japanese or Korean keyboard). Text is kept as typed.
    static func typedPlain(_ raw: String, as spec: AnswerSpec) -> String {
        switch spec {
        case .text, .list: raw.trimmedSpaces
        default: DateParser.halfWidth(raw).trimmedSpaces
        }
    }

    /// A whole number as people type a score: `7`, `seven`, `7/10`, `7 out of 10`, `7 of 10` (the
    /// second number must be the top of the scale, `top`). Nil for anything else.
    static func score(_ input: String, outOf top: Int) -> Int? {
        if let n = Int(input) { return n }
        switch scoreParts(input) {
        case .outOf(let n, let typedTop, _)?: return typedTop == top ? n : nil
        case .alone(let n)?: return n
        case nil: return nil
        }
    }

    /// Between a score and the top of its scale: "7/10", "7 out of 10", "7 outta 10", "7 of 10".
    static let outOfWords = ["/", " out of ", " outta ", " of "]

    /// A score as typed: a number alone ("about 7", "seven"), or a number out of a top ("7/10",
    /// "3 out of 5"), with the words between them; nil when a number is not all there is.
    enum ScoreParts { case alone(Int), outOf(Int, top: Int, separator: String) }
    static func scoreParts(_ input: String) -> ScoreParts? {
        let text = Self.withoutHedges(input.lowercased().trimmingScalars(where: { $0 == "." || $0 == "!" }).trimmedSpaces)
        let number = { (w: Substring) -> Int? in
            let word = w.trimmingCharacters(in: .whitespaces)
            return Int(word) ?? Self.numberWords[word]
        }
        // "7/10", "7 out of 10", "7 of 10": the score, then the top of the scale.
        for separator in outOfWords {
            guard let found = text.range(of: separator) else { continue }
            guard let n = number(text[..<found.lowerBound]), let top = number(text[found.upperBound...]) else { return nil }
            return .outOf(n, top: top, separator: separator)
        }
        return number(Substring(text)).map(ScoreParts.alone)
    }

    /// "3 out of 5", "8/10", "about a 4 out of 5": a score out of some top, when that top is not
    /// this scale's; nil for anything else. (Which number on this scale is theirs to say: a 3 out
    /// of 5 may be a 5 or a 6 out of 10.)
    static func scoreOnOtherScale(_ input: String, _ range: ClosedRange<Int>) -> String? {
        guard case .outOf(let n, let top, let separator)? = scoreParts(input),
              top > 1, top != range.upperBound, (0...top).contains(n) else { return nil }
        // "7/8" and "4/5" may be "7 or 8": with a slash, only a top that scales use, above the next number.
        if separator == "/", !([5, 10, 20, 100].contains(top) && top > n + 1) { return nil }
        let scale = "This scale goes from \(range.lowerBound) to \(range.upperBound), not up to \(top)."
        let ask = "Please type the number from \(range.lowerBound) to \(range.upperBound) that fits best."
        // A score that comes to a whole number here is offered as a guide: 3 out of 5 is 6 out of 10.
        if (n * range.upperBound) % top == 0, range.contains(n * range.upperBound / top) {
            return "\(scale) \(n) out of \(top) would be about \(n * range.upperBound / top) here. \(ask)"
        }
        return "\(scale) \(ask)"
    }

    /// A number as people type one: `1,200`, `2.5`, `seven`, `about 3`, `6ish`, `4 i think`.
    static func amount(_ input: String) -> Double? {
        if let n = Double(input.replacingOccurrences(of: ",", with: "")) { return n }
        let words = Self.amountWords(input)
        guard words.count == 1 else { return nil }
        return Double(words[0]) ?? Self.numberWords[words[0]].map(Double.init)
    }

    /// A number followed by words the question itself used, and small words between them: "7
    /// hours a night" to "About how many hours do you sleep, most nights?", "3 times" to "How many
    /// times ...?". A plural and its singular are the same word. Nil when any other word follows.
    static func amount(_ input: String, unitsFrom asked: String) -> Double? {
        let words = Self.amountWords(input)
        guard words.count > 1, !asked.isEmpty, let first = words.first, let n = Double(first) ?? Self.numberWords[first].map(Double.init) else { return nil }
        let single = { (w: String) in w.count > 3 && w.hasSuffix("s") ? String(w.dropLast()) : w }
        let questionWords = Set(Self.words(asked).map(single))
        let rest = words.dropFirst().map(single)
        guard rest.contains(where: { questionWords.contains($0) }),
            rest.allSatisfy({ questionWords.contains($0) || unitLinks.contains($0) })
        else { return nil }
        return n
    }

    /// Small words between a number and the question's own words: "7 hours a night".
    static let unitLinks: Set<String> = ["a", "an", "per", "each", "every", "in"]

    /// The words of a typed number, lower-case, with the words before and after it that change
    /// nothing left out ("about", "i think"); a point inside a number is kept (`2.5`).
    static func amountWords(_ input: String) -> [String] {
        var words = input.lowercased().replacingOccurrences(of: ",", with: "").split(whereSeparator: \.isWhitespace).flatMap { raw -> [String] in
            let word = String(raw.drop(while: { !$0.isLetter && !$0.isNumber }).reversed().drop(while: { !$0.isLetter && !$0.isNumber }).reversed())
            // A minus sign or a point before the number is part of it ("about -3", ".5").
            let signed = String(raw.reversed().drop(while: { !$0.isLetter && !$0.isNumber }).reversed())
            if signed != word, Double(signed) != nil { return [signed] }
            if word.count > 3, word.hasSuffix("ish"), Double(word.dropLast(3)) != nil { return [String(word.dropLast(3))] }
            return word.isEmpty ? [] : [word]
        }
        while words.count > 1, let first = words.first, scoreHedges.contains(first) { words.removeFirst() }
        Self.dropScoreTails(&words)
        return words
    }

    /// A score without the words around it that do not change it: "about 6", "6ish", "maybe a 6",
    /// "I'd say 6", and emoji. Text with anything else in it is given back as it was.
    static func withoutHedges(_ text: String) -> String {
        guard text.contains(where: { !($0.isASCII && ($0.isNumber || $0 == " " || $0 == "/")) }) else { return text }
        let cleaned = String(text.map { c -> Character in
            c == "\u{2019}" ? "'" : (c.isLetter || c.isNumber || c == "/" || c == "'" ? c : " ")
        })
        var words = cleaned.split(separator: " ").map(String.init)
        words = words.flatMap { w -> [String] in
            w.count > 3 && w.hasSuffix("ish") && w.dropLast(3).allSatisfy(\.isNumber) ? [String(w.dropLast(3))] : [w]
        }
        while let first = words.first, scoreHedges.contains(first) { words.removeFirst() }
        // "4 tbh", "6 at the moment", "3 i think": words after the score that carry nothing of the
        // person's own. Words that do ("1 its awful") are left, and the person is asked for just the number.
        Self.dropScoreTails(&words)
        return words.isEmpty ? text : words.joined(separator: " ")
    }

    /// Leaves out the words after a score that change nothing ("4 tbh", "6 at the moment"), never
    /// the last word.
    static func dropScoreTails(_ words: inout [String]) {
        words.removeTrailing(scoreTails)
    }

    /// What people add after a score that changes nothing: longest first.
    static let scoreTails: [[String]] = [
        ["to", "be", "honest"], ["at", "the", "moment"], ["at", "the", "minute"], ["right", "now"], ["i", "think"],
        ["i", "guess"], ["i", "reckon"], ["i", "suppose"], ["or", "so"], ["thank", "you"], ["tbh"], ["honestly"], ["atm"],
        ["today"], ["now"], ["please"], ["thanks"], ["ish"], ["really"], ["x"], ["xx"], ["lol"],
        // "5 maybe", "3 if that", "4 id say": as "maybe 5" and "3ish" already were.
        ["i", "would", "say"], ["i'd", "say"], ["id", "say"], ["if", "that"], ["maybe"], ["probably"], ["prob"], ["pls"], ["tbf"], ["haha"],
        // "4 probs", "6 ngl", "3 or something".
        ["probs"], ["prolly"], ["ngl"], ["or", "something"], ["or", "summat"],
    ]

    static let scoreHedges: Set<String> = [
        "about", "around", "maybe", "probably", "prob", "roughly", "like", "a", "i'd", "id", "i", "would", "say",
        "approx", "approximately", "perhaps", "just", "only", "honestly", "tbh", "um", "umm", "erm", "er", "hmm", "well",
        "so", "oh", "its", "it's", "i'm", "im", "feeling", "at", "guess", "think",
        // As typed on a phone: "bout a 4", "abt 6", "probs a 3", "ngl like a 2".
        "bout", "abt", "probs", "prolly", "ngl", "tbf",
    ]

    /// "2 or 3", "2-3", "2 to 3", "between two and three", "maybe 6 or 7": two scores side by side
    /// (with "or", "to", "and" or a dash between them), both in `range`. Nil for anything else.
    static func twoScores(_ input: String, in range: ClosedRange<Int>) -> (Int, Int)? {
        let spaced = input.lowercased().replacingOccurrences(of: "-", with: " - ").replacingOccurrences(of: "\u{2013}", with: " - ")
        let words = spaced.split(whereSeparator: { $0.isWhitespace || $0 == "," || $0 == "." || $0 == "?" || $0 == "!" }).map(String.init)
        let score = { (w: String) -> Int? in Int(w) ?? numberWords[w] }
        var found: (Int, Int)?
        for i in words.indices.dropLast(2) {
            guard let a = score(words[i]), ["or", "to", "and", "-"].contains(words[i + 1]), let b = score(words[i + 2]), a != b else { continue }
            // Two pairs ("2 or 3, or 7 or 8") say no one thing.
            if found != nil { return nil }
            found = (min(a, b), max(a, b))
        }
        guard let found, range.contains(found.0), range.contains(found.1) else { return nil }
        return found
    }

    /// A score in figures as the last word, after words of the person's own ("not much time at
    /// all like 1", "on a bad day 2"): the only figure in the line, and in `range`.
    static func scoreAtEnd(_ input: String, in range: ClosedRange<Int>) -> Int? {
        let words = input.split(whereSeparator: \.isWhitespace).map { $0.trimmingCharacters(in: .punctuationCharacters) }.filter { !$0.isEmpty }
        guard words.count > 1, let last = words.last, let n = Int(last), range.contains(n),
              input.count(where: \.isNumber) == last.count, input.contains(where: \.isLetter),
              // "out of 10" is the top of the scale, not a score.
              !["of", "out"].contains(words[words.count - 2].lowercased()) else { return nil }
        return n
    }

    static let numberWords = ["zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10]
}
