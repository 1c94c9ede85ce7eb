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
