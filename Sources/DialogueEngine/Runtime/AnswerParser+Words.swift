extension AnswerParser {
    /// Lower-case words: letters and apostrophes (a curly one read as straight), anything else a space.
    /// A line of ASCII (nearly every line) is read byte by byte: by Character, with Unicode's
    /// letters, it cost about 1,900 instructions a character, on every answer.
    static func words(_ input: String) -> [String] {
        if let ascii = asciiWords(input) { return ascii }
        let letters: [Character] = input.lowercased().map { c in
            c == "\u{2019}" ? "'" : (c.isLetter || c == "'" ? c : " ")
        }
        return letters.split(separator: " ").map { String($0) }
    }

    /// `words(_:)` for a line of ASCII: the same words, or nil when a byte is not ASCII.
    private static func asciiWords(_ input: String) -> [String]? {
        var input = input
        input.makeContiguousUTF8()
        let read = input.utf8.withContiguousStorageIfAvailable { bytes -> [String]? in
            var words: [String] = []
            var word: [UInt8] = []
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "'"): word.append(byte)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): word.append(byte | 0x20)
                case 0x80...: return nil
                default:
                    guard !word.isEmpty else { continue }
                    words.append(String(decoding: word, as: UTF8.self))
                    word.removeAll(keepingCapacity: true)
                }
            }
            if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
            return words
        }
        return read ?? nil
    }

    /// Words that say the person does not know: "dunno", "not sure", "I don't know", "maybe", "?".
    public static func soundsUnsure(_ input: String) -> Bool {
        if !input.isEmpty, input.allSatisfy({ $0 == "?" || $0 == " " }) { return true }
        let words = Self.words(input)
        return unsurePhrases.contains { phrase in
            words.indices.contains { i in words[i...].starts(with: phrase) }
        }
    }

    /// Words that say a question does not apply: "n/a", "not applicable", "none", "pass".
    public static func soundsNotApplicable(_ input: String) -> Bool {
        let words = Self.words(input.replacingOccurrences(of: "/", with: ""))
        return notApplicablePhrases.contains { words == $0 }
    }

    static let notApplicablePhrases: [[String]] = [
        ["na"], ["n", "a"], ["none"], ["pass"], ["nothing"], ["not", "applicable"], ["does", "not", "apply"],
        ["doesnt", "apply"], ["doesn't", "apply"], ["not", "relevant"], ["no", "comment"],
    ]

    static let unsurePhrases: [[String]] = [
        ["dunno"], ["idk"], ["unsure"], ["maybe"], ["perhaps"], ["not", "sure"], ["no", "idea"], ["no", "clue"],
        ["don't", "know"], ["dont", "know"], ["do", "not", "know"], ["not", "certain"], ["can't", "say"], ["cant", "say"],
        // A date not fixed yet, as a team writes it: "tbc", "to be confirmed", "not decided".
        ["tbc"], ["tba"], ["tbd"], ["to", "be", "confirmed"], ["to", "be", "decided"], ["to", "be", "agreed"], ["undecided"],
        ["not", "decided"], ["not", "agreed"], ["not", "really", "sure"], ["not", "too", "sure"], ["not", "so", "sure"],
    ]
}
