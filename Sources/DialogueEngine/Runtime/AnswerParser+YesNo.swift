/// A yes or a no as people type one fast: "yesss", "noo", "yeahhh" (a letter held down), and
/// "i have", "i havent", "we did" (who, and the question's verb, with no yes or no at all).
extension AnswerParser {
    /// The words of a line, with a first word that is a yes or a no with letters held down
    /// ("yesss", "nooo", "nahh") read as that word.
    static func yesNoWords(_ input: String) -> [String] {
        var words = Self.words(input)
        guard let first = words.first, first.count > 2 else { return words }
        var squeezed = ""
        for c in first where squeezed.last != c { squeezed.append(c) }
        if squeezed != first, (yesHeads + noHeads).contains([squeezed]) { words[0] = squeezed }
        return words
    }

    /// "i have", "we did", "im not", "i havent", "i do not": who, then the verb of the question
    /// said again, and nothing else. Nil for anything else ("i can", "i think": not these).
    static func personAndVerb(_ words: [String]) -> Bool? {
        guard words.count == 2 || words.count == 3, answerPeople.contains(words[0]) else { return nil }
        let verb = words[1]
        if words.count == 3 { return words[2] == "not" && bareVerbs.contains(verb) ? false : nil }
        if bareVerbs.contains(verb) { return true }
        if bareNegatives.contains(verb) { return false }
        // "im not", "i'm not"
        return ["im", "i'm"].contains(words[0]) && verb == "not" ? false : nil
    }

    static let bareVerbs: Set<String> = ["have", "has", "do", "did", "does", "am", "is", "are", "was", "were", "will", "would"]
    static let bareNegatives: Set<String> = [
        "haven't", "havent", "hasn't", "hasnt", "don't", "dont", "didn't", "didnt", "doesn't", "doesnt", "isn't", "isnt",
        "aren't", "arent", "wasn't", "wasnt", "weren't", "werent", "won't", "wont", "wouldn't", "wouldnt",
    ]
}

/// A yes or no question answered with neither: "sort of", "kind of", "a bit", "yes and no",
/// "maybe", "not really sure". Either answer is fine, and the person is told so, kindly; where
/// the question can be left (`Conversation.answer`), that /skip leaves it for now.
extension AnswerParser {
    /// The reply to a yes or no answered "sort of" or "not sure".
    static let inBetweenReply = "Either yes or no is fine. Please type the one that is closest to how it is for you."

    /// Words that say a bit of both, or it depends: "sort of", "kinda", "a little", "yes and no",
    /// "sometimes", "it depends", "50/50". A short line only (eight words at most): in a longer
    /// one, these are words of the person's own.
    public static func soundsInBetween(_ input: String) -> Bool {
        let compact = input.lowercased().filter { !$0.isWhitespace }
        if ["50/50", "5050", "50-50", "50:50"].contains(where: { compact.hasPrefix($0) }) { return true }
        let words = Self.words(input)
        guard !words.isEmpty, words.count <= 8 else { return false }
        return inBetweenPhrases.contains { phrase in
            words.indices.contains { i in words[i...].starts(with: phrase) }
        }
    }

    /// Unsure, or a bit of both: where a question that can be left says so (`/skip`).
    public static func leavesItOpen(_ input: String) -> Bool { soundsUnsure(input) || soundsInBetween(input) }

    static let inBetweenPhrases: [[String]] = [
        ["sort", "of"], ["sorta"], ["sortof"], ["kind", "of"], ["kinda"], ["kindof"], ["a", "bit"], ["a", "little"],
        ["little", "bit"], ["bit", "of", "both"], ["both"], ["yes", "and", "no"], ["yes", "n", "no"], ["yeah", "and", "no"],
        ["yes", "but", "no"], ["no", "and", "yes"], ["half", "and", "half"], ["in", "between"], ["inbetween"], ["somewhat"],
        ["partly"], ["partially"], ["sometimes"], ["some", "of", "the", "time"], ["now", "and", "then"], ["on", "and", "off"],
        ["off", "and", "on"], ["depends"], ["more", "or", "less"], ["not", "quite"], ["not", "exactly"], ["not", "always"],
        ["mostly"], ["almost"], ["nearly"], ["ish"], ["probably"], ["possibly"], ["mixed"], ["hard", "to", "say"], ["so", "so"],
    ]
}

/// "Are you a peer support worker?" answered "yes im a peer worker": a yes, then the question's own
/// words said back. It was asked for "just yes or no", as if words of their own came after it.
extension AnswerParser {
    /// A yes with only the question's words after it (and who, and small words): "yes im a peer
    /// worker", "yeah i am a carer". Nil for anything else, and for any "not" ("yes im not a
    /// peer worker" says both). A no is not read this way: "no im a peer worker" says both too.
    static func yesEchoing(_ input: String, asked: String) -> Bool? {
        guard !asked.isEmpty else { return nil }
        let words = yesNoWords(input)
        guard words.count > 1, let head = yesHeads.first(where: { words.starts(with: $0) }) else { return nil }
        let rest = words.dropFirst(head.count)
        let question = Set(Self.words(asked))
        guard rest.contains(where: { $0.count > 2 && question.contains($0) && !echoes.contains($0) && !answerPeople.contains($0) }),
              rest.allSatisfy({ question.contains($0) || answerPeople.contains($0) || echoes.contains($0) || politeWords.contains($0) || echoSmallWords.contains($0) }),
              !rest.contains(where: { notWords.contains($0) || negativeEchoes.contains($0) })
        else { return nil }
        return true
    }

    static let echoSmallWords: Set<String> = ["a", "an", "the", "my", "one", "yes"]
}
