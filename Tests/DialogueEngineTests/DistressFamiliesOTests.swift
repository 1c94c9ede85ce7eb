import Testing

@testable import DialogueEngine

/// Families of wording that batch O (6 December 2026) showed were missed: 408 lines written the way
/// people type (control without the word, being watched and followed, sexual assault as people
/// write it, marks hidden, fears of lashing out, "nothing left") were first heard at 67.2% by the
/// patterns. The lines here are other wordings of the same families, not the corpus lines. Also two
/// defects found with them: an age of 10 or more after harm quieted the line, and "sa'd" read "sad".
@Suite struct DistressFamiliesOTests {
    static var matcher: DistressMatcher { DistressMatcherTests.matcher }

    @Test("control, harm and being watched, as people type them, are heard as about the person typing", arguments: [
        "im always walking on eggshells when hes home",
        "we are not allowed to go into town without him",
        "i was never allowed my own bank card",
        "she hid my purse so i couldnt get to my mums",
        "he switched off the internet so i cant message my sister",
        "my boyfriend rings my college to make sure im actually there",
        "i got sa'd last year and cant stop thinking about it",
        "someone spiked my drink on saturday",
        "i have to cover up the bruises before work",
        "had a black eye and told everyone i walked into a door frame",
        "a gang of lads set on me outside the chippy",
        "my ex keeps lurking near my flat",
        "i keep noticing the same van parked at the end of my road",
        "he shows up wherever i go",
        "i get dozens of calls a night from him",
        "the man over the road films me through my window",
        "he followed me round tesco",
        "someone pretended to be from the council to get my new address",
        "he slapt me again last night",
    ])
    func harmFromOthers(_ line: String) {
        let match = Self.matcher.match(line)
        #expect(match?.concern == .person, "\(line): \(String(describing: match))")
        #expect(match?.harmFromOthers == true, "\(line): \(match?.patterns ?? [])")
    }

    @Test("fears of lashing out at someone close are heard, about the person typing", arguments: [
        "my kids are frightened of me",
        "i almost slapped my daughter today",
        "i felt like i could snap and seriously hurt someone",
        "i wanted to shake the baby last night",
    ])
    func fearOfHarming(_ line: String) {
        let match = Self.matcher.match(line)
        #expect(match?.concern == .person, "\(line): \(String(describing: match))")
        #expect(match?.fearOfHarming == true, "\(line): \(match?.patterns ?? [])")
    }

    @Test("nothing left, dark thoughts, and marks hidden are heard", arguments: [
        "i have nothing left",
        "ive got nothing left to live for",
        "been having really dark thoughts lately",
        "im scared of my own mind",
        "i hide my scars from everyone",
        "make myself sick after every meal",
        "i dont care what happens to me anymore",
    ])
    func ownRisk(_ line: String) {
        let match = Self.matcher.match(line)
        #expect(match?.concern == .person, "\(line): \(String(describing: match))")
        #expect(match?.harmFromOthers == false && match?.fearOfHarming == false, "\(line): \(match?.patterns ?? [])")
    }

    @Test("lines near them stay quiet", arguments: [
        "my dog follows me everywhere i go",
        "my toddler follows me round the house all day",
        "gave all my old clothes away to the charity shop",
        "im sad i missed the party",
        "i was sad at the party",
        "i make myself sick with worry about exams",
        "my daughter tracks my phone, i asked her to after my fall",
        "we lost 4 nil, they battered us",
        "im not allowed to drive for six months after my seizure",
        "i keep seeing the same robin in my garden",
        "i nearly dropped my phone down the toilet",
        "the kids are scared of the dark",
        "i have nothing left to wear for the wedding",
        "cover the cuts on the cake with icing",
        "i wanted to throw the towel in at work",
        "my little boy hits me with his lego, hes only 3",
        "i dont care what happens to me at work tomorrow",
        "i dont mind if i live in a flat or a house",
    ])
    func quiet(_ line: String) {
        #expect(Self.matcher.match(line) == nil, "\(line): \(Self.matcher.match(line)?.patterns ?? [])")
    }

    /// A harmless pattern for a small child ("he's only 3") listed 10, 11 and 12, which read as
    /// "many", as every number from 10 to 999 does: any grown-up's age quieted harm.
    @Test("an age after harm does not quiet it", arguments: [
        "my husband hits me, he's 52",
        "my dad hits me, hes 45",
        "my son hits me, he is 17",
        "my grandson pushes me about, hes 25 and im 80",
    ])
    func ageAfterHarm(_ line: String) {
        #expect(Self.matcher.match(line)?.harmFromOthers == true, "\(line)")
    }

    @Test("\"sa'd\" reads as sexually assaulted; \"sad\" and other words with 'd stay as they were")
    func saApostropheD() {
        let words = { (line: String) in DistressText.plainWords(line).map { String(decoding: $0, as: UTF8.self) } }
        #expect(words("i was sa'd") == ["i", "was", "saed"])
        #expect(words("got SA’d at a party") == ["got", "saed", "at", "a", "party"])
        #expect(words("i was sad") == ["i", "was", "sad"])
        #expect(words("she'd had a sa'ying") == ["shed", "had", "a", "saying"])
        #expect(Self.matcher.match("i was sa'd at a party")?.harmFromOthers == true)
        #expect(Self.matcher.match("i was sad at a party") == nil)
    }

    @Test("a number from 10 to 999 in a pattern is D047, a warning, at its pattern")
    func numberInPattern() {
        let text = "signals:\n  - kill myself\nharmless:\n  - hes only (3|12)\n  - took 1000 steps\n  - at 4\n  - room 101b\n"
        let (matcher, problems) = DistressMatcher.load(text: text, file: "check-in.yaml")
        #expect(matcher != nil, "a warning: the file still loads")
        let numbers = problems.filter { $0.code == .checkInNumber }
        #expect(numbers.map(\.location.line) == [4])
        #expect(numbers.first?.severity == .warning)
        #expect(numbers.first?.message.contains("\"12\" as \"many\"") == true)
        #expect(DistressMatcher.manyNumber(in: "(5|five|many) minutes") == nil)
        #expect(DistressMatcher.manyNumber(in: "every 10 minutes") == "10")
        #expect(DistressMatcher.manyNumber(in: "080 or 1000") == nil)
    }
}
