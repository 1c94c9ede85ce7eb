import Foundation
import Testing

@testable import DialogueEngine

/// Patterns that begin with the same choice of words share it (it is kept once), and the tries
/// that begin at one word read it there once (``DistressCode/Scratch/reads``). Remembering must
/// change nothing: every list gives the same hits, in the same order, as reading every time.
@Suite struct DistressReadsTests {
    /// Lines as people type them: the labelled corpus and the transcripts' answers, and each of
    /// them with words run together, letters doubled, letters hidden, spaces in words, and twice
    /// over in one line.
    static let lines: [String] = {
        let root = TestSupport.packageRoot
        var lines: [String] = []
        let corpus = (try? String(contentsOf: root.appendingPathComponent("Tests/DialogueEngineTests/Fixtures/check-in/corpus.tsv"), encoding: .utf8)) ?? ""
        for row in corpus.split(separator: "\n") where !row.hasPrefix("#") {
            lines.append(String(row.split(separator: "\t").last ?? ""))
        }
        let tests = root.appendingPathComponent("dialogues/tests")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: tests.path))?.sorted() ?? [] {
            let text = (try? String(contentsOf: tests.appendingPathComponent(name), encoding: .utf8)) ?? ""
            lines += text.split(separator: "\n").filter { $0.hasPrefix("> ") }.map { String($0.dropFirst(2)) }
        }
        // One of the five kinds of change for each line, in turn: all five for every line made this
        // the longest test of the suite (over four minutes of a debug build), and the fuzzing
        // target `checkin` checks the same property on lines changed at random.
        var variants: [String] = []
        for (i, line) in lines.enumerated() {
            var words = line.split(separator: " ").map(String.init)
            guard words.count > 1 else { continue }
            switch i % 5 {
            case 0:
                let k = (i / 5) % (words.count - 1)
                words[k] += words.remove(at: k + 1)
                variants.append(words.joined(separator: " "))
            case 1: variants.append(line.replacingOccurrences(of: "e", with: "ee"))
            case 2: variants.append(line.replacingOccurrences(of: "i", with: "*"))
            case 3: variants.append(String(line.enumerated().map { $0.offset % 7 == 3 ? " " : $0.element }))
            default: variants.append(line + ". " + line.uppercased() + " and " + String(line.reversed()))
            }
        }
        return lines + variants
    }()

    /// Remembering reads, and trying only the patterns whose first word the next word can follow
    /// (`DistressCode.nextClasses`), hear what the plain search does.
    @Test func rememberedReadsGiveTheSameHits() {
        let c = DistressMatcherTests.matcher.compiled
        #expect(Self.lines.count > 5000)
        var compared = 0, found = 0
        for line in Self.lines {
            let text = DistressText(line)
            for code in [c.raising, c.harmless, c.context, c.who] {
                let fast = code.hits(in: text).map(Self.describe)
                let slow = code.hits(in: text, rememberingReads: false).map(Self.describe)
                #expect(fast == slow, "\(line)")
                compared += 1
                found += fast.count
            }
        }
        // Enough hits that a wrong read would show.
        #expect(found > 10000, "\(found) hits in \(compared) lists")
    }

    /// The same words, read with misspellings by one pattern and without by another, at one place:
    /// one read does not stand for the other.
    @Test func aReadWithMisspellingsIsNotAReadWithout() throws {
        let strict = try DistressPattern("kill myself", groups: [:], fuzzy: false)
        let loose = try DistressPattern("kill myself", groups: [:], fuzzy: true)
        for patterns in [[strict, loose], [loose, strict]] {
            let code = DistressCode(patterns)
            for line in ["i want to kill myslef", "i want to kill myself", "kill mysefl now"] {
                let text = DistressText(line)
                let fast = code.hits(in: text).map(Self.describe)
                #expect(fast == code.hits(in: text, rememberingReads: false).map(Self.describe), "\(line)")
                let fuzzyOnly = line.contains("myself") ? 2 : 1
                #expect(fast.count == fuzzyOnly, "\(line): \(fast)")
            }
        }
    }

    @Test func patternsThatBeginAlikeShareTheirFirstWords() {
        let raising = DistressMatcherTests.matcher.compiled.raising
        var firstSets = 0
        var distinct = Set<Int>()
        for p in 0..<raising.count {
            for set in Self.firstSets(raising, from: raising.entries[p]) {
                firstSets += 1
                distinct.insert(set)
            }
        }
        #expect(distinct.count < firstSets, "\(distinct.count) sets for \(firstSets) first words")
    }

    /// The sets a walk can read first from `pc`, through splits, choices and jumps (the steps as the
    /// walk reads them).
    static func firstSets(_ code: DistressCode, from pc: Int) -> Set<Int> {
        var seen = Set<Int>(), stack = [pc], sets = Set<Int>()
        while let q = stack.popLast() {
            guard seen.insert(q).inserted else { continue }
            let step = code.steps[q]
            switch step.kind {
            case DistressCode.Step.words: sets.insert(Int(step.target))
            case DistressCode.Step.split: stack += [q + 1, Int(step.target)]
            case DistressCode.Step.choice: stack += [q + 1, Int(code.choices[Int(step.target)].second)]
            case DistressCode.Step.jump: stack.append(Int(step.target))
            default: break
            }
        }
        return sets
    }

    static func describe(_ f: DistressCode.Found) -> String {
        "\(f.index) \(f.shortest.start)-\(f.shortest.end) \(f.longest.end) \(f.skipped)"
    }
}
