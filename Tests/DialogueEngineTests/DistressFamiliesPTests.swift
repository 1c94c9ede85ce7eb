import Testing

@testable import DialogueEngine

/// Families of wording that batch P (6 December 2026) showed were missed: 330 lines written the way
/// people type (being watched and found after moving, plans and means kept or looked up, goodbyes,
/// self-harm hidden or come back, control without the word) were first heard at 43.6% by the
/// patterns. The lines here are other wordings of the same families, not the corpus lines.
@Suite struct DistressFamiliesPTests {
    static var matcher: DistressMatcher { DistressMatcherTests.matcher }

    @Test("plans, means, goodbyes and self-harm, as people type them, are heard as the person's own", arguments: [
        "ive been stockpiling again",
        "ive got enough stored up now",
        "been looking up the quickest way",
        "i have a plan and a date",
        "found my way out, finally",
        "walking up the hills and never coming back down",
        "taking all my tablets with vodka tonight",
        "the letters are written",
        "i gave my cat to my neighbour today",
        "im going to make it look like an accident",
        "going to the woods with the dog lead",
        "sat by the river thinking about going in",
        "dont worry about me after tonight",
        "hiding plasters from my mum",
        "i pulled my hair out again till it bled",
        "drank till i passed out on purpose so i dont have to think",
        "i dont let myself eat when i mess up",
        "i keep a razor blade in my purse",
        "my teacher saw my fresh cuts",
        "i relapsed last night after six months",
    ])
    func ownRisk(_ line: String) {
        let match = Self.matcher.match(line)
        #expect(match?.concern == .person, "\(line): \(String(describing: match))")
        #expect(match?.harmFromOthers == false, "\(line): \(match?.patterns ?? [])")
    }

    @Test("being watched, found and controlled is heard as harm to the person typing", arguments: [
        "he drives past my house really slowly every night",
        "she somehow always knows where im going",
        "since i moved he found my new flat within a week",
        "my ex knows my new number",
        "my phone says an airtag is travelling with me",
        "hes messaging my friends asking where im living now",
        "he gives me the silent treatment for days",
        "he wont talk to me for days if i see my sister",
        "i have to ask permission to go out, even to the shop",
        "im not allowed to lock the bathroom door",
        "she hides my hearing aids when she is cross",
        "he cut the wifi off because i was on the phone to my friend",
        "he times my showers and my walks",
        "i cant even choose my own clothes",
        "he said hell get rid of the dog if i leave",
    ])
    func harmFromOthers(_ line: String) {
        let match = Self.matcher.match(line)
        #expect(match?.concern == .person, "\(line): \(String(describing: match))")
        #expect(match?.harmFromOthers == true, "\(line): \(match?.patterns ?? [])")
    }

    @Test("lines near them stay quiet", arguments: [
        "we picked a date for the wedding last night",
        "i get my meds in a dosette box from the chemist",
        "looked up the quickest way to the station",
        "we gave our old sofa away to charity before we moved",
        "i drove past the school really slowly because of the speed bumps",
        "my mum always knows where im going cos we share locations",
        "ive got enough saved up for a holiday",
        "i dont let myself eat chocolate before bed",
        "my sister gave the cat to our neighbour when she moved abroad",
        "he goes quiet for days when hes working on a big project",
    ])
    func quiet(_ line: String) {
        #expect(Self.matcher.match(line) == nil, "\(line): \(Self.matcher.match(line)?.patterns ?? [])")
    }
}
