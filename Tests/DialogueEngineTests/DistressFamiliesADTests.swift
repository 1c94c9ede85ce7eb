import Testing

@testable import DialogueEngine

/// Families of wording that a probe of 478 lines typed the way people type (7 December 2026,
/// twenty-ninth session) found unheard by the patterns, and the everyday answers that trials found
/// heard by the weighed words ("i havent started anything" at a date, "yeah go on then" at a list,
/// "i missed a couple of doses last week but im back on track"). Other wordings of the same
/// families, not the probe's lines nor the corpus's.
@Suite struct DistressFamiliesADTests {
    static var matcher: DistressMatcher { DistressMatcherTests.matcher }
    static var withWeights: DistressMatcher { DistressMatcherTests.withWeights }

    @Test("ending a life or hurting oneself, said in few words, is heard by the patterns", arguments: [
        "i want2die rn", "just wanna2die", "i think ive taken too many pills", "swallowed way too many",
        "took my entire months tablets", "swallowed a fortnights worth of meds", "i really deserve to suffer",
        "i just deserve the pain", "been using the blade again", "attempted yesterday", "shd again",
        "honestly id be better gone", "its better when im not around", "tomorrow is the day i end it",
        "i cant take no more of this", "i prob wont be here by then", "next month if im still breathing",
        "dont think ill make it to the review", "in a couple of weeks if im still here", "i just cant be here any more", "why am i even still here",
    ])
    func aRiskToLife(_ line: String) {
        let match = Self.matcher.match(line)
        #expect(match?.concern == .person && match?.weighed == false, "\(line): \(String(describing: match))")
    }

    @Test("harm from someone else, said plainly, is heard as harm to the person typing", arguments: [
        "shes abusive to me", "hes been violent towards me", "i keep getting bullied online", "they bully me every day",
        "the lady i look after punched me today",
    ])
    func harmFromSomeoneElse(_ line: String) {
        let match = Self.matcher.match(line)
        #expect(match?.concern == .person && match?.harmFromOthers == true, "\(line): \(String(describing: match))")
    }

    @Test("a child or someone close at risk is heard as about them", arguments: [
        "my sister was raped last year", "the toddler keeps coming home with bruises",
        "my granddaughter has marks and wont say how", "her boyfriend shakes the baby when it cries",
        "she refuses to eat anything",
    ])
    func someoneElseAtRisk(_ line: String) {
        let match = Self.matcher.match(line)
        #expect(match?.concern == .someoneElse, "\(line): \(String(describing: match))")
    }

    @Test("fear of harming someone, or harm already done to them, is heard as that", arguments: [
        "i snapped and slapped my son", "i keep lashing out at my partner", "i hit my daughter with a shoe",
        "im scared ill snap", "i feel like hurting someone",
    ])
    func fearOfHarming(_ line: String) {
        let match = Self.matcher.match(line)
        #expect(match?.fearOfHarming == true, "\(line): \(String(describing: match))")
    }

    @Test("not eating, said plainly, is heard as this family", arguments: [
        "i hardly eat anymore", "i keep passing out because i dont eat", "i refuse to eat at all",
    ])
    func notEating(_ line: String) {
        let match = Self.matcher.match(line)
        #expect(match?.eatingDrinkDrugs == true, "\(line): \(String(describing: match))")
    }

    @Test("look-alikes of the new families stay quiet with the patterns", arguments: [
        "i took too many photos on holiday", "i used the blade on the lawnmower again", "attempted the crossword again",
        "the baby has a rash", "i cant eat gluten", "i dont eat meat", "i snapped a photo of my son",
        "scared ill snap my guitar string", "tonight is the night of the school play", "i wont be here on tuesday, ill be at work",
        "my toddler refuses to eat vegetables", "next week if im still here at work", "i dont eat anything spicy", "took my weeks tablets to the chemist",
        "I'm in recovery from anorexia and I feel stronger than I have in years",
    ])
    func lookAlikesStayQuiet(_ line: String) {
        #expect(Self.matcher.match(line) == nil, "\(line): \(String(describing: Self.matcher.match(line)))")
    }

    /// The trials' false alarms, and other wordings of them: no pattern hears them, and since the
    /// weights learned batch AD's everyday lines, neither do the weights.
    @Test("everyday answers of not having started, going on, and missed doses stay quiet", arguments: [
        "i havent started anything", "yeah go on then", "i missed a couple of doses last week but im back on track",
        "havent started it yet", "go on then, walks and music", "alright go on then", "missed my injection last week, rebooked it",
    ])
    func everydayAnswersStayQuiet(_ line: String) {
        #expect(Self.withWeights.match(line) == nil, "\(line): \(String(describing: Self.withWeights.match(line)))")
    }

    @Test("risk typed after the same everyday words is still heard", arguments: [
        "i havent started anything, i want to die", "go on then, i cant go on anymore",
        "i missed a couple of doses on purpose to save them up for an overdose",
    ])
    func riskAfterEverydayWordsIsHeard(_ line: String) {
        #expect(Self.withWeights.match(line) != nil, "\(line)")
    }
}
