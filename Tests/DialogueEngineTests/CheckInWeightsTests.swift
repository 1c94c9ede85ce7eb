import Foundation
import Testing

@testable import DialogueEngine

/// The check-in's weighed words (`CheckInWeights`): how a line is weighed, the file and its
/// problems, learning, and how the matcher and the check-in use them.
@Suite struct CheckInWeightsTests {
    typealias T = TestSupport

    /// Weights that hear every line of five words or more (a bias far above the threshold).
    static let hearsEverything = CheckInWeights(bias: 10, threshold: 0.9, minWords: 5, features: [:])

    static func matcher(_ weights: CheckInWeights) -> DistressMatcher {
        var m = DistressMatcherTests.matcher
        m.weights = weights
        return m
    }

    // MARK: Weighing

    @Test func aLineIsWeighedByItsWordsAndPairsScaledToLengthOne() throws {
        let w = CheckInWeights(bias: -1, threshold: 0.5, minWords: 2, features: [
            "he": .init(weight: 0.5, idf: 1), "keps": .init(weight: 2, idf: 2), "he keps": .init(weight: 3, idf: 2),
        ])
        #expect(CheckInWeights.features(of: "He keeps, he keeps") == ["he", "keps", "he keps", "keps he"], "doubled letters made one; each feature once")
        // Known features: he (idf 1), kep (2), he kep (2): length sqrt(1 + 4 + 4) = 3.
        let p = try #require(w.likelihood(of: "he keeps"))
        let z: Double = -1 + 10.5 / 3
        let expected: Double = 1 / (1 + exp(-z))
        #expect(abs(p - expected) < 1e-12)
        #expect(w.likelihood(of: "keeps") == nil, "fewer words than min-words are not weighed")
        let biasAlone: Double = 1 / (1 + exp(1))
        #expect(w.likelihood(of: "nothing known here") == biasAlone, "no known word: the bias alone")
        #expect(!CheckInWeights.features(of: "He keeps on and on. He").contains("on he"), "no pair across sentences")
    }

    // MARK: The file

    @Test func theFileReadsBackAsItWasWritten() throws {
        let w = CheckInWeights(bias: -1.25, threshold: 0.9, minWords: 5, features: [
            "want to": .init(weight: 0.812345678, idf: 4.5), "tenner": .init(weight: -0.000001, idf: 7),
        ])
        let text = w.fileText(comments: ["made by a test", ""])
        #expect(text.hasPrefix("tandem check-in weights 1\n# made by a test\n#\nbias\t-1.250000\n"))
        let (read, problems) = CheckInWeights.load(text: text, file: "w.tsv")
        #expect(problems.isEmpty)
        let r = try #require(read)
        #expect(r.bias == -1.25 && r.threshold == 0.9 && r.minWords == 5)
        #expect(abs(r.features["want to"]!.weight - 0.812346) < 1e-12)
        #expect(r.features["tenner"]!.weight == -0.000001)
    }

    /// A file saved with Windows line ends (CRLF) reads as the same weights. (Split by Character,
    /// a CRLF was one Character, not a line end: the whole file was its first line.)
    @Test func aFileWithWindowsLineEndsReadsTheSame() throws {
        let w = CheckInWeights(bias: -1.25, threshold: 0.9, minWords: 5, features: ["want to": .init(weight: 0.5, idf: 4.5), "tenner": .init(weight: -1, idf: 7)])
        let text = w.fileText(comments: ["saved on Windows"]).replacingOccurrences(of: "\n", with: "\r\n")
        let (read, problems) = CheckInWeights.load(text: text, file: "w.tsv")
        #expect(problems.isEmpty, "\(problems.map(DiagnosticRenderer.text))")
        #expect(read == w)
    }

    /// Found by the fuzzer: an idf too small for six places was written as 0, which does not read.
    @Test func valuesTooLargeOrTooSmallForSixPlacesReadBackTheSame() throws {
        let w = CheckInWeights(bias: 1e300, threshold: 0.9, minWords: 2, features: ["a b": .init(weight: -7e200, idf: 1e-300)])
        let read = try #require(CheckInWeights.load(text: w.fileText(comments: []), file: "w.tsv").0)
        #expect(read == w)
    }

    @Test("a broken file: what is wrong, and where", arguments: [
        ("weights\n", 1, 1, "not a file of check-in weights"),
        ("tandem check-in weights 1\nbias\tlots\nthreshold\t0.9\nmin-words\t5\n", 2, 6, "\"lots\" is not a number"),
        ("tandem check-in weights 1\nbias\t0\nthreshold\t1.5\nmin-words\t5\n", 3, 11, "between 0 and 1"),
        ("tandem check-in weights 1\nbias\t0\nthreshold\t0.9\nmin-words\t0\n", 4, 11, "whole number"),
        ("tandem check-in weights 1\nbias\t0\nthreshold\t0.9\n", 1, 1, "no min-words setting"),
        ("tandem check-in weights 1\nbias\t0\nthreshold\t0.9\nmin-words\t5\n0.1\t1\tsad\n0.2\t1\tsad\n", 6, 7, "given twice"),
        ("tandem check-in weights 1\nbias\t0\nthreshold\t0.9\nmin-words\t5\n0.1\t1\tone two three\n", 5, 7, "one word or two"),
        ("tandem check-in weights 1\nbias\t0\nthreshold\t0.9\nmin-words\t5\n0.1\t0\tsad\n", 5, 5, "idf must be above 0"),
        ("tandem check-in weights 1\nbias\t0\nthreshold\t0.9\nmin-words\t5\n0.1 1 sad\n", 5, 1, "separated by tabs"),
        ("tandem check-in weights 1\nbias\t0\nthreshold\t0.9\nmin-words\t5\nsharpness\t2\n", 5, 1, "unknown setting"),
    ])
    func aBrokenFile(text: String, line: Int, column: Int, says: String) throws {
        let (weights, problems) = CheckInWeights.load(text: text, file: "w.tsv")
        #expect(weights == nil)
        let p = try #require(problems.first)
        #expect(p.code == .checkInWeights && p.severity == .error)
        #expect(p.location.line == line && p.location.column == column, "\(DiagnosticRenderer.text(p))")
        #expect(p.message.contains(says), "\(p.message)")
    }

    /// The weights in the dialogues folder are what the corpus teaches now: a change to the corpus
    /// must be learned again (`tandem check-in-train`), and nobody edits the weights by hand.
    @Test func theShippedWeightsAreLearnedFromTheCorpusAsItIs() throws {
        let shipped = DistressMatcherTests.withWeights.weights!
        let corpus = CheckInCorpus(text: try String(contentsOf: T.fixtures.appendingPathComponent("check-in/corpus.tsv"), encoding: .utf8))
        let learned = CheckInWeights.train(corpus.trainingExamples)
        #expect(learned.threshold == shipped.threshold && learned.minWords == shipped.minWords)
        #expect(abs(learned.bias - shipped.bias) < 1e-5)
        #expect(Set(learned.features.keys) == Set(shipped.features.keys), "learn them again: tandem check-in-train")
        let drift = learned.features.map { abs($0.value.weight - shipped.features[$0.key]!.weight) }.max() ?? 0
        #expect(drift < 1e-4, "weights differ by up to \(drift): learn them again with tandem check-in-train")
    }

    @Test func learningIsRepeatableAndSeparatesWhatItWasShown() {
        let examples = [
            ("he hits me when he drinks", true), ("he locks me in the house", true), ("she takes all my money off me", true),
            ("i go to the gym with my mate", false), ("i like walks by the river", false), ("we cook tea together on sundays", false),
        ].map { CheckInWeights.Example(text: $0.0, distress: $0.1) }
        var training = CheckInWeights.Training()
        training.minLines = 1
        training.minWords = 1
        let a = CheckInWeights.train(examples, training), b = CheckInWeights.train(examples, training)
        #expect(a == b)
        for e in examples { #expect((a.likelihood(of: e.text)! > 0.5) == e.distress, "\(e.text)") }
    }

    // MARK: In the matcher and the check-in

    @Test func onlyALineNoPatternHeardIsWeighed() throws {
        let m = Self.matcher(Self.hearsEverything)
        let heard = m.match("Walks by the river with my sister")
        let weighed = try #require(heard)
        #expect(weighed.weighed && weighed.patterns == [DistressMatch.weighedWords])
        #expect(m.match("cut myself shaving this morning again") == nil, "what the patterns found harmless stays so")
        #expect(m.match("the suicide prevention training at work was good") == nil, "a topic quieted by its context stays so")
        #expect(m.match("I want to die")?.weighed == false, "a pattern's match is not marked weighed")
        #expect(m.match("walks and tea") == nil, "too short to weigh")
    }

    @Test("who a weighed line is about: the line's own who-words", arguments: [
        ("Jamie has not been himself at all lately", DistressMatch.Concern.someoneElse),
        ("my son has not been himself at all lately", .both),
        // "he" or "she" alone may be the one doing it, and "its him" or "from him" names them:
        // the gentle line for the person, which speaks of both.
        ("he has all the bank cards and i ask for bus fare", .person),
        ("got another message from a new number, its him again", .person),
        ("she has not been out of the house at all lately", .person),
        ("my sister has not been out of the house at all lately", .both),
        ("i have not been myself at all lately", .person),
        ("nothing has been right at all lately", .person),
        // "they" alone may be things: the gentle line for the person (which speaks of both).
        ("got the boxes ready today, theyre for the weekend", .person),
        ("sorted the letters out, they will all understand after", .person),
        // With someone named, "they" is read with them.
        ("my kids dont know, they will understand after", .both),
        ("Jamie and Sam have not been themselves, they are so quiet", .someoneElse),
    ])
    func whoAWeighedLineIsAbout(line: String, concern: DistressMatch.Concern) {
        #expect(Self.matcher(Self.hearsEverything).match(line)?.concern == concern)
    }

    @Test func aWeighedLineBringsOneGentleLineThenNothingUntilAFullCheckIn() throws {
        var support = SupportDirectory.fallback
        support.matcher = Self.matcher(Self.hearsEverything)
        var state = CheckInState()
        let said = state.event(for: "Walks by the river with my sister", support: support)
        let first = try #require(said)
        guard case .checkInReminder(let message, _) = first else { Issue.record("\(first)"); return }
        #expect(message == support.checkIn.maybe)
        #expect(state.event(for: "Music and a long hot bath tonight", support: support) == nil, "once")
        let full = state.event(for: "I want to kill myself", support: support)
        guard case .checkIn = full else { Issue.record("no full check-in: \(String(describing: full))"); return }
        let later = state.event(for: "Music and a long hot bath tonight", support: support)
        guard case .checkInReminder(let after, _) = later else { Issue.record("\(String(describing: later))"); return }
        #expect(after == support.checkIn.reminder, "after a full check-in, a weighed line brings the reminder as any line does")
    }

    @Test func aSupportFileCanSayTheGentleLine() throws {
        let text = "support: test\ntitle: T\nareas:\n  - id: now\n    title: Now\n    contacts:\n      - name: Emergency services\n        reach: Call 999\ncheck-in:\n  maybe: Perhaps talk to someone. Type /urgent.\n"
        let support = try #require(SupportDirectory.load(text: text, file: "s.yaml").0)
        #expect(support.checkIn.maybe == "Perhaps talk to someone. Type /urgent.")
        #expect(support.checkIn.maybeSomeoneElse == SupportDirectory.CheckInWords.fallback.maybeSomeoneElse)
    }

    /// Lines of ours, not from any corpus: what the patterns miss and the shipped weights hear, and
    /// everyday answers they leave alone.
    @Test("the shipped weights hear lines no pattern does", arguments: [
        "i cant remember the last time i went out without him knowing",
        "my husband has the only bank card and i have to ask for bus fare",
    ])
    func theShippedWeightsHear(line: String) {
        #expect(DistressMatcherTests.matcher.match(line) == nil, "a pattern now hears this: choose another line")
        #expect(DistressMatcherTests.withWeights.match(line)?.weighed == true)
    }

    @Test("the shipped weights leave everyday answers alone", arguments: [
        "I'd like to go back to my choir on Thursday evenings",
        "my husband does the cooking and I do the washing up",
        "she always checks in on me after my appointments which is lovely",
        "I want to get my driving licence back this year",
        "my manager lets me start later when my meds make me drowsy",
    ])
    func theShippedWeightsLeaveAlone(line: String) {
        #expect(DistressMatcherTests.withWeights.match(line) == nil)
    }
}
