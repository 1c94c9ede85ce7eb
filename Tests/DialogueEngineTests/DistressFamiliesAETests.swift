import Testing

@testable import DialogueEngine

/// Families that trials (twenty-ninth session) found unheard or heard only by the weighed words,
/// and batch AE (thirtieth session) around them: not coping, breaking point, the end of one's
/// tether, falling apart, given up, an eating disorder named as one's own, fear of hurting the
/// kids, "he's going to kill me", and who is told about a child's marks. Other wordings of the same
/// families, not batch AE's lines.
@Suite struct DistressFamiliesAETests {
    static var matcher: DistressMatcher { DistressMatcherTests.matcher }
    static var withWeights: DistressMatcher { DistressMatcherTests.withWeights }

    @Test("not coping, breaking point, the end of one's tether, falling apart and giving up bring the full check-in", arguments: [
        "i really am not coping", "honestly not coping rn", "i cant even cope", "cannot cope with any of this",
        "i cant cope with my daughter", "i just cant cope at all", "struggling to cope since the funeral",
        "i hit breaking point last night", "at my breaking point with the caring", "end of my tether tbh",
        "im at the end of my rope with all this", "im falling to bits", "honestly falling apart inside",
        "its all just too much for me", "everything is getting too much", "i feel like im drowning here",
        "ive hit rock bottom", "just hanging on by a thread", "ive given up trying", "i think ive given up",
        "given up all hope", "im giving up cos nothing works",
    ])
    func notCoping(_ line: String) {
        let match = Self.matcher.match(line)
        #expect(match?.concern == .person && match?.weighed == false, "\(line): \(String(describing: match))")
    }

    @Test("a carer's words about the one they care for not coping are about them", arguments: [
        "my wife isnt coping at all", "my son says he cant cope", "mum is at breaking point",
        "my brother is at the end of his tether", "dad has given up completely", "my daughter is falling to pieces",
    ])
    func someoneElseNotCoping(_ line: String) {
        let match = Self.matcher.match(line)
        #expect(match?.concern == .someoneElse, "\(line): \(String(describing: match))")
    }

    @Test("an eating disorder named as one's own, or the one cared for's, is heard as that family", arguments: [
        "i am anorexic", "im still anorexic", "i think im bulimic", "ive got bulimia", "my daughters anorexic",
        "my son is bulimic",
    ])
    func anEatingDisorderNamed(_ line: String) {
        let match = Self.matcher.match(line)
        #expect(match?.eatingDrinkDrugs == true, "\(line): \(String(describing: match))")
    }

    @Test("fear of hurting the kids, or the one cared for, is heard as that", arguments: [
        "i might hurt the children", "i could end up hurting my mum", "i think ill hit the kids", "ill hurt the baby",
        "i might end up hitting dad",
    ])
    func fearOfHurtingThem(_ line: String) {
        let match = Self.matcher.match(line)
        #expect(match?.fearOfHarming == true, "\(line): \(String(describing: match))")
    }

    @Test("someone going to kill the person typing is heard as harm to them", arguments: [
        "hes gonna kill me", "he is going to kill me one day", "shell kill me", "my partner will kill me",
        "i know hes going to kill us",
    ])
    func goingToKillMe(_ line: String) {
        let match = Self.matcher.match(line)
        #expect(match?.concern == .person && match?.harmFromOthers == true, "\(line): \(String(describing: match))")
    }

    @Test("a child's marks they will not explain to the one typing are about the child", arguments: [
        "my grandson has marks and wont tell me how", "the baby has bruises and she wont tell me why",
    ])
    func marksNotExplained(_ line: String) {
        let match = Self.matcher.match(line)
        #expect(match?.concern == .someoneElse, "\(line): \(String(describing: match))")
    }

    @Test("look-alikes of the new families stay quiet with the patterns", arguments: [
        "i cant cope with the heat lol", "he cant cope with loud places", "i dont cope well with change",
        "when im not coping i go for a walk", "signs shes not coping: not sleeping", "my coping strategies work",
        "if i get to breaking point i ring my sister", "the nhs is at breaking point", "the ward staff are at breaking point",
        "my boots are falling apart", "we were falling about laughing", "the end of my tether some days but i cope",
        "its the end of the road on the left", "ive given up smoking", "i gave up my job to care for him",
        "im not giving up", "i was anorexic as a teen", "im in recovery from anorexia", "i might hurt my back lifting her",
        "it would hurt my mum to see me like this", "i could hit the gym later", "mum is going to kill me when she sees my hair",
        "my son will kill me with worry", "my wife will kill me if i buy another bike", "too much sugar is bad for me",
        "the button is hanging on by a thread", "i hit rock bottom in 2019 and im well now",
    ])
    func lookAlikesStayQuiet(_ line: String) {
        #expect(Self.matcher.match(line) == nil, "\(line): \(String(describing: Self.matcher.match(line)))")
    }

    /// The trials' false alarms from the weighed words, and other wordings of them: since the
    /// weights learned batch AE's everyday lines, they stay quiet.
    @Test("everyday answers about food and being away stay quiet with the weighed words", arguments: [
        "i cant eat gluten", "i wont be here on tuesday, ill be at work", "i cant eat wheat or dairy",
        "i wont be here on friday, im at the dentist",
    ])
    func everydayAnswersStayQuiet(_ line: String) {
        #expect(Self.withWeights.match(line) == nil, "\(line): \(String(describing: Self.withWeights.match(line)))")
    }
}
