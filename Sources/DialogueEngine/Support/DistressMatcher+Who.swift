extension DistressMatcher {
    /// The little words the reading of who a match is about leans on, beyond the `me` and
    /// `someone-else` lists: English ones built in (``builtIn``), and a check-in file's own added
    /// to them under `who-reading:`, so that the reading can learn another language's words
    /// without a change to the code. Each is one word as the check-in reads words (lower case,
    /// apostrophes dropped: `hes`).
    public struct WhoWords: Sendable, Equatable {
        /// The keys under `who-reading:`, one for each list.
        public enum Kind: String, Sendable, CaseIterable {
            case sentTo = "sent-to"
            case sentThings = "sent-things"
            case possessives
            case doerBefore = "doer-before"
            case notHarmedAfter = "not-harmed-after"
            case subjects
            case owners
            case vague
            case selfSubjects = "self-subjects"
            case intent
            case conditions
            case places
        }

        /// Words after which a who-word is the one a message or a goodbye went to, not the one it
        /// is about: "my friend texted **me** goodbye", "she sent **me** a message saying goodbye".
        public var sentTo: [String]
        /// Things written or sent: a who-word after one of these and "to" or "for" is the one they
        /// are for ("letters to **my kids**", "a note for **my mum**").
        public var sentThings: [String]
        /// Words passed over before a who-word, to find the word before it that says what it is
        /// ("scared of **my** husband", "texted **the** carers").
        public var possessives: [String]
        /// Words after which a who-word at the end of a match of harm names the one feared or doing
        /// it, not the one harmed ("scared of **him**", "not safe around **him**", "hurt by **her**").
        /// ("calls from new numbers, its **him**" names him too.)
        public var doerBefore: [String]
        /// More words that name the one doing it, or the one spoken to, when they come before a
        /// who-word inside a match (with ``doerBefore``): "have to beg **him**", "blocked **him**",
        /// "sent **the carers** away".
        public var notHarmedAfter: [String]
        /// Subject words: inside a match they name the one doing it ("... **he** gets so angry").
        public var subjects: [String]
        /// Words that say whose, inside a match of harm: the one doing it ("put **his** fist
        /// through the door"); the one harmed is the word after them ("hit his **wife**").
        public var owners: [String]
        /// Words for someone else that also stand for things: "they" for blades, emails or wrists.
        /// After the person's own things ("my wrists ... until **they** bleed") they stand for those
        /// things, and on their own they do not make a weighed line about someone else.
        public var vague: [String]
        /// The person typing as the one who does something: "**i** want to hurt her".
        public var selfSubjects: [String]
        /// Words that may stand between ``selfSubjects`` and what they do: "i **want to** hurt her",
        /// "ive **started to** grab him".
        public var intent: [String]
        /// Words that put a condition on the person typing: harm in a sentence with one of these
        /// and then ``selfSubjects`` ("he'll take the kids abroad **if i** dont do as im told") is
        /// a threat made to the person typing, whoever it names.
        public var conditions: [String]
        /// Places: a who-word before one of these says whose place it is, not who is harmed ("he
        /// turned up at **my sisters** house", "hanging round outside **the kids** school").
        public var places: [String]

        public init(
            sentTo: [String] = [], sentThings: [String] = [], possessives: [String] = [], doerBefore: [String] = [],
            notHarmedAfter: [String] = [], subjects: [String] = [], owners: [String] = [], vague: [String] = [],
            selfSubjects: [String] = [], intent: [String] = [], conditions: [String] = [], places: [String] = []
        ) {
            self.sentTo = sentTo
            self.sentThings = sentThings
            self.possessives = possessives
            self.doerBefore = doerBefore
            self.notHarmedAfter = notHarmedAfter
            self.subjects = subjects
            self.owners = owners
            self.vague = vague
            self.selfSubjects = selfSubjects
            self.intent = intent
            self.conditions = conditions
            self.places = places
        }

        /// The English words, always there.
        public static let builtIn = WhoWords(
            sentTo: ["text", "texts", "texted", "texting", "message", "messages", "messaged", "messaging", "sent", "send", "sends", "sending", "email", "emails", "emailed", "emailing", "dm", "dms", "dmd", "dmed", "pmd", "pmed", "inboxed", "whatsapped", "whatsappd", "snapchatted", "snapped", "rang", "phoned", "wrote", "writes", "write", "asked", "asks", "asking", "askin"],
            sentThings: ["letter", "letters", "note", "notes", "message", "messages", "card", "cards", "goodbye", "goodbyes", "bye", "video", "videos", "email", "emails", "text", "texts", "voicemail", "voicemails", "recording", "recordings", "poem", "poems"],
            possessives: ["my", "our", "his", "her", "their", "the", "your"],
            doerBefore: ["of", "by", "around", "with", "from", "near", "about", "its", "thats"],
            notHarmedAfter: ["ask", "asks", "asking", "beg", "begs", "begging", "tell", "tells", "told", "show", "shows", "give", "gives", "hand", "text", "ring", "call", "message", "leave", "left", "block", "blocked", "blocking", "report", "reported", "sent", "sends"],
            subjects: ["he", "she", "they", "hes", "shes", "theyre", "theyve", "hell", "shell", "theyll", "hed", "shed", "theyd"],
            owners: ["his", "their"],
            vague: ["they", "them", "theyre", "theyll", "theyve", "theyd"],
            selfSubjects: ["i", "ive", "im", "id", "ill", "ima", "imma"],
            intent: [
                "want", "wanna", "wanted", "wanting", "tempted", "close", "about", "trying", "to", "started", "start", "starting", "keep", "kept", "will", "would", "could", "might", "may",
                "am", "going", "gonna", "just", "nearly", "almost", "sometimes", "often", "really", "even", "feel", "felt", "like",
            ],
            conditions: ["if", "unless"],
            places: [
                "house", "flat", "door", "doorstep", "school", "nursery", "college", "uni", "work", "workplace", "job", "office", "street", "road",
                "gate", "gates", "drive", "driveway", "garden", "window", "windows", "estate", "club", "match", "matches", "practice", "training", "gym",
                "church", "mosque", "temple", "shop", "shift", "place", "bungalow", "caravan", "hostel", "halls",
            ])

        public subscript(kind: Kind) -> [String] {
            get {
                switch kind {
                case .sentTo: sentTo
                case .sentThings: sentThings
                case .possessives: possessives
                case .doerBefore: doerBefore
                case .notHarmedAfter: notHarmedAfter
                case .subjects: subjects
                case .owners: owners
                case .vague: vague
                case .selfSubjects: selfSubjects
                case .intent: intent
                case .conditions: conditions
                case .places: places
                }
            }
            set {
                switch kind {
                case .sentTo: sentTo = newValue
                case .sentThings: sentThings = newValue
                case .possessives: possessives = newValue
                case .doerBefore: doerBefore = newValue
                case .notHarmedAfter: notHarmedAfter = newValue
                case .subjects: subjects = newValue
                case .owners: owners = newValue
                case .vague: vague = newValue
                case .selfSubjects: selfSubjects = newValue
                case .intent: intent = newValue
                case .conditions: conditions = newValue
                case .places: places = newValue
                }
            }
        }

        /// These words with `more` added to the list of each kind (a word already there is kept once).
        public func adding(_ more: [Kind: [String]]) -> WhoWords {
            var words = self
            for (kind, added) in more {
                for word in added where !words[kind].contains(word) { words[kind].append(word) }
            }
            return words
        }

        /// Whether words at `hit` are about someone else: the last who-word inside them (not counting
        /// words that `...` passed over, or a vague word that stands for the person's things), else
        /// the nearest before them in the same sentence; nil when there is none.
        func isAboutSomeoneElse(_ hit: DistressCode.Hit, skipped: UInt64, who: [(hit: DistressCode.Hit, other: Bool)], in text: DistressText) -> Bool? {
            func later(_ a: (hit: DistressCode.Hit, other: Bool), _ b: (hit: DistressCode.Hit, other: Bool)) -> Bool {
                a.hit.start != b.hit.start ? a.hit.start > b.hit.start : a.hit.end > b.hit.end
            }
            func passedOver(_ w: Int) -> Bool { w - hit.start < 64 && skipped & (1 << UInt64(w - hit.start)) != 0 }
            let who = who.filter { !isRecipient($0.hit, in: text) }
            // A vague word inside the match that stands for the person's things ("until they bleed")
            // says nothing of who.
            let inside = who.filter {
                $0.hit.start >= hit.start && $0.hit.start < hit.end && !passedOver($0.hit.start) && !standsForThings($0, who: who, in: text) && !isObjectVague($0, in: text)
            }
            if let last = inside.max(by: { later($1, $0) }) { return last.other }
            let sentence = text.words[hit.start].sentence
            let before = who.filter { $0.hit.start < hit.start && text.words[$0.hit.start].sentence == sentence }
            return before.max(by: { later($1, $0) })?.other
        }

        /// Whether a who-word names the one something was sent or written to (``sentTo``,
        /// ``sentThings``), past a "my" or "the": then it says nothing about who is at risk.
        func isRecipient(_ word: DistressCode.Hit, in text: DistressText) -> Bool {
            var before = word.start - 1
            if before >= 0, possessives.contains(where: { text.word(before, is: $0) }) { before -= 1 }
            guard before >= 0, text.words[before].sentence == text.words[word.start].sentence else { return false }
            if sentTo.contains(where: { text.word(before, is: $0) }) { return true }
            guard before >= 1, text.word(before, is: "to") || text.word(before, is: "for") else { return false }
            return sentThings.contains(where: { text.word(before - 1, is: $0) })
        }

        /// Whether words of harm from someone else at `hit` are about harm to someone else. The one
        /// harmed, not the one doing it, decides, so the rule differs from other words of distress:
        /// 1. a who-word that ends the match names the one harmed ("he hits **me**", "my ex hits **our
        ///    son**"), unless a word like "of" comes before it (``doerBefore``): then it names the one
        ///    feared or doing it ("I'm scared of **him**", "not safe around **him**", "hurt by **her**");
        ///    one before a place (``places``) is passed over here and in rule 3: it says whose place it
        ///    is ("hanging round outside **the kids** school");
        /// 2. else a me-word inside the match says the person typing ("he won't let **me** go out"),
        ///    but not a "my" just before someone else ("**my** kids are being hurt");
        /// 3. else a someone-else word inside the match, after its first word (which is often the one
        ///    doing it), says someone else ("her boyfriend checks **her** phone", "he took **her**
        ///    wages");
        /// 4. else the nearest who-word before the match in its sentence ("**my** boyfriend is
        ///    controlling", "**she**'s scared to go home"), passing over "he", "she" or "they" when the
        ///    match itself begins with the one doing it ("he locks the door when **he** goes out and
        ///    takes the only key");
        /// 5. else the person typing ("not safe at home").
        func isHarmToSomeoneElse(_ hit: DistressCode.Hit, who: [(hit: DistressCode.Hit, other: Bool)], in text: DistressText) -> Bool {
            if isThreatOnACondition(hit, in: text) { return false }
            if let last = who.last(where: { $0.hit.end == hit.end && $0.hit.start >= hit.start && !ownsAPlace($0.hit, in: text) }) {
                // The word before it, past a "my" or "the" ("scared of my husband").
                var before = last.hit.start - 1
                if before >= 0, possessives.contains(where: { text.word(before, is: $0) }) { before -= 1 }
                if before < 0 || !doerBefore.contains(where: { text.word(before, is: $0) }) { return last.other }
            }
            // "my" before someone else ("my kids are being hurt") names them, not the person typing.
            func names(_ w: (hit: DistressCode.Hit, other: Bool)) -> Bool { who.contains { $0.other && $0.hit.start == w.hit.end } }
            if who.contains(where: { !$0.other && $0.hit.start >= hit.start && $0.hit.end <= hit.end && !names($0) }) { return false }
            if who.contains(where: { $0.other && $0.hit.start > hit.start && $0.hit.end <= hit.end && isHarmed($0.hit, in: text) }) { return true }
            let sentence = text.words[hit.start].sentence
            // A match that begins with the one doing it ("he ... takes the only key") is not about an
            // earlier "he" or "she": that is the same one doing it ("he locks the door when he goes out").
            let beginsWithDoer = who.contains { $0.other && $0.hit.start == hit.start }
            let before = who.filter {
                $0.hit.start < hit.start && text.words[$0.hit.start].sentence == sentence && !(beginsWithDoer && isOne($0.hit, of: subjects, in: text))
            }
            return before.max { a, b in a.hit.start != b.hit.start ? a.hit.start < b.hit.start : a.hit.end < b.hit.end }?.other ?? false
        }

        /// Whether a someone-else word inside a match of harm names the one harmed (rule 3): not a
        /// subject, not "his" or "their", and not after a word like "of" or "beg" (past a "my").
        func isHarmed(_ word: DistressCode.Hit, in text: DistressText) -> Bool {
            // "hell do" is read as one who-word (so that "hell" alone can be the place): it begins
            // with a subject, and is one.
            if isOne(word, of: subjects, in: text) || subjects.contains(where: { text.word(word.start, is: $0) }) { return false }
            if isOne(word, of: owners, in: text) || ownsAPlace(word, in: text) { return false }
            return !namesTheDoer(word, in: text)
        }

        /// Whether a who-word is a vague one that stands for the person's own things: after one of
        /// the person's possessives in its sentence, with no other word for someone else before it
        /// there ("**my** wrists ... until **they** bleed", but not "**someone** in **my** group said
        /// **theyre** going to end it").
        func standsForThings(_ w: (hit: DistressCode.Hit, other: Bool), who: [(hit: DistressCode.Hit, other: Bool)], in text: DistressText) -> Bool {
            guard w.other, isOne(w.hit, of: vague, in: text) else { return false }
            let sentence = text.words[w.hit.start].sentence
            let before = who.filter { $0.hit.end <= w.hit.start && text.words[$0.hit.start].sentence == sentence }
            let owned = before.contains { !$0.other && isOne($0.hit, of: possessives, in: text) }
            let someone = before.contains { $0.other && !isOne($0.hit, of: vague, in: text) }
            return owned && !someone
        }

        /// Whether the person typing is the one doing the harm that a match of harm from someone else
        /// names after its `...`: the words the `...` passed over end with one of ``selfSubjects``
        /// and one to four of ``intent`` ("im his only carer, **ive started** locking him in his
        /// room", "some days **i want to** hurt her"). Then the words are of fearing to harm someone,
        /// not of someone else doing it; the one to help is the person typing.
        func isDoneByThePerson(_ hit: DistressCode.Hit, skipped: UInt64, in text: DistressText) -> Bool {
            guard skipped != 0 else { return false }
            // The last word passed over: what the person may be doing comes right after it.
            let last = hit.start + 63 - skipped.leadingZeroBitCount
            guard last + 1 < hit.end else { return false }
            var w = last
            for between in 0...4 {
                guard w > hit.start, skipped & (1 << UInt64(w - hit.start)) != 0 else { return false }
                // At least one word of intent: "i hit him" alone may be a reply to harm.
                if between > 0, selfSubjects.contains(where: { text.word(w, is: $0) }) { return true }
                guard intent.contains(where: { text.word(w, is: $0) }) else { return false }
                w -= 1
            }
            return false
        }

        /// Whether words of harm are a threat made to the person typing: their sentence puts a
        /// condition on the person ("if i", "unless i": ``conditions``, then ``selfSubjects``),
        /// before or after the harm ("if i ever tell anyone hell kill the dog", "he'll take the kids
        /// abroad if i dont do as im told"). Whoever the threat names, the one it is made to is the
        /// one being controlled.
        func isThreatOnACondition(_ hit: DistressCode.Hit, in text: DistressText) -> Bool {
            let sentence = text.words[hit.start].sentence
            for w in text.words.indices.dropLast() where text.words[w].sentence == sentence && conditions.contains(where: { text.word(w, is: $0) }) {
                if text.words[w + 1].sentence == sentence, selfSubjects.contains(where: { text.word(w + 1, is: $0) }) { return true }
            }
            return false
        }

        /// Whether a who-word is a vague one that is not a subject ("them"): inside a match of
        /// distress it stands for what the words name ("took **them** all an hour ago", "been
        /// saving **them** up"), not for someone at risk; a word for someone before the match says
        /// who instead ("my son ... took them all").
        func isObjectVague(_ w: (hit: DistressCode.Hit, other: Bool), in text: DistressText) -> Bool {
            w.other && isOne(w.hit, of: vague, in: text) && !isOne(w.hit, of: subjects, in: text)
        }

        /// Whether a who-word says whose place something happens at, not who is harmed: the word
        /// after it is one of ``places`` ("hanging round outside **the kids** school", "driving past
        /// **my mums** house").
        func ownsAPlace(_ word: DistressCode.Hit, in text: DistressText) -> Bool {
            word.end < text.words.count && text.words[word.end].sentence == text.words[word.start].sentence
                && places.contains(where: { text.word(word.end, is: $0) })
        }

        /// Whether a who-word names the one doing something, or the one spoken to: it comes after
        /// one of ``doerBefore`` or ``notHarmedAfter``, past a "my" or "the" unless
        /// `pastPossessive` is false ("scared of **him**", "its **him** again", "blocked **him**";
        /// without the "my": not "one of **my students**").
        func namesTheDoer(_ word: DistressCode.Hit, in text: DistressText, pastPossessive: Bool = true) -> Bool {
            var before = word.start - 1
            if pastPossessive, before >= 0, possessives.contains(where: { text.word(before, is: $0) }) { before -= 1 }
            guard before >= 0 else { return false }
            return doerBefore.contains(where: { text.word(before, is: $0) }) || notHarmedAfter.contains(where: { text.word(before, is: $0) })
        }

        /// Whether a who-word is one word, and one of `words`.
        func isOne(_ word: DistressCode.Hit, of words: [String], in text: DistressText) -> Bool {
            word.end - word.start == 1 && words.contains(where: { text.word(word.start, is: $0) })
        }
    }
}
