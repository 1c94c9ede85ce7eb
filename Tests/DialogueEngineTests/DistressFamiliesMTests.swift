import Testing

@testable import DialogueEngine

/// Families of wording that batch M (5 December 2026) showed were missed: two fresh sets of 330 lines
/// written the way people type (threats with a condition, control of money, passwords, keys, location
/// and food, being watched and found after moving, sexual pressure, fears of hurting someone,
/// self-harm hidden or explained away) were first heard at 49.1% and 44.4%. The lines here are
/// other wordings of the same families, not the probes' lines; some also hold the who-reading that
/// came with them (a goodbye sent to someone is not about them; "he ... when he goes out" is one
/// person; "his" says whose, not who is harmed).
@Suite struct DistressFamiliesMTests {
    static var matcher: DistressMatcher { DistressMatcherTests.matcher }

    @Test("harm, threats and control from someone else are heard, about the person typing", arguments: [
        "i hurt her feelings and said sorry",
        "we bought a tow rope for the car",
        "i changed my number because of scam calls",
        "my daughter got into my email to fix it for me",
        "my mum wont let me drive when im unwell",
        "i keep my location on so my mum knows im safe",
        "my partner has rules about the washing up lol",
        "looking down at the view from the top",
        "i had to get stitches after i fell off my bike",
        "my neighbours car is parked outside every night",
        "she makes me laugh every single day",
        "when i say no to sweets he sulks for a bit",
        "my son takes me to my appointments",
        "i locked myself out of the house again",
        "my little boy hit his brother with a toy car, hes 3",
        "my son tracks my location to pick me up from work",
        "overdosed on chocolate again",
        "i used to self harm when i was at uni but im doing well now",
        "my dad used to smack us when we were little but thats in the past",
    ])
    func quiet(_ line: String) {
        #expect(Self.matcher.match(line) == nil, "\(line): \(Self.matcher.match(line)?.patterns ?? [])")
    }
}
