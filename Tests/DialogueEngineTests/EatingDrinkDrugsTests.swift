import Foundation
import Testing

@testable import DialogueEngine

/// Words of eating, drink or drugs harming someone now (`eating-drink-drugs:` in check-in.yaml) bring
/// a check-in of their own: words that fit, and the helplines for eating, drink and drugs first.
/// Warning signs written while well, recovery told as a strength, and everyday food and drink stay
/// quiet. The lines here are other wordings of the families batch R (6 December 2026) showed, not
/// the corpus lines.
@Suite struct EatingDrinkDrugsTests {
    static var matcher: DistressMatcher { DistressMatcherTests.matcher }
    static var library: SupportDirectory { CheckInTruthTests.library }

    @Test("eating that harms the person typing is heard as this family", arguments: [
        "i havent eaten in five days",
        "not eaten anything since thursday",
        "I haven't had anything to eat for a week",
        "barely eaten since the funeral",
        "im not eating at all now",
        "living on diet coke and chewing gum",
        "under 300 calories a day most weeks",
        "been purging after tea every night",
        "binged and purged again tonight",
        "throwing up after every meal again",
        "taking laxatives after every meal",
        "taking double the diet pills it says",
        "weighing myself 20 times a day",
        "went for a run to burn off one apple",
        "fainted at work, i think its from not eating enough",
        "i'm only having a yoghurt a day",
        "my safe foods are down to two",
        "ive been restricting again since christmas",
        "terrified to eat anything again",
        "on a water fast, not because i want to be healthy",
        "i make myself sick after every meal",
        "made myself sick again after tea",
    ])
    func eatingForThePerson(_ line: String) throws {
        let match = try #require(Self.matcher.match(line), "\(line) is heard")
        #expect(match.eatingDrinkDrugs, "\(line): \(match.patterns)")
        #expect(match.concern == .person, "\(line): \(match.concern)")
    }

    @Test("drink and drugs that harm the person typing are heard as this family", arguments: [
        "ive started drinking again",
        "im using again and i hate it",
        "picked up again after 6 months clean",
        "relapsed on the gear last week",
        "cant get through the day without a drink",
        "i need a can in the morning to stop the shakes",
        "drinking from the minute i wake up",
        "necking a bottle of vodka a day",
        "i have to have a drink before the school run",
        "rattling and no script till monday",
        "missed my methadone two days running",
        "been injecting again",
        "pregabalin with a few cans on top most nights",
        "i owe my dealer loads",
        "spent all my universal credit on gear",
        "drinking to blot it all out every night",
        "i think im becoming an alcoholic",
        "been on a three day bender",
        "smoking weed from the moment i get up",
        "sold my xbox to get gear",
    ])
    func drinkDrugsForThePerson(_ line: String) throws {
        let match = try #require(Self.matcher.match(line), "\(line) is heard")
        #expect(match.eatingDrinkDrugs, "\(line): \(match.patterns)")
        #expect(match.concern == .person, "\(line): \(match.concern)")
    }

    @Test("a carer's worry about someone else is heard as about them", arguments: [
        "my daughter hasnt eaten in three days",
        "my son is using again",
        "my husband is drinking again and hiding bottles",
        "she is making herself sick after every meal",
        "my mum keeps mixing her sleeping pills with wine",
        "found needles hidden in my son's room",
        "my brother has been on the gear every day",
    ])
    func someoneElse(_ line: String) throws {
        let match = try #require(Self.matcher.match(line), "\(line) is heard")
        #expect(match.eatingDrinkDrugs, "\(line): \(match.patterns)")
        #expect(match.concern == .someoneElse, "\(line): \(match.concern)")
    }

    @Test("said in passing, by carers and by older people (batch S's families)", arguments: [
        "4 days no food now and im so cold",
        "been on the gin since i got up",
        "my nan has been drinking alone since grandad died",
        "he keeps blacking out and waking up in strangers flats",
        "cant get through a shift without a top up",
        "she wont eat in front of anyone anymore",
        "my dad is on about 12 pregabs a day",
        "day 3 of water only",
    ])
    func batchS(_ line: String) throws {
        let match = try #require(Self.matcher.match(line), "\(line) is heard")
        #expect(match.eatingDrinkDrugs, "\(line): \(match.patterns)")
    }

    @Test func someoneFoundUnconsciousIsARiskToLife() throws {
        let match = try #require(Self.matcher.match("found my son out cold on the bathroom floor"))
        #expect(!match.eatingDrinkDrugs && match.concern == .someoneElse, "\(match)")
        #expect(HarmFromOthersTests.firstCheckIn("found my son out cold on the bathroom floor").message == Self.library.checkIn.someoneElse)
    }

    @Test("warning signs written while well, recovery and everyday food and drink stay quiet", arguments: [
        "if i start drinking again my sister will notice",
        "when i start purging again i want my team to know",
        "signs to look out for: skipping meals and hiding food",
        "five years sober this spring",
        "I go to meetings twice a week and they keep me on track",
        "i used to binge and purge but not any more",
        "i havent made myself sick in a year",
        "a glass of wine with tea on a friday",
        "we had a curry and a few pints for his birthday",
        "I have not eaten since breakfast, busy day",
        "purging the wardrobe of old clothes this weekend",
        "the kids choose the toppings on pizza night",
        "I drink lots of water first thing",
        "our team runs the drug and alcohol service",
        "training on eating disorders for the school nurses",
    ])
    func quiet(_ line: String) {
        #expect(Self.matcher.match(line)?.eatingDrinkDrugs != true, "\(line): \(Self.matcher.match(line)?.patterns ?? [])")
    }

    /// The frames that keep warning signs quiet are word for word, never with a gap: one that
    /// reached from "signs" or "when I start" across the line quieted words of a risk to life inside
    /// it (found on 6 December 2026 before it landed anywhere but main).
    @Test("the quiet frames for warning signs never quiet words of a risk to life", arguments: [
        "warning signs: talking about wanting to die, not eating",
        "when i start to think about suicide i start drinking",
        "if i take all my pills with drink i wont wake up",
        "signs i might kill myself: i stop eating and hide food",
        "when i am low i want to kill myself again",
        "if i start drinking i think about ending it",
        "early signs are me hiding food and wanting to die",
    ])
    func signsNeverQuietARiskToLife(_ line: String) throws {
        let match = try #require(Self.matcher.match(line), "\(line) is heard")
        #expect(!match.eatingDrinkDrugs, "\(line): \(match.patterns)")
    }

    /// Every frame that quiets this family's words (warning signs, recovery, the past), with words
    /// of a risk to life or of harm put inside, before or after it: the frames must never quiet them.
    @Test func noQuietFrameSwallowsWordsOfDistress() {
        let risks = ["i want to kill myself", "i want to die", "i have a plan to end my life", "i cut myself last night", "he hits me", "i took all my tablets"]
        let frames = [
            "warning signs: %@", "%@ when i start drinking", "when i start drinking %@", "signs to look out for: not eating, %@",
            "if i start purging again %@", "my early signs are hiding food and %@", "i used to binge and purge and now %@",
            "used to drink from the morning and %@", "years ago i mixed my tablets with booze and %@", "things to watch for: me hiding food, %@",
            "if im drinking every day %@", "not punishing myself, %@", "five years sober but %@", "if i ever end up back on the gear %@",
            // the words of distress between a frame's first word and its last
            "warning signs: %@, not eating", "signs are %@ and hiding food", "and then %@ i start drinking again",
            "if %@ i start purging", "used to think %@ but now i just drink", "early signs: %@, skipping meals, drinking more",
        ]
        for frame in frames {
            for risk in risks {
                let line = frame.replacingOccurrences(of: "%@", with: risk)
                let match = Self.matcher.match(line)
                #expect(match != nil && match?.eatingDrinkDrugs == false, "\(line): \(String(describing: match?.patterns))")
            }
        }
    }

    /// Made sick as a punishment, or with nothing said after it, is self-harm: the full check-in.
    @Test("made sick to punish, or said alone, brings the full check-in", arguments: [
        "i make myself sick as a punishment", "i made myself sick to punish myself", "i make myself sick",
    ])
    func sickAsAPunishmentIsSelfHarm(_ line: String) throws {
        let heard = Self.matcher.match(line)
        let match = try #require(heard, "\(line) is heard")
        #expect(!match.eatingDrinkDrugs, "\(line): \(match.patterns)")
    }

    @Test func otherWordsOfDistressComeFirst() throws {
        let both = try #require(Self.matcher.match("i relapsed on the gear and i want to die"))
        #expect(!both.eatingDrinkDrugs, "a risk to life is spoken of first: \(both.patterns)")
        let said = HarmFromOthersTests.firstCheckIn("i relapsed on the gear and i want to die")
        #expect(said.message == Self.library.checkIn.person)
    }

    @Test func theCheckInSpeaksOfEatingDrinkAndDrugsAndPutsTheirHelplinesFirst() {
        let said = HarmFromOthersTests.firstCheckIn("ive started drinking again")
        #expect(said.message == Self.library.checkIn.eatingDrinkDrugs)
        #expect(!said.message.contains("ending your life"))
        #expect(said.message.contains("cannot send help") && said.message.contains("does not tell anyone"))
        #expect(Array(said.areas.prefix(2)) == ["eating-drink-drugs", "now"])
        #expect(Set(said.areas) == Set(Self.library.areas.map(\.id)), "every area is still there")
        #expect(said.closing == Self.library.checkIn.reminderEatingDrinkDrugs)
        let other = HarmFromOthersTests.firstCheckIn("my son is using again")
        #expect(other.message == Self.library.checkIn.someoneElseEatingDrinkDrugs)
        #expect(Self.library.contacts.contains { $0.reach.contains("0300 123 6600") })
    }

    @Test func aCheckInForEatingDoesNotStandForTheCheckInForARiskToLife() {
        var state = CheckInState()
        guard case .checkIn(let first, _, _)? = state.event(for: "i havent eaten in four days", support: Self.library) else {
            Issue.record("the first line brings its full check-in")
            return
        }
        #expect(first == Self.library.checkIn.eatingDrinkDrugs)
        guard case .checkInReminder(let again, _)? = state.event(for: "ive started drinking again", support: Self.library) else {
            Issue.record("a second such line brings the reminder")
            return
        }
        #expect(again == Self.library.checkIn.reminderEatingDrinkDrugs)
        guard case .checkIn(let risk, let shown, _)? = state.event(for: "I want to die", support: Self.library) else {
            Issue.record("words of a risk to life still bring the full check-in")
            return
        }
        #expect(risk == Self.library.checkIn.person)
        #expect(shown.areas.first?.id == "now")
        guard case .checkInReminder(let later, _)? = state.event(for: "im using again", support: Self.library) else {
            Issue.record("after it, a reminder")
            return
        }
        #expect(later == Self.library.checkIn.reminderEatingDrinkDrugs)
    }

    @Test func afterTheFullCheckInALineOfEatingBringsItsReminder() {
        var state = CheckInState()
        _ = state.event(for: "I want to die", support: Self.library)
        guard case .checkInReminder(let said, _)? = state.event(for: "not eaten in three days", support: Self.library) else {
            Issue.record("a reminder, not a second full check-in")
            return
        }
        #expect(said == Self.library.checkIn.reminderEatingDrinkDrugs)
    }

    @Test func itsAreasMustNameAreasThatAreThereAndItsWordsCanBeLeftOut() throws {
        let text = """
            title: Support
            areas:
              - id: now
                title: Now
                contacts:
                  - name: Emergency services
                    reach: Call 999
            check-in:
              eating-drink-drugs: Eating or drink may be hard now.
              eating-drink-drugs-areas: [food, now]
            """
        let (directory, problems) = SupportDirectory.load(text: text, file: "s.yaml")
        #expect(directory == nil)
        let problem = try #require(problems.first { $0.message.contains("\"food\"") })
        #expect(problem.message.hasPrefix("eating-drink-drugs-areas:"), "\(problem.message)")
        #expect(problem.location.line == 10 && problem.location.column == 30, "\(problem)")
        let (fixed, none) = SupportDirectory.load(text: text.replacingOccurrences(of: "[food, now]", with: "[now]"), file: "s.yaml")
        #expect(none.isEmpty, "\(none)")
        #expect(fixed?.checkIn.eatingDrinkDrugs == "Eating or drink may be hard now.")
        #expect(fixed?.checkIn.eatingDrinkDrugsAreas == ["now"])
        #expect(fixed?.checkIn.someoneElseEatingDrinkDrugs == SupportDirectory.CheckInWords.fallback.someoneElseEatingDrinkDrugs)
        let old = #"{"person":"p","someoneElse":"s","reminder":"r","reminderSomeoneElse":"rs"}"#
        let words = try JSONDecoder().decode(SupportDirectory.CheckInWords.self, from: Data(old.utf8))
        #expect(words.eatingDrinkDrugs == SupportDirectory.CheckInWords.fallback.eatingDrinkDrugs && words.eatingDrinkDrugsAreas.isEmpty)
        let again = try JSONDecoder().decode(SupportDirectory.CheckInWords.self, from: JSONEncoder().encode(Self.library.checkIn))
        #expect(again == Self.library.checkIn)
    }

    @Test func aFileWithoutTheListStillLoads() throws {
        let (matcher, problems) = DistressMatcher.load(text: "signals:\n  - kill myself\n", file: "c.yaml")
        #expect(problems.isEmpty, "\(problems)")
        let m = try #require(matcher)
        #expect(m.match("i havent eaten in four days") == nil)
        #expect(m.match("i want to kill myself")?.eatingDrinkDrugs == false)
    }
}
