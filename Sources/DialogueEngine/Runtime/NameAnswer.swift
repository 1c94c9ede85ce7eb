import Foundation

/// The answer to "What would you like me to call you?" as people type it: "call me Sue", "I'm
/// Sue", "it's Sue please" are Sue; "no", "rather not say", "dunno" are no name (the question is
/// skipped, and the plan greets them as "there"), not "Hello no." and "A plan for: rather not say".
enum NameAnswer {
    enum Reading: Equatable {
        case name(String)
        case declined
        /// Only what they are called unkindly ("everyone calls me fat", "they call me names",
        /// "people call me Sandy but I hate it", "im stupid"): no name to keep. `told` says it is
        /// what others call them, not what they called themselves.
        case unkind(told: Bool)
        /// Words about them, or about a name, but no name to use: ask which name, warmly.
        case notAName(NotAName)
    }

    enum NotAName: Equatable {
        /// "people call me a legend", "im a carer": what they are, not what to call them.
        case description
        /// "call me by my middle name", "my nickname": a name they have not typed yet.
        case unsaid
        /// "hi", "hiya!", "ok", "yes": a hello or a word of going along, not a name ("Hello hi.").
        case hello(greeted: Bool)
    }

    static func read(_ line: String) -> Reading {
        // "idk just put mum", "dunno, call me jo": the name after the not-knowing is the answer.
        if let rest = afterNotKnowing(line) { return read(rest) }
        let words = AnswerParser.words(line)
        if declines.contains(words) || AnswerParser.soundsUnsure(line) && words.count <= 4 { return .declined }
        // The words as typed (capitals, commas and all), and plain, to find the words around the name.
        var typed = line.split(separator: " ").map(String.init)
        var plain = typed.map(Self.plain)
        // "my name is sam but everyone calls me fat": what people call them unkindly is no name;
        // their name is what is left ("sam").
        var told = false, removed = false, describedOnly = true
        while let span = unkindSpan(plain, typed: typed) {
            told = told || span.told
            removed = true
            describedOnly = describedOnly && span.described
            typed.removeSubrange(span.words)
            plain.removeSubrange(span.words)
            // "…, but my name is Jo", "jo and …": the words that joined it go with it.
            while let first = plain.first, clauseWords.contains(first) || first == "and" || first.isEmpty {
                typed.removeFirst()
                plain.removeFirst()
            }
            while let last = plain.last, clauseWords.contains(last) || last == "and" || last.isEmpty {
                typed.removeLast()
                plain.removeLast()
            }
        }
        // "my name's Kezia, Kez for short", "Kez for short": the short one is the one to use.
        if plain.count >= 3, plain[plain.count - 2] == "for", plain[plain.count - 1] == "short" {
            let short = typed[typed.count - 3].trimmingCharacters(in: nameEdges)
            if !short.isEmpty, !ownWords.contains(plain[plain.count - 3]) { return .name(short) }
        }
        // "Dr. Priya Shah but pri is fine", "Priya or Pri is ok": the name said to be fine is the one.
        if plain.count >= 4, let ok = fineTails.first(where: { plain.reversed().starts(with: $0.reversed()) }) {
            let end = plain.count - ok.count
            if let join = (max(0, end - 3)..<end).last(where: { ["but", "or"].contains(plain[$0]) }), join + 1 < end, join > 0 {
                let name = typed[(join + 1)..<end].joined(separator: " ").trimmingCharacters(in: nameEdges)
                if !name.isEmpty { return .name(name) }
            }
        }
        // "hiya ppl call me a legend lol": a hello is all that is left, and a hello is no name.
        if removed, typed.isEmpty || isOnlyHello(plain) { return describedOnly ? .notAName(.description) : .unkind(told: told) }
        if isOnlyHello(plain) { return .notAName(.hello(greeted: plain.contains { greetingWords.contains($0) })) }
        // "call me by my middle name", "use my nickname": which name is still to be said.
        if refersToAName(plain) { return .notAName(.unsaid) }
        var start = 0
        // "hi, I'm Sue", "hello! call me sue"
        if let hello = greetings.first(where: { plain.starts(with: $0) && $0.count < plain.count }) { start = hello.count }
        if let after = lastNaming(plain, from: start) {
            // "my name is Sandra but everyone calls me Sandy": the name they go by is the one to use.
            start = after
        } else if let lead = leadIns.first(where: { plain[start...].starts(with: $0) && start + $0.count < plain.count }) {
            start += lead.count
        }
        // "its me bev", "it's me, Bev": "me" is the one typing, and their name comes after it (not
        // "me mum": who they are to someone, with a word for a kind of person).
        if start + 1 < plain.count, plain[start] == "me", !plain[(start + 1)...].contains(where: ListWords.personWords.contains) { start += 1 }
        var end = typed.count
        // The name ends where the sentence goes on: "Sue, Tom's mum", "Sue and I look after my son",
        // "Sandra but call me Sandy", "I'm Sue. I care for my mum".
        if start + 1 < end, let cut = (start + 1..<end).first(where: { breaks(at: $0, typed: typed, plain: plain) }) { end = cut }
        // "sandra x": a kiss, typed small ("Malcolm X" keeps his capital X).
        if end - 1 > start, ["x", "xx", "xxx"].contains(typed[end - 1]) { end -= 1 }
        if let tail = tails.first(where: { plain[start..<end].reversed().starts(with: $0.reversed()) && end - $0.count > start }) { end -= tail.count }
        // "im fat", "just stupid": a name of unkind words only is not one to greet them with.
        if isUnkind(plain[start..<end]) { return .unkind(told: told) }
        // "everyone calls me fat sam": the unkind word in front of the name goes; Sam stays.
        while end - start > 1, harshWords.contains(plain[start]) { start += 1 }
        // "im a carer", "call me an old softie": what they are, not a name.
        // ("a j", "a. j.": initials, all single letters, are a name.)
        if end - start > 1, descriptionStarts.contains(plain[start]), !plain[start..<end].allSatisfy({ $0.count == 1 }) { return .notAName(.description) }
        // "its me mum (linda)", "his nan": who they are to someone. A name in brackets after it is theirs.
        if end - start > 1, whoseWords.contains(plain[start]) {
            if end < typed.count, typed[end].hasPrefix("(") {
                let inside = typed[end].trimmingCharacters(in: nameEdges)
                if !inside.isEmpty, typed[end].hasSuffix(")") { return .name(inside) }
            }
            return .notAName(.description)
        }
        guard start > 0 || end < typed.count || removed else { return .name(line) }
        let name = typed[start..<end].joined(separator: " ").trimmingCharacters(in: nameEdges)
        if declines.contains(AnswerParser.words(name)) || ["whatever you like", "anything you like", "whatever you want"].contains(name.lowercased()) {
            return .declined
        }
        if name.isEmpty { return removed ? (describedOnly ? .notAName(.description) : .unkind(told: told)) : .name(line) }
        return .name(name)
    }

    /// A word in small letters, a curly apostrophe straight, without punctuation at its ends (as
    /// Foundation's trimming did, at a fraction of the cost).
    static func plain(_ word: String) -> String {
        if word.utf8.allSatisfy({ $0 < 0x80 }) {
            // A word of ASCII, as bytes (by Character, with a CharacterSet made for each one, a
            // name cost about 500,000 instructions).
            let bytes = Array(word.utf8)
            guard let start = bytes.firstIndex(where: { !asciiMarks[Int($0)] }), let end = bytes.lastIndex(where: { !asciiMarks[Int($0)] }) else { return "" }
            return String(decoding: bytes[start...end].map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
        }
        var chars = Array(word.lowercased())
        for i in chars.indices where chars[i] == "\u{2019}" { chars[i] = "'" }
        let isMark = { (c: Character) in c.unicodeScalars.allSatisfy { marks.contains($0) } }
        guard let start = chars.firstIndex(where: { !isMark($0) }), let end = chars.lastIndex(where: { !isMark($0) }) else { return "" }
        return String(chars[start...end])
    }

    static let marks = CharacterSet.punctuationCharacters
    /// Which of the 128 ASCII characters are punctuation, as `marks` says.
    static let asciiMarks: [Bool] = (0..<128).map { marks.contains(Unicode.Scalar(UInt8($0))) }
    static let nameEdges = CharacterSet.punctuationCharacters.union(.whitespaces)

    /// Where the words after the last "call me", "calls me", "known as" … begin, when a name
    /// follows them and no "don't" comes before ("Sue, but don't call me Susan" is Sue).
    private static func lastNaming(_ plain: [String], from start: Int) -> Int? {
        for i in stride(from: plain.count - 1, through: start, by: -1) {
            guard let phrase = namings.first(where: { plain[i...].starts(with: $0) }), i + phrase.count < plain.count else { continue }
            if i > 0, negations.contains(plain[i - 1]) { continue }
            return i + phrase.count
        }
        return nil
    }

    /// The words after "idk", "dunno" or "um" when a name is given in them ("just put mum").
    static func afterNotKnowing(_ line: String) -> String? {
        // Return early: most names are not led by these.
        guard let first = line.split(separator: " ").first, notKnowingLeads.contains(plain(String(first))) else { return nil }
        let typed = line.split(separator: " ").dropFirst().map(String.init)
        let rest = typed.map(Self.plain)
        guard leadIns.contains(where: { rest.starts(with: $0) && $0.count < rest.count }) || namings.contains(where: { rest.starts(with: $0) }) else { return nil }
        return typed.joined(separator: " ")
    }

    /// Whether every word is a hello, a word of going along ("ok", "yes") or a laugh or a kiss
    /// ("hiya lol", "hi there x", "ok :)"): a line with no name in it.
    static func isOnlyHello(_ plain: [String]) -> Bool {
        let words = plain.filter { !$0.isEmpty }
        return words.allSatisfy { greetingWords.contains($0) || alongWords.contains($0) } && words.contains { !namelike.contains($0) }
    }

    /// Words of `greetingWords` and `alongWords` that are a name, an initial or a kiss on their own
    /// ("Im", "x"): a line of only these is taken as typed.
    static let namelike: Set<String> = ["im", "i'm", "x", "xx", "xxx", "lol", "haha", "so", "here", "then", "on", "go", "you", "thank", "all", "there", "good", "right", "ya"]

    /// Words of a hello, as typed on their own.
    static let greetingWords: Set<String> = [
        "hi", "hello", "hiya", "hey", "heya", "hey-up", "hiy", "helo", "hellooo", "hiii", "heyy", "heyyy", "yo", "hullo", "howdy",
        "morning", "evening", "afternoon", "good", "there", "all", "everyone", "hi-ya", "alright", "alrite", "ello", "wotcha",
    ]

    /// Words of going along or a laugh, which say no name on their own ("ok", "yes", "lol").
    static let alongWords: Set<String> = [
        "ok", "okay", "kk", "okey", "yes", "yeah", "yep", "yup", "ya", "sure", "cool", "fine", "right", "lol", "haha", "x", "xx",
        "xxx", "thanks", "thank", "you", "ta", "cheers", "go", "on", "then", "ready", "im", "i'm", "here", "so",
    ]

    /// Words that begin who someone is to another ("me mum", "his nan"), not a name.
    static let whoseWords: Set<String> = ["me", "his", "her", "their", "our", "your", "ur"]

    /// Words after a name that say it will do ("pri is fine").
    static let fineTails: [[String]] = [["is", "fine"], ["is", "ok"], ["is", "okay"], ["is", "good"], ["works"], ["will", "do"], ["is", "grand"]]

    static let notKnowingLeads: Set<String> = ["idk", "dunno", "um", "umm", "erm", "errr", "hmm", "ok", "okay", "well", "oh", "er"]

    /// Whether the name ends before word `i`.
    static func breaks(at i: Int, typed: [String], plain: [String]) -> Bool {
        // "jo (mum of 2)": what is in brackets is about them, not their name.
        if typed[i].hasPrefix("(") || typed[i].hasPrefix("[") { return true }
        let before = typed[i - 1]
        if let mark = before.last, ",;:".contains(mark) { return true }
        if let mark = before.last, ".!?".contains(mark) {
            // "Dr. Patel", "J. Smith": a title or an initial, not the end of a sentence.
            let word = plain[i - 1]
            return !(titles.contains(word) || word.count == 1)
        }
        let word = plain[i]
        if clauseWords.contains(word) { return true }
        // "linda i look after my son", "Sue my son has autism": their own words go on, with no comma.
        if ownWords.contains(word) { return true }
        if word == "and" || word == "&", i + 1 < plain.count, followers.contains(plain[i + 1]) { return true }
        return false
    }

    /// Words before a name ("call me", "my name is"), longest first.
    static let leadIns: [[String]] = [
        ["you", "can", "call", "me"], ["please", "call", "me"], ["my", "name", "is"], ["my", "name's"], ["my", "names"],
        ["my", "middle", "name", "is"], ["my", "first", "name", "is"], ["my", "real", "name", "is"], ["my", "nickname", "is"],
        ["my", "nick", "name", "is"], ["call", "me"], ["cal", "me"], ["callme"], ["i", "go", "by"], ["just", "put"], ["put", "down"], ["put"], ["name", "is"], ["it", "is"], ["i", "am"], ["i'm"], ["im"], ["it's"], ["its"], ["just"],
    ]

    /// Words after a name that are not part of it.
    static let tails: [[String]] = [
        ["thank", "you"], ["please"], ["pls"], ["plz"], ["thanks"], ["thx"], ["ty"], ["ta"], ["cheers"], ["lol"], ["haha"], ["tbh"], ["innit"], ["is", "fine"], ["will", "do"],
    ]

    /// Lines that give no name.
    static let declines: Set<[String]> = [
        ["no"], ["nope"], ["no", "thanks"], ["no", "thank", "you"], ["none"], ["nothing"], ["n", "a"], ["na"], ["pass"],
        ["rather", "not"], ["rather", "not", "say"], ["i'd", "rather", "not"], ["id", "rather", "not"], ["i'd", "rather", "not", "say"],
        ["id", "rather", "not", "say"], ["prefer", "not", "to", "say"], ["i", "prefer", "not", "to", "say"], ["not", "telling"],
        ["anything"], ["whatever"], ["doesn't", "matter"], ["doesnt", "matter"], ["don't", "mind"], ["dont", "mind"], ["no", "name"],
    ]

    static let greetings: [[String]] = [["hi", "there"], ["hello", "there"], ["hi"], ["hello"], ["hiya"], ["hey"], ["heya"], ["morning"], ["evening"]]

    /// Words after which the name they go by comes: the last of them in a line is the one.
    static let namings: [[String]] = [
        ["call", "me"], ["calls", "me"], ["called"], ["go", "by"], ["goes", "by"], ["known", "as"], ["prefer"], ["cal", "me"], ["calll", "me"],
        ["cals", "me"], ["callme"], ["callsme"], ["nicknamed"], ["nickname", "is"], ["nickname's"], ["nicknames"], ["refer", "to", "me", "as"],
    ]
    static let negations: Set<String> = ["don't", "dont", "never", "not", "do'nt", "doesn't", "doesnt", "won't", "wont"]
    static let titles: Set<String> = ["mr", "mrs", "ms", "miss", "mx", "dr", "prof", "rev", "st", "sr", "jr"]
    /// Words that begin the rest of a sentence, never a name.
    static let clauseWords: Set<String> = [
        "but", "though", "although", "because", "cos", "coz", "cause", "as", "so", "who", "which", "if", "since", "when", "or",
    ]
    /// Words that begin a sentence of their own after the name ("linda i look after my son").
    static let ownWords: Set<String> = ["i", "i'm", "im", "i've", "ive", "i'll", "my", "we", "we're", "were"]
    /// After "and", the words that begin a new part of the sentence ("Sue and I …"), not a second name.
    static let followers: Set<String> = [
        "i", "i'm", "im", "my", "me", "you", "your", "yours", "everyone", "everybody", "people", "they", "he", "she", "we",
        "it's", "its", "that's", "thats", "this", "i've", "ive", "i'll", "ill", "friends",
    ]
}
