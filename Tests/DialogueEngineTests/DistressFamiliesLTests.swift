import Testing

@testable import DialogueEngine

/// Families of wording that batch L (5 December 2026) showed were missed: two fresh sets of lines
/// written the way people type were first heard at 48.9% and 61.2%. Harm with words between the one
/// doing it and the act, control of money, phone and movements, being followed and watched, sexual
/// pressure, threats with a condition, fear of harming a baby or partner (intrusive thoughts), and
/// methods, means and slang for wanting to die. The lines here are other wordings of the same
/// families, not the corpus lines.
@Suite struct DistressFamiliesLTests {
    static var matcher: DistressMatcher { DistressMatcherTests.matcher }

    @Test("harm from someone else, as people type it, is heard as about the person typing", arguments: [
        "the nurses on the night shift hurt my wrist when they held me down",
        "my dad used to belt me and he still does if i answer back",
        "my fella knocks me about when hes had a drink",
        "he threw a mug at my head last night",
        "she had her hands round my throat",
        "my carer is rough with me when nobody is about",
        "he said one day hell finish me off",
        "if i ever go to the police shell make sure i never see my son again",
        "he messages me off new numbers every time i block him",
        "my ex keeps turning up outside my work",
        "he keeps texting me every 10 minutes asking where i am",
        "i have to show him every receipt when i get back from the shop",
        "she took my bank card and my pension and i dont see a penny",
        "hes made me give up my job so i have nothing of my own",
        "he smashed my phone so i couldnt ring my sister",
        "im not allowed to see my friends anymore",
        "he makes me do things in bed i dont want to",
        "he keeps pressuring me to send him nudes",
        "my son leaves me sat in the chair all day without my tablets",
        "i told the hospital i fell down the stairs",
        "he keeps telling me im imagining things and now i believe him",
        "my wife is emotionally abusive", "im scared hell hurt me when he gets in", "he pulls my hair when hes angry",
        "my family are forcing me to marry my cousin", "hes threatening to share my nudes", "my carer doesnt feed me",
        "he broke my arm last year and says it was my fault", "he pinned me against the wall",
        "he keeps my bank card when im unwell and wont give it back",
    ])
    func harmFromOthers(_ line: String) {
        let match = Self.matcher.match(line)
        #expect(match?.concern == .person, "\(line): \(String(describing: match))")
        #expect(match?.harmFromOthers == true, "\(line): \(match?.patterns ?? [])")
    }

    @Test("harm done by someone to someone else is heard as about them", arguments: [
        "my sisters boyfriend checks her phone every night",
        "my nans carer takes cash out of her purse",
        "i heard the man upstairs hitting his wife again",
        "the kids next door are being left alone all weekend",
        "my mates fella keeps her locked in the flat",
    ])
    func harmToSomeoneElse(_ line: String) {
        let match = Self.matcher.match(line)
        #expect(match?.concern == .someoneElse, "\(line): \(String(describing: match))")
    }

    @Test("fear of harming a baby, a child or a partner is heard, about the person typing", arguments: [
        "i keep getting pictures in my head of dropping him",
        "what if i snap and shake her",
        "im terrified i might smother the baby",
        "i dont trust myself alone with my daughter",
        "horrible thoughts about my newborn keep coming",
        "i keep picturing myself pushing the pram into the road",
        "scared to bath her in case i hold her under",
        "i get urges to squeeze him too tight when he wont settle",
    ])
    func fearOfHarming(_ line: String) {
        let match = Self.matcher.match(line)
        #expect(match?.concern == .person, "\(line): \(String(describing: match))")
        #expect(match?.fearOfHarming == true, "\(line): \(match?.patterns ?? [])")
    }

    @Test("wanting to die, means and plans, as people type them, are heard", arguments: [
        "if it wasnt for my cat i wouldnt be here",
        "cba with living anymore",
        "kinda want to be deid",
        "wouldnt mind if i got hit by a lorry tbh",
        "been saving up my mums tramadol",
        "got another pack of blades",
        "sat in the car in the garage with the engine running",
        "keep thinking about driving into a wall on the motorway",
        "ive written goodbye letters",
        "scratching my arms til they bleed",
        "odd on my meds last night",
        "walked up to the bridge again last night",
        "everyone would be better off with me gone",
        "idk how much longer i can keep pretending",
    ])
    func wantingToDie(_ line: String) {
        let match = Self.matcher.match(line)
        #expect(match != nil, "\(line)")
        #expect(match?.harmFromOthers != true, "\(line): \(match?.patterns ?? [])")
    }

    @Test("everyday lines that share their words stay quiet", arguments: [
        "my coach pushes me to do better every week", "my brother always beats me at darts",
        "she hurt her knee at netball", "we put a tracker on the dog's collar", "he'll kill me if i spoil the film",
        "im pushing myself to run further", "my toddler keeps hitting me with his teddy",
        "what if i drop her off late", "stopped eating meat last year", "burnt my hand on the oven",
        "told me not to tell my mum about the surprise party", "camera on the front door for parcels",
        "my nan is following me on instagram now", "we had training on coercive control at work",
        "i could kill my husband for forgetting the milk", "my son broke my favourite mug", "the cat sat on me all night",
        "my husband has been sitting in the garden all day",
        "my brother keeps my bank card when im poorly", "my partner holds my tablets, we agreed it",
        "my carer checks my post for scams", "my wife looks after the money when im high",
        "the nurses keep my meds on the ward",
    ])
    func quiet(_ line: String) {
        #expect(Self.matcher.match(line) == nil, "\(line): \(Self.matcher.match(line)?.patterns ?? [])")
    }
}
