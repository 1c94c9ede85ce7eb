import Testing

@testable import DialogueEngine

/// Every answer type: what people may type, and what a refusal says is accepted.
@Suite struct AnswerParserTests: ParsesAnswers {
    let parser = AnswerParser(today: TestSupport.today)

    // MARK: text and list

    @Test func textIsTrimmedAndKept() {
        #expect(value("  hello there ", .text(min: nil, max: nil)) == .text("hello there"))
        #expect(value("no", .text(min: nil, max: nil)) == .text("no"))
    }

    @Test func textLength() {
        let spec = AnswerSpec.text(min: 3, max: 5)
        #expect(refusal("ab", spec) == "Please write at least 3 characters.")
        #expect(value("abc", spec) == .text("abc"))
        #expect(value("abcde", spec) == .text("abcde"))
        #expect(refusal("abcdef", spec) == "Please keep it to 5 characters or fewer. You wrote 6.")
    }

    @Test func listLineIsOneItem() {
        #expect(value("a walk, then tea", .list(min: nil, max: nil)) == .text("a walk, then tea"))
    }

    // MARK: pick-one

    let options = [
        Option(key: "walk", label: "Going for a walk"), Option(key: "music", label: "Listening to music"),
        Option(key: "talk", label: "Talking to a friend"), Option(key: "tea", label: "A cup of tea with a friend"),
    ]

    @Test(arguments: [
        ("1", "walk"), ("2", "music"), ("4", "tea"), ("music", "music"), ("MUSIC", "music"),
        ("Going for a walk", "walk"), ("listening", "music"), ("walk", "walk"), ("cup", "tea"), ("2.", "music"),
        ("listen", "music"), ("  3  ", "talk"),
    ])
    func pickOneReads(_ input: String, _ key: String) {
        #expect(value(input, .pickOne(options: options)) == .choice(key))
    }

    @Test func pickOneAmbiguousAsksForTheNumber() {
        let why = refusal("friend", .pickOne(options: options))
        #expect(why == "That fits more than one choice: 3. Talking to a friend; 4. A cup of tea with a friend. Please type the number of the one you mean.")
    }

    @Test(arguments: ["0", "5", "-1", "dancing", "walk music"])
    func pickOneRefusalNamesWhatIsAccepted(_ input: String) {
        let why = refusal(input, .pickOne(options: options))
        #expect(why?.contains("number") == true && why?.contains("from 1 to 4") == true, "\(why ?? "accepted")")
    }

    @Test func pickOneBareNoIsAnOptionKey() {
        let yesNo = [Option(key: "yes", label: "Yes please"), Option(key: "no", label: "No thanks")]
        #expect(value("no", .pickOne(options: yesNo)) == .choice("no"))
        #expect(value("2", .pickOne(options: yesNo)) == .choice("no"))
    }

    /// How people say a choice in their own words: "dont want it" for "I do not want this".
    @Test(arguments: [
        ("dont want it", "not-ok"), ("don't want that", "not-ok"), ("I don\u{2019}t want it", "not-ok"), ("do not want", "not-ok"),
        ("I'd like it", "preferred"), ("would like this please", "preferred"), ("ok", "acceptable"), ("it's OK for me", "acceptable"),
    ])
    func pickOneInTheirOwnWords(_ input: String, _ key: String) {
        let views = [Option(key: "preferred", label: "I would like this"), Option(key: "acceptable", label: "This is OK for me"),
                     Option(key: "not-ok", label: "I do not want this")]
        #expect(value(input, .pickOne(options: views)) == .choice(key))
    }

    /// A number written as a word picks that choice, unless a label has the word in it.
    @Test func pickOneNumberWords() {
        #expect(value("four", .pickOne(options: options)) == .choice("tea"))
        #expect(value("Two", .pickOne(options: options)) == .choice("music"))
        #expect(refusal("nine", .pickOne(options: options)) != nil)
        let peers = [Option(key: "peer", label: "One to one with a peer worker"), Option(key: "lead", label: "One to one with a lead"),
                     Option(key: "group", label: "In a group")]
        #expect(refusal("one", .pickOne(options: peers))?.contains("more than one") == true, "the word is in the labels")
        #expect(value("three", .pickOne(options: peers)) == .choice("group"))
        #expect(value("one, three", .pickMany(options: options, min: nil, max: nil)) == .choices(["walk", "talk"]))
    }

    /// "I'm her daughter" for "I am their son or daughter": words for the person cared for (her,
    /// his, my) that no label has are left out.
    @Test func pickOneWithWordsForThePerson() {
        let links = [Option(key: "parent", label: "I am their mum, dad or parent"), Option(key: "partner", label: "I am their partner"),
                     Option(key: "child", label: "I am their son or daughter"), Option(key: "friend", label: "I am their friend")]
        let spec = AnswerSpec.pickOne(options: links)
        #expect(value("I'm her daughter", spec) == .choice("child"))
        #expect(value("I'm his mum", spec) == .choice("parent"))
        #expect(value("her partner", spec) == .choice("partner"))
        #expect(value("not her partner", spec) == nil)
        let company = [Option(key: "alone", label: "On my own"), Option(key: "friend", label: "With a friend or family member")]
        #expect(value("my own", .pickOne(options: company)) == .choice("alone"))
    }

    /// "With my mum" for "With a friend or family member": the people in someone's life, by the
    /// word a label uses for them, only when no label has the typed word.
    @Test func pickOneWithThePeopleInSomeonesLife() {
        let company = [Option(key: "alone", label: "On my own"), Option(key: "supporter", label: "With a friend or family member"),
                       Option(key: "worker", label: "With a worker I trust"), Option(key: "peer", label: "With a peer support worker")]
        let spec = AnswerSpec.pickOne(options: company)
        for typed in ["with my mum", "my dad", "With my nan.", "my wife", "with my sister", "my mate", "a pal", "with my girlfriend"] {
            #expect(value(typed, spec) == .choice("supporter"), "\(typed)")
        }
        #expect(value("with my support worker", spec) == .choice("peer"))
        // A label with the word itself comes first, as before.
        let links = [Option(key: "parent", label: "I am their mum, dad or parent"), Option(key: "child", label: "I am their son or daughter"),
                     Option(key: "family", label: "Another family member")]
        #expect(value("I'm her daughter", .pickOne(options: links)) == .choice("child"))
        #expect(value("her mum", .pickOne(options: links)) == .choice("parent"))
        #expect(value("her cousin", .pickOne(options: links)) == .choice("family"))
        // Words that are not people are still not read as any of them.
        #expect(value("with my dog", spec) == nil)
    }

    @Test func fillerWordsAloneMatchNothing() {
        let views = [Option(key: "preferred", label: "I would like this"), Option(key: "it", label: "IT support")]
        #expect(value("it", .pickOne(options: views)) == .choice("it"))
        #expect(refusal("please", .pickOne(options: views)) != nil)
    }

    // MARK: pick-many

    @Test(arguments: [
        ("1, 3", ["walk", "talk"]), ("walk, music", ["walk", "music"]), ("1 3", ["walk", "talk"]),
        ("3, 1", ["walk", "talk"]), ("1 and 3", ["walk", "talk"]), ("1; 2", ["walk", "music"]),
        ("2, 2, music", ["music"]), ("Going for a walk, 4", ["walk", "tea"]), ("1,2,3,4", ["walk", "music", "talk", "tea"]),
    ])
    func pickManyReads(_ input: String, _ keys: [String]) {
        #expect(value(input, .pickMany(options: options, min: nil, max: nil)) == .choices(keys))
    }

    /// "and" between choices written in words, as between numbers; a label with "and" in it still
    /// matches whole.
    @Test func pickManyWordsWithAnd() {
        let spec = AnswerSpec.pickMany(options: options, min: nil, max: nil)
        #expect(value("music and tea", spec) == .choices(["music", "tea"]))
        #expect(value("walk, music and a cup of tea", spec) == .choices(["walk", "music", "tea"]))
        let areas = [Option(key: "peer", label: "Peer support in the team"), Option(key: "staff", label: "Staff wellbeing"),
                     Option(key: "goals", label: "Life goals"), Option(key: "money", label: "Money and benefits")]
        let many = AnswerSpec.pickMany(options: areas, min: nil, max: nil)
        #expect(value("peer support, staff wellbeing and life goals", many) == .choices(["peer", "staff", "goals"]))
        #expect(value("money and benefits", many) == .choices(["money"]))
        #expect(value("Money and benefits and life goals", many) == .choices(["goals", "money"]))
    }

    /// One choice only: "from 1 to 1" read oddly.
    @Test func pickOneWithOneChoiceSaysSo() {
        let one = [Option(key: "goals", label: "Life goals")]
        #expect(refusal("Set up a group", .pickOne(options: one)) == "Please type 1 to choose \"Life goals\".")
    }

    @Test func pickManyLimits() {
        let spec = AnswerSpec.pickMany(options: options, min: 2, max: 3)
        #expect(refusal("1", spec) == "Please choose at least 2.")
        #expect(value("1, 2", spec) == .choices(["walk", "music"]))
        #expect(refusal("1, 2, 3, 4", spec) == "Please choose no more than 3. You chose 4.")
    }

    @Test func pickManyRefusals() {
        let spec = AnswerSpec.pickMany(options: options, min: nil, max: nil)
        #expect(refusal("1, 9", spec) == "I could not find \"9\" in the list. Type the numbers of your choices, with commas between them, like 1, 3.")
        #expect(refusal("dancing", spec)?.contains("like 1, 3") == true)
        #expect(refusal("friend", spec) == "\"friend\" fits more than one choice: 3. Talking to a friend; 4. A cup of tea with a friend. Please use the numbers.")
        #expect(refusal(", ,", spec) == "Please type the numbers of your choices, with commas between them, like 1, 3.")
    }

    // MARK: yes-no

    @Test(arguments: ["yes", "Y", "yeah", "yep", "Yes please", "ok", "okay", "sure", "yes."])
    func yes(_ input: String) { #expect(value(input, .yesNo) == .bool(true)) }

    @Test(arguments: ["no", "N", "nope", "no thanks", "No thank you", "not really", "no!"])
    func no(_ input: String) { #expect(value(input, .yesNo) == .bool(false)) }

    @Test(arguments: ["1", "yes no", "true"])
    func yesNoRefusal(_ input: String) { #expect(refusal(input, .yesNo) == "Please type yes or no.") }

    /// "maybe" is told either is fine (`YesNoInBetweenTests`).
    @Test func yesNoMaybe() { #expect(refusal("maybe", .yesNo) == AnswerParser.inBetweenReply) }

    /// As people write yes and no: with a comma, in Scots and northern English, a few words more.
    @Test(arguments: ["Yes, please", "yes please!!", "Aye", "aye go on", "yea", "yup", "Yes I would", "yes, I would like that",
                      "of course", "definitely", "go on", "Yes 👍", "YES", "yes thank you"])
    func moreYes(_ input: String) { #expect(value(input, .yesNo) == .bool(true)) }

    @Test(arguments: ["No, thanks", "nah", "Naw", "No thank you.", "no I would not", "not now", "not yet", "no ta", "NO", "no 👎"])
    func moreNo(_ input: String) { #expect(value(input, .yesNo) == .bool(false)) }

    @Test(arguments: ["yes but not now", "no yes", "yes and no", "yes or no", "not sure", "aye no", "no but yes"])
    func mixedYesNoIsRefused(_ input: String) { #expect(refusal(input, .yesNo) != nil) }

    // MARK: number

    @Test func numbers() {
        let any = AnswerSpec.number(range: nil)
        #expect(value("4", any) == .number(4))
        #expect(value("2.5", any) == .number(2.5))
        #expect(value("-3", any) == .number(-3))
        #expect(value("1,200", any) == .number(1200))
        #expect(value("four", any) == .number(4))
        #expect(value("about -3", any) == .number(-3))
        #expect(value("roughly .5", any) == .number(0.5))
        #expect(refusal("lots", any) == "Please type a number, like 4 or 2.5.")
        #expect(refusal("inf", any) == "Please type a number, like 4 or 2.5.")
        #expect(refusal("nan", any) == "Please type a number, like 4 or 2.5.")
    }

    @Test func numberRange() {
        let spec = AnswerSpec.number(range: 0...24)
        #expect(value("0", spec) == .number(0))
        #expect(value("24", spec) == .number(24))
        #expect(value("7.5", spec) == .number(7.5))
        #expect(refusal("25", spec) == "Please type a number from 0 to 24.")
        #expect(refusal("-1", spec) == "Please type a number from 0 to 24.")
        #expect(refusal("lots", spec) == "Please type a number from 0 to 24.")
    }

    /// "about 7", "7ish", "2.5 i think": a number with the words around it that change nothing;
    /// "7 hours" is asked for just the number, not told what a number looks like.
    @Test func numbersAsPeopleTypeThem() {
        let spec = AnswerSpec.number(range: 0...24)
        for (typed, n) in [("about 7", 7.0), ("7ish", 7), ("seven", 7), ("2.5 i think", 2.5), ("maybe 6.5", 6.5),
                           ("8 tbh", 8), ("around 10 at the moment", 10), ("7.", 7)] {
            #expect(value(typed, spec) == .number(n), "\(typed)")
        }
        #expect(refusal("7 hours", spec) == "Please type just the number, like 7.")
        #expect(refusal("about 2.5 hours", spec) == "Please type just the number, like 2.5.")
        #expect(refusal("30 hours", spec) == "Please type a number from 0 to 24.")
        #expect(refusal("7 or 8", spec) == "Please type a number from 0 to 24.")
        #expect(refusal("between 6 and 7", spec) == "Please type a number from 0 to 24.")
    }

    // MARK: scale

    @Test func scaleRangeAndLabels() {
        let spec = AnswerSpec.scale(range: 1...10, labels: [1: "not good at all", 10: "very good"])
        #expect(value("1", spec) == .number(1))
        #expect(value("10", spec) == .number(10))
        #expect(value("Very good", spec) == .number(10))
        #expect(value("not good at all", spec) == .number(1))
        let accepted = "Please type a whole number from 1 to 10."
        #expect(refusal("0", spec) == accepted)
        #expect(refusal("11", spec) == accepted)
        #expect(refusal("5.5", spec) == accepted)
        #expect(refusal("good", spec) == accepted)
        #expect(value("0", .scale(range: 0...4, labels: [:])) == .number(0))
    }

    @Test("Scores as people type them: 7/10, 7 out of 10, seven; the second number must be the scale's top")
    func scoresAsTyped() {
        let spec = AnswerSpec.scale(range: 1...10, labels: [:])
        for (typed, n) in [("7/10", 7), ("7 / 10", 7), ("7 out of 10", 7), ("7 of 10", 7), ("seven", 7), ("Seven out of ten.", 7), ("10/10", 10), ("ten", 10)] {
            #expect(value(typed, spec) == .number(Double(n)), "\(typed)")
        }
        let accepted = "Please type a whole number from 1 to 10."
        for typed in ["7/5", "7 out of 5", "out of 10", "7 out 10", "10 7", "7 10", "11/10", "0 out of 10", "seven eight", "/10", "7/"] {
            #expect(refusal(typed, spec) == accepted, "\(typed)")
        }
        #expect(value("3/5", .scale(range: 1...5, labels: [:])) == .number(3))
    }

    /// "about 6", "6ish", "maybe a 6": the number, with the words around it that do not change it.
    @Test func scoresWithWordsAround() {
        let spec = AnswerSpec.scale(range: 1...10, labels: [:])
        for (typed, n) in [("about 6", 6), ("6ish", 6), ("6-ish", 6), ("around six", 6), ("maybe a 6", 6), ("probably 7/10", 7),
                           ("a 3", 3), ("roughly 4 out of 10", 4), ("prob 5", 5), ("6 🙂", 6), ("I'd say 6", 6)] {
            #expect(value(typed, spec) == .number(Double(n)), "\(typed)")
        }
        for typed in ["6 or 7", "about", "ish", "between 4 and 5", "not 6"] {
            #expect(refusal(typed, spec) != nil, "\(typed)")
        }
    }

    // MARK: date

    @Test(arguments: [
        ("2027-03-01", "2027-03-01"), ("1/3/2027", "2027-03-01"), ("01/03/27", "2027-03-01"), ("1.3.2027", "2027-03-01"),
        ("1-3-2027", "2027-03-01"), ("today", "2027-01-04"), ("tomorrow", "2027-01-05"), ("in 2 weeks", "2027-01-18"),
        ("in a fortnight", "2027-01-18"), ("in 3 months", "2027-04-04"), ("in a year", "2028-01-04"), ("in 10 days", "2027-01-14"),
        ("next monday", "2027-01-11"), ("next mon", "2027-01-11"), ("this friday", "2027-01-08"), ("on tuesday", "2027-01-05"),
        ("next month", "2027-02-04"), ("next year", "2028-01-04"), ("1 March 2027", "2027-03-01"), ("31st December 2027", "2027-12-31"),
        ("29/2/2028", "2028-02-29"),
    ])
    func dateForms(_ input: String, _ iso: String) {
        #expect(value(input, .date(after: nil, before: nil)) == .date(SimpleDate(iso: iso)!))
    }

    @Test(arguments: ["29/2/2027", "somedayx", "next blursday", "3/2027", "2027/03/01/01", "in -2 weeks", "0/1/2027", "1/13/2027"])
    func wrongDatesSayWhatIsAccepted(_ input: String) {
        let why = refusal(input, .date(after: nil, before: nil)) ?? "accepted"
        for accepted in ["1/3/2027", "2027-03-01", "today", "tomorrow", "in 2 weeks", "next monday"] {
            #expect(why.contains(accepted), "\(why)")
        }
    }

    @Test func dateBounds() {
        let future = AnswerSpec.date(after: .today, before: nil)
        #expect(refusal("today", future) == "Please choose a date after today.")
        #expect(refusal("1/1/2027", future) == "That day, Friday 1 January 2027, has passed. Please choose a day after today, like next friday or in 2 weeks.")
        #expect(value("tomorrow", future) == .date(SimpleDate(year: 2027, month: 1, day: 5)!))

        let past = AnswerSpec.date(after: nil, before: .today)
        #expect(refusal("tomorrow", past) == "That day, Tuesday 5 January 2027, is still to come. This question asks about a day that has passed. Please choose a day before today, like last friday or 2 weeks ago.")
        #expect(value("3/1/2027", past) == .date(SimpleDate(year: 2027, month: 1, day: 3)!))

        let window = AnswerSpec.date(after: .fixed(SimpleDate(year: 2027, month: 3, day: 1)!), before: .fixed(SimpleDate(year: 2027, month: 4, day: 1)!))
        #expect(refusal("1/3/2027", window) == "Please choose a date after Monday 1 March 2027.")
        #expect(value("2/3/2027", window) == .date(SimpleDate(year: 2027, month: 3, day: 2)!))
        #expect(refusal("1/4/2027", window) == "Please choose a date before Thursday 1 April 2027.")
    }

    @Test func recordsAreTypedOneFieldAtATime() {
        #expect(refusal("x", .records(fields: [], min: nil, max: nil)) == "This question takes its answer one part at a time.")
    }
}

@Suite struct TrimTests {
    @Test(arguments: ["", " ", "\t", "a", " a ", "\ta b\t", "  walk, music  ", "\u{00A0}café\u{2003}", "\u{3000}", "x\n", "\n x \n", " \u{1B}[31m ", "👍 ", " é"])
    func trimsAsFoundationDoes(_ s: String) {
        #expect(s.trimmedSpaces == s.trimmingCharacters(in: .whitespaces))
    }
}
