/// Which two parts of a line with a comma are two things, and which are one thing said with a
/// comma: "Kim, my support worker" is one person (a name, then who they are), "my support worker
/// Kim, my mum" two; "no money for the bus, being too anxious to go in" two things that begin
/// alike. Read on the words of each part, in small letters (`lowerWords`).
extension ListWords {
    /// "Kim, my support worker", "Dr Patel, our GP", "Jo Smith, his key worker": a name (a word or
    /// two, none of them a kind of person or a word a thing begins with), then who they are. Who
    /// in a word, after a word in small letters, is a name only for someone's role ("kim, my cpn"):
    /// "music, my mum" is two things, as it was; "Kim, my mum" one person.
    static func isNameAndWho(_ typed: String, _ name: [String], _ who: [String]) -> Bool {
        guard isBareName(name), isWho(who) else { return false }
        return who.count >= 3 || startsWithCapital(typed) || who.dropFirst().contains { roleWords.contains($0) }
    }

    static func startsWithCapital(_ typed: String) -> Bool {
        guard let first = typed.utf8.first else { return false }
        return first >= 0x41 && first <= 0x5A
    }

    /// "my mum, Sue", "my support worker, Kim": who they are, then their name, typed with a capital.
    static func isWhoAndName(_ who: [String], _ typed: String, _ name: [String]) -> Bool {
        isWho(who) && isBareName(name) && startsWithCapital(typed)
    }

    /// "my mum, my rock", "my sister, my best friend": the second says more about the first.
    static func isWhoSaidAgain(_ who: [String], _ more: [String]) -> Bool {
        guard isWho(who), more.count >= 2, possessives.contains(more[0]) else { return false }
        return epithets.contains(Array(more.dropFirst()))
    }

    /// A word or two that could be a name: "kim", "dr patel", "jo smith"; not "mum", "my dog",
    /// "walking", "no one".
    static func isBareName(_ words: [String]) -> Bool {
        guard (1...2).contains(words.count) else { return false }
        for (i, w) in words.enumerated() {
            // "Dr Patel", "Mrs Jones": a title first is part of a name.
            if i == 0, words.count == 2, titles.contains(w) { continue }
            if personWords.contains(w) || thingStarts.contains(w) || clauseOpeners.contains(w) || joiners.contains(w) || isDoing(w) { return false }
        }
        return words.allSatisfy { $0.utf8.first.map { $0 >= 0x61 && $0 <= 0x7A || $0 >= 0x80 } ?? false }
    }

    /// "my support worker", "her mum", "our gp", "his key worker from the team": whose, then a kind
    /// of person in the next three words.
    static func isWho(_ words: [String]) -> Bool {
        guard words.count >= 2, possessives.contains(words[0]) else { return false }
        return words.dropFirst().prefix(3).contains { personWords.contains($0) }
    }

    /// Among three things or more, each name followed by who they are is one thing ("Kim, my
    /// support worker, my mum" is two people), when every name in the line is ("Jo, Sam, my mum"
    /// is three) and the line names only people ("walking, music, my mum" is three things). Nil
    /// when nothing is joined.
    static func joinedNames(_ parts: [String], _ words: [[String]]) -> (parts: [String], joined: Int)? {
        let people = words.allSatisfy { w in isBareName(w) || isWho(w) || (w.count <= 3 && w.contains { personWords.contains($0) }) }
        guard people else { return nil }
        var out: [String] = []
        var joined = 0
        var i = 0
        while i < parts.count {
            if isBareName(words[i]) {
                guard i + 1 < parts.count, isNameAndWho(parts[i], words[i], words[i + 1]) else { return nil }
                out.append(parts[i] + ", " + parts[i + 1])
                joined += 1
                i += 2
            } else {
                out.append(parts[i])
                i += 1
            }
        }
        return joined > 0 ? (out, joined) : nil
    }

    /// Two longer parts that begin with the same kind of word are two things: both whose ("my
    /// support worker Kim, my mum"), or both how things are ("no money for the bus, being too
    /// anxious to go in", "not sleeping well, having no energy").
    static func beginAlike(_ a: [String], _ b: [String]) -> Bool {
        guard let x = a.first, let y = b.first else { return false }
        if possessives.contains(x), possessives.contains(y) { return true }
        let how = { (w: String) in w == "no" || w == "not" || w == "never" || isDoing(w) }
        // "no one, not even my mum", "not sleeping, not at all": the second says more of the first.
        guard how(x), how(y), !(x == "no" && y == "not") else { return false }
        return isDoing(y) || b.count < 2 || !notMore.contains(b[1])
    }

    /// "being", "going", "having": a word of doing, not "thing", "nothing", "morning" or "wedding".
    static func isDoing(_ w: String) -> Bool {
        w.utf8.count >= 5 && w.hasSuffix("ing") && !notDoing.contains(w)
    }

    /// A part's first words (up to `limit`) in small letters: letters, figures and apostrophes;
    /// brackets and marks part them (bytes only: this runs on every list line with a comma).
    static func lowerWords(_ s: String, limit: Int = .max) -> [String] {
        var words: [String] = []
        var word: [UInt8] = []
        for b in s.utf8 {
            switch b {
            case 0x61...0x7A, 0x30...0x39, 0x27, 0x80...: word.append(b)
            case 0x41...0x5A: word.append(b + 0x20)
            default:
                if !word.isEmpty {
                    words.append(String(decoding: word, as: UTF8.self))
                    if words.count == limit { return words }
                    word.removeAll(keepingCapacity: true)
                }
            }
        }
        if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
        return words
    }

    /// After "not" or "no", words that say more of the thing before: "not even", "not at all".
    static let notMore: Set<String> = ["even", "really", "at", "just", "always", "yet", "much", "quite", "so", "too", "exactly", "that", "as"]
    static let titles: Set<String> = ["dr", "mr", "mrs", "ms", "miss", "mx", "rev", "prof", "nurse", "auntie", "aunty", "uncle", "nan", "grandma", "grandad"]
    static let possessives: Set<String> = ["my", "our", "her", "his", "their", "your", "me"]
    /// Words a thing, not a name, begins with.
    static let thingStarts: Set<String> = [
        "a", "an", "the", "some", "no", "not", "never", "my", "our", "her", "his", "their", "your", "me", "i", "it", "this", "that",
        "being", "getting", "going", "lots", "too", "very", "more", "less", "nothing", "something", "anything", "everything",
    ]
    static let notDoing: Set<String> = [
        "thing", "bring", "sting", "swing", "fling", "sling", "cling", "wring", "nothing", "something", "anything", "everything", "morning", "evening", "during", "spring", "string", "ceiling",
        "sibling", "siblings", "darling", "pudding", "wedding", "building", "lightning", "clothing", "shilling", "sterling",
    ]
    /// Kinds of person, as people write them after "my".
    static let personWords: Set<String> = {
        var words = Set(AnswerParser.kinWords.keys).subtracting(["me", "myself", "alone", "solo", "self", "care"])
        words.formUnion([
            "worker", "keyworker", "cpn", "gp", "nurse", "doctor", "dr", "psychiatrist", "psychologist", "therapist", "counsellor",
            "counselor", "coordinator", "co-ordinator", "social", "advocate", "mentor", "sponsor", "coach", "teacher", "tutor",
            "boss", "manager", "supervisor", "colleague", "colleagues", "workmate", "landlord", "landlady", "housemate", "flatmate",
            "carer", "carers", "vicar", "priest", "imam", "rabbi", "pastor", "buddy", "husband", "wife", "partner", "ex", "team",
            "fella", "missus", "bf", "gf", "hubby", "oh", "lad", "lass", "pharmacist", "midwife", "dentist", "consultant", "officer",
            "mentor", "befriender", "volunteer", "counsellors", "girl", "boy", "lady", "man", "woman", "guy",
        ])
        return words
    }()
    /// Kinds of person by their role, not kin: after a name in small letters, still who they are.
    static let roleWords: Set<String> = [
        "worker", "keyworker", "cpn", "gp", "nurse", "doctor", "dr", "psychiatrist", "psychologist", "therapist", "counsellor",
        "counselor", "coordinator", "co-ordinator", "social", "advocate", "mentor", "sponsor", "coach", "teacher", "tutor", "boss",
        "manager", "supervisor", "landlord", "landlady", "vicar", "priest", "imam", "rabbi", "pastor", "pharmacist", "midwife",
        "dentist", "consultant", "officer", "befriender", "volunteer", "clinician", "keyworker", "carer",
    ]
    /// What "my …" says of someone already named: "my rock", "my best friend".
    static let epithets: Set<[String]> = [
        ["rock"], ["hero"], ["everything"], ["world"], ["lifeline"], ["saviour"], ["angel"], ["best", "friend"], ["bestie"],
        ["bff"], ["best", "mate"], ["other", "half"], ["soulmate"], ["soul", "mate"],
    ]
}
