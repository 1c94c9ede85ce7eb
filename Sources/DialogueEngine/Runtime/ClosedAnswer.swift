/// An answer to a closed question (a choice, a number, a scale, a date, yes or no) typed in closed
/// words only: every word is one the parser reads it by (a number, a date's words, "out of", "about"),
/// a word of the label of the option chosen (written by the plan's author), or one of the parser's
/// few fixed words that add nothing ("please", "the", "just"). Such a line holds no words of the
/// person's own, so the check-in's weighed words have nothing of theirs to weigh: "only the 2",
/// "I am their son or daughter", "in a couple of weeks" brought the gentle line, and used it up.
/// The patterns still hear every line. A line with any other word, or a mark that is not
/// punctuation (an emoji), is not closed.
enum ClosedAnswer {
    static func holdsNoOwnWords(_ line: String, as spec: AnswerSpec, today: SimpleDate) -> Bool {
        // Text, a list or records take the person's own words: never closed, and not read twice.
        switch spec {
        case .text, .list, .records: return false
        case .pickOne, .pickMany, .yesNo, .number, .scale, .date: break
        }
        let input = line.trimmedSpaces
        guard case .value(let value) = AnswerParser(today: today).parse(input, as: spec) else { return false }
        // A yes or a no: read only from short fixed lists (`AnswerParser.yesOrNo`), marks too.
        if case .yesNo = spec { return true }
        guard input.utf8.allSatisfy(Self.isPlainByte)
            || input.allSatisfy({ $0.isLetter || $0.isNumber || $0.isWhitespace || punctuation.contains($0) }) else { return false }
        let known: (String) -> Bool
        switch (spec, value) {
        case (.pickOne(let options), .choice(let key)):
            let words = labelWords(options.filter { $0.key == key })
            known = { fixedChoiceWords.contains($0) || words.contains($0) }
        case (.pickMany(let options, _, _), .choices(let keys)):
            let words = labelWords(options.filter { keys.contains($0.key) })
            known = { $0 == "and" || fixedChoiceWords.contains($0) || words.contains($0) }
        case (.number, .number), (.scale, .number):
            // The number's words, and the words around it the reader leaves out ("about", "tbh", "i think").
            known = { w in
                AnswerParser.numberWords[w] != nil || AnswerParser.scoreHedges.contains(w) || scaleWords.contains(w) || tailWords.contains(w)
                    || (w.count > 3 && w.hasSuffix("ish") && isNumeral(w.dropLast(3)))
            }
        case (.date, .date):
            known = DateParser.reads
        default:
            return false
        }
        return words(input).allSatisfy { isNumeral($0[...]) || closed($0, known) }
    }

    /// Marks a closed answer may have: "1, 3", "7/10", "1/3/2027", "every week.", "I'd".
    static let punctuation: Set<Character> = [".", ",", "!", "?", "/", "-", ":", ";", "(", ")", "'", "\u{2019}", "&"]

    /// An ASCII letter, digit, space or one of `punctuation`: the same test as by Character, for a
    /// line of ASCII, at a byte's cost (Unicode's letters cost about 400 instructions a character).
    static func isPlainByte(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        case 0x09...0x0D, 0x20: true
        case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: "/"), UInt8(ascii: "-"),
             UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "'"), UInt8(ascii: "&"): true
        default: false
        }
    }

    /// "7 out of 10", "6 ish".
    static let scaleWords: Set<String> = ["out", "of", "outta", "ish"]

    /// The words after a score or a number that change nothing ("4 tbh", "6 at the moment").
    static let tailWords: Set<String> = Set(AnswerParser.scoreTails.joined())

    /// The number words and the fixed words the parser leaves out of a choice ("please", "the",
    /// "just"), and the words of a guess ("developing i think", "id say 3"): made once, not on
    /// every answer (a set built per answer cost a choice's turn thousands of instructions).
    static let fixedChoiceWords: Set<String> = {
        var words = Set(AnswerParser.numberWords.keys).union(AnswerParser.choiceFillers)
        words.formUnion(AnswerParser.choiceTails.joined())
        words.formUnion(AnswerParser.choiceLeads.joined().map { $0.replacingOccurrences(of: "'", with: "") })
        words.formUnion(AnswerParser.choiceHedges)
        return words
    }()

    /// The words of the options chosen, their labels and keys (`fixedChoiceWords` are known too).
    static func labelWords(_ chosen: [Option]) -> Set<String> {
        var words = Set<String>()
        for option in chosen {
            for text in [option.label, option.key] {
                words.formUnion(text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init))
            }
        }
        return words
    }

    /// A known word, or a short form of known words: "dont" is "do not", "I'd" is "I" and "would",
    /// "week's" is "week".
    static func closed(_ word: String, _ known: (String) -> Bool) -> Bool {
        if known(word) { return true }
        if let long = AnswerParser.contractions[word], long.allSatisfy(known) { return true }
        if word.hasSuffix("'s"), known(String(word.dropLast(2))) { return true }
        let pieces = word.split(separator: "'").map(String.init)
        return pieces.count > 1 && pieces.allSatisfy { isNumeral($0[...]) || known($0) }
    }

    /// Lower-case words: letters, digits and apostrophes (a curly one read as straight); anything
    /// else divides words.
    static func words(_ input: String) -> [String] {
        if input.utf8.allSatisfy({ $0 < 0x80 }) {
            // A line of ASCII, as bytes: the same words as below.
            var words: [String] = []
            var word: [UInt8] = []
            func end() {
                let apostrophe = UInt8(ascii: "'")
                if let first = word.firstIndex(where: { $0 != apostrophe }), let last = word.lastIndex(where: { $0 != apostrophe }) {
                    words.append(String(decoding: word[first...last], as: UTF8.self))
                }
                word.removeAll(keepingCapacity: true)
            }
            for b in input.utf8 {
                switch b {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "'"): word.append(b)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): word.append(b | 0x20)
                default: end()
                }
            }
            end()
            return words
        }
        let text = input.lowercased().replacingOccurrences(of: "\u{2019}", with: "'")
        return text.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "'") })
            .map { String($0.drop { $0 == "'" }.reversed().drop { $0 == "'" }.reversed()) }
            .filter { !$0.isEmpty }
    }

    static func isNumeral(_ word: Substring) -> Bool {
        !word.isEmpty && word.allSatisfy { $0.isASCII && $0.isNumber }
    }
}

import Foundation
