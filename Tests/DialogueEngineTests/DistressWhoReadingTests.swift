import Testing

@testable import DialogueEngine

/// Who the words are about, in the ways people write about themselves that look at first like
/// someone else: "they" for their own wrists, a word with a doubled letter ("soon"), and a carer
/// who fears what they are starting to do to the one they care for. Lines of ours, not the
/// corpus's: other wordings of the same families.
@Suite struct DistressWhoReadingTests {
    static var matcher: DistressMatcher { DistressMatcherTests.matcher }

    @Test("who-words match as written: a doubled letter does not make one", arguments: [
        "im going to end it all soon",
        "I'm checking out soon",
        "i wont be here much longer, it will all be over sooon",
        "i want to end it all, ten years of this is enough",
    ])
    func aDoubledLetterIsNotAWhoWord(line: String) throws {
        let heard = Self.matcher.match(line)
        let m = try #require(heard, "heard")
        #expect(m.concern == .person, "\(line)")
    }

    @Test func theWordsThemselvesStillMatchAsWritten() {
        let matcher = Self.matcher
        let son = matcher.match("my son is going to end it all soon"), teen = matcher.match("my teen wants to kill herself")
        #expect(son?.concern == .someoneElse && teen?.concern == .someoneElse)
        // Doubled letters are still read in the words of distress: "kil" for "kill".
        let kil = matcher.match("i want to kil myself")
        #expect(kil?.concern == .person)
    }

    @Test("\"they\" after the person's own things stands for those things", arguments: [
        "i pick at my legs until they bleed",
        "i scratch my arms till they bleed every night",
        "been digging my nails in my hands until they bleed",
    ])
    func theyForThePersonsOwnThings(line: String) throws {
        let heard = Self.matcher.match(line)
        let m = try #require(heard, "heard")
        #expect(m.concern == .person, "\(line)")
    }

    @Test("\"they\" is still someone when someone is named, or nothing of the person's comes before", arguments: [
        "my friend scratches her arms until they bleed",
        "someone in my group chat said theyre going to end it tonight",
        "i think they want to kill themselves",
        "one of my team told me they have been feeling suicidal",
    ])
    func theyForSomeone(line: String) throws {
        let heard = Self.matcher.match(line)
        let m = try #require(heard, "heard")
        #expect(m.concern == .someoneElse, "\(line)")
    }

    @Test("a carer who fears what they are starting to do: words of fearing to harm, for the person typing", arguments: [
        "i look after my mum and some days i want to slap her",
        "i care for my grandad and i keep wanting to hurt him",
        "im his only carer and ive started locking him in his room at night",
    ])
    func theOneDoingItIsThePersonTyping(line: String) throws {
        let heard = Self.matcher.match(line)
        let m = try #require(heard, "heard")
        #expect(m.concern == .person, "\(line)")
        #expect(m.fearOfHarming && !m.harmFromOthers, "\(line)")
    }

    @Test("harm someone else does stays so, whatever the person typing says near it", arguments: [
        ("my husband hits our son and i want to leave", DistressMatch.Concern.someoneElse),
        ("he hits me when i want to go out", .person),
        ("he told me i was useless and hit my son", .both),
    ])
    func harmByOthersStaysSo(line: String, concern: DistressMatch.Concern) throws {
        let heard = Self.matcher.match(line)
        let m = try #require(heard, "heard")
        #expect(m.concern == concern, "\(line)")
        #expect(!m.fearOfHarming, "\(line)")
    }

    @Test("a threat on a condition put to the person typing is made to them, whoever it names", arguments: [
        "she says if i go to the police shell hurt my brother",
        "he said hed hurt the kids if i ever left",
        "unless i give him my card he says hell hurt my mum",
    ])
    func aThreatOnAConditionIsMadeToThePersonTyping(line: String) throws {
        let heard = Self.matcher.match(line)
        let m = try #require(heard, "heard")
        #expect(m.concern == .person && m.harmFromOthers, "\(line)")
    }

    @Test("a condition that is not put to the person typing changes nothing", arguments: [
        "my dad hits my mum",
        "my dad hits my mum if she answers back",
        "if my son gets worse i think he will hurt his sister",
    ])
    func aConditionOnSomeoneElse(line: String) throws {
        let heard = Self.matcher.match(line)
        let m = try #require(heard, "heard")
        #expect(m.concern == .someoneElse, "\(line)")
    }

    @Test func aFileCanTeachTheReadingItsOwnConditions() throws {
        let line = "he says hell hurt my mum when i leave"
        let before = Self.matcher.match(line)
        #expect(before?.concern == .someoneElse)
        let (loaded, problems) = DistressWhoWordsTests.load(adding: "who-reading:\n  conditions: [when]\n")
        let m = try #require(loaded, "\(problems)")
        let after = m.match(line)
        #expect(after?.concern == .person)
    }

    @Test func aFileCanTeachTheReadingItsOwnWordsOfIntent() throws {
        let line = "i care for my nan and i honestly could slap her"
        let before = Self.matcher.match(line)
        #expect(before?.fearOfHarming == false && before?.concern == .someoneElse)
        let (loaded, problems) = DistressWhoWordsTests.load(adding: "who-reading:\n  intent: [Honestly]\n  self-subjects: [fi]\n")
        let m = try #require(loaded, "\(problems)")
        #expect(m.rules.whoWords.intent.last == "honestly" && m.rules.whoWords.selfSubjects.last == "fi")
        let after = m.match(line)
        #expect(after?.fearOfHarming == true && after?.concern == .person)
    }
}
