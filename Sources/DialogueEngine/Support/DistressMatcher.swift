/// Hears words of distress in what people type, and who they are about.
///
/// The words are data (`dialogues/check-in.yaml`, see `docs/dialogue-format.md`): patterns in a small
/// language (``DistressPattern``) in lists. This type is the algorithm:
///
/// 1. **signals** are words of distress on their own ("kill myself", "want to die", "kms").
///    **harm-from-others** are words of being hurt by someone ("he hits me", "not safe at home"):
///    they count as signals do, and when they are all a line has, the match says so
///    (`DistressMatch.harmFromOthers`), so the check-in speaks of that harm. **fear-of-harming**
///    are words of fearing to hurt someone close ("I'm scared I'll hurt my baby"), marked the
///    same way (`DistressMatch.fearOfHarming`). **eating-drink-drugs** are words of eating, drink or
///    drugs harming someone now ("I haven't eaten in four days", "I've started drinking again"), marked
///    `DistressMatch.eatingDrinkDrugs` when they are all a line has.
///    **topics** name a subject ("suicide", "self harm", "overdose").
/// 2. A signal or topic inside a **harmless** match does not count ("cut myself shaving",
///    "died by suicide", "I don't want to die"). The harmless match must say every word of it
///    itself (``DistressCode/Found/saysAll(of:)``), so "suicide prevention" quiets "suicide" but
///    not "want to kill myself" later in the line, and "he ... hit me up" not "wants to kill
///    himself" in the words its `...` passed over.
/// 3. A topic in a sentence with a **context** word does not count either ("suicide prevention
///    training", "self harm leaflets"). Context never quiets a signal.
/// 4. What is left decides. Each match is about someone else when the last **someone-else** or
///    **me** word inside it, or else the nearest one before it in the sentence, is a someone-else
///    word ("himself", "my son", "she"). With neither, a **someone-else-verbs** word inside or
///    before it ("Jamie wants to die") says someone else; otherwise it is about the person typing.
///
/// When in doubt it answers yes: a missed line costs far more than a false alarm.
///
///     let matcher = DistressMatcher.builtIn
///     matcher.match("my son says he wants to kill himself")?.concern   // .someoneElse
///     matcher.match("I'd kill for a coffee")                          // nil
///
/// Patterns are compiled once, when the file is loaded; a line costs one pass to read it and a
/// walk over the patterns that can begin at each word (indexed by first letter), with no Foundation.
public struct DistressMatcher: Sendable, Equatable {
    /// The check-in words as written: what a service reviews.
    public struct Rules: Sendable, Equatable {
        /// A named group of words, used in patterns as `<name>`.
        public struct Group: Sendable, Equatable {
            public var name: String
            public var items: [String]
            public init(name: String, items: [String]) {
                self.name = name
                self.items = items
            }
        }

        /// Word groups, used in patterns as `<name>`.
        public var words: [Group]
        /// Words of distress that count on their own.
        public var signals: [String]
        /// Words of harm from someone else ("he hits me", "not safe at home"): they count on their
        /// own, as signals do, and bring the check-in's words for harm (`harmed`).
        public var harmFromOthers: [String]
        /// Words of fearing to hurt someone close ("I'm scared I'll hurt my baby"): they count on
        /// their own, and bring the check-in's words for that (`fear-of-harming`).
        public var fearOfHarming: [String]
        /// Words of eating, drink or drugs harming someone now ("I haven't eaten in days", "I've
        /// started using again"): they count on their own, and bring the check-in's words for that
        /// (`eating-drink-drugs`) and its helplines first.
        public var eatingDrinkDrugs: [String]
        /// Words that name the subject; quiet in a sentence with a context word.
        public var topics: [String]
        /// Words that make a topic harmless (never a signal).
        public var context: [String]
        /// Figures of speech, accidents, past deaths: what sits wholly inside one does not count.
        public var harmless: [String]
        /// Words for another person ("my son", "she", "himself").
        public var someoneElse: [String]
        /// Words (mostly verbs) that suggest someone else only when no one is named before them:
        /// "wants" in "Jamie wants to die", but not in "part of me wants to die".
        public var someoneElseVerbs: [String]
        /// Words for the person typing ("I", "my", "myself").
        public var me: [String]
        /// The little words the reading of who it is about leans on (`who-reading:`): English ones
        /// built in, with the file's own added.
        public var whoWords: WhoWords

        public init(
            words: [Group] = [], signals: [String] = [], harmFromOthers: [String] = [], fearOfHarming: [String] = [], eatingDrinkDrugs: [String] = [], topics: [String] = [],
            context: [String] = [],
            harmless: [String] = [], someoneElse: [String] = [], someoneElseVerbs: [String] = [], me: [String] = [], whoWords: WhoWords = .builtIn
        ) {
            self.words = words
            self.signals = signals
            self.harmFromOthers = harmFromOthers
            self.fearOfHarming = fearOfHarming
            self.eatingDrinkDrugs = eatingDrinkDrugs
            self.topics = topics
            self.context = context
            self.harmless = harmless
            self.someoneElse = someoneElse
            self.someoneElseVerbs = someoneElseVerbs
            self.me = me
            self.whoWords = whoWords
        }

        /// The lists of patterns, by the key they have in the file.
        var lists: [(list: List, patterns: [String])] {
            [(.signals, signals), (.harmFromOthers, harmFromOthers), (.fearOfHarming, fearOfHarming), (.eatingDrinkDrugs, eatingDrinkDrugs), (.topics, topics), (.context, context), (.harmless, harmless), (.someoneElse, someoneElse), (.someoneElseVerbs, someoneElseVerbs), (.me, me)]
        }
    }

    /// The lists of the check-in file.
    public enum List: String, Sendable, CaseIterable {
        case words, signals
        case harmFromOthers = "harm-from-others"
        case fearOfHarming = "fear-of-harming"
        case eatingDrinkDrugs = "eating-drink-drugs"
        case topics, context, harmless
        case someoneElse = "someone-else"
        case someoneElseVerbs = "someone-else-verbs"
        case me
    }

    /// A pattern that could not be compiled, and where it is.
    struct Failure: Sendable {
        var list: List
        /// For `words:`, the group's name.
        var group: String?
        var index: Int
        var problem: DistressPattern.Problem
    }

    /// The rules this matcher was made from.
    public let rules: Rules
    let compiled: Compiled
    /// The weighed words (`check-in-weights.tsv`), for lines no pattern hears; nil for none.
    public var weights: CheckInWeights?

    /// Compiles the rules. A pattern that cannot be compiled is left out: ``load(text:file:)``
    /// reports it with its place in the file.
    public init(rules: Rules) {
        self = Self.compile(rules).matcher
    }

    private init(rules: Rules, compiled: Compiled) {
        self.rules = rules
        self.compiled = compiled
    }

    public static func == (a: DistressMatcher, b: DistressMatcher) -> Bool { a.rules == b.rules && a.weights == b.weights }

    static func compile(_ rules: Rules) -> (matcher: DistressMatcher, failures: [Failure]) {
        var failures: [Failure] = []
        var groups: [String: DistressPattern.Node] = [:]
        for group in rules.words {
            var items: [DistressPattern.Node] = []
            for (i, item) in group.items.enumerated() {
                do {
                    items.append(try DistressPattern.parse(item))
                } catch {
                    failures.append(Failure(list: .words, group: group.name, index: i, problem: error))
                }
            }
            if !items.isEmpty { groups[group.name] = items.count == 1 ? items[0] : .alt(items) }
        }
        func compileList(_ list: List, _ sources: [String]) -> [DistressPattern] {
            var patterns: [DistressPattern] = []
            for (i, source) in sources.enumerated() {
                do {
                    patterns.append(try DistressPattern(source, groups: groups, fuzzy: ![.me, .someoneElse, .someoneElseVerbs].contains(list)))
                } catch {
                    failures.append(Failure(list: list, index: i, problem: error))
                }
            }
            return patterns
        }
        let signals = compileList(.signals, rules.signals)
        let harm = compileList(.harmFromOthers, rules.harmFromOthers)
        let fear = compileList(.fearOfHarming, rules.fearOfHarming)
        let eating = compileList(.eatingDrinkDrugs, rules.eatingDrinkDrugs)
        let topics = compileList(.topics, rules.topics)
        let me = compileList(.me, rules.me)
        let others = compileList(.someoneElse, rules.someoneElse)
        let verbs = compileList(.someoneElseVerbs, rules.someoneElseVerbs)
        let compiled = Compiled(
            raising: DistressCode(signals + harm + fear + eating + topics), harmFrom: signals.count, fearFrom: signals.count + harm.count,
            eatingFrom: signals.count + harm.count + fear.count, topicsFrom: signals.count + harm.count + fear.count + eating.count,
            harmless: DistressCode(compileList(.harmless, rules.harmless)), context: DistressCode(compileList(.context, rules.context)),
            who: DistressCode(me + others + verbs), othersFrom: me.count, verbsFrom: me.count + others.count)
        return (DistressMatcher(rules: rules, compiled: compiled), failures)
    }

    // MARK: Hearing a line

    /// Whether a line has words of distress, and who they are about; nil when it has none.
    public func match(_ line: String) -> DistressMatch? {
        match(line, rememberingReads: true)
    }

    /// `match(_:)`, optionally without the search's short cuts (reading every word set again at
    /// every try, trying every pattern whose first word is there, whatever follows, and walking down
    /// every choice's tree), which must hear the same (the fuzzer's check-in target holds the two to
    /// it; see ``DistressCode/Scratch/reads``, ``DistressCode/nextClasses`` and
    /// ``DistressCode/choices(_:entries:steps:)``).
    @_spi(Fuzzing) public func match(_ line: String, rememberingReads: Bool) -> DistressMatch? {
        let text = DistressText(line)
        guard !text.words.isEmpty else { return nil }
        let c = compiled
        var hits = c.raising.hits(in: text, rememberingReads: rememberingReads)
        // Only a line that no pattern heard at all is weighed: one the patterns heard and then found
        // harmless ("cut myself shaving", "suicide prevention training") stays so.
        guard !hits.isEmpty else { return weighed(text, rememberingReads: rememberingReads) }
        let harmless = c.harmless.hits(in: text, rememberingReads: rememberingReads)
        hits.removeAll { h in harmless.contains { $0.saysAll(of: h) } }
        if hits.contains(where: { $0.index >= c.topicsFrom }) {
            let quiet = Set(c.context.hits(in: text, rememberingReads: rememberingReads).map { text.words[$0.longest.start].sentence })
            hits.removeAll { $0.index >= c.topicsFrom && quiet.contains(text.words[$0.shortest.start].sentence) }
        }
        guard !hits.isEmpty else { return nil }
        // Words read two ways, where the reading of harm from someone else (or of fearing to harm
        // someone) says every word of the other itself ("scared of what he'll do" inside "scared of
        // what he'll do to me", "thoughts of hurting" inside "thoughts of hurting my son"), are read
        // that way; not words its `...` passed over ("he said he wants to kill himself, then hit me").
        let whole = hits.filter { c.isHarm($0.index) || c.isFear($0.index) }
        if !whole.isEmpty {
            hits.removeAll { h in !c.isHarm(h.index) && !c.isFear(h.index) && whole.contains { $0.saysAll(of: h) } }
        }
        let found = c.who.hits(in: text, rememberingReads: rememberingReads)
        let who = found.filter { $0.index < c.verbsFrom }.map { (hit: $0.longest, other: $0.index >= c.othersFrom) }
        let verbs = found.filter { $0.index >= c.verbsFrom }.map { (hit: $0.longest, other: true) }
        var person = false, other = false, harm = true, fear = true, eating = true
        for h in hits {
            var isHarm = c.isHarm(h.index), isFear = c.isFear(h.index)
            eating = eating && c.isEating(h.index)
            // Harm to someone else that the person typing is doing ("ive started locking him in his
            // room") is read as fearing to harm someone: the one to help is the person typing.
            if isHarm, rules.whoWords.isDoneByThePerson(h.shortest, skipped: h.skipped, in: text), rules.whoWords.isHarmToSomeoneElse(h.shortest, who: who, in: text) {
                (isHarm, isFear) = (false, true)
            }
            harm = harm && isHarm
            fear = fear && isFear
            let about: Bool
            if isHarm {
                about = rules.whoWords.isHarmToSomeoneElse(h.shortest, who: who, in: text)
            } else if isFear {
                // The one who fears what they might do is the one to help.
                about = false
            } else {
                about = rules.whoWords.isAboutSomeoneElse(h.shortest, skipped: h.skipped, who: who, in: text)
                    ?? rules.whoWords.isAboutSomeoneElse(h.shortest, skipped: h.skipped, who: verbs, in: text) ?? false
            }
            if about { other = true } else { person = true }
        }
        let concern: DistressMatch.Concern = person && other ? .both : other ? .someoneElse : .person
        // In the order the file has them, whatever order the search found them in.
        let patterns = Set(hits.map(\.index)).sorted().map { c.raising.sources[$0] }
        return DistressMatch(concern: concern, patterns: patterns, harmFromOthers: harm, fearOfHarming: fear, eatingDrinkDrugs: eating)
    }

    /// What the weighed words hear in a line no pattern heard: nil, or a match marked `weighed`.
    /// Weights cannot tell who the words are about, so the who-words of the whole line decide: only
    /// words for someone else ("my son", "her") say someone else; not the vague ones alone ("they",
    /// which may be things), not "he" or "she" alone (who may be the one doing it: "he keeps turning
    /// up wherever I go"), nor one right after a word like "from" or "its" that names the one doing
    /// it ("calls from new numbers, its **him** again"). Words for the person typing too ("my son
    /// checks my phone") say both. In doubt it is the person typing, whose gentle line speaks of
    /// both.
    func weighed(_ text: DistressText, rememberingReads: Bool) -> DistressMatch? {
        guard let weights, weights.hears(text) else { return nil }
        let found = compiled.who.hits(in: text, rememberingReads: rememberingReads).filter { $0.index < compiled.verbsFrom }
        let w = rules.whoWords
        let other = found.contains { $0.index >= compiled.othersFrom && !w.isOne($0.longest, of: w.vague + w.subjects, in: text) && !w.namesTheDoer($0.longest, in: text, pastPossessive: false) }
        let person = found.contains { $0.index < compiled.othersFrom }
        let concern: DistressMatch.Concern = other ? (person ? .both : .someoneElse) : .person
        return DistressMatch(concern: concern, patterns: [DistressMatch.weighedWords], weighed: true)
    }

    // MARK: Compiled patterns

    /// The compiled lists, shared by every copy of a matcher.
    final class Compiled: Sendable {
        /// Signals, then harm from others (from `harmFrom`), fear of harming (from `fearFrom`),
        /// eating, drink and drugs (from `eatingFrom`), then topics (from `topicsFrom`): the patterns
        /// that raise a check-in.
        let raising: DistressCode
        let harmFrom: Int
        let fearFrom: Int
        let eatingFrom: Int
        let topicsFrom: Int
        let harmless: DistressCode
        let context: DistressCode
        /// Me words, then someone-else words (from `othersFrom`), then someone-else verbs (from `verbsFrom`).
        let who: DistressCode
        let othersFrom: Int
        let verbsFrom: Int

        /// Whether pattern `index` of `raising` is one of harm from others.
        func isHarm(_ index: Int) -> Bool { harmFrom <= index && index < fearFrom }
        /// Whether pattern `index` of `raising` is one of fear of harming someone close.
        func isFear(_ index: Int) -> Bool { fearFrom <= index && index < eatingFrom }
        /// Whether pattern `index` of `raising` is one of eating, drink or drugs.
        func isEating(_ index: Int) -> Bool { eatingFrom <= index && index < topicsFrom }

        init(raising: DistressCode, harmFrom: Int, fearFrom: Int, eatingFrom: Int, topicsFrom: Int, harmless: DistressCode, context: DistressCode, who: DistressCode, othersFrom: Int, verbsFrom: Int) {
            self.raising = raising
            self.harmFrom = harmFrom
            self.fearFrom = fearFrom
            self.eatingFrom = eatingFrom
            self.topicsFrom = topicsFrom
            self.harmless = harmless
            self.context = context
            self.who = who
            self.othersFrom = othersFrom
            self.verbsFrom = verbsFrom
        }
    }
}
