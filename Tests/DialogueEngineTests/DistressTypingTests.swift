import Testing

@testable import DialogueEngine

/// Ways of typing the commonest words of distress that were found unheard on 6 December 2026, and
/// look-alikes of them that must stay unheard.
@Suite struct DistressTypingTests {
    func words(_ s: String) -> [String] { DistressText(s).wordStrings }

    /// A digit for a word's first letter, but not a number run into what it counts.
    @Test func aDigitForTheFirstLetter() {
        #expect(words("5uicide 0verd0se 1nside 3nding") == ["suicide", "overdose", "inside", "ending"])
        #expect(words("5days 3weeks 7times 4ever 10am 3rd 1st 30mins 5pills 2morrow") == ["5days", "3weeks", "7times", "4ever", "10am", "3rd", "1st", "30mins", "5pills", "2morrow"])
    }

    @Test(arguments: [
        "thinking about 5uicide", "took an 0verd0se last night",
        "iwanttokillmyself", "imgonnakillmyself", "gonnaendit", "justwanttodie",
        "beter off ded", "nuthin to live for", "been shing again", "my life is worthless",
        "i might hurt the baby", "gonna commit toaster bath",
        "he punchd me in the face", "he kickd me", "my bf slappd me", "he smackd me again",
        "he sa'd me", "someone is blackmailing me with pictures", "theyre making me sell drugs",
        "my sister sh's again", "i want to hurt people", "i feel like i could hurt someone", "i want to stab someone",
        "going to inject all my insulin", "carbon monoxide in the car", "hosepipe from the exhaust",
        "my ex follows me everywhere", "my ex sends me 100 messages a day", "my ex keeps ringing from withheld numbers",
        "i drive too fast hoping i crash", "sometimes i wish id get run over", "hoping i crash the car on the way home",
    ])
    func heard(_ line: String) {
        #expect(DistressMatcherTests.matcher.match(line) != nil, "\(line)")
    }

    @Test(arguments: [
        "i worked 5days this week", "see you at 10am", "iwanttogohome", "wannagoforawalk",
        "gonna make toast and have a bath", "im dead tired", "the plants died", "i might take the baby to the park",
        "my boss made me carry boxes all day", "they made me weed the garden", "the film made me sad",
        "i dont want to hurt anyone", "i would never hurt anyone", "i want to hurt someone's feelings",
        "i worry i might hurt someones feelings", "i dont want to hurt someone s feelings",
        "bought rope for the tent", "said goodbye to my friends at the station", "i need to take my insulin",
        "our carbon monoxide alarm went off", "my mum reads all my texts out loud lol", "he always walks me home from work",
        "i hope i crash out early and get some sleep", "i hope i crash at my mates tonight", "driving home now hoping i can crash early",
    ])
    func notHeard(_ line: String) {
        #expect(DistressMatcherTests.matcher.match(line) == nil, "\(line)")
    }

    /// An ending typed without its `e` is the word misspelled, not another form of it, from 5
    /// letters; shorter, the two are often both words ("card", "cared").
    @Test func anEndingWithoutItsE() {
        let m = DistressMatcher(rules: .init(words: [], signals: ["nobody cared", "he punched me", "he wants me"], harmless: []))
        #expect(m.match("he punchd me") != nil)
        #expect(m.match("nobody card") == nil)
        #expect(m.match("he want me") == nil, "another form, as before")
        #expect(m.match("he punches me") == nil, "another form, as before")
    }

    /// Someone else made to sell drugs is about them.
    @Test func exploitationOfSomeoneElse() throws {
        let m = try #require(DistressMatcherTests.matcher.match("theyre making my son sell drugs"))
        #expect(m.harmFromOthers && m.concern == .someoneElse)
    }

    /// Wanting to hurt people is a fear of harming, about the person typing.
    @Test func wantingToHurtPeople() throws {
        let m = try #require(DistressMatcherTests.matcher.match("sometimes i want to hurt people"))
        #expect(m.fearOfHarming && m.concern == .person)
    }

    /// A threat to end one's own life if the person typing leaves is a threat made to them, a way
    /// of controlling them: heard as harm from someone else, about the person typing (it was read
    /// as about him alone). The full check-in still shows every contact.
    @Test func aThreatOfSuicideToStopSomeoneLeaving() throws {
        let m = try #require(DistressMatcherTests.matcher.match("he said hed kill himself if i leave him"))
        #expect(m.harmFromOthers && m.concern == .person, "\(m.concern)")
    }

    /// The baby is the one at risk from the person typing: fear of harming, about them.
    @Test func mightHurtTheBabyIsAFearOfHarming() throws {
        let m = try #require(DistressMatcherTests.matcher.match("i think i might hurt the baby"))
        #expect(m.fearOfHarming && !m.harmFromOthers && m.concern == .person)
    }

    /// A word of 4 letters typed without its one vowel, as in a text message; not one letter left
    /// out of any kind (a real word), and not a word that keeps a vowel.
    @Test func aFourLetterWordWithoutItsVowel() {
        for line in ["kll myslf", "i wnt 2 die", "i cnt do this no more", "he hrt me again", "i will jmp off the bridge", "i dnt feel safe at home"] {
            #expect(DistressMatcherTests.matcher.match(line) != nil, "\(line)")
        }
        #expect(DistressMatcherTests.matcher.match("i dnt feel safe at home")?.harmFromOthers == true)
        for line in ["my hrt is full today", "lets jmp on a call", "smh pls thx brb", "i bld furniture", "the hut by the sea", "my dad is kind"] {
            #expect(DistressMatcherTests.matcher.match(line) == nil, "\(line)")
        }
    }
}
