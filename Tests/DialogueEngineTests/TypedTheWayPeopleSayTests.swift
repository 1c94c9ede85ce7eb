import Testing

@testable import DialogueEngine

/// Trials typed answers the way people say them, and some were refused or asked again:
/// "the sleep one and carers one" at a pick-many, "the one about money" at a pick-one, "pretty low
/// tbh like a 3" and "im feeling very low" at a scale, "fathers day" and "after xmas" at a date,
/// and "a j" at the name question (initials are a name).
@Suite struct TypedTheWayPeopleSayTests: ParsesAnswers {
    let parser = AnswerParser(today: TestSupport.today)
    let courses: [Option] = [
        Option(key: "mental-health", label: "What mental health problems are, and how they are treated"),
        Option(key: "looking-after-me", label: "Looking after yourself as a carer"),
        Option(key: "rights", label: "Your rights as a carer"),
        Option(key: "money", label: "Money and benefits"),
        Option(key: "sleep", label: "Sleeping better"),
        Option(key: "crisis", label: "What to do in a crisis"),
    ]

    // MARK: choices by a word of their label

    @Test(arguments: [
        ("the sleep one", "sleep"), ("the one about money", "money"), ("money one", "money"), ("the crisis one please", "crisis"),
        ("the one with the rights", "rights"), ("the second one", "looking-after-me"), ("last one", "crisis"), ("the 3rd one", "rights"),
        ("the one about sleeping", "sleep"), ("i want the money one", "money"),
    ])
    func aChoiceByAWordOfItsLabel(_ typed: String, _ key: String) {
        #expect(value(typed, .pickOne(options: courses)) == .choice(key), "\(typed)")
    }

    @Test(arguments: [
        ("the sleep one and money one", ["money", "sleep"]), ("the sleep one and the crisis one", ["sleep", "crisis"]),
        ("sleep one, rights one", ["rights", "sleep"]), ("the money one and 6", ["money", "crisis"]),
    ])
    func severalChoicesByWords(_ typed: String, _ keys: [String]) {
        #expect(value(typed, .pickMany(options: courses, min: nil, max: nil)) == .choices(keys), "\(typed)")
    }

    /// Two choices fit: they are named, with their numbers, and the person is asked which.
    @Test func twoThatFitAreNamedWithTheirNumbers() {
        #expect(refusal("the carers one", .pickOne(options: courses))
            == "That fits more than one choice: 2. Looking after yourself as a carer; 3. Your rights as a carer. Please type the number of the one you mean.")
        #expect(refusal("the sleep one and carers one", .pickMany(options: courses, min: nil, max: nil))
            == "\"carers one\" fits more than one choice: 2. Looking after yourself as a carer; 3. Your rights as a carer. Please use the numbers.")
        // A word no label has is still not found; a place the list does not have is not taken.
        #expect(value("the cooking one", .pickOne(options: courses)) == nil)
        #expect(value("the ninth one", .pickOne(options: courses)) == nil)
    }

    /// A label with "one" in it is read as before.
    @Test func aLabelWithOneInIt() {
        let how = [Option(key: "one", label: "One to one with a worker"), Option(key: "group", label: "In a group")]
        #expect(value("one to one", .pickOne(options: how)) == .choice("one"))
        #expect(value("the group one", .pickOne(options: how)) == nil)
    }

    // MARK: scores

    let scale = AnswerSpec.scale(range: 1...10, labels: [1: "very low", 10: "very good"])

    @Test(arguments: [
        ("pretty low tbh like a 3", 3), ("not much time at all like 1", 1), ("meh, 4", 4), ("honestly not great, like a 2 tbh", 2),
        ("its ok i guess, maybe a 6", 6), ("pretty good like an 8", 8), ("not bad, 7", 7), ("rubbish like a two", 2),
    ])
    func aClearScoreAfterWordsIsTaken(_ typed: String, _ n: Int) {
        #expect(value(typed, scale) == .number(Double(n)), "\(typed)")
    }

    /// Against the score, for some days only, or with another number: asked again, never read.
    @Test(arguments: [
        "not a 3", "never above 5", "more than 5", "on a bad day 2", "on my worst days its like, 3.", "it was a 7 yesterday",
        "3 days ago it was a 7", "wouldnt say 4", "when hes home like a 2", "less than a 3", "nearly a 5",
    ])
    func aScoreThatMayNotBeTheirsIsNotTaken(_ typed: String) {
        #expect(value(typed, scale) == nil, "\(typed)")
    }

    @Test(arguments: [
        ("very low", 1), ("im feeling very low tbh", 1), ("Very good!", 10), ("its very good really", 10), ("feeling very low atm", 1),
    ])
    func aLabelsWordsWithWordsThatChangeNothing(_ typed: String, _ n: Int) {
        #expect(value(typed, scale) == .number(Double(n)), "\(typed)")
    }

    @Test(arguments: ["its ok", "not bad", "pretty low", "not very good", "about half way", "low"])
    func wordsWithNoNumberAreAskedForOne(_ typed: String) {
        #expect(refusal(typed, scale) == "Please type a whole number from 1 to 10.", "\(typed)")
    }

    // MARK: dates

    @Test(arguments: [
        ("fathers day", "2027-06-20"), ("father's day", "2027-06-20"), ("Fathers Day", "2027-06-20"), ("next fathers day", "2027-06-20"),
        ("fathers day 2028", "2028-06-18"), ("on fathers day", "2027-06-20"), ("mothers day", "2027-03-07"),
    ])
    func fathersDay(_ typed: String, _ iso: String) {
        #expect(DateParser.parse(typed, today: TestSupport.today)?.iso == iso, "\(typed)")
    }

    /// Father's Day said on the day is that day; after it, next year's.
    @Test func fathersDayNextYear() {
        #expect(DateParser.parse("fathers day", today: SimpleDate(year: 2027, month: 6, day: 20)!)?.iso == "2027-06-20")
        #expect(DateParser.parse("fathers day", today: SimpleDate(year: 2027, month: 6, day: 21)!)?.iso == "2028-06-18")
    }

    @Test(arguments: [
        ("after xmas", "After Saturday 25 December 2027 could be many days, so I cannot keep it as one date. Please type the day you have in mind, like 26/12 or 1/1."),
        ("just after christmas", "After Saturday 25 December 2027 could be many days, so I cannot keep it as one date. Please type the day you have in mind, like 26/12 or 1/1."),
        ("after easter", "After Sunday 28 March 2027 could be many days, so I cannot keep it as one date. Please type the day you have in mind, like 29/3 or 4/4."),
        ("before fathers day", "Before Sunday 20 June 2027 could be many days, so I cannot keep it as one date. Please type the day you have in mind, like 19/6 or 13/6."),
    ])
    func aTimeAroundADayIsAskedForTheDay(_ typed: String, _ why: String) {
        #expect(refusal(typed, .date(after: .today, before: nil)) == why, "\(typed)")
    }

    // MARK: names

    @Test(arguments: ["a j", "aj", "j.p.", "a.j.", "A J", "a. j."])
    func initialsAreAName(_ typed: String) {
        #expect(NameAnswer.read(typed) == .name(typed), "\(typed)")
    }
}

/// "none" to "How much time do you get for yourself?" (1 = none at all) was told that /skip leaves
/// a question that does not fit: the label says it, with "at all" left off.
@Suite struct ScaleLabelAtAllTests: ParsesAnswers {
    let parser = AnswerParser(today: TestSupport.today)
    let time = AnswerSpec.scale(range: 1...10, labels: [1: "none at all", 10: "plenty"])
    let health = AnswerSpec.scale(range: 1...10, labels: [1: "not good at all", 10: "very good"])

    @Test func atAllLeftOff() {
        #expect(value("none", time) == .number(1))
        #expect(value("none tbh", time) == .number(1))
        #expect(value("not good", health) == .number(1))
        #expect(value("plenty", time) == .number(10))
        #expect(value("good", health) == nil)
        #expect(value("not", health) == nil)
    }
}

/// "Are you a peer support worker?" answered "yes im a peer worker" was asked for "just yes or no".
@Suite struct YesWithTheQuestionsWordsTests {
    let parser = AnswerParser(today: TestSupport.today, asked: "Are you a peer support worker?")

    @Test(arguments: ["yes im a peer worker", "yeah i am a peer support worker", "yes a peer worker", "yep peer worker"])
    func aYesWithTheQuestionsWords(_ typed: String) {
        #expect(parser.parse(typed, as: .yesNo) == .value(.bool(true)), "\(typed)")
    }

    @Test(arguments: ["yes im not a peer worker", "no im a peer worker", "yes im a nurse", "yes but not a peer worker"])
    func otherWordsAreAskedAgain(_ typed: String) {
        #expect(parser.parse(typed, as: .yesNo) != .value(.bool(true)), "\(typed)")
        #expect(parser.parse(typed, as: .yesNo) != .value(.bool(false)), "\(typed)")
    }
}
