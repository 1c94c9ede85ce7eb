/// Choices typed in words that no one choice has all of.
extension AnswerParser {
    /// The places (from 0) of the choices whose labels have one of the words typed, of three
    /// letters or more and not a small word ("with", "the"), when some but not all choices do:
    /// "my support worker kim" is near "With a worker I trust" and "With a peer support worker".
    /// Only to say which choices are close: a choice is never taken from part of what was typed.
    static func nearChoices(_ input: String, _ options: [Option]) -> [Int] {
        // Never a word for someone in their life: which way it points ("my son", "his son") is
        // not known here, and "hes my son" was pointed to "I am their son or daughter".
        let typed = Set(choiceWords(input.lowercased()).filter {
            $0.count >= 3 && !nearFillers.contains($0) && !personWords.contains($0) && kinWords[$0] == nil && theirSideKin[$0] == nil && Int($0) == nil
        })
        guard !typed.isEmpty else { return [] }
        let near = options.indices.filter { i in
            let label = options[i].label.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber })
            return label.contains { word in word.count >= 3 && !nearFillers.contains(String(word)) && typed.contains { word.hasPrefix($0) } }
        }
        return near.count < options.count ? near : []
    }

    /// Choices that say what the person typing is to someone ("I am their mum, dad or parent"),
    /// answered with what that someone is to them ("hes my son", "my wife"): the other side of it
    /// ("parent", "partner"), and the words about them ("he's") left out. Other choices ("With a
    /// friend or family member", "My son or daughter") and lines without "my" are as typed.
    static func theirSide(_ words: [String], _ options: [Option]) -> [String] {
        guard words.contains("my"), words.contains(where: { theirSideKin[$0] != nil }),
            options.contains(where: { Self.words($0.label).contains("their") })
        else { return words }
        return words.compactMap { w in aboutThem.contains(w) ? nil : (theirSideKin[w] ?? w) }
    }

    /// Someone in my life, and what I am to them.
    static let theirSideKin: [String: String] = {
        var other: [String: String] = [:]
        for w in ["son", "sons", "daughter", "daughters", "child", "children", "kid", "kids", "boy", "girl", "lad", "baby"] { other[w] = "parent" }
        for w in ["mum", "mom", "mother", "mam", "dad", "father", "parent", "parents"] { other[w] = "son" }
        for w in ["husband", "wife", "partner", "boyfriend", "girlfriend", "fiance", "fiancee"] { other[w] = "partner" }
        for w in ["brother", "sister", "friend", "mate"] { other[w] = w == "mate" ? "friend" : w }
        for w in ["grandson", "granddaughter", "grandchild", "nephew", "niece", "cousin", "aunt", "uncle", "nan", "gran", "grandma", "grandad", "grandpa"] {
            other[w] = "relative"
        }
        return other
    }()

    /// Words about the other person in "hes my son", "she is my mum", "they're my friend".
    static let aboutThem: Set<String> = ["he", "she", "they", "hes", "he's", "shes", "she's", "theyre", "they're", "is", "are", "my"]

    /// Words too common in labels to say which choice is meant.
    static let nearFillers: Set<String> = [
        "with", "and", "the", "for", "you", "your", "not", "but", "all", "any", "are", "was", "this", "that", "what",
        "who", "when", "from", "about", "have", "has", "can", "will", "would", "yes", "one", "some", "more", "less",
        "very", "just", "really", "don't", "dont", "i'm", "im", "it's", "its", "our", "own", "out", "get",
    ]

    /// One of several choices with a word before or after it that changes nothing: "maybe 3",
    /// "also 4", "and 6 too", "probably crisis" (after "1 and 6, maybe 3"). The piece as typed is
    /// tried first, so a label with such a word in it is still found whole.
    static func choiceHedged(_ piece: String, _ options: [Option], _ match: (String, [Option]) -> Match) -> Match {
        let found = match(piece, options)
        guard case .none = found else { return found }
        var words = piece.split(whereSeparator: \.isWhitespace).map(String.init)
        let plain = { (w: String) in w.lowercased().trimmingCharacters(in: .punctuationCharacters).replacingOccurrences(of: "\u{2019}", with: "'") }
        // "i think developing", "id say 3": a guess said first.
        for lead in choiceLeads where words.count > lead.count && words.prefix(lead.count).map(plain) == lead { words.removeFirst(lead.count); break }
        while words.count > 1, let first = words.first, choiceHedges.contains(first.lowercased()) { words.removeFirst() }
        // "developing i think", "3 i guess", "every 2 weeks probably".
        var trimmed = true
        while trimmed {
            trimmed = false
            for tail in choiceTails where words.count > tail.count && words.suffix(tail.count).map(plain) == tail {
                words.removeLast(tail.count)
                trimmed = true
            }
        }
        let shorter = words.joined(separator: " ")
        return shorter == piece ? found : match(shorter, options)
    }

    static let choiceHedges: Set<String> = ["maybe", "also", "and", "plus", "probably", "possibly", "perhaps", "oh", "prob", "definitely", "def"]

    /// Words after a choice that change nothing: "developing i think", "3 tbh", "2 for now".
    static let choiceTails: [[String]] = [
        ["as", "well"], ["too"], ["maybe"], ["also"], ["please"], ["i", "think"], ["i", "guess"], ["i", "reckon"], ["i", "suppose"],
        ["i", "hope"], ["probably"], ["tbh"], ["to", "be", "honest"], ["honestly"], ["for", "now"], ["right", "now"],
        ["at", "the", "moment"], ["atm"], ["at", "a", "guess"], ["id", "say"], ["i'd", "say"],
    ]

    /// Words before a choice that change nothing: "i think developing", "id say 3".
    static let choiceLeads: [[String]] = [["i", "think"], ["i", "guess"], ["i", "reckon"], ["id", "say"], ["i'd", "say"], ["i", "would", "say"]]

    /// A choice named by its place in the list, when no label has the words: "option 3", "number
    /// 2", "choice 4", "the first one", "the 2nd", "third please", "the last one". Nil for a place
    /// the list does not have.
    static func choiceByPlace(_ text: String, count: Int) -> Int? {
        var words = text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        words.removeAll { ["the", "one", "please", "thanks", "option", "number", "choice", "num", "nr", "pick", "i", "ll", "take", "go", "for"].contains($0) }
        guard words.count == 1, count > 0 else { return nil }
        let word = words[0]
        let place: Int?
        if word == "last" {
            place = count
        } else if let n = Int(word) {
            place = n
        } else if let n = DateParser.ordinalWords[word] {
            place = n
        } else if word.count > 2, ["st", "nd", "rd", "th"].contains(String(word.suffix(2))), let n = Int(word.dropLast(2)) {
            place = n
        } else {
            place = nil
        }
        return place.flatMap { (1...count).contains($0) ? $0 : nil }
    }
}
