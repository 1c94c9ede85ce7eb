/// Choices pointed at by a word of their label, as people say them: "the sleep one", "the carers
/// one", "the one about money", "the one with the group".
extension AnswerParser {
    /// The words of a choice said with "one" ("the sleep one", "the one about money"), without
    /// "one" and the small words that point ("about", "with"); nil when there is no "one", when a
    /// label has "one" in it ("One to one with a worker"), when nothing would be left, or when
    /// what is left says a place ("the second one", "the last one": `choiceByPlace` reads those).
    static func withoutOne(_ words: [String], _ labels: [[String]]) -> [String]? {
        guard words.contains(where: { $0 == "one" || $0 == "ones" }),
              !labels.contains(where: { $0.contains { $0 == "one" || $0 == "ones" } }) else { return nil }
        let rest = words.filter { !oneWords.contains($0) }
        guard !rest.isEmpty, rest.count < words.count else { return nil }
        if rest.count == 1, let word = rest.first, word == "last" || Int(word) != nil || DateParser.ordinalWords[word] != nil
            || (word.count > 2 && ["st", "nd", "rd", "th"].contains(where: word.hasSuffix) && Int(word.dropLast(2)) != nil) {
            return nil
        }
        return rest
    }

    /// Words that point at a choice, not words of its label.
    static let oneWords: Set<String> = [
        "one", "ones", "about", "abt", "bout", "with", "for", "on", "of", "which", "says", "saying", "is", "bit", "option",
        "choice", "thing", "regarding", "re", "to", "do", "i", "want", "like", "pick", "choose", "go", "ill", "i'll", "take",
    ]

    /// "carers" for a label's "carer": a plural typed for a word the label has in the singular.
    @inline(__always)
    static func plural(_ typed: String, of label: String) -> Bool {
        typed.utf8.count > 3 && typed.utf8.count == label.utf8.count + 1 && typed.utf8.last == UInt8(ascii: "s") && typed.hasPrefix(label)
    }

    /// Choices as people see them, with their numbers: "2. Sleep; 4. Support for carers".
    static func numbered(_ found: [Option], _ options: [Option]) -> String {
        found.map { o in
            let place = options.firstIndex(where: { $0.key == o.key }).map { "\($0 + 1). " } ?? ""
            return place + o.label
        }.joined(separator: "; ")
    }
}
