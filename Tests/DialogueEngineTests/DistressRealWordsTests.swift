import Testing

@testable import DialogueEngine

/// Everyday words that are near a word of the patterns but never a misspelling of it
/// (``DistressCode/realWords``): a depot injection, a medicine, was read as a misspelt
/// "injunction" (two letters from it), and "my depot injection is due again" brought the check-in
/// as a breached injunction.
@Suite struct DistressRealWordsTests {
    @Test(arguments: [
        "my depot injection is due again", "depot injection again", "had my injection again today",
        "injection keeps getting moved again", "the nurse does my injections, they keep being late again",
    ])
    func anInjectionIsNotAnInjunction(_ line: String) {
        #expect(DistressMatcherTests.matcher.match(line) == nil, "\(line)")
        #expect(DistressMatcher.builtIn.match(line) == nil, "\(line)")
    }

    /// The words it was mistaken for, and their misspellings, are heard as before.
    @Test(arguments: [
        "he broke the injunction again", "hes breaking the injuction again", "even though hes got an injunction",
        "going to inject all my insulin", "my brother is injecting again", "hes injectin again",
    ])
    func theWordsItWasTakenForStillAre(_ line: String) {
        #expect(DistressMatcherTests.matcher.match(line) != nil, "\(line)")
    }
}
