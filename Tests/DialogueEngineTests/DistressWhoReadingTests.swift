import Testing

@testable import DialogueEngine

/// Who the words are about, in the ways people write about themselves that look at first like
/// someone else: "they" for their own wrists, a word with a doubled letter ("soon"), a carer who
/// fears what they are starting to do to the one they care for, and a threat with a condition
/// put to them. Lines of ours, not the corpus's: other wordings of the same families.
@Suite struct DistressWhoReadingTests {
    static var matcher: DistressMatcher { DistressMatcherTests.matcher }

    /// What a line's words are read as: who they are about, and whether they are of harm from
    /// someone else (`harm`), of fearing to harm someone (`fear`), or neither (`plain`).
    enum Kind: Sendable { case plain, harm, fear }

    @Test("who a line is about", arguments: [
        // Who-words match as written: a doubled letter does not make one ("soon" is not "son").
        ("im going to end it all soon", DistressMatch.Concern.person, Kind.plain),
        ("I'm checking out soon", .person, .plain),
        ("i wont be here much longer, it will all be over sooon", .person, .plain),
        ("i want to end it all, ten years of this is enough", .person, .plain),
        ("my son is going to end it all soon", .someoneElse, .plain),
        ("my teen wants to kill herself", .someoneElse, .plain),
        ("i want to kil myself", .person, .plain),  // doubled letters still count in words of distress
        // "they" after the person's own things stands for those things...
        ("i pick at my legs until they bleed", .person, .plain),
        ("i scratch my arms till they bleed every night", .person, .plain),
        ("been digging my nails in my hands until they bleed", .person, .plain),
        // ...but is still someone when someone is named, or nothing of the person's comes before.
        ("my friend scratches her arms until they bleed", .someoneElse, .plain),
        ("someone in my group chat said theyre going to end it tonight", .someoneElse, .plain),
        ("i think they want to kill themselves", .someoneElse, .plain),
        ("one of my team told me they have been feeling suicidal", .someoneElse, .plain),
        // A carer who fears what they are starting to do: fearing to harm, for the person typing.
        ("i look after my mum and some days i want to slap her", .person, .fear),
        ("i care for my grandad and i keep wanting to hurt him", .person, .fear),
        ("im his only carer and ive started locking him in his room at night", .person, .fear),
        // Harm someone else does stays so, whatever the person typing says near it.
        ("my husband hits our son and i want to leave", .someoneElse, .harm),
        ("he hits me when i want to go out", .person, .harm),
        ("he told me i was useless and hit my son", .both, .harm),
        // A threat on a condition put to the person typing is made to them, whoever it names.
        ("she says if i go to the police shell hurt my brother", .person, .harm),
        ("he said hed hurt the kids if i ever left", .person, .harm),
        ("unless i give him my card he says hell hurt my mum", .person, .harm),
        // A condition that is not put to the person typing changes nothing.
        ("my dad hits my mum", .someoneElse, .harm),
        ("my dad hits my mum if she answers back", .someoneElse, .harm),
        ("if my son gets worse i think he will hurt his sister", .someoneElse, .harm),
        // "them" inside words of distress stands for what they name, not for someone at risk...
        ("took them all about an hour ago", .person, .plain),
        // ...and someone named before says who.
        ("my son took them all an hour ago", .someoneElse, .plain),
        // Whose place it happens at is not who is harmed...
        ("my ex is hanging round outside the kids school", .person, .harm),
        // ...but the one harmed after it still is, and so is someone named before it.
        ("he turned up at my sisters house and hit her", .someoneElse, .harm),
        ("my sister says her ex keeps driving past her house at night", .someoneElse, .harm),
    ] as [(String, DistressMatch.Concern, Kind)])
    func whoALineIsAbout(line: String, concern: DistressMatch.Concern, kind: Kind) throws {
        let heard = Self.matcher.match(line)
        let m = try #require(heard, "heard: \(line)")
        #expect(m.concern == concern, "\(line)")
        #expect(m.harmFromOthers == (kind == .harm) && m.fearOfHarming == (kind == .fear), "\(line)")
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

    @Test func aFileCanTeachTheReadingItsOwnPlaces() throws {
        let line = "my ex is hanging round outside the kids academy"
        #expect(Self.matcher.match(line)?.concern == .someoneElse)
        let (loaded, problems) = DistressWhoWordsTests.load(adding: "who-reading:\n  places: [Academy]\n")
        let m = try #require(loaded, "\(problems)")
        #expect(m.rules.whoWords.places.last == "academy")
        #expect(m.match(line)?.concern == .person)
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
