import Testing

@testable import DialogueEngine

/// Families of wording that batch K (4 December 2026) showed were missed or wrongly heard: harm
/// from someone else and not being safe at home, medicines taken from work and kept, "make it all
/// stop", a carer seeing the means or "he says he's had enough", and harmless memories that are
/// plainly over. The lines here are other wordings of the same families, not the corpus lines.
@Suite struct DistressFamiliesKTests {
    static var matcher: DistressMatcher { DistressMatcherTests.matcher }

    @Test("harm from someone else, and not being safe at home, are heard", arguments: [
        "my boyfriend keeps hitting me", "she punched me again last night", "my dad beats me when he's drunk",
        "my husband has been hurting me for years", "he strangled me last week", "my partner kicks me",
        "she threatened to stab me", "he said he would kill me if I left him", "he'll kill me if i call the police",
        "im scared to go home", "I'm frightened to go back home tonight", "terrified of being at home",
        "home isnt safe for me anymore",
    ])
    func harmFromOthers(_ line: String) {
        #expect(Self.matcher.match(line)?.concern == .person, "\(line): \(String(describing: Self.matcher.match(line)))")
    }

    @Test("harm to someone else from another person is heard as about them", arguments: [
        "her stepdad hits her", "my ex punches our daughter", "my sister's husband beats her",
    ])
    func harmToSomeoneElse(_ line: String) {
        #expect(Self.matcher.match(line)?.concern == .someoneElse, "\(line): \(String(describing: Self.matcher.match(line)))")
    }

    @Test("means being gathered or got out, and wanting it all to stop, are heard", arguments: [
        "been bringing tablets home from work to keep for myself", "nicking meds off the ward",
        "i keep some of my pills back for when i need them", "took a load of whisky to make it all stop",
        "i just want to make everything stop", "my mum has got all her tablets out and is crying",
        "my son keeps saying hes had enough", "my wife went out with a rope",
    ])
    func meansAndEndings(_ line: String) {
        #expect(Self.matcher.match(line) != nil, "\(line)")
    }

    @Test("everyday lines that share their words stay quiet", arguments: [
        "my brother beat me at chess again", "she hit me up about the party", "my mum will kill me if i'm late",
        "we jumped off the rocks into the sea when we were kids", "I had an overdose years ago and have been well ever since",
        "I'm scared to go to the dentist", "took some paracetamol to make the headache stop",
        "got my tablets out ready for the morning", "I take my meds from the pharmacy every month",
    ])
    func quiet(_ line: String) {
        #expect(Self.matcher.match(line) == nil, "\(line): \(Self.matcher.match(line)?.patterns ?? [])")
    }
}
