/// A score said at the end of words of the person's own, as people type on a phone: "pretty low
/// tbh like a 3", "not much time at all, like 1", "meh id say a 4". The number is clear, so it is
/// taken. A score said for some days only ("on a bad day 2"), against a number ("not a 3", "more
/// than 5"), or with another number in the line, is not: the person is asked for just the number.
extension AnswerParser {
    static func buriedScore(_ input: String, in range: ClosedRange<Int>) -> Int? {
        // Return early: most scores are a figure alone, read before this.
        guard input.contains(where: \.isLetter), input.contains(" ") else { return nil }
        let raw = input.lowercased().replacingOccurrences(of: "\u{2019}", with: "'").split(whereSeparator: \.isWhitespace)
        guard raw.count <= 16 else { return nil }
        var words = raw.map { String($0.drop(while: { !$0.isLetter && !$0.isNumber }).reversed().drop(while: { !$0.isLetter && !$0.isNumber }).reversed()) }
        var ends = raw.map { $0.last.map { ",:;-.".contains($0) } ?? false || $0.allSatisfy { "-:.".contains($0) } }
        // "like a 3 tbh", "a 3 i think": the words after a score that change nothing.
        let before = words.count
        dropScoreTails(&words)
        ends.removeLast(before - words.count)
        while let last = words.last, last.isEmpty {
            words.removeLast()
            ends.removeLast()
        }
        guard words.count >= 2, let last = words.last else { return nil }
        let n: Int
        if let figure = Int(last) {
            // The only figure in the line: "3 days ago it was a 7" says two.
            guard input.count(where: \.isNumber) == last.count else { return nil }
            n = figure
        } else if let word = numberWords[last], !input.contains(where: \.isNumber), words.dropLast().allSatisfy({ numberWords[$0] == nil }) {
            n = word
        } else {
            return nil
        }
        guard range.contains(n) else { return nil }
        let lead = words[words.count - 2]
        // Right before the score, a word that leads to one ("like a 3", "say 4") or a comma ("meh, 3").
        guard scoreLeads.contains(lead) || ends[words.count - 2] else { return nil }
        // "not a 3", "never above 5", "wouldnt say 4": near the score, a word against it. ("not
        // bad, 6": a comma ends what the words before it are about.)
        let from = max(words.count - 3, (ends[..<(words.count - 1)].lastIndex(of: true) ?? -1) + 1)
        for w in words[min(from, words.count - 1)..<(words.count - 1)] where againstScore.contains(w) || w.hasSuffix("n't") {
            return nil
        }
        // "on a bad day 2", "when he is home 3": a score for some days, not how it is.
        guard !words.contains(where: { someDays.contains($0) }) else { return nil }
        return n
    }

    /// Words right before a score that lead to it.
    static let scoreLeads: Set<String> = [
        "like", "a", "an", "about", "around", "say", "maybe", "prob", "probs", "probably", "prolly", "roughly", "approx", "its", "it's",
        "is", "at", "bout", "abt", "guess", "reckon", "think", "so", "tbh", "ngl", "honestly", "tbf", "lol", "mostly", "solid",
        "generally", "overall", "currently", "rn", "atm", "now", "today", "honest", "well", "um", "erm", "hmm", "meh", "just", "only",
    ]

    /// Words near a score that say it is not the one ("not a 3", "more than 5").
    static let againstScore: Set<String> = [
        "not", "never", "no", "than", "least", "most", "over", "under", "above", "below", "even", "nearly", "almost", "except",
        "wasnt", "isnt", "aint", "dont", "cant", "wouldnt", "couldnt", "didnt", "doesnt", "havent", "shouldnt", "from", "between",
        "to", "or",
    ]

    /// Words that say a score is for some days or times only, or was.
    static let someDays: Set<String> = [
        "when", "whenever", "if", "day", "days", "worst", "best", "sometimes", "usually", "normally", "yesterday", "ago", "week",
        "weeks", "month", "months", "morning", "mornings", "night", "nights", "evening", "weekend", "weekends", "used", "before",
        "was", "were", "unless", "until", "till", "last", "then", "he", "she", "they", "his", "her", "their",
    ]
}

extension AnswerParser {
    /// The point whose label the line says: the label's words exactly ("very low"), or with words
    /// around them that change nothing ("im feeling very low tbh", "plenty really"). Nil for any
    /// other words ("pretty low", "not very good"): those are asked for the number.
    static func scaleLabel(_ input: String, _ labels: [Int: String]) -> Int? {
        guard !labels.isEmpty else { return nil }
        let typed = input.lowercased()
        if let hit = labels.first(where: { $0.value.lowercased() == typed }) { return hit.key }
        // ("very low 3" is not read here: `words` has no figures, and the 3 is theirs.)
        guard typed.contains(where: \.isLetter), !typed.contains(where: \.isNumber) else { return nil }
        var whole = Self.words(typed)
        dropScoreTails(&whole)
        // ("a lot tbh" for the label "a lot": the words before are tried with and without.)
        let bare = Array(whole.drop(while: { scoreHedges.contains($0) }))
        guard !whole.isEmpty else { return nil }
        // "none" for "none at all", "not good" for "not good at all": "at all" only makes it stronger.
        return labels.first(where: { let label = Self.words($0.value)
            return label == whole || label == bare || (label.count > 2 && label.suffix(2) == ["at", "all"] && (label.dropLast(2) == whole[...] || label.dropLast(2) == bare[...]))
        })?.key
    }
}
