/// Reads one typed line as an answer of a given type, or says kindly what is accepted.
public struct AnswerParser: Sendable {
    public var today: SimpleDate
    /// The question as written, when known: a number with the question's own word after it
    /// ("7 hours" to "How many hours do you sleep?") holds nothing of the person's own.
    public var asked: String

    public init(today: SimpleDate, asked: String = "") {
        self.today = today
        self.asked = asked
    }

    public enum Outcome: Equatable, Sendable {
        case value(AnswerValue)
        case rejected(String)
    }

    /// Parses a single-line answer (`list` and `records` are collected line by line by `Conversation`).
    public func parse(_ raw: String, as spec: AnswerSpec) -> Outcome {
        let input = Self.typedPlain(raw, as: spec)
        switch spec {
        case .text(let min, let max), .list(let min, let max):
            // For a list, min and max count items; here a line is one item, so only text length applies.
            if case .list = spec { return .value(.text(input)) }
            if let min, input.count < min { return .rejected("Please write at least \(min) characters.") }
            if let max, input.count > max { return .rejected("Please keep it to \(max) characters or fewer. You wrote \(input.count).") }
            return .value(.text(input))
        case .pickOne(let options):
            switch Self.choiceHedged(input, options, match) {
            case .one(let o): return .value(.choice(o.key))
            case .many(let found):
                return .rejected("That fits more than one choice: \(Self.numbered(found, options)). Please type the number of the one you mean.")
            case .none:
                if let none = Self.noneChoice(input, options) { return .value(.choice(none.key)) }
                if options.count == 1 { return .rejected("Please type 1 to choose \"\(options[0].label)\".") }
                // "my support worker kim": some of the words are in some choices, not all of them in one.
                let near = Self.nearChoices(input, options)
                if !near.isEmpty {
                    let listed = near.map { "\($0 + 1). \(options[$0].label)" }.joined(separator: "; ")
                    return .rejected("The closest \(near.count == 1 ? "choice is" : "choices are") \(listed). Please type the number of your choice, from 1 to \(options.count).")
                }
                return .rejected("Please type the number of your choice, from 1 to \(options.count).")
            }
        case .pickMany(let options, let min, let max):
            var keys: [String] = []
            let pieces = input.split(whereSeparator: { $0 == "," || $0 == ";" }).map { String($0).trimmedSpaces }.filter { !$0.isEmpty }
            var expanded: [String] = []
            for piece in pieces {
                // "1 3 4" and "1 and 3" are read as several numbers.
                let words = piece.split(separator: " ").filter { $0 != "and" }
                if words.count > 1, words.allSatisfy({ Int($0) != nil }) {
                    expanded += words.map(String.init)
                } else if case .none = match(piece, options), piece.lowercased().contains(" and ") {
                    // "staff wellbeing and life goals": "and" between choices in words too (a label
                    // with "and" in it, like "Money and benefits", has matched whole above).
                    expanded += piece.lowercased().components(separatedBy: " and ").map(\.trimmedSpaces).filter { !$0.isEmpty }
                } else {
                    expanded.append(piece)
                }
            }
            for piece in expanded {
                switch Self.choiceHedged(piece, options, match) {
                case .one(let o): if !keys.contains(o.key) { keys.append(o.key) }
                case .many(let found):
                    return .rejected("\"\(piece)\" fits more than one choice: \(Self.numbered(found, options)). Please use the numbers.")
                case .none:
                    // "none yet", "no thanks": the choice that says none.
                    if let none = Self.noneChoice(piece, options) {
                        if !keys.contains(none.key) { keys.append(none.key) }
                        continue
                    }
                    return .rejected("I could not find \"\(piece)\" in the list. Type the numbers of your choices, with commas between them, like 1, 3.")
                }
            }
            if keys.isEmpty { return .rejected("Please type the numbers of your choices, with commas between them, like 1, 3.") }
            if let min, keys.count < min { return .rejected("Please choose at least \(min).") }
            if let max, keys.count > max { return .rejected("Please choose no more than \(max). You chose \(keys.count).") }
            let ordered = options.map(\.key).filter(keys.contains)
            return .value(.choices(ordered))
        case .yesNo:
            guard let yes = Self.yesOrNo(input) ?? Self.yesEchoing(input, asked: asked) else {
                if Self.leavesItOpen(input) { return .rejected(Self.inBetweenReply) }  // "sort of", "not sure"
                return .rejected(Self.startsWithOneAnswer(input) ? "Please type just yes or no." : "Please type yes or no.")
            }
            return .value(.bool(yes))
        case .number(let range):
            guard let n = Self.amount(input) ?? Self.amount(input, unitsFrom: asked), n.isFinite else {
                // "7 hours", "3 kids": a number first, with words this question cannot keep.
                // ("7 or 8" is not: which one is for them to say.)
                let words = Self.amountWords(input)
                let first = words.first.flatMap { Double($0) }
                if let first, first.isFinite, words.count(where: { Double($0) != nil }) == 1, input.contains(where: \.isLetter), range?.contains(first) ?? true {
                    return .rejected("Please type just the number, like \(first.formatted).")
                }
                return .rejected(range.map { "Please type a number from \($0.lowerBound.formatted) to \($0.upperBound.formatted)." } ?? "Please type a number, like 4 or 2.5.")
            }
            if let range, !range.contains(n) {
                return .rejected("Please type a number from \(range.lowerBound.formatted) to \(range.upperBound.formatted).")
            }
            return .value(.number(n))
        case .scale(let range, let labels):
            let accepted = "Please type a whole number from \(range.lowerBound) to \(range.upperBound)."
            if let n = Self.score(input, outOf: range.upperBound) {
                return range.contains(n) ? .value(.number(Double(n))) : .rejected(accepted)
            }
            // "very low", "im feeling very low tbh": a label's words, with words that change nothing.
            if let hit = Self.scaleLabel(input, labels) { return .value(.number(Double(hit))) }
            // "3 out of 5" on a scale from 1 to 10: which number here is theirs to say.
            if let why = Self.scoreOnOtherScale(input, range) { return .rejected(why) }
            // "2 tbh", "1 - it's awful": a number that fits, with words this question cannot keep.
            // "Please type a whole number" would tell them to do what they did.
            // ("3rd of jan" is not a score: the number must stand as a word of its own, first.)
            // ("about a 4, its awful": the words that change nothing before it are left out first.)
            let numbers = input.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
            let hedged = Self.withoutHedges(input.lowercased())
            let first = hedged.split(separator: " ").first.map { $0.trimmingCharacters(in: .punctuationCharacters) } ?? ""
            if numbers.count == 1, range.contains(numbers[0]), Int(first) == numbers[0], input.contains(where: \.isLetter) {
                return .rejected("Please type just the number, like \(numbers[0]).")
            }
            // "2 or 3", "2-3", "between 2 and 3": two scores that both fit. Which one is theirs to say.
            if let (low, high) = Self.twoScores(input, in: range) {
                return .rejected("Please choose one number: \(low) or \(high).")
            }
            // "pretty low tbh like a 3": a clear score after words of their own is the score.
            if let n = Self.buriedScore(input, in: range) { return .value(.number(Double(n))) }
            // "on a bad day 2": one score that fits, at the end of words of their own.
            if let n = Self.scoreAtEnd(input, in: range) {
                return .rejected("Please type just the number, like \(n).")
            }
            return .rejected(accepted)
        case .date(let after, let before):
            guard let date = DateParser.parse(input, today: today) else {
                // "soon", "half term", "when i can": no one day, so why not, and what would work.
                if let why = DateParser.noOneDay(input) { return .rejected(why) }
                // "after christmas": the day after which is read, but not the day they mean.
                if let why = DateParser.aroundADay(input, today: today) { return .rejected(why) }
                // "after my leave, so the 4th jan": a date with words this question cannot keep.
                if let words = DateParser.dateWithin(input, today: today) {
                    return .rejected("Please type just the date, like \(words).")
                }
                // Do not suggest "today" where only a later date is accepted.
                let words = after == .today ? "tomorrow, in 2 weeks or next monday" : "today, tomorrow, in 2 weeks or next monday"
                return .rejected("I could not read that as a date. You can type a date like 1/3/2027 or 2027-03-01, or words like \(words).")
            }
            if let (named, date) = DateParser.dayNameMismatch(input, today: today) {
                return .rejected("\(date.dayMonthYear) is a \(date.weekdayTitle), not a \(named). Please type the date again, so I keep the day you mean.")
            }
            if let after, date <= resolve(after) {
                // "last tuesday", "1/1/2020" for a step still to take: say the day has gone, kindly.
                if date < today, after == .today || after == .yesterday {
                    let ahead = after == .today ? "a day after today" : "today or a later day"
                    return .rejected("That day, \(date.spoken), has passed. Please choose \(ahead), like next friday or in 2 weeks.")
                }
                return .rejected(after == .today ? "Please choose a date after today." : "Please choose a date after \(resolve(after).spoken).")
            }
            if let before, date >= resolve(before) {
                // "next friday", "in 2 weeks" for a day that has been: say the day read is still to
                // come, kindly, and what to type.
                if date > today, before == .today || before == .yesterday {
                    let back = before == .today ? "a day before today" : "a day before yesterday"
                    return .rejected("That day, \(date.spoken), is still to come. This question asks about a day that has passed. Please choose \(back), like last friday or 2 weeks ago.")
                }
                return .rejected(before == .today ? "Please choose a date before today." : "Please choose a date before \(resolve(before).spoken).")
            }
            return .value(.date(date))
        case .records:
            return .rejected("This question takes its answer one part at a time.")
        }
    }

    /// Yes or no as people write them: "Yes, please", "aye", "nah", "no I would not". A yes or a no
    /// first, then only words that add nothing ("please", "thank you", "I would"); anything else,
    /// like "yes but not now" or "yes and no", is neither.
    public static func yesOrNo(_ input: String) -> Bool? {
        // 👍, ✅ or 👎, ❌ on their own (any skin tone), as people answer on a phone.
        let marks = input.unicodeScalars.filter { !$0.properties.isWhitespace && !(0x1F3FB...0x1F3FF).contains($0.value) && $0.value != 0xFE0F }
        if !marks.isEmpty, marks.allSatisfy({ [0x1F44D, 0x2705, 0x2714, 0x1F44C].contains($0.value) }) { return true }
        if !marks.isEmpty, marks.allSatisfy({ [0x1F44E, 0x274C, 0x2716].contains($0.value) }) { return false }
        let words = Self.yesNoWords(input)
        if let said = Self.personAndVerb(words) { return said }
        for (heads, answer) in [(yesHeads, true), (noHeads, false)] {
            for head in heads where words.starts(with: head) {
                let rest = words.dropFirst(head.count)
                // "yes we have", "no I haven't", "no, never": who, and the verb that says it again.
                // After a no, "have" and "think" only with a "not" ("no I have not", "no I don't think so").
                let negated = rest.contains { notWords.contains($0) || negativeEchoes.contains($0) }
                let fits = { (w: String) -> Bool in
                    politeWords.contains(w) || answerPeople.contains(w)
                        || (answer ? echoes.contains(w) : (notWords.contains(w) || negativeEchoes.contains(w) || (negated && echoes.contains(w))))
                }
                if rest.allSatisfy(fits) { return answer }
            }
        }
        return nil
    }

    /// A yes or a no first, then words of the person's own that do not take it back ("no im a
    /// nurse", "yes he is my son"): they are asked for just the yes or no, as a score with words is
    /// asked for just the number. A line that says both ("yes I have not", "no I think so") is not.
    static func startsWithOneAnswer(_ input: String) -> Bool {
        guard !soundsNotApplicable(input), !soundsUnsure(input) else { return false }  // "n/a" and "no idea" are not a no
        let words = Self.yesNoWords(input)
        for (heads, answer) in [(yesHeads, true), (noHeads, false)] {
            for head in heads where words.starts(with: head) {
                let rest = words.dropFirst(head.count)
                let other = (answer ? noHeads : yesHeads).compactMap(\.first)
                let against = answer ? notWords.union(negativeEchoes) : echoes
                return !rest.isEmpty && !rest.contains { other.contains($0) || against.contains($0) }
            }
        }
        return false
    }

    /// The words of a choice typed in someone's own words: "don't" is "do not" and "I'd" is "I
    /// would", as labels write them, and words like "it" and "please" are left out (unless that
    /// leaves nothing), so "dont want it" finds "I do not want this".
    static func choiceWords(_ text: String) -> [String] {
        let typed = text.replacingOccurrences(of: "\u{2019}", with: "'").split(whereSeparator: { String.isWhitespace($0.unicodeScalars.first!) })
        var words: [String] = []
        for raw in typed {
            let word = String(raw.drop(while: { !$0.isLetter && !$0.isNumber }).reversed().drop(while: { !$0.isLetter && !$0.isNumber }).reversed())
            guard !word.isEmpty else { continue }
            words += contractions[word] ?? [word]
        }
        let kept = words.filter { !choiceFillers.contains($0) }
        return kept.isEmpty ? words : kept
    }

    static let contractions: [String: [String]] = [
        "don't": ["do", "not"], "dont": ["do", "not"], "doesn't": ["does", "not"], "doesnt": ["does", "not"],
        "won't": ["will", "not"], "wont": ["will", "not"], "isn't": ["is", "not"], "isnt": ["is", "not"],
        "i'd": ["i", "would"], "i'm": ["i", "am"], "im": ["i", "am"], "it's": ["it", "is"],
        "wouldn't": ["would", "not"], "wouldnt": ["would", "not"],
        // "every 2 wks", "fortnightly", "monthly": as labels write them.
        "wk": ["week"], "wks": ["weeks"], "mth": ["month"], "mths": ["months"], "mnth": ["month"], "mnths": ["months"],
        "fortnight": ["two", "weeks"], "fortnightly": ["every", "two", "weeks"], "weekly": ["every", "week"], "monthly": ["month"],
    ]
    static let personWords: Set<String> = ["her", "his", "him", "she", "he", "them", "they", "my", "our", "mine"]
    /// The people in someone's life, and the words a choice's label may use for them, the closest
    /// first: "mother" is "mum", then "parent", then "family"; "wife" is "partner", then "family";
    /// "mate" is "friend" (used only when no label has the typed word itself).
    static let kinWords: [String: [String]] = {
        let wider = ["family", "relative"]
        var kin: [String: [String]] = [:]
        for w in ["mum", "mam", "mom", "mummy", "mother", "stepmum", "stepmom"] { kin[w] = ["mum", "mother", "parent"] + wider }
        for w in ["dad", "daddy", "father", "stepdad"] { kin[w] = ["dad", "father", "parent"] + wider }
        for w in ["parent", "parents"] { kin[w] = ["parent"] + wider }
        for w in ["sister", "sis"] { kin[w] = ["sister", "sibling"] + wider }
        for w in ["brother", "bro"] { kin[w] = ["brother", "sibling"] + wider }
        kin["sibling"] = ["sibling", "brother", "sister"] + wider
        for w in ["son", "daughter", "child", "kid", "kids", "children", "stepson", "stepdaughter"] { kin[w] = ["son", "daughter", "child"] + wider }
        for w in ["husband", "wife", "partner", "spouse", "fiance", "fiancee"] { kin[w] = ["partner"] + wider }
        for w in ["gran", "granny", "grandma", "grandmother", "nan", "nana", "nanna", "grandad", "granddad", "grandpa", "grandfather",
                  "grandson", "granddaughter", "grandchild", "aunt", "auntie", "aunty", "uncle", "cousin", "niece", "nephew",
                  "relative", "relatives", "inlaw"] { kin[w] = ["relative"] + wider }
        for w in ["boyfriend", "girlfriend"] { kin[w] = ["partner", "friend"] }
        for w in ["mate", "mates", "pal", "pals", "bestie", "bff", "neighbour", "neighbor", "friend", "friends"] { kin[w] = ["friend"] }
        // "my CPN", "my care coordinator": the staff someone works with, for "With a worker I trust".
        for w in staffRoles { kin[w] = ["worker", "staff", "professional"] }
        // "just me", "by myself", "alone" for "On my own".
        for w in ["me", "myself", "alone", "solo", "self"] { kin[w] = ["own", "alone", "myself", "self"] }
        return kin
    }()
    static let staffRoles: Set<String> = [
        "cpn", "nurse", "care", "coordinator", "co-ordinator", "coordinater", "psychiatrist", "psychologist", "therapist", "counsellor", "counselor",
        "doctor", "gp", "keyworker", "clinician",
    ]
    static let choiceFillers: Set<String> = ["it", "that", "please", "just", "the", "a", "an", "thanks", "um", "er", "erm", "by", "only"]

    static let yesHeads: [[String]] = [
        ["yes"], ["y"], ["yeah"], ["yep"], ["yup"], ["yea"], ["ya"], ["aye"], ["ok"], ["okay"], ["sure"],
        ["definitely"], ["of", "course"], ["go", "on"],
        ["yh"], ["ye"], ["yeh"], ["yah"], ["yas"], ["absolutely"], ["certainly"], ["course"], ["correct"], ["deffo"],
        ["i", "think", "so"], ["think", "so"],
    ]
    static let noHeads: [[String]] = [
        ["no"], ["n"], ["nope"], ["nah"], ["naw"], ["not", "really"], ["not", "now"], ["not", "yet"], ["no", "way"], ["never"],
        ["nop"], ["not", "at", "all"], ["not", "at", "the", "moment"], ["not", "atm"], ["not", "right", "now"], ["not", "currently"],
        ["not", "any", "more"], ["not", "anymore"], ["i", "dont", "think", "so"], ["i", "don't", "think", "so"], ["dont", "think", "so"], ["don't", "think", "so"],
    ]
    /// Words after a yes or a no that do not change it.
    static let politeWords: Set<String> = [
        "please", "thanks", "thank", "you", "ta", "cheers", "i", "would", "will", "do", "like", "that", "it",
        "go", "on", "very", "much", "really", "for", "now", "then", "show", "me", "let", "see", "mate", "love", "x",
        "pls", "plz", "plez", "thx", "thnx", "ty", "xx", "xxx",
    ]
    /// After a no only: "no I would not".
    static let notWords: Set<String> = ["not", "don't", "won't", "wouldn't", "dont", "wont", "wouldnt", "never", "yet", "ever"]
    /// Who a yes or a no is about: "yes we have", "no they didn't".
    static let answerPeople: Set<String> = ["i", "we", "they", "he", "she", "you", "it", "i'm", "im", "i've", "ive", "we've", "weve", "they've", "theyve"]
    /// The verb of the question said again after a yes ("yes I have", "yes we did", "yes I think so").
    static let echoes: Set<String> = [
        "have", "has", "had", "do", "did", "does", "am", "is", "are", "was", "were", "can", "could", "should",
        "think", "so", "guess", "suppose", "believe", "reckon", "know", "been", "got", "sure", "certain",
    ]
    /// The same, said as a no ("no we haven't", "no I didn't").
    static let negativeEchoes: Set<String> = [
        "haven't", "havent", "hasn't", "hasnt", "hadn't", "hadnt", "didn't", "didnt", "doesn't", "doesnt",
        "isn't", "isnt", "aren't", "arent", "wasn't", "wasnt", "weren't", "werent", "can't", "cant",
        "couldn't", "couldnt", "shouldn't", "shouldnt",
    ]

    func resolve(_ bound: DateBound) -> SimpleDate {
        switch bound {
        case .today: today
        case .yesterday: today.adding(days: -1)
        case .fixed(let d): d
        }
    }

    enum Match {
        case one(Option)
        case many([Option])
        case none
    }

    /// A number, an option key, an option's label, or words found in exactly one label.
    func match(_ input: String, _ options: [Option]) -> Match {
        let text = input.lowercased().trimmingScalars(where: { $0 == "." || String.isWhitespace($0) })
        guard !text.isEmpty else { return .none }
        if let n = Int(text) { return (1...max(1, options.count)).contains(n) && !options.isEmpty ? .one(options[n - 1]) : .none }
        if let o = options.first(where: { $0.key == text || $0.label.lowercased() == text }) { return .one(o) }
        // "four" for 4, unless a label has the word in it ("One to one with ...").
        if let n = Self.numberWords[text], n >= 1, !options.contains(where: { o in
            o.label.lowercased().split(whereSeparator: { !$0.isLetter }).contains { $0 == text }
        }) {
            return n <= options.count ? .one(options[n - 1]) : .none
        }
        var words = Self.theirSide(Self.choiceWords(text), options)
        // "7 please", "3 thanks": a number with only words that add nothing.
        if words.count == 1, let n = Int(words[0]) { return (1...max(1, options.count)).contains(n) && !options.isEmpty ? .one(options[n - 1]) : .none }
        // Words for the person ("her daughter", "his mum") that no label has are left out.
        let personWords = words.filter { Self.personWords.contains($0) }
        if !personWords.isEmpty, personWords.count < words.count {
            let labels = options.map { $0.label.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }) }
            words.removeAll { w in Self.personWords.contains(w) && !labels.contains { $0.contains { $0 == w } } }
        }
        let labels = options.map { $0.label.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init) }
        // For a person's word ("mother"), the closest word for them that some label uses ("mum").
        var kinInLabels: [String: String] = [:]
        for w in words {
            kinInLabels[w] = Self.kinWords[w]?.first { k in labels.contains { $0.contains { $0.hasPrefix(k) } } }
        }
        // "every week please" is "Every week", not also "Every two weeks": a label whose words are
        // all the words typed, and no more, is the one.
        let whole = options.indices.filter { labels[$0] == words || labels[$0].filter { !Self.choiceFillers.contains($0) } == words }
        if whole.count == 1 { return .one(options[whole[0]]) }
        // "2" and "two" are one word ("every 2 weeks" for "Every two weeks").
        let spelled = Dictionary(uniqueKeysWithValues: Self.numberWords.map { (String($0.value), $0.key) })
        func same(_ w: String, _ label: String) -> Bool { label == w || spelled[w] == label || spelled[label] == w }
        func labelsWith(_ words: [String], kin: Bool) -> [Option] {
            options.indices.filter { i in
                words.allSatisfy { w in
                    // A word of one or two letters is a whole word: "me" is not the start of "member".
                    labels[i].contains { w.count <= 2 ? same(w, $0) : ($0.hasPrefix(w) || same(w, $0) || Self.plural(w, of: $0)) }
                        || (kin && kinInLabels[w].map { k in labels[i].contains { $0.hasPrefix(k) } } == true
                            // A nurse or a CPN is not a peer support worker.
                            && !(Self.staffRoles.contains(w) && labels[i].contains("peer")))
                }
            }.map { options[$0] }
        }
        let byLabel = Set(labelsWith(words, kin: false).map(\.key))
        // A key's start, as a label word's, is three letters or more: "no" is not the start of
        // "not-sure" ("no" to "How often would you like to check in?" was "I am not sure yet").
        var found = options.filter { byLabel.contains($0.key) || (text.count > 2 && $0.key.hasPrefix(text)) }
        if found.isEmpty {
            // "with my support worker": "my" was kept because a label has it ("On my own"), but
            // no label has all the words with it.
            let fewer = words.filter { !Self.personWords.contains($0) }
            if !fewer.isEmpty, fewer.count < words.count { found = labelsWith(fewer, kin: false) }
            // "With my mum" for "With a friend or family member": only when no label has the
            // words themselves, so "daughter" still finds a label that says "daughter".
            if found.isEmpty, !fewer.isEmpty, fewer.contains(where: { kinInLabels[$0] != nil }) { found = labelsWith(fewer, kin: true) }
        }
        // "the sleep one", "the one about money": a word of a label, with "one" to point at it
        // (not "the second one", which is by its place).
        if found.isEmpty, let rest = Self.withoutOne(words, labels) { found = labelsWith(rest, kin: false) }
        switch found.count {
        case 1: return .one(found[0])
        // "option 3", "number 2", "the first one", "2nd": the choice by its place in the list.
        case 0: return Self.choiceByPlace(text, count: options.count).map { .one(options[$0 - 1]) } ?? .none
        default: return .many(found)
        }
    }
}

import Foundation
