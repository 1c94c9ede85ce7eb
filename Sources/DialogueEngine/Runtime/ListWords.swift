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
    /// I stop sleeping, call my CPN", "music (jazz, soul)", "10,000 steps").
    static func items(_ line: String) -> [String]? {
        guard line.contains(",") || line.contains(";") else { return nil }
        // Brackets and quotes hold commas that are not between things.
        guard !line.contains(where: { "()[]{}\"\u{201C}\u{201D}".contains($0) }) else { return nil }
        let semicolons = line.split(separator: ";").map(tidy).filter { !$0.isEmpty }
        if semicolons.count > 1 { return semicolons }
        var parts = splitAtCommas(line).map(tidy)
        guard parts.count >= 2, !parts.contains(where: \.isEmpty) else { return nil }
        // "walking, music and my dog": the last "and" joins the last two things.
        if let last = parts.last, let and = lastAnd(in: last) {
            parts.removeLast()
            parts += [String(last[..<and.lowerBound]), String(last[and.upperBound...])].map(tidy)
            guard !parts.contains(where: \.isEmpty) else { return nil }
        }
        let lengths = parts.map { $0.split(separator: " ").count }
        // A clause first ("when I'm tired, I stop eating") is one thing said with a comma, and so is
        // a thing said more about ("tea, with toast", "walking, especially by the sea").
        guard let first = AnswerParser.words(parts[0]).first, !clauseOpeners.contains(first) else { return nil }
        // (Unless every thing begins the same way: "not sleeping, not eating, staying in bed".)
        let firsts = parts.map { AnswerParser.words($0).first }
        let parallel = parts.count >= 3 && firsts.dropFirst().filter({ $0 == firsts[0] }).count >= parts.count / 2
        // (Among three or more things, "not", "maybe" or "i" begins one of them: "crying in the car,
        // not sleeping, shouting at the dog", "a flat, a job and maybe a dog", "good with animals,
        // funny, i got through last year"; between two, they say more: "tea, not coffee".)
        let joins = { (w: String?) in w.map { joiners.contains($0) || (parts.count == 2 && joinersBetweenTwo.contains($0)) } ?? true }
        guard parallel || !firsts.dropFirst().contains(where: joins) else { return nil }
        // Three or more things of up to ten words ("his dad is no help, the crisis team never ring
        // back, work"); or two of a word or two each ("tea, biscuits", "my mum, my sister").
        if parts.count >= 3, lengths.allSatisfy({ $0 <= 10 }) { return parts }
        if parts.count == 2, lengths.allSatisfy({ $0 <= 2 }), !parts.contains(where: { fillers.contains(AnswerParser.words($0)) }) { return parts }
        return nil
    }

    /// Commas between things: not inside a number ("10,000").
    private static func splitAtCommas(_ line: String) -> [String] {
        var parts: [String] = []
        var current = ""
        let chars = Array(line)
        for (i, c) in chars.enumerated() {
            if c == ",", !(i > 0 && chars[i - 1].isNumber && i + 1 < chars.count && chars[i + 1].isNumber) {
                parts.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        parts.append(current)
        return parts
    }

    /// " and " or " & " in the last part of a list with commas, the last one in it.
    private static func lastAnd(in part: String) -> Range<String.Index>? {
        [" and ", " & ", " AND ", " And "].compactMap { part.range(of: $0, options: .backwards) }.max { $0.lowerBound < $1.lowerBound }
    }

    private static func tidy<S: StringProtocol>(_ part: S) -> String {
        var s = part.trimmingCharacters(in: .whitespaces)
        // ", and my dog" after a comma: the "and" is the list's, not the thing's.
        for lead in ["and ", "& ", "or "] where s.lowercased().hasPrefix(lead) { s = String(s.dropFirst(lead.count)).trimmingCharacters(in: .whitespaces) }
        while let last = s.last, ".!".contains(last) { s.removeLast() }
        return s
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
