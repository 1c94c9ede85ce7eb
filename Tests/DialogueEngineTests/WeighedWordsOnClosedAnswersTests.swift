import Testing

@testable import DialogueEngine

/// An answer to a choice, a scale or a date typed in closed words only (the chosen option's own
/// label words, numbers and a date's words, and the parser's few fixed words like "please" and
/// "the") has no words of the person's own for the weighed words to weigh: such a line brought the
/// gentle line about not being safe, and used it up, so that a later line only the weighed words
/// heard brought nothing. The patterns still hear every line, and a line with any word of the
/// person's own is heard by the whole check-in, as before.
@Suite struct WeighedWordsOnClosedAnswersTests {
    static let support = NameWeighedWordsTests.library.support

    static let questions: [String: String] = [
        "view": "  answer: pick-one\n  options:\n    preferred: I would like this\n    acceptable: This is OK for me\n    not-ok: I do not want this\n",
        "relationship": "  answer: pick-one\n  options:\n    parent: I am their mum, dad or parent\n    child: I am their son or daughter\n    sibling: I am their brother or sister\n    other: Something else\n",
        "often": "  answer: pick-one\n  options:\n    weekly: Every week\n    fortnightly: Every two weeks\n    monthly: Every month\n",
        "courses": "  answer: pick-many\n  options:\n    money: Money and benefits\n    crisis: What to do in a crisis\n    carers: Meeting other carers\n",
        "score": "  answer: scale\n  range: [1, 10]\n",
        "when": "  answer: date\n",
        "test-label": "  answer: pick-one\n  options:\n    now: I want to end my life\n    later: Later\n",
        "things": "  answer: list\n",
        "people": "  answer: records\n  fields:\n    - id: name\n      ask: Who?\n      answer: text\n    - id: reach\n      ask: How can they be reached?\n      answer: text\n",
    ]

    func session(_ id: String) throws -> Session {
        let steps = "- id: \(id)\n  ask: The question?\n" + Self.questions[id]! + "- id: more\n  ask: What else?\n  answer: text\n"
        let s = Session(conversation: Conversation(script: try TestSupport.script(steps), today: TestSupport.today), support: Self.support)
        _ = s.start()
        return s
    }

    static func heard(_ events: [Event]) -> Bool {
        events.contains { if case .checkIn = $0 { true } else if case .checkInReminder = $0 { true } else { false } }
    }

    /// Lines the weighed words heard (each checked below, so a test never passes for nothing).
    @Test(arguments: [
        ("view", "I would like this"), ("relationship", "I am their son or daughter"),
        ("relationship", "I am their brother or sister"), ("often", "only the 2"), ("often", "only 2 thanks"),
        ("often", "every 2 weeks only"), ("often", "only every 2 weeks"), ("score", "only a 2"),
        ("score", "only a seven"),
        // "in a couple of days" was here too, until the weights learned batch AD's "missed a
        // couple of doses" (twenty-ninth session): they hear it no more.
        // A team's "developing i think" ("every 2 weeks i think", "2 i think") was here too, until
        // the weights learned batch AC's "tea i think" (sixteenth session): they hear it no more.
    ])
    func aClosedAnswerBringsNoGentleLine(question: String, line: String) throws {
        #expect(Self.support.distress(in: line)?.weighed == true, "the weighed words hear \(line)")
        var s = try session(question)
        let events = s.take(line)
        #expect(!Self.heard(events), "\(line): \(events)")
        #expect(s.conversation.state.answers[question] != nil)
        #expect(events.askedSteps == ["more"])
    }

    /// With a word of their own, the whole check-in hears the line, as before; and the patterns
    /// hear everything ("7 and I want to kill myself" at a scale brings the contacts).
    @Test(arguments: [
        ("score", "7 and I want to kill myself"), ("score", "only a 2, I want to die"),
        ("view", "I would like this but I want to end it all"), ("often", "only the 2 I cant go on"),
        ("when", "in a couple of weeks, I want to kill myself"), ("courses", "what to do in a crisis, im going to overdose"),
        // heard by a pattern since the twenty-ninth session, so the full check-in, not the gentle line
        ("when", "in a couple of weeks if im still alive"),
    ])
    func wordsOfDistressWithThemAreHeard(question: String, line: String) throws {
        var s = try session(question)
        let events = s.take(line)
        #expect(events.contains { if case .checkIn = $0 { true } else { false } }, "\(line): \(events)")
    }

    /// A date with words of their own that only the weighed words hear: the gentle line, as before.
    /// ("in a couple of weeks, not that ill be here" was this line until batch AE, thirtieth
    /// session: a pattern hears it now, so the full check-in.)
    @Test func aDateWithWordsOfTheirOwnIsWeighed() throws {
        let line = "next month, no point really"
        #expect(Self.support.distress(in: line)?.weighed == true, "the weighed words hear \(line)")
        var s = try session("when")
        let events = s.take(line)
        #expect(events.contains { if case .checkInReminder = $0 { true } else { false } }, "\(events)")
    }

    @Test func thePatternsStillHearAClosedAnswer() throws {
        var s = try session("test-label")
        let events = s.take("I want to end my life")
        #expect(s.conversation.state.answers["test-label"] == .choice("now"))
        #expect(events.contains { if case .checkIn = $0 { true } else { false } }, "\(events)")
    }

    @Test func aWordOfTheirOwnIsWeighedAsBefore() throws {
        // Accepted as the answer, but "mate" and "her" are theirs: not closed.
        let spec = AnswerSpec.pickOne(options: [Option(key: "weekly", label: "Every week"), Option(key: "fortnightly", label: "Every two weeks")])
        let closed = { ClosedAnswer.holdsNoOwnWords($0, as: spec, today: TestSupport.today) }
        #expect(closed("every 2 weeks please"))
        #expect(closed("Every two weeks."))
        #expect(!closed("every 2 weeks mate"))
        #expect(!closed("2 😭"))
        #expect(!closed("every wee"))
        let relation = AnswerSpec.pickOne(options: [Option(key: "child", label: "I am their son or daughter"), Option(key: "other", label: "Something else")])
        #expect(ClosedAnswer.holdsNoOwnWords("I'm their daughter", as: relation, today: TestSupport.today))
        #expect(!ClosedAnswer.holdsNoOwnWords("her daughter", as: relation, today: TestSupport.today))
        let date = AnswerSpec.date(after: nil, before: nil)
        for line in ["in a couple of weeks", "the 3rd of march", "end of next month", "a week's time", "monday week", "tomorrow after work", "the twenty-first of May"] {
            #expect(ClosedAnswer.holdsNoOwnWords(line, as: date, today: TestSupport.today), "\(line)")
        }
        #expect(!ClosedAnswer.holdsNoOwnWords("whenever", as: date, today: TestSupport.today))
        let scale = AnswerSpec.scale(range: 1...10, labels: [1: "no hope at all"])
        for line in ["7 out of 10", "about 6", "i'd say 3", "7ish", "seven"] {
            #expect(ClosedAnswer.holdsNoOwnWords(line, as: scale, today: TestSupport.today), "\(line)")
        }
        let number = AnswerSpec.number(range: nil)
        #expect(ClosedAnswer.holdsNoOwnWords("1,000", as: number, today: TestSupport.today))
        #expect(!ClosedAnswer.holdsNoOwnWords("3 pints", as: number, today: TestSupport.today))
        let many = AnswerSpec.pickMany(options: [Option(key: "money", label: "Money and benefits"), Option(key: "crisis", label: "What to do in a crisis")], min: nil, max: nil)
        #expect(ClosedAnswer.holdsNoOwnWords("1 and 2", as: many, today: TestSupport.today))
        #expect(ClosedAnswer.holdsNoOwnWords("money and benefits, what to do in a crisis", as: many, today: TestSupport.today))
        #expect(!ClosedAnswer.holdsNoOwnWords("money and benefits, what to do in a crisis like now", as: many, today: TestSupport.today))
        // A scale's label typed in words is theirs to say: the whole check-in hears it.
        #expect(!ClosedAnswer.holdsNoOwnWords("no hope at all", as: scale, today: TestSupport.today))
        // The words after a score or a number that the reader leaves out are its own too.
        for line in ["7 please", "4 right now tbh", "6 at the moment", "3 i think", "honestly a 3"] {
            #expect(ClosedAnswer.holdsNoOwnWords(line, as: scale, today: TestSupport.today), "\(line)")
        }
        for line in ["about 7", "7ish", "2.5 i think", "seven"] {
            #expect(ClosedAnswer.holdsNoOwnWords(line, as: number, today: TestSupport.today), "\(line)")
        }
        #expect(!ClosedAnswer.holdsNoOwnWords("1 its awful", as: scale, today: TestSupport.today))
    }

    /// "thats it x", typed to end a list (a trial, thirtieth session), brought the gentle line: the
    /// words that end a list are no words of the person's own, as a closed answer's are not. The
    /// patterns still hear such a line ("thats it im done with life" is no list's end).
    @Test(arguments: [("things", "thats it x"), ("people", "thats it x")])
    func wordsThatEndAListAreNotWeighed(question: String, line: String) throws {
        #expect(Self.support.distress(in: line)?.weighed == true, "the weighed words hear \(line)")
        var s = try session(question)
        _ = s.take("Sam")
        if question == "people" { _ = s.take("07700 900123") }
        let events = s.take(line)
        #expect(!Self.heard(events), "\(line): \(events)")
        #expect(events.askedSteps == ["more"], "\(events)")
    }

    @Test func wordsOfDistressAtAListAreStillHeard() throws {
        var s = try session("things")
        _ = s.take("Sam")
        let events = s.take("thats it, i want to die")
        #expect(events.contains { if case .checkIn = $0 { true } else { false } }, "\(events)")
    }
}
