/// Being called names is not a name. "my name is sam but everyone calls me fat" is Sam, not "Hello
/// fat."; "sam but people call me names" is Sam; "people call me Sandy but I hate it" gives no name;
/// "they call me fat" and "im stupid" give none either, and are asked again kindly.
extension NameAnswer {
    struct UnkindSpan {
        /// The words that tell of it, from who calls them it to where a name is given again.
        var words: Range<Int>
        /// Others call them it ("everyone calls me fat"), not they themselves ("call me stupid").
        var told: Bool
        /// What they are called is a kind of person ("a legend", "the boss"), unkind or not: no name.
        var described: Bool = false
    }

    /// The first naming in the line ("calls me", "call me", "called", "known as" …) that gives an
    /// unkind word ("fat", "names", "a freak"), or a name they say they dislike ("Sandy, but I hate
    /// it"); with the words around it that are about it.
    static func unkindSpan(_ plain: [String], typed: [String]) -> UnkindSpan? {
        for i in plain.indices {
            guard let phrase = namings.first(where: { plain[i...].starts(with: $0) }) else { continue }
            let given = i + phrase.count
            guard given < plain.count else { continue }
            if i > 0, negations.contains(plain[i - 1]) { continue }
            var givenEnd = given + 1
            while givenEnd < plain.count, !breaks(at: givenEnd, typed: typed, plain: plain) { givenEnd += 1 }
            // What comes after is about it too, up to where a name is given again ("…, but my name is Jo").
            var end = givenEnd
            while end < plain.count, !restarts.contains(where: { plain[end...].starts(with: $0) }) { end += 1 }
            let unkind = isUnkind(plain[given..<givenEnd]) || dislikes(plain[givenEnd..<end])
            // "people call me a legend", "they all call me the boss": a kind of person, not a name.
            let described = !unkind && givenEnd - given > 1 && ["a", "an", "the"].contains(plain[given])
            guard unkind || described else { continue }
            // Who calls them it: from the nearest break before ("sam, but everyone calls me fat"), the
            // first word that begins a telling ("sam everyone at school calls me fat").
            var base = stride(from: i, through: 1, by: -1).first(where: { breaks(at: $0, typed: typed, plain: plain) }) ?? 0
            if let hello = greetings.first(where: { plain[base...].starts(with: $0) }), base + hello.count < i { base += hello.count }
            if let lead = leadIns.first(where: { plain[base...].starts(with: $0) }), base + lead.count < i { base += lead.count + 1 }
            let teller = (base..<i).first(where: { tellers.contains(plain[$0]) })
            return UnkindSpan(words: (teller ?? base)..<end, told: teller != nil || toldPhrases.contains(phrase), described: described)
        }
        return nil
    }

    /// Words that are all unkind ("fat", "a fat pig", "names", "all sorts") and so are no name.
    /// ("Mad Max" and "Big Dave" are names: not every word is unkind.)
    static func isUnkind(_ words: ArraySlice<String>) -> Bool {
        return words.contains(where: unkindWords.contains) && words.allSatisfy { unkindWords.contains($0) || unkindFillers.contains($0) }
    }

    /// "call me by my middle name", "use my nickname", "my middle name pls": a name spoken of, not
    /// typed. (Short lines only: "my middle name is Jo" gives the name.)
    static func refersToAName(_ plain: [String]) -> Bool {
        guard plain.count <= 10, plain.contains(where: nameWords.contains), !plain.contains(where: { $0 == "is" || $0.hasSuffix("'s") }) else { return false }
        guard let my = plain.firstIndex(where: { $0 == "my" }), my + 1 < plain.count else { return false }
        // What comes before "my" asks for it to be used ("call me by", "please use", "just"); after, only the name's kind.
        let before = plain[..<my].filter { !["call", "me", "by", "use", "please", "pls", "just", "you", "can", "could", "go", "i", "prefer"].contains($0) }
        let after = plain[(my + 1)...].filter { !nameWords.contains($0) && !nameKinds.contains($0) && !tails.contains([$0]) }
        return before.isEmpty && after.isEmpty
    }

    static let nameWords: Set<String> = ["name", "nickname", "surname", "initials", "forename", "names", "nick"]
    static let nameKinds: Set<String> = ["middle", "first", "second", "last", "real", "full", "proper", "given", "family", "maiden", "short", "pet", "usual", "own"]

    /// Words for being fat, stupid, ugly … that go before a name ("everyone calls me fat sam"):
    /// never part of the name to greet them with. (Not "mad", "crazy", "big", "little": "Mad Max"
    /// and "Big Dave" are names people choose.)
    static let harshWords: Set<String> = unkindWords.subtracting([
        "names", "mad", "crazy", "weird", "weirdo", "geek", "nerd", "skinny", "everything", "things", "stuff", "sorts", "loony", "looney",
    ])

    /// After "I'm" or "call me": a kind of person ("a carer", "an old softie"), not a name.
    static let descriptionStarts: Set<String> = ["a", "an"]

    /// "but I hate it", "which I don't like", "to wind me up": the name said after is not wanted.
    static func dislikes(_ words: ArraySlice<String>) -> Bool {
        guard !words.isEmpty else { return false }
        return words.indices.contains { i in dislikePhrases.contains { words[i...].starts(with: $0) } }
    }

    /// Namings that say others call them it, whoever says it.
    static let toldPhrases: Set<[String]> = [["calls", "me"], ["called"], ["known", "as"]]

    /// Where a name is given again after being called names.
    static let restarts: [[String]] = [
        ["my", "name", "is"], ["my", "name's"], ["my", "names"], ["my", "real", "name", "is"], ["call", "me"], ["please", "call", "me"],
        ["i", "go", "by"], ["i'm", "called"], ["im", "called"], ["i", "prefer"], ["i'd", "rather"], ["id", "rather"],
    ]

    /// Words that begin the telling of who calls them it ("everyone", "my brother", "the kids at school", "i get called").
    static let tellers: Set<String> = [
        "everyone", "everybody", "people", "they", "he", "she", "others", "some", "someone", "somebody", "kids", "folk", "folks", "my",
        "the", "his", "her", "their", "our", "them", "all", "i", "i'm", "im", "i've", "ive", "mum", "mam", "dad", "lads", "boys", "girls",
        "bullies", "nobody", "no", "most", "even", "used", "ppl", "peeps", "every1", "evry1", "evryone", "everyones", "everyone's",
        "everybodys", "mates", "friends", "family", "lot", "whole", "u", "you", "ya",
    ]

    static let unkindWords: Set<String> = [
        "names", "fat", "fatty", "fatso", "fatboy", "lardy", "lardo", "lard", "chubby", "tubby", "porky", "podge", "pig", "piggy", "whale",
        "hippo", "cow", "ugly", "minger", "stupid", "thick", "dumb", "dumbo", "idiot", "moron", "retard", "retarded", "spaz", "spastic",
        "div", "loser", "freak", "weirdo", "weird", "creep", "psycho", "mental", "nutter", "nutcase", "loony", "looney", "schizo",
        "crazy", "mad", "useless", "worthless", "lazy", "pathetic", "rubbish", "trash", "scum", "slag", "slut", "whore", "bitch",
        "skinny", "midget", "geek", "nerd", "fag", "faggot", "poof", "dyke", "horrible", "nasty", "hurtful", "everything", "things",
        "stuff", "sorts",
    ]

    /// Words that go with unkind ones and are no name either ("all sorts of names", "the fat kid").
    static let unkindFillers: Set<String> = [
        "a", "an", "the", "and", "or", "of", "all", "kinds", "lots", "loads", "such", "other", "bad", "mean", "rude", "awful", "big",
        "little", "fat", "kid", "boy", "girl", "one", "lad", "lass", "guy", "man", "woman", "bloke", "like", "that", "too", "really",
        "so", "very", "just", "behind", "my", "back", "at", "school", "work", "home", "sometimes", "always", "still", "now", "lol",
        "haha", "lmao", "tbh", "innit", "apparently",
    ]

    static let dislikePhrases: [[String]] = [
        ["hate", "it"], ["hate", "that"], ["hate", "this"], ["hate", "being", "called"], ["hates", "it"], ["which", "i", "hate"],
        ["don't", "like", "it"], ["dont", "like", "it"], ["do", "not", "like", "it"], ["don't", "like", "that"], ["dont", "like", "that"],
        ["which", "i", "don't", "like"], ["which", "i", "dont", "like"], ["can't", "stand", "it"], ["cant", "stand", "it"],
        ["not", "my", "name"], ["isn't", "my", "name"], ["isnt", "my", "name"], ["to", "wind", "me", "up"], ["to", "upset", "me"],
        ["to", "hurt", "me"], ["to", "be", "mean"], ["to", "be", "horrible"], ["to", "be", "nasty"], ["to", "bully", "me"],
        ["to", "make", "fun"], ["bully", "me"], ["bullies", "me"], ["bullied"], ["making", "fun"], ["take", "the", "mick"],
        ["takes", "the", "mick"], ["taking", "the", "mick"],
    ]
}
