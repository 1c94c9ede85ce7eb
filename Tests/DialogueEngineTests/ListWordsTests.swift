import Testing

@testable import DialogueEngine

/// A list asks for one thing a line, and people type "done" to end it, or the whole list on one
/// line with commas. "done" was kept as a thing in the plan ("- done"), and "walking, music and
/// my dog" was one thing.
@Suite struct ListWordsTests {
    typealias T = TestSupport

    static let steps = """
        - id: name
          ask: What shall I call you?
          answer: text
        - id: calm
          ask: What helps?
          answer: list
        - id: two
          ask: Two people?
          answer: list
          max: 2
        - id: contacts
          ask: Who can you call?
          answer: records
          fields:
            - id: who
              ask: Who?
              answer: text
            - id: phone
              ask: Their number?
              answer: text
              optional: true
        - id: last
          ask: Anything else?
          answer: text
        """

    func session() throws -> TestDoor {
        var s = TestDoor(Session(conversation: Conversation(script: try T.script(Self.steps), today: T.today), support: .fallback), journal: MemoryJournal())
        s.start()
        s.handle("Jo")
        return s
    }

    @Test(arguments: [
        "done", "Done.", "DONE!", "all done", "im done", "I'm finished", "that's it", "thats it", "That\u{2019}s all", "thats everything",
        "ok done", "no thats all", "no more", "nothing else", "nothing else thanks", "that's it for now", "i think thats it",
        "no", "nope", "none", "nothing", "next", "that'll do", "right, that's all I can think of", "no one else",
    ])
    func anEndingEndsTheList(_ typed: String) throws {
        var s = try session()
        s.handle("a walk")
        s.handle(typed)
        #expect(s.conversation.planAnswers["calm"] == .list(["a walk"]), "\(typed)")
        #expect(s.conversation.currentID == "two", "\(typed)")
    }

    /// Before anything is in the list, "none" or "no" can be the answer ("Is there anyone you do not
    /// want involved?" "no"), so it is kept, as before.
    @Test func anEndingFirstIsKept() throws {
        var s = try session()
        s.handle("no")
        s.handle("")
        #expect(s.conversation.planAnswers["calm"] == .list(["no"]))
    }

    @Test(arguments: ["done and dusted", "nothing helps", "no sleep", "being done with work", "the end of the day", "finished my course"])
    func wordsThatOnlyBeginLikeAnEndingAreThings(_ typed: String) throws {
        var s = try session()
        s.handle("a walk")
        s.handle(typed)
        s.handle("")
        #expect(s.conversation.planAnswers["calm"] == .list(["a walk", typed]))
    }

    @Test func anEndingEndsRecordsAtTheFirstField() throws {
        var s = try session()
        s.handle("")  // calm: nothing yet
        s.handle("/skip")
        s.handle("/skip")
        #expect(s.conversation.currentID == "contacts")
        s.handle("Mum")
        s.handle("07700 900123")
        s.handle("thats all")
        #expect(s.conversation.planAnswers["contacts"] == .records([["who": .text("Mum"), "phone": .text("07700 900123")]]))
        #expect(s.conversation.currentID == "last")
    }

    @Test(arguments: [
        ("walking, music and my dog", ["walking", "music", "my dog"]),
        ("walking, music, my dog", ["walking", "music", "my dog"]),
        ("Walking,music,my dog.", ["Walking", "music", "my dog"]),
        ("my mum, my sister, and my CPN", ["my mum", "my sister", "my CPN"]),
        ("mum; my sister", ["mum", "my sister"]),
        ("a bath; a walk by the sea with the dog; an early night", ["a bath", "a walk by the sea with the dog", "an early night"]),
        ("tea, biscuits", ["tea", "biscuits"]),
        ("a hot bath, the gym & music", ["a hot bath", "the gym", "music"]),
        ("- walking, music, friends", ["walking", "music", "friends"]),
        ("not sleeping, not eating, staying in bed all day", ["not sleeping", "not eating", "staying in bed all day"]),
        ("not sleeping, not eating, not answering my phone", ["not sleeping", "not eating", "not answering my phone"]),
        ("good with animals, funny, i got through last year", ["good with animals", "funny", "i got through last year"]),
        ("a flat of my own, a job and maybe a dog", ["a flat of my own", "a job", "maybe a dog"]),
        // A carer venting, and a nurse for her team: things of more than five words were kept as one.
        ("his dad is no help whatsoever, the crisis team never ring back, work",
         ["his dad is no help whatsoever", "the crisis team never ring back", "work"]),
        ("ex army, parents, one of our hcas used to be a chef", ["ex army", "parents", "one of our hcas used to be a chef"]),
        ("crying in the car, not sleeping, shouting at the dog", ["crying in the car", "not sleeping", "shouting at the dog"]),
    ])
    func aListOnOneLineIsItsThings(_ typed: String, _ things: [String]) throws {
        var s = try session()
        let events = s.handle(typed)
        #expect(events.notices.contains { $0.hasPrefix("Added \(things.count) things: \"\(things[0])\"") }, "\(events.notices)")
        #expect(s.conversation.currentID == "calm")
        s.handle("")
        #expect(s.conversation.planAnswers["calm"] == .list(things))
    }

    @Test(arguments: [
        "Tea, with toast", "if I stop sleeping, call my CPN", "when I'm tired, I stop eating, and I get snappy",
        "walking, especially by the sea", "music (jazz, soul, blues)", "10,000 steps a day", "Sleep, lots of it",
        "yes, walking", "going out with friends, even if it is only for a coffee, and a chat about nothing much at all",
        "walking", "my mum and my sister", "tea, not coffee",
    ])
    func oneThingWithCommasStaysOne(_ typed: String) throws {
        var s = try session()
        s.handle(typed)
        s.handle("")
        #expect(s.conversation.planAnswers["calm"] == .list([typed]))
    }

    /// Two longer things that begin alike were kept as one ("no money for the bus, being too
    /// anxious to go in"), and a comma inside brackets kept the whole line as one thing.
    @Test(arguments: [
        ("no money for the bus, being too anxious to go in", ["no money for the bus", "being too anxious to go in"]),
        ("my support worker Kim, my mum", ["my support worker Kim", "my mum"]),
        ("not sleeping well, not eating properly", ["not sleeping well", "not eating properly"]),
        ("going for a walk with the dog, having a long bath", ["going for a walk with the dog", "having a long bath"]),
        ("feeling like a burden, no one to talk to", ["feeling like a burden", "no one to talk to"]),
        ("my sister who lives nearby, my best mate from school", ["my sister who lives nearby", "my best mate from school"]),
        ("never having enough money, being on my own all day", ["never having enough money", "being on my own all day"]),
        ("good with animals, funny (apparently), i got through last year", ["good with animals", "funny (apparently)", "i got through last year"]),
        ("tea (no sugar), biscuits", ["tea (no sugar)", "biscuits"]),
        ("music (jazz, soul), walking, my dog", ["music (jazz, soul)", "walking", "my dog"]),
        ("my mum (most days), my sister [when she can]", ["my mum (most days)", "my sister [when she can]"]),
        ("Kim, my support worker, my mum", ["Kim, my support worker", "my mum"]),
        ("Kim, my support worker and my mum", ["Kim, my support worker", "my mum"]),
        ("Kim, my support worker, and Jo, my friend from church", ["Kim, my support worker", "Jo, my friend from church"]),
        ("mum, dad, Dr Patel, my GP", ["mum", "dad", "Dr Patel, my GP"]),
        ("Jo, Sam, my mum", ["Jo", "Sam", "my mum"]),
        ("walking, my dog", ["walking", "my dog"]),
        ("mum, my sister", ["mum", "my sister"]),
        ("my mum, Dad", ["my mum", "Dad"]),
        ("music, my mum", ["music", "my mum"]),
        ("walking, music, my mum", ["walking", "music", "my mum"]),
        ("Music, Kim, my cpn", ["Music", "Kim", "my cpn"]),
        ("kim, my support worker, my mum", ["kim, my support worker", "my mum"]),
    ])
    func longerThingsThatBeginAlikeAreTwo(_ typed: String, _ things: [String]) throws {
        #expect(ListWords.items(typed) == things, "\(typed)")
        var s = try session()
        s.handle(typed)
        s.handle("")
        #expect(s.conversation.planAnswers["calm"] == .list(things), "\(typed)")
    }

    /// A name and who they are is one person, either way round; so is someone said again in other
    /// words; and two longer parts that do not begin alike stay one thing, as before.
    @Test(arguments: [
        "Kim, my support worker", "kim, my cpn", "Dr Patel, our GP", "Jo Smith, his key worker", "Sue, my mum's friend",
        "my mum, Sue", "my support worker, Kim", "my mum, my rock", "my sister, my best friend", "Kim, my mum",
        "no money for the bus, which makes it hard", "being anxious, i just cant go in", "music (jazz, soul, blues)",
        "my mum, she always knows what to say", "walking the dog, especially in the morning", "(some days, not all) walking",
        "the crisis team, when they answer the phone", "tea, with a biscuit or two", "Kim (my support worker, on weekdays)",
        "my dog, even when he is being a pain", "funny (apparently, anyway", "no one, not even my mum",
        "not sleeping well, not even a bit", "nothing really, not at the moment",
    ])
    func oneThingSaidWithACommaStaysOne(_ typed: String) throws {
        #expect(ListWords.items(typed) == nil, "\(typed)")
        var s = try session()
        s.handle(typed)
        s.handle("")
        #expect(s.conversation.planAnswers["calm"] == .list([typed]), "\(typed)")
    }

    /// More things than the list takes: the rest are named, not lost without a word.
    @Test func aListTooLongOnOneLineSaysWhatWasNotUsed() throws {
        var s = try session()
        s.handle("a walk")
        s.handle("")
        let events = s.handle("mum, dad, my sister")
        #expect(s.conversation.planAnswers["two"] == .list(["mum", "dad"]))
        #expect(events.notices.contains("That list was full, so this one was not used: \"my sister\"."), "\(events.notices)")
    }

    /// `/back` takes out the last of them, as after typing each on its own line.
    @Test func backTakesOutTheLastOfThem() throws {
        var s = try session()
        s.handle("walking, music, my dog")
        s.handle("/back")
        s.handle("")
        #expect(s.conversation.planAnswers["calm"] == .list(["walking", "music"]))
    }
}
