import Foundation
import Testing

@testable import DialogueEngine

/// The check-in matcher with the words in dialogues/check-in.yaml: the lines issue 9 found missed
/// and wrongly heard, who is at risk, the decisions about "not", and bad input.
@Suite struct DistressMatcherTests {
    typealias T = TestSupport

    /// The matcher the dialogues folder gives (no fallback: the file must load cleanly).
    static let matcher: DistressMatcher = {
        let path = TestSupport.packageRoot.appendingPathComponent("dialogues/check-in.yaml").path
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        guard let m = DistressMatcher.load(text: text, file: path).0 else { fatalError("dialogues/check-in.yaml does not load") }
        return m
    }()

    /// The same with the folder's weighed words (`check-in-weights.tsv`), as a server or the terminal
    /// hears lines. The tests of patterns use ``matcher``, so that they test the patterns alone.
    static let withWeights: DistressMatcher = {
        let folder = TestSupport.packageRoot.appendingPathComponent("dialogues").path
        guard let weights = CheckInWeights.load(folder: folder)?.weights else { fatalError("dialogues/check-in-weights.tsv does not load") }
        var m = matcher
        m.weights = weights
        return m
    }()

    @Test("every phrasing issue 9 found missed is heard", arguments: [
        "cant go on", "I can't go on anymore", "self-harming", "unalive myself", "kms", "kil myself", "hang myself",
        "taking an overdose", "no point living", "wish I wasn't alive", "don't want to wake up", "lladd fy hun", "hunanladdiad",
        "I want to kill myself", "sewer slide", "I want to end it all", "I don't want to be here anymore",
        "I'd go to sleep and not wake up", "everyone is better off without me", "I'm a burden", "I'm going to jump off the bridge",
        "I've been stockpiling my tablets", "I want to take all my tablets", "dw i isio marw", "dim pwynt byw", "brifo fy hun",
        "hunan-niweidio", "eisiau marw",
    ])
    func heard(_ line: String) {
        #expect(Self.matcher.match(line) != nil, "\(line)")
    }

    @Test("words typed with symbols for letters, or letters hidden, are heard", arguments: [
        "k!ll myself", "i want to k*ll myself", "s*icidal again", "su!cide is on my mind", "s**cidal", "kil my self",
        "i wanna kilmyself", "better of dead", "i od'd last night",
    ])
    func heardThroughSymbols(_ line: String) {
        #expect(Self.matcher.match(line) != nil, "\(line)")
    }

    @Test("hidden letters in everyday words stay quiet", arguments: [
        "f*** this traffic", "what a s**t day! but I got through it", "***** five stars", "k*** is my cat",
    ])
    func hiddenLettersQuiet(_ line: String) {
        #expect(Self.matcher.match(line) == nil, "\(line): \(Self.matcher.match(line)?.patterns ?? [])")
    }

    @Test("the harmless lines issue 9 found wrongly heard are quiet", arguments: [
        "suicide prevention training", "self-harm awareness course", "my brother died by suicide", "cut myself shaving",
        "hurt myself playing football", "I don't want to be here at this meeting", "this job is killing me", "I'd kill for a coffee",
        "dying to see it", "my feet are killing me", "just killing time", "bored to death", "I hurt my back lifting boxes",
        "the suicide rate in young men", "a leaflet about self harm", "a film about suicide",
        // Answers a safety plan asks for: keeping means out of reach is protective.
        "Ask Dan to keep my tablets for now", "I keep my pills in a locked box", "My sister holds my medication for me",
    ])
    func quiet(_ line: String) {
        #expect(Self.matcher.match(line) == nil, "\(line): \(Self.matcher.match(line)?.patterns ?? [])")
    }

    /// Every answer typed in the golden conversations is an everyday answer ("Noise", "Odd jobs and
    /// visits" once brought the check-in by mistake), except in the transcripts about the check-in.
    @Test func everydayAnswersInTheTranscriptsAreQuiet() throws {
        let folder = T.packageRoot.appendingPathComponent("dialogues/tests")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".transcript") && !$0.contains("check-in") }
        #expect(files.count >= 20)
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") where line.hasPrefix("> ") && !line.hasPrefix("> /") {
                let answer = String(line.dropFirst(2))
                #expect(Self.matcher.match(answer) == nil, "\(file): \(answer)")
            }
        }
    }

    @Test("a harmless context never quiets a real signal in the same line")
    func contextDoesNotCancelSignals() {
        #expect(Self.matcher.match("I did the suicide prevention course but I want to kill myself") != nil)
        #expect(Self.matcher.match("after the self harm awareness training I cut myself again") != nil)
        #expect(Self.matcher.match("cut myself shaving, but honestly I want to die") != nil)
    }

    @Test("who seems at risk", arguments: [
        ("my son says he wants to kill himself", DistressMatch.Concern.someoneElse),
        ("my daughter is self harming", .someoneElse),
        ("my mum said she wants to die", .someoneElse),
        ("they talk about ending it", .someoneElse),
        ("my partner says we would all be better off without him", .someoneElse),
        ("I want to kill myself", .person),
        ("he told me I should kill myself", .person),
        ("my son is fine but I want to die", .person),
        ("I want to join my nan in heaven", .person),
        ("Part of me wants to just not wake up", .person),
        ("my dad wants to die and so do I, I want to die too", .both),
    ])
    func who(_ line: String, _ concern: DistressMatch.Concern) {
        #expect(Self.matcher.match(line)?.concern == concern, "\(line)")
    }

    /// The decisions about "not", written down: a plain "I don't want to die" is quiet; anything
    /// that may be someone masking ("I'm not suicidal", "I won't kill myself") brings the contacts.
    @Test("not: quiet only where it plainly means no risk")
    func negation() {
        #expect(Self.matcher.match("I don't want to die") == nil)
        #expect(Self.matcher.match("I'm scared of dying") == nil)
        #expect(Self.matcher.match("I'm not suicidal") != nil)
        #expect(Self.matcher.match("I won't kill myself, don't worry") != nil)
        #expect(Self.matcher.match("I don't want to be alive") != nil)
        #expect(Self.matcher.match("I don't want to wake up") != nil)
        #expect(Self.matcher.match("it wasn't an accident") != nil)
    }

    @Test("bad input: no crash and no check-in by accident", arguments: [
        String(repeating: "I like walks by the river and tea with my sister. ", count: 400),
        "😀😂🙂🙃😭💔🔪💊", "!!!???...,,,;;;", "—–-_-''\"\"«»", "", "   ", "\u{202E}die to want I\u{202C}",
        "مرحبا، أنا بخير اليوم", "שלום, הכל בסדר", "こんにちは、元気です", "Привет, всё хорошо", "hello مرحبا שלום 你好 bore da",
        "\u{1B}[31mred text\u{1B}[0m", String(repeating: "a", count: 50_000), String(repeating: "k", count: 3000) + " no",
        "\u{0000}\u{0007}\u{0008}", String(repeating: "🙂 ", count: 5000),
    ])
    func badInput(_ line: String) {
        #expect(Self.matcher.match(line) == nil)
    }

    @Test("a very long line with words of distress at its end is heard, in good time")
    func longLine() {
        let line = String(repeating: "I like walks by the river and tea with my sister. ", count: 2000) + "I want to kill myself"
        let start = ContinuousClock.now
        #expect(Self.matcher.match(line) != nil)
        #expect(ContinuousClock.now - start < .seconds(10), "100 KB, in a debug build")
    }

    @Test("the built-in words, for a missing or broken file, hear the commonest phrasings")
    func builtIn() {
        for line in ["I want to kill myself", "I want to die", "kms", "I'm suicidal", "I self harm", "I can't go on", "dw i eisiau marw", "lladd fy hun", "my son wants to kill himself"] {
            #expect(DistressMatcher.builtIn.match(line) != nil, "\(line)")
        }
        for line in ["suicide prevention training", "I cut myself shaving", "my brother died by suicide", "I like walks", "yes"] {
            #expect(DistressMatcher.builtIn.match(line) == nil, "\(line)")
        }
        #expect(DistressMatcher.builtIn.match("my son wants to kill himself")?.concern == .someoneElse)
        #expect(DistressMatcher.compile(DistressMatcher.builtIn.rules).failures.isEmpty)
    }
}
