/// Choices typed in words that no one choice has all of.
extension AnswerParser {
    /// The places (from 0) of the choices whose labels have one of the words typed, of three
    /// letters or more and not a small word ("with", "the"), when some but not all choices do:
    /// "my support worker kim" is near "With a worker I trust" and "With a peer support worker".
    /// Only to say which choices are close: a choice is never taken from part of what was typed.
    static func nearChoices(_ input: String, _ options: [Option]) -> [Int] {
        let typed = Set(choiceWords(input.lowercased()).filter { $0.count >= 3 && !nearFillers.contains($0) && !personWords.contains($0) && Int($0) == nil })
        guard !typed.isEmpty else { return [] }
        let near = options.indices.filter { i in
            let label = options[i].label.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber })
            return label.contains { word in word.count >= 3 && !nearFillers.contains(String(word)) && typed.contains { word.hasPrefix($0) } }
        }
        return near.count < options.count ? near : []
    }

    /// Words too common in labels to say which choice is meant.
    static let nearFillers: Set<String> = [
        "with", "and", "the", "for", "you", "your", "not", "but", "all", "any", "are", "was", "this", "that", "what",
        "who", "when", "from", "about", "have", "has", "can", "will", "would", "yes", "one", "some", "more", "less",
        "very", "just", "really", "don't", "dont", "i'm", "im", "it's", "its", "our", "own", "out", "get",
    ]
}
