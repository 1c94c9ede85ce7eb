/// How people end a list, and type one on a line, when the question asks for one thing a line.
enum ListWords {
    /// "done", "that's it", "no more", "nothing else thanks": the list is finished, as an empty line
    /// says. Said once something is in the list (before that, "none" or "no" may be the answer).
    static func finishes(_ line: String) -> Bool {
        var words = AnswerParser.words(line).map { $0.replacingOccurrences(of: "'", with: "") }
        // "ok done", "no thats all", "right, that's it for now thanks", "i think thats everything"
        words.removeTrailing(tails)
        if words.starts(with: ["i", "think"]), words.count > 2 { words.removeFirst(2) }
        while !words.isEmpty {
            if ends.contains(words) { return true }
            guard let first = words.first, openers.contains(first), words.count > 1 else { return false }
            words.removeFirst()
        }
        return false
    }

    /// Words said before or after the ending that change nothing.
    static let openers: Set<String> = ["ok", "okay", "k", "right", "so", "um", "erm", "er", "no", "nope", "and", "yeah", "yes", "well", "oh"]
    static let tails: [[String]] = [
        ["for", "now"], ["i", "think"], ["thanks"], ["thank", "you"], ["ta"], ["cheers"], ["pls"], ["please"], ["really"], ["x"], ["now"],
    ]

    /// The endings themselves, with apostrophes left out ("thats it" and "that's it" alike).
    static let ends: Set<[String]> = [
        ["done"], ["all", "done"], ["im", "done"], ["i", "am", "done"], ["finished"], ["im", "finished"], ["i", "am", "finished"],
        ["thats", "it"], ["that", "is", "it"], ["thats", "all"], ["that", "is", "all"], ["thats", "everything"],
        ["that", "is", "everything"], ["thats", "about", "it"], ["thats", "all", "i", "can", "think", "of"],
        ["nothing", "else"], ["nothing", "more"], ["no", "more"], ["none"], ["nothing"], ["no"], ["nope"],
        ["no", "one", "else"], ["nobody", "else"], ["noone", "else"], ["end"], ["the", "end"],
        ["next"], ["next", "question"], ["move", "on"], ["thatll", "do"], ["that", "will", "do"], ["fin"],
    ]

    /// A list typed on one line with commas or semicolons ("walking, music and my dog", "mum; my
    /// sister; my CPN"): its things, or nil when the line reads as one thing with commas in it ("if
    /// I stop sleeping, call my CPN", "music (jazz, soul)", "10,000 steps", "Kim, my support worker").
    /// A comma inside brackets is not between things; the brackets stay in their thing ("funny
    /// (apparently)").
    ///
    /// Every line typed at a list question comes here, so it works on bytes: the first version, with
    /// Foundation's searching and trimming, made a turn of a plan four times the cost (`BenchCost`).
    static func items(_ line: String) -> [String]? {
        var separators = 0
        var semicolon = false
        var depth = 0
        for b in line.utf8 {
            switch b {
            case 0x2C: if depth == 0 { separators += 1 }
            case 0x3B: if depth == 0 { separators += 1; semicolon = true }
            case 0x28, 0x5B, 0x7B: depth += 1
            case 0x29, 0x5D, 0x7D:
                // A bracket closed that was never opened: not read as a list.
                guard depth > 0 else { return nil }
                depth -= 1
            // Quotes hold commas that are not between things.
            case 0x22: return nil
            default: continue
            }
        }
        guard separators > 0, depth == 0, !line.containsBytes("\u{201C}"), !line.containsBytes("\u{201D}") else { return nil }
        if semicolon {
            let things = split(line, at: 0x3B).map(tidy).filter { !$0.isEmpty }
            if things.count > 1 { return things }
        }
        var parts = split(line, at: 0x2C).map(tidy)
        guard parts.count >= 2, !parts.contains(where: { $0.isEmpty }) else { return nil }
        // "walking, music and my dog": the last "and" joins the last two things.
        if let last = parts.last, let (before, after) = splitAtLastAnd(last) {
            parts.removeLast()
            parts += [tidy(before), tidy(after)]
            guard !parts.contains(where: { $0.isEmpty }) else { return nil }
        }
        // More than ten words in a part: one thing said at length (the words below are not read).
        guard parts.allSatisfy({ wordCount($0) <= 10 }) else { return nil }
        // The first words of each part are all the readings below look at.
        let words = parts.map { lowerWords($0, limit: 5) }
        // "Kim, my support worker, my mum": a name and who they are is one thing.
        var namesJoined = false
        if parts.count >= 3, let joined = joinedNames(parts, words) {
            if joined.parts.count == 1 { return nil }
            parts = joined.parts
            namesJoined = true
        }
        let lengths = parts.map(wordCount)
        if namesJoined {
            // Each person is decided: the rules for two below are for two typed as two.
            guard lengths.allSatisfy({ $0 <= 12 }) else { return nil }
        } else if parts.count == 2 {
            // "Kim, my support worker", "my mum, Sue", "my mum, my rock": one person.
            if isNameAndWho(parts[0], words[0], words[1]) || isWhoAndName(words[0], parts[1], words[1]) || isWhoSaidAgain(words[0], words[1]) { return nil }
            // Two of a word or two each ("tea, biscuits", "my mum, my sister"); or two longer
            // things that begin the same way ("no money for the bus, being too anxious to go in",
            // "my support worker Kim, my mum").
            guard lengths.allSatisfy({ $0 <= 2 }) || (lengths.allSatisfy({ $0 <= 10 }) && beginAlike(words[0], words[1])) else { return nil }
        } else {
            // Three or more things of up to ten words ("his dad is no help, the crisis team never
            // ring back, work").
            guard lengths.allSatisfy({ $0 <= 10 }) else { return nil }
        }
        // A clause first ("when I'm tired, I stop eating") is one thing said with a comma, and so is
        // a thing said more about ("tea, with toast", "walking, especially by the sea").
        let firsts = parts.map(firstWord)
        guard let first = firsts[0], !clauseOpeners.contains(first) else { return nil }
        // (Unless every thing begins the same way: "not sleeping, not eating, staying in bed";
        // between two, with the same kind of word: "not sleeping well, not eating properly".)
        let parallel = parts.count >= 3
            ? firsts.dropFirst().filter({ $0 == first }).count >= parts.count / 2
            : !namesJoined && beginAlike(words[0], words[1])
        // (Among three or more things, "not", "maybe" or "i" begins one of them: "crying in the car,
        // not sleeping, shouting at the dog", "a flat, a job and maybe a dog", "good with animals,
        // funny, i got through last year"; between two, they say more: "tea, not coffee".)
        let joins = { (w: String?) in w.map { joiners.contains($0) || (parts.count == 2 && joinersBetweenTwo.contains($0)) } ?? true }
        guard parallel || !firsts.dropFirst().contains(where: joins) else { return nil }
        if parts.count == 2, parts.contains(where: { fillers.contains(AnswerParser.words($0)) }) { return nil }
        return parts
    }

    /// The parts of a line between its commas (or semicolons): not a comma inside a number
    /// ("10,000"), nor one inside brackets ("funny (apparently, anyway)").
    private static func split(_ line: String, at separator: UInt8) -> [String] {
        let bytes = Array(line.utf8)
        let digit = { (b: UInt8) in b >= 0x30 && b <= 0x39 }
        var parts: [String] = []
        var start = 0
        var depth = 0
        for i in bytes.indices {
            switch bytes[i] {
            case 0x28, 0x5B, 0x7B: depth += 1
            case 0x29, 0x5D, 0x7D: depth -= 1
            case separator where depth == 0:
                if separator == 0x2C, i > 0, i + 1 < bytes.count, digit(bytes[i - 1]), digit(bytes[i + 1]) { continue }
                parts.append(String(decoding: bytes[start..<i], as: UTF8.self))
                start = i + 1
            default: continue
            }
        }
        parts.append(String(decoding: bytes[start...], as: UTF8.self))
        return parts
    }

    /// The words before and after the last " and " or " & " (any case) in the last part of a list.
    private static func splitAtLastAnd(_ part: String) -> (String, String)? {
        let b = Array(part.utf8)
        let lower = { (x: UInt8) in x >= 0x41 && x <= 0x5A ? x + 0x20 : x }
        var i = b.count - 3
        while i >= 0 {
            if b[i] == 0x20 {
                var end: Int?
                if b[i + 1] == 0x26, b[i + 2] == 0x20 { end = i + 3 }
                if i + 4 < b.count, lower(b[i + 1]) == 0x61, lower(b[i + 2]) == 0x6E, lower(b[i + 3]) == 0x64, b[i + 4] == 0x20 { end = i + 5 }
                if let end { return (String(decoding: b[..<i], as: UTF8.self), String(decoding: b[end...], as: UTF8.self)) }
            }
            i -= 1
        }
        return nil
    }

    /// A part without spaces at its ends, an "and", "&" or "or" the list put first (", and my dog"),
    /// or a full stop or "!" at its end.
    private static func tidy(_ part: String) -> String {
        var s = part.trimmedSpaces
        for lead in ["and ", "& ", "or "] where startsCaseless(s, with: lead) {
            s = String(s.utf8.dropFirst(lead.utf8.count)).map { $0.trimmedSpaces } ?? s
        }
        while let last = s.utf8.last, last == 0x2E || last == 0x21 { s.removeLast() }
        return s
    }

    private static func startsCaseless(_ s: String, with ascii: String) -> Bool {
        let a = s.utf8, b = ascii.utf8
        guard a.count > b.count else { return false }
        return zip(a, b).allSatisfy { x, y in (x >= 0x41 && x <= 0x5A ? x + 0x20 : x) == y }
    }

    /// Words outside brackets: "tea (no sugar)" is one word of a thing, and a note.
    private static func wordCount(_ s: String) -> Int {
        var count = 0, inWord = false, depth = 0
        for b in s.utf8 {
            switch b {
            case 0x28, 0x5B, 0x7B: depth += 1; inWord = false
            case 0x29, 0x5D, 0x7D: depth -= 1; inWord = false
            case 0x20: inWord = false
            default:
                if depth == 0, !inWord { inWord = true; count += 1 }
            }
        }
        return count
    }

    /// The first word, in small letters ("Walking" is "walking"); read as `AnswerParser.words`
    /// reads it when it does not begin with a plain letter.
    private static func firstWord(_ s: String) -> String? {
        var word: [UInt8] = []
        for b in s.utf8 {
            switch b {
            case 0x61...0x7A, 0x27: word.append(b)
            case 0x41...0x5A: word.append(b + 0x20)
            case 0x80...: return AnswerParser.words(s).first
            default:
                if !word.isEmpty { return String(decoding: word, as: UTF8.self) }
            }
        }
        return word.isEmpty ? nil : String(decoding: word, as: UTF8.self)
    }

    /// Words that begin a clause, not a thing: "if", "when", "because" …
    static let clauseOpeners: Set<String> = [
        "if", "when", "whenever", "because", "cos", "as", "after", "before", "once", "while", "since", "unless", "although",
        "though", "until", "till", "so", "but", "however", "sometimes", "usually", "mostly", "honestly", "basically", "well",
    ]

    /// Words that begin more about the thing before the comma, not a thing of its own.
    static let joiners: Set<String> = [
        "with", "without", "in", "on", "at", "for", "to", "from", "by", "of", "then", "especially", "like", "just", "too", "as",
        "really", "even", "also", "lots", "loads", "plenty", "only", "which", "that", "who", "where", "when", "if", "because",
        "cos", "but", "so", "though", "etc", "is", "was", "are",
    ]
    /// Words that say more about the thing before, between two parts only.
    static let joinersBetweenTwo: Set<String> = [
        "not", "mostly", "usually", "sometimes", "maybe", "i", "it", "its", "it's", "they", "he", "she", "we", "you",
    ]

    /// Words before a comma that are not a thing: "yes, walking", "ok, my mum".
    static let fillers: Set<[String]> = [
        ["yes"], ["yeah"], ["no"], ["ok"], ["okay"], ["um"], ["erm"], ["well"], ["sadly"], ["hmm"], ["right"], ["so"], ["oh"], ["hi"],
    ]
}

extension ListWords {
    /// "no one", "nobody really", "not anyone", "i have no one": no person to add, said at the
    /// first field of a list of people. Never a name to keep.
    static func saysNoOne(_ line: String) -> Bool {
        // Return early: a name does not start with these.
        guard let first = line.utf8.first, [UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "i"), UInt8(ascii: "I"), UInt8(ascii: "t"), UInt8(ascii: "T")].contains(first),
              line.utf8.count <= 40 else { return false }
        var words = AnswerParser.words(line).map { $0.replacingOccurrences(of: "'", with: "") }
        words.removeTrailing(noOneTails)
        return noOnePhrases.contains(words)
    }

    static let noOneTails: [[String]] = [
        ["really"], ["tbh"], ["for", "now"], ["at", "the", "moment"], ["atm"], ["right", "now"], ["yet"], ["thanks"], ["sadly"], ["i", "think"],
    ]
    static let noOnePhrases: Set<[String]> = [
        ["no", "one"], ["noone"], ["nobody"], ["not", "anyone"], ["not", "anybody"], ["not", "really", "anyone"], ["none"],
        ["there", "isnt", "anyone"], ["theres", "no", "one"], ["theres", "nobody"], ["i", "have", "no", "one"], ["i", "have", "nobody"],
        ["ive", "got", "no", "one"], ["ive", "got", "nobody"], ["i", "dont", "have", "anyone"], ["i", "havent", "got", "anyone"],
        ["no", "one", "really"], ["nobody", "really"], ["not", "yet"], ["no", "one", "yet"], ["nobody", "yet"],
    ]
}
