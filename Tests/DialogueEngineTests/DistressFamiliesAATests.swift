import Testing

@testable import DialogueEngine

/// Families of wording that batch AA (7 December 2026, fifteenth session) showed were missed or
/// wrongly heard: a medicine stockpiled "in a drawer" (quieted by a frame written for collecting
/// a prescription), self-harm that stopped years ago (heard as now), and fear of what a partner
/// will do, written "he'll" (read as fear for him). Other wordings of the same families, not the
/// corpus lines.
@Suite struct DistressFamiliesAATests {
    static var matcher: DistressMatcher { DistressMatcherTests.matcher }

    @Test("medicines stockpiled somewhere are heard, wherever they are kept", arguments: [
        "im stockpiling my quetiapine in my wardrobe", "been hoarding my meds in the bathroom",
        "stashing my tablets in a shoebox", "ive been saving up my pills in a tin",
    ])
    func stockpiledSomewhere(_ line: String) {
        #expect(Self.matcher.match(line)?.concern == .person, "\(line): \(String(describing: Self.matcher.match(line)))")
    }

    @Test("collecting a prescription stays quiet", arguments: [
        "i collect my meds from the chemist on a monday", "picking up mums tablets at the pharmacy",
        "collected my medication in the afternoon",
    ])
    func collectingAPrescription(_ line: String) {
        #expect(Self.matcher.match(line) == nil, "\(line): \(String(describing: Self.matcher.match(line)))")
    }

    @Test("self-harm that stopped long ago, said with pride, stays quiet", arguments: [
        "used to self harm but havent for four years now", "i used to cut and stopped two years ago",
        "i used to hurt myself but i havent in a long time and im doing well",
    ])
    func selfHarmThatStopped(_ line: String) {
        #expect(Self.matcher.match(line) == nil, "\(line): \(String(describing: Self.matcher.match(line)))")
    }

    @Test("self-harm that stopped, then came back or is wanted again, is heard", arguments: [
        "i used to self harm but i havent in years until this week",
        "used to self harm but havent in years and now i want to again", "used to self harm and ive started again",
        "i used to self harm but stopped 3 years ago, now im cutting myself again",
    ])
    func selfHarmThatCameBack(_ line: String) {
        #expect(Self.matcher.match(line) != nil, "\(line)")
    }

    @Test("fear of what someone will do to the person typing is about them, however 'he will' is typed", arguments: [
        "im scared of what hell do when he gets home drunk", "scared of what shell do if i leave",
        "im frightened of what he'll do when he gets back angry", "terrified of what theyll do if i tell anyone",
    ])
    func fearOfWhatTheyWillDo(_ line: String) {
        let match = Self.matcher.match(line)
        #expect(match?.concern == .person && match?.harmFromOthers == true, "\(line): \(String(describing: match))")
    }

    /// "theres a ligature point in my room i keep staring at" was missed: the words for looking
    /// at a means came before it, never after.
    @Test("a ligature point at home, looked at again and again, is heard", arguments: [
        "the ligature point in my bedroom", "a ligature in the wardrobe i cant stop looking at",
        "ligature points on my door", "made a ligature and i keep looking at it",
    ])
    func aLigaturePointLookedAt(_ line: String) {
        #expect(Self.matcher.match(line)?.concern == .person, "\(line): \(String(describing: Self.matcher.match(line)))")
    }

    @Test("ligature points at work stay quiet", arguments: [
        "we checked the ligature points on the ward", "ligature point audit on my ward this week",
        "the ligature training was good", "i keep looking at the rota for the ligature checks",
    ])
    func ligaturePointsAtWork(_ line: String) {
        #expect(Self.matcher.match(line) == nil, "\(line): \(String(describing: Self.matcher.match(line)))")
    }
}
