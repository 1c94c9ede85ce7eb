import Testing

@testable import DialogueEngine

/// Answers as a carer, a person using services and a member of staff really typed them, trying
/// the terminal: each was refused, or taken as something else, before.
@Suite struct TypedLikePeopleTests: ParsesAnswers {
    let parser = AnswerParser(today: TestSupport.today)

    // MARK: yes and no

    /// "Have you been asked ...?" is answered "yes we have" or "no, never", not only "yes".
    @Test(arguments: ["yes we have", "yes I have", "yeah we did", "yes i think so", "Yes, they have.", "yep I do",
                      "yes I am", "aye we have", "yes I'm sure"])
    func yesWithTheVerbSaidAgain(_ input: String) { #expect(value(input, .yesNo) == .bool(true)) }

    @Test(arguments: ["no never", "No, never.", "never", "no we havent", "no we haven't", "no I didn't", "nope not yet",
                      "no not yet", "no I have not", "no, I don't think so", "no they haven't", "no I'm not"])
    func noWithTheVerbSaidAgain(_ input: String) { #expect(value(input, .yesNo) == .bool(false)) }

    /// "Would you like to see your plan now?"
    @Test(arguments: [("yes show me", true), ("go on then", true), ("yes let me see it", true), ("yeah go on then love", true),
                      ("no not now thanks", false), ("nah not now mate", false)])
    func seeingThePlan(_ input: String, _ yes: Bool) { #expect(value(input, .yesNo) == .bool(yes), "\(input)") }

    /// A yes with a not, or a no with a bare "have", is neither.
    @Test(arguments: ["yes I have not", "yes we haven't", "no I have", "no I think so", "yes never", "yes but we haven't"])
    func mixedVerbsAreRefused(_ input: String) { #expect(refusal(input, .yesNo) == "Please type yes or no.") }

    /// "after my annual leave, so like the 4th jan" was told what a date looks like: the one date
    /// in words of their own is asked for alone, in their words (not taken: the words could change it).
    @Test(arguments: [("after my annual leave, so like the 4th jan", "the 4th jan"), ("sometime next week if i can", "next week"),
                      ("hopefully by 1/3/2027 if work allows", "by 1/3/2027"), ("friday, after the meeting", "friday"),
                      ("in 2 weeks when sam is back", "in 2 weeks")])
    func aDateInWordsIsAskedForAlone(_ input: String, _ date: String) {
        #expect(refusal(input, .date(after: nil, before: nil)) == "Please type just the date, like \(date).")
    }

    /// "By when?" is answered "by Friday", as "on Friday" already was.
    @Test(arguments: [("by friday", "2027-01-08"), ("By Friday.", "2027-01-08"), ("by the end of the month", "2027-01-31"), ("by 1/3/2027", "2027-03-01")])
    func byADate(_ input: String, _ iso: String) {
        #expect(value(input, .date(after: nil, before: nil)) == .date(SimpleDate(iso: iso)!))
    }

    @Test(arguments: ["the 4th or the 11th", "not today", "whenever I feel up to it", "no idea", "monday or tuesday"])
    func noOneDateIsNotSuggested(_ input: String) {
        #expect(refusal(input, .date(after: nil, before: nil))?.hasPrefix("I could not read that as a date.") == true, "\(input)")
    }

    /// "my support worker kim" was told only to type a number: the choices it is close to are named.
    @Test func aChoiceInPartSaysWhichAreClose() {
        let options = [Option(key: "alone", label: "On my own"), Option(key: "family", label: "With a friend or family member"),
                       Option(key: "worker", label: "With a worker I trust"), Option(key: "peer", label: "With a peer support worker")]
        #expect(refusal("my support worker kim", .pickOne(options: options))
            == "The closest choices are 3. With a worker I trust; 4. With a peer support worker. Please type the number of your choice, from 1 to 4.")
        #expect(refusal("my mate jo from the peer group", .pickOne(options: options))
            == "The closest choice is 4. With a peer support worker. Please type the number of your choice, from 1 to 4.")
        #expect(refusal("banana", .pickOne(options: options)) == "Please type the number of your choice, from 1 to 4.")
    }

    /// "no im a nurse" was told "Please type yes or no.": that is what they did.
    @Test(arguments: ["no im a nurse", "No, I'm a nurse.", "yes he is my son", "nope, admin staff", "yes since 2019"])
    func aYesOrNoWithWordsIsAskedForJustThat(_ input: String) {
        #expect(refusal(input, .yesNo) == "Please type just yes or no.")
    }

    /// A thumb on its own was "Please type yes or no."
    @Test(arguments: [("👍", true), ("👍🏽", true), ("✅", true), ("👌", true), ("👎", false), ("👎🏿", false), ("❌", false), ("✔️", true)])
    func thumbs(_ input: String, _ yes: Bool) { #expect(value(input, .yesNo) == .bool(yes), "\(input)") }

    @Test(arguments: ["👍👎", "🙂", "👍?"])
    func otherEmojiAreNeither(_ input: String) { #expect(refusal(input, .yesNo) == "Please type yes or no.") }

    // MARK: choices

    static let links = [
        Option(key: "parent", label: "I am their mum, dad or parent"), Option(key: "partner", label: "I am their partner"),
        Option(key: "child", label: "I am their son or daughter"), Option(key: "sibling", label: "I am their brother or sister"),
        Option(key: "relative", label: "I am another relative"), Option(key: "friend", label: "I am their friend"),
        Option(key: "other", label: "Something else"),
    ]

    /// The carer's question in looking-after-me-too, as people answer it.
    @Test(arguments: [
        ("im his mum", "parent"), ("Im her dad", "parent"), ("i'm his mother", "parent"), ("his father", "parent"),
        ("im his wife", "partner"), ("her husband", "partner"), ("his girlfriend", "partner"),
        ("im his cousin", "relative"), ("her nan", "relative"), ("my nephew", "relative"),
        ("his stepdaughter", "child"), ("their mate", "friend"), ("im her sister", "sibling"),
        // Who they are to the person typing: "hes my son" makes them the parent (it was refused,
        // then pointed to "I am their son or daughter").
        ("hes my son", "parent"), ("she's my daughter", "parent"), ("my son", "parent"), ("shes my mum", "child"),
        ("he is my dad", "child"), ("my wife", "partner"), ("hes my brother", "sibling"), ("my nan", "relative"), ("my mate", "friend"),
    ])
    func carersSayHowTheyAreLinked(_ typed: String, _ key: String) {
        #expect(value(typed, .pickOne(options: Self.links)) == .choice(key), "\(typed)")
    }

    /// Where labels say "family" or "friend", the same words still find them.
    @Test func kinStillFindsTheWiderLabel() {
        let company = [Option(key: "alone", label: "On my own"), Option(key: "supporter", label: "With a friend or family member")]
        for typed in ["with my mum", "my wife", "with my girlfriend", "my cousin", "a mate"] {
            #expect(value(typed, .pickOne(options: company)) == .choice("supporter"), "\(typed)")
        }
    }

    /// "just me" was taken as "With a friend or family member" ("me" is how "member" starts): the
    /// opposite of what was meant, at the start of a safety plan.
    @Test(arguments: [("just me", "alone"), ("me", "alone"), ("by myself", "alone"), ("alone", "alone"), ("only me", "alone"),
                      ("on my own", "alone"), ("my own", "alone"), ("with my mum", "supporter"), ("a peer worker", "peer"),
                      ("a worker i trust", "worker")])
    func onMyOwnIsNotAFamilyMember(_ typed: String, _ key: String) {
        let company = [Option(key: "alone", label: "On my own"), Option(key: "supporter", label: "With a friend or family member"),
                       Option(key: "worker", label: "With a worker I trust"), Option(key: "peer", label: "With a peer support worker")]
        #expect(value(typed, .pickOne(options: company)) == .choice(key), "\(typed)")
    }

    /// "How often would you like to check in with your manager?" in a member of staff's words.
    @Test(arguments: [("every week please", "weekly"), ("every week", "weekly"), ("every 2 weeks", "fortnightly"),
                      ("2 weeks", "fortnightly"), ("every two weeks", "fortnightly"), ("once a month", "monthly")])
    func checkInsInTheirWords(_ typed: String, _ key: String) {
        let often = [Option(key: "weekly", label: "Every week"), Option(key: "fortnightly", label: "Every two weeks"),
                     Option(key: "monthly", label: "Once a month"), Option(key: "when-asked", label: "Only when I ask")]
        #expect(value(typed, .pickOne(options: often)) == .choice(key), "\(typed)")
    }

    @Test func aNumberWithPleaseIsTheNumber() {
        let courses = (1...8).map { Option(key: "c\($0)", label: "Course \(["one", "two", "three", "four", "five", "six", "seven", "eight"][$0 - 1]) thing") }
        #expect(value("2,3 and 7 please", .pickMany(options: courses, min: nil, max: nil)) == .choices(["c2", "c3", "c7"]))
        #expect(value("4 thanks", .pickOne(options: courses)) == .choice("c4"))
        #expect(value("9 please", .pickOne(options: courses)) == nil)
    }

    // MARK: scales

    /// "2 tbh" was told "Please type a whole number from 1 to 10": that is what they did.
    @Test func aScoreWithWordsIsAskedForJustTheNumber() {
        let spec = AnswerSpec.scale(range: 1...10, labels: [:])
        #expect(refusal("1 its awful tbh", spec) == "Please type just the number, like 1.")
        #expect(refusal("about a 4, the night shifts are hard", spec) == "Please type just the number, like 4.")
        #expect(refusal("honestly about a 2, im exhausted all the time", spec) == "Please type just the number, like 2.")
        #expect(refusal("1 - its awful", spec) == "Please type just the number, like 1.")
        #expect(refusal("lots", spec) == "Please type a whole number from 1 to 10.")
        #expect(refusal("5 or 6", spec) == "Please choose one number: 5 or 6.")
        #expect(refusal("14 tbh", spec) == "Please type a whole number from 1 to 10.")
        #expect(refusal("3rd of jan", spec) == "Please type a whole number from 1 to 10.")
    }

    /// "about a 4 tbh" was refused: words after a score that carry nothing of the person's own
    /// ("tbh", "at the moment", "i think") are left out, as those before it already were.
    @Test(arguments: [("2 tbh", 2), ("2, honestly", 2), ("about a 4 tbh", 4), ("6 at the moment", 6), ("3 i think", 3),
                      ("maybe 5 to be honest", 5), ("7/10 today", 7), ("8 thanks", 8), ("4 right now tbh", 4), ("five i guess", 5),
                      ("honestly a 3", 3), ("um 6", 6), ("its a 7", 7), ("im at a 4", 4), ("i think 5", 5), ("feeling about a 6 today", 6),
                      ("5 maybe", 5), ("3 if that", 3), ("4 id say", 4), ("6 probably", 6), ("2 tbf", 2), ("7 pls", 7),
                      ("bout a 4 id say", 4), ("abt 6", 6), ("probs a 3", 3), ("4 probs", 4), ("ngl like a 2", 2), ("3 or something", 3),
                      ("tbf a 5", 5), ("6 ngl", 6)])
    func aScoreWithWordsThatChangeNothing(_ typed: String, _ n: Int) {
        #expect(value(typed, AnswerSpec.scale(range: 1...10, labels: [:])) == .number(Double(n)))
    }

    /// "By when?" in a team's actions: "tbc" was told only what a date looks like, not that Enter
    /// leaves the field empty.
    @Test(arguments: ["tbc", "TBC", "to be confirmed", "tbd", "not decided yet"])
    func aDateNotFixedYetIsToldAboutEnter(_ input: String) throws {
        var c = try TestSupport.conversation("- id: actions\n  ask: Actions?\n  answer: records\n  fields:\n    - {id: what, ask: What?, answer: text}\n    - {id: when, ask: By when?, answer: date}\n")
        c.type("book a room")
        #expect(c.answer(input).events.invalidMessages.first?.hasSuffix("If you are not sure, press Enter to leave it empty.") == true)
    }

    /// "n/a" at a question that is not needed is told how to leave it out.
    @Test(arguments: ["n/a", "N/A", "na", "not applicable", "pass", "none", "doesn't apply"])
    func notApplicableIsToldAboutSkip(_ input: String) throws {
        var c = try TestSupport.conversation("- id: work\n  ask: Work?\n  answer: scale\n- id: must\n  ask: Must?\n  answer: scale\n  required: true\n")
        #expect(c.answer(input).events.invalidMessages == ["Please type a whole number from 1 to 10. If this question does not fit you, you can type /skip to leave it out."])
        c.type("5")
        #expect(c.answer(input).events.invalidMessages == ["Please type a whole number from 1 to 10."])
    }

    // MARK: dates

    /// "in 6 weeks' time" was read, "6 weeks time" and "in 6 wks" were not; days said as words
    /// ("twenty first of jan") were not. Today is Monday 4 January 2027.
    @Test(arguments: [
        ("6 weeks time", "2027-02-15"), ("2 months time", "2027-03-04"), ("a week's time", "2027-01-11"),
        ("in a weeks time", "2027-01-11"), ("3 months' time", "2027-04-04"), ("in 6 wks", "2027-02-15"), ("2 wks", "2027-01-18"),
        ("in 3 mths", "2027-04-04"), ("in a yr", "2028-01-04"),
        ("twenty first of jan", "2027-01-21"), ("the third of march", "2027-03-03"), ("thirty-first jan", "2027-01-31"),
        ("first of feb 2027", "2027-02-01"), ("the twentieth", "2027-01-20"), ("friday the fifteenth", "2027-01-15"),
        ("twentyfirst march", "2027-03-21"), ("thirtieth", "2027-01-30"),
    ])
    func datesAsPeopleTypeThem(_ input: String, _ expected: String) {
        #expect(DateParser.parse(input, today: TestSupport.today)?.iso == expected, "\(input)")
    }

    /// "When will you take this step?": "saturday morning", "tonight", "at the weekend" were not
    /// read. Monday 4 January 2027; the weekend is Saturday 9.
    @Test(arguments: [
        ("saturday morning", "2027-01-09"), ("tomorrow morning", "2027-01-05"), ("fri night", "2027-01-08"),
        ("monday after work", "2027-01-11"), ("tomorrow afternoon", "2027-01-05"), ("tonight", "2027-01-04"),
        ("this afternoon", "2027-01-04"), ("later today", "2027-01-04"), ("now", "2027-01-04"),
        ("at the weekend", "2027-01-09"), ("this weekend", "2027-01-09"), ("the weekend", "2027-01-09"),
        ("the 14th in the evening", "2027-01-14"),
    ])
    func daysWithATimeOfDay(_ input: String, _ expected: String) {
        #expect(DateParser.parse(input, today: TestSupport.today)?.iso == expected, "\(input)")
    }

    @Test func theWeekendOnASundayIsToday() {
        let sunday = SimpleDate(year: 2027, month: 1, day: 10)!
        #expect(DateParser.parse("this weekend", today: sunday) == sunday)
        #expect(DateParser.parse("weekend", today: sunday.adding(days: -1)) == sunday.adding(days: -1))
    }

    @Test(arguments: ["time", "6 time", "twenty", "twenty jan", "thirty second", "weeks time", "morning", "this morning if i can", "sometime after work", "in the evening"])
    func notDates(_ input: String) { #expect(DateParser.parse(input, today: TestSupport.today) == nil, "\(input)") }
}
