import Foundation
import Testing

@testable import DialogueEngine

/// A quiet (`harmless:`) pattern quiets only words it says itself, never words its `...` passed over.
/// Until 6 December 2026 a quiet match quieted every word of distress inside its span, so a frame
/// with a gap ("<doer> ... hit me up", "(fell) ... cut myself", "(support) people (who) ...
/// suicidal") quieted words of a risk to life typed inside it: "he told me he wants to kill himself
/// and then hit me up" brought no check-in at all, with the patterns or with the weighed words.
@Suite struct QuietFrameGapTests {
    static let matcher = DistressMatcherTests.withWeights

    /// Each line puts words of distress inside a quiet frame that has a gap (or, for the last ones,
    /// next to a frame's own words): every one must be heard, and as a risk to life where it is one.
    @Test("words of distress inside a quiet frame's gap are heard", arguments: [
        "he told me he wants to kill himself and then hit me up",
        "my brother said he wants to end it all, he hits me up every night",
        "she says she wants to die, my mum pushed me to go to the gp",
        "i fell and thought about killing myself and cut myself",
        "i fell apart and wanted to cut myself",
        "i want to die and my dog follows me around the house",
        "he said he wants to end it all and then he hit me up",
        "my mum keeps my tablets as i want to take all my tablets when im unwell",
        "we support people who say they want to kill themselves and are suicidal",
        "i was so embarrassed i want to kill myself, i could have died",
        "my sister pushes me to go out but i just want to die",
        "i want to kill myself at work",
        "i want to kill myself laughing at them all, then i will",
        "the voices keep telling me to jump on the tracks tonight",
        "ive been hearing voices telling me to jump in the canal",
    ])
    func wordsInAGapAreHeard(line: String) throws {
        let heard = Self.matcher.match(line)
        let match = try #require(heard, "not heard: \(line)")
        #expect(!match.weighed, "heard only by the weighed words: \(line)")
        #expect(!match.harmFromOthers && !match.eatingDrinkDrugs, "\(line) was read as only harm from others or eating: \(match.patterns)")
    }

    /// A risk named by its subject word ("suicide is all I think about") was heard only as a topic,
    /// so a context word in the same sentence ("training", "awareness", "research") quieted it.
    @Test("a risk named by its subject word is heard beside a context word", arguments: [
        "I run the suicide prevention training and suicide is all i think about",
        "we did the suicide awareness training today and all i think about is suicide",
        "at the self harm workshop i realised self harm is the only way i can cope",
        "after the suicide prevention talk, honestly an overdose seems like the only way out",
        "the suicide prevention course was good but suicide is constantly on my mind",
        "self harm awareness week and cutting is the only thing that helps me",
        "my research is on suicide and death is never far from my mind",
    ])
    func aRiskNamedByItsSubjectIsASignal(line: String) throws {
        let heard = DistressMatcherTests.matcher.match(line)
        let match = try #require(heard, "not heard: \(line)")
        #expect(match.concern != .someoneElse, "\(line): \(match.concern)")
    }

    /// A signal that a longer reading of harm from someone holds in its gap stays a signal: the
    /// check-in speaks of a risk to life, not only of harm.
    @Test func aSignalInsideAReadingOfHarmStaysASignal() throws {
        let heard = Self.matcher.match("he said he wants to kill himself and then he hit me")
        let match = try #require(heard)
        #expect(!match.harmFromOthers, "\(match.patterns)")
        #expect(match.patterns.count >= 2, "both the risk to life and the harm: \(match.patterns)")
    }

    /// The frames still quiet the everyday lines they were written for.
    @Test("everyday lines the frames were written for stay quiet", arguments: [
        "my mate from work hits me up every day",
        "she really hurt me when she left",
        "my boss keeps pushing me to go for the promotion",
        "my partner put a tracker on my keys cos i lose them constantly",
        "my wife takes my phone off me at night so i sleep",
        "I fell off my bike and hurt myself",
        "i fell and cut myself on the glass",
        "our service supports people after a suicide attempt",
        "my wee boy hit his sister with a lego brick today, typical 4 year old carry on",
    ])
    func everydayLinesStayQuiet(line: String) {
        let heard = DistressMatcherTests.matcher.match(line)?.patterns
        #expect(heard == nil, "\(line): \(heard ?? [])")
    }

    /// Words of distress put at any place in any harmless line of the corpus are heard (by the
    /// patterns alone): no frame, with a gap or without, swallows them. Each place gets one of four
    /// ways of saying it, in turn; `tandem check-in-report` over every place with each of the first
    /// three heard all 50,877 such lines on 6 December 2026 (see docs/safety.md).
    @Test func wordsOfDistressPutAnywhereInAHarmlessLineAreHeard() {
        let risks = ["i want to kill myself", "i took an overdose last night", "i keep thinking about ending my life", "the voices keep telling me to jump"]
        var missed: [String] = [], tried = 0
        for (n, line) in CheckInCorpusTests.corpus.lines.enumerated() where line.label == .none {
            let words = line.text.split(separator: " ", omittingEmptySubsequences: true)
            for k in 1..<max(1, words.count) {
                let risk = risks[(n + k) % risks.count]
                let text = (words[..<k] + [Substring(risk)] + words[k...]).joined(separator: " ")
                tried += 1
                if DistressMatcherTests.matcher.match(text) == nil { missed.append(text) }
            }
        }
        #expect(tried > 10_000)
        #expect(missed.isEmpty, "\(missed.count) of \(tried) not heard: \(missed.prefix(20))")
    }
}
