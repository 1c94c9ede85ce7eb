import Testing

@testable import DialogueEngine

/// Families of wording that batch Q (6 December 2026) showed were missed: 300 lines written the way
/// people say they are getting ready to die (means kept back, places watched, a time chosen,
/// goodbyes, affairs put in order) and fears of hurting someone were first heard at 50.2% by the
/// patterns. The lines here are other wordings of the same families, not the corpus lines.
@Suite struct DistressFamiliesQTests {
    static var matcher: DistressMatcher { DistressMatcherTests.matcher }

    @Test("plans, goodbyes and means kept back are heard as the person's own", arguments: [
        "you wont hear from me after tonight",
        "theres nothing after sunday for me",
        "i know how im going to do it now",
        "the only thing keeping me here is my cat",
        "whats the point of me being here",
        "i couldnt go through with it last night",
        "tried with a belt but it snapped",
        "watching the express trains go through again",
        "ive been keeping back some of my tablets",
        "the rope is in the garage ready",
        "i wrote down where everything is for whoever finds me",
        "so nobody gets left with my debts after",
        "checked the bus times and its not cos im going anywhere",
        "its easier to just not be here",
        "my support worker asked if i was safe and i lied to her",
        "i keep praying god takes me in my sleep",
        "gonna yeet myself",
        "im not going to be around after christmas",
        "feels like the only way out is to die",
    ])
    func ownRisk(_ line: String) {
        let match = Self.matcher.match(line)
        #expect(match?.concern == .person, "\(line): \(String(describing: match))")
        #expect(match?.harmFromOthers == false, "\(line): \(match?.patterns ?? [])")
    }

    @Test("fears of hurting someone close are heard, about the person typing", arguments: [
        "im scared of what my hands might do to her",
        "i grabbed my son by the arm too hard and left marks",
        "keep picturing hurting the baby",
        "the other night i wanted to hit him so badly it scared me",
        "i threw a plate at my husband",
        "im frightened ill lose my temper with one of the residents",
        "i feel so violent lately",
    ])
    func fearOfHarming(_ line: String) {
        let match = Self.matcher.match(line)
        #expect(match?.concern == .person, "\(line): \(String(describing: match))")
        #expect(match?.fearOfHarming == true, "\(line): \(match?.patterns ?? [])")
    }

    @Test("someone else's violence is still harm to the person, not their fear of harming")
    func violenceFromOthers() {
        let match = Self.matcher.match("he got violent with me when he was drunk")
        #expect(match?.harmFromOthers == true, "\(String(describing: match))")
    }

    @Test("lines near them stay quiet", arguments: [
        "off to see the fast trains at the heritage railway with my grandson",
        "you wont hear from me for a week, im on holiday",
        "put my tablets in a dosette box for the week",
        "there is always a way out of the maze",
        "we made a will with the solicitor so the kids are sorted",
        "my cousin says god will take care of me",
        "the only thing keeping me going is coffee lol",
        "i wont be going back to that restaurant again",
        "i asked if i was safe to drive on my new meds and the gp said yes",
    ])
    func quiet(_ line: String) {
        #expect(Self.matcher.match(line) == nil, "\(line): \(Self.matcher.match(line)?.patterns ?? [])")
    }
}
