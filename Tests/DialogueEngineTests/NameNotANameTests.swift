import Testing

@testable import DialogueEngine

/// "my name is sam but everyone calls me fat sam" kept "fat sam"; "people call me a legend"
/// greeted "Hello a legend."; "call me by my middle name" greeted "Hello by my middle name.". An
/// unkind word in front of a name goes; a kind of person ("a legend", "the boss", "a carer") is no
/// name, nor is a name spoken of and not typed: the question is asked again, warmly.
@Suite struct NameNotANameTests {
    @Test(arguments: [
        ("my name is sam but everyone calls me fat sam", "sam"), ("everyone calls me fat sam", "sam"),
        ("My name is Sam but everybody calls me Fat Sam", "Sam"), ("ppl call me fat sam lol", "sam"),
        ("they all call me stupid steve", "steve"), ("my mates call me thick jo", "jo"), ("im fat sam", "sam"),
        ("people call me Mad Max", "Mad Max"), ("call me Big Dave", "Big Dave"), ("cal me sue", "sue"),
        ("my name is dave but people call me a legend", "dave"), ("people call me a legend but my name is Dave", "Dave"),
        ("my middle name is Jo", "Jo"), ("my nickname is jojo", "jojo"), ("im sue tbh", "sue"),
        ("my names sam", "sam"), ("Amanda", "Amanda"),
    ])
    func theNameLeft(_ typed: String, _ name: String) {
        #expect(NameAnswer.read(typed) == .name(name), "\(typed)")
    }

    @Test(arguments: [
        "people call me a legend", "People call me a legend.", "everyone calls me the boss", "they all call me a nightmare lol",
        "my mates call me an absolute legend", "ppl call me the mum of the group", "im a carer", "i'm a mum of 3",
        "everybody calls me a legend", "my family call me the rock", "its me mum doin this for my son", "his nan",
    ])
    func aKindOfPersonIsNoName(_ typed: String) {
        #expect(NameAnswer.read(typed) == .notAName(.description), "\(typed)")
    }

    @Test(arguments: [
        "call me by my middle name", "Call me by my middle name please", "use my middle name", "my middle name pls",
        "you can call me by my nickname", "by my first name", "call me my nickname", "just my surname",
    ])
    func aNameNotTypedYet(_ typed: String) {
        #expect(NameAnswer.read(typed) == .notAName(.unsaid), "\(typed)")
    }

    /// "hi" and "ok" at the name question greeted "Hello hi." and "Hello ok."; with what people
    /// call them taken out, "hiya ppl call me a legend lol" greeted "Hello hiya.".
    @Test(arguments: [
        ("hi", true), ("Hiya!", true), ("hello there", true), ("hey :)", true), ("Good morning", true), ("hi all x", true),
        ("ok", false), ("Okay.", false), ("yes", false), ("yeah go on then", false), ("ok im ready", false), ("cool thanks", false),
    ])
    func aHelloIsNoName(_ typed: String, _ greeted: Bool) {
        #expect(NameAnswer.read(typed) == .notAName(.hello(greeted: greeted)), "\(typed)")
    }

    @Test(arguments: ["hiya ppl call me a legend lol", "hi everyone calls me the boss", "hello, people call me a legend"])
    func aHelloLeftOfAKindOfPersonIsNoName(_ typed: String) {
        #expect(NameAnswer.read(typed) == .notAName(.description), "\(typed)")
    }

    @Test(arguments: [("hi im sam", "sam"), ("hiya, call me Jo", "Jo"), ("Ty", "Ty"), ("K", "K"), ("Hope", "Hope"), ("ok its dave", "dave"),
                      ("Im", "Im"), ("x", "x"), ("Ya", "Ya")])
    func aHelloWithANameKeepsTheName(_ typed: String, _ name: String) {
        #expect(NameAnswer.read(typed) == .name(name), "\(typed)")
    }

    @Test func aHelloIsAskedForTheNameKindly() throws {
        var s = Session(conversation: Conversation(script: try TestSupport.script(NameAnswerTests.steps), today: TestSupport.today), support: .fallback)
        _ = s.start()
        let events = s.take("hiya")
        #expect(events.notices == ["Hello! " + Session.nameToUse], "\(events)")
        #expect(events.askedSteps == ["name"], "asked again: \(events)")
        #expect(s.conversation.state.answers["name"] == nil)
        // Asked once: typed again, a hello is taken as their name (a real name is never refused for good).
        #expect(s.take("Hiya").said.contains("Hello Hiya."))
    }

    @Test func anOkIsAskedAboutOnce() throws {
        var s = Session(conversation: Conversation(script: try TestSupport.script(NameAnswerTests.steps), today: TestSupport.today), support: .fallback)
        _ = s.start()
        #expect(s.take("ok").notices == [Session.nameToUse])
        #expect(s.take("call me a legend").notices == [Session.whichNameToUse])
        // Not straight after the hello asked about: asked about again.
        #expect(s.take("ok").notices == [Session.nameToUse])
        #expect(s.take("Sam").said.contains("Hello Sam."))
    }

    /// Typed as a tired person types on a phone: "idk just put mum" was skipped, "jo (mum of 2)"
    /// greeted whole, "my name's Kezia, Kez for short" greeted Kezia.
    @Test(arguments: [
        ("idk just put mum", "mum"), ("dunno, call me jo", "jo"), ("jo (mum of 2)", "jo"), ("my name's Kezia, Kez for short", "Kez"),
        ("Kez for short", "Kez"), ("Kezia (Kez for short)", "Kez"), ("um its sam", "sam"), ("put down jo", "jo"),
        ("its me mum (linda) doin this for my son", "linda"), ("Dr. Priya Shah but pri is fine", "pri"), ("Priya or Pri is ok", "Pri"),
        ("Margaret but Maggie works", "Maggie"), ("sam ppl call me fat", "sam"), ("sam evry1 calls me fatty", "sam"),
        ("jo my mates call me thick", "jo"), ("Sam, the whole family calls me fat", "Sam"), ("his nan (Pat)", "Pat"),
        // "me" the one typing, then their name (a trial, thirtieth session: "its me bev" was asked
        // which name to use, as if "me bev" said who they are to someone, as "me mum" does)
        ("its me bev", "bev"), ("it's me, Bev", "Bev"), ("hiya its me jo x", "jo"),
    ])
    func typedOnAPhone(_ typed: String, _ name: String) {
        #expect(NameAnswer.read(typed) == .name(name), "\(typed)")
    }

    /// Not knowing alone is still no name.
    @Test(arguments: ["idk", "dunno", "idk really", "um not sure"])
    func notKnowingIsNoName(_ typed: String) {
        #expect(NameAnswer.read(typed) == .declined, "\(typed)")
    }

    @Test func askedAgainWarmlyThenGreeted() throws {
        var s = Session(conversation: Conversation(script: try TestSupport.script(NameAnswerTests.steps), today: TestSupport.today), support: .fallback)
        _ = s.start()
        var events = s.take("people call me a legend")
        #expect(events.notices == [Session.whichNameToUse], "\(events)")
        #expect(events.askedSteps == ["name"], "asked again: \(events)")
        events = s.take("call me by my middle name")
        #expect(events.notices == [Session.whatIsThatName], "\(events)")
        #expect(s.conversation.state.answers["name"] == nil)
        #expect(s.take("everyone calls me fat sam").said.contains("Hello sam."))
    }
}
