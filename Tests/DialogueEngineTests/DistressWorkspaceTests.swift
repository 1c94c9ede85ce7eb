import Foundation
import Synchronization
import Testing

@testable import DialogueEngine

/// The check-in reads each line in a workspace kept from earlier lines (`DistressCode.Workspace`):
/// its stamps are not cleared between lines, so what a line hears must never depend on the lines
/// read before it, or on another thread reading at the same time.
@Suite struct DistressWorkspaceTests {
    static func describe(_ found: DistressCode.Found) -> String {
        "\(found.index) \(found.shortest.start)-\(found.shortest.end) \(found.longest.end) \(found.skipped)"
    }

    /// Every list's hits for each line, each line read in a fresh workspace.
    static func fresh(_ lines: [String]) -> [[String]] {
        let c = DistressMatcherTests.matcher.compiled
        return lines.map { line in
            let text = DistressText(line)
            return [c.raising, c.harmless, c.context, c.who].flatMap { code in
                code.workspaces.withLock { $0.removeAll() }
                return code.hits(in: text).map(describe)
            }
        }
    }

    static func kept(_ line: String) -> [String] {
        let c = DistressMatcherTests.matcher.compiled
        let text = DistressText(line)
        return [c.raising, c.harmless, c.context, c.who].flatMap { $0.hits(in: text).map(describe) }
    }

    /// Some lines of the transcripts and the corpus: with words of distress, without, and long.
    static let lines: [String] = {
        let all = DistressReadsTests.lines
        return stride(from: 0, to: all.count, by: max(1, all.count / 400)).map { all[$0] }
            + ["i want to kill myself", "killmyself", "my self harm is back", "k*ll myself", ""]
    }()

    @Test func aLineIsHeardTheSameWhateverWasReadBefore() {
        let expected = Self.fresh(Self.lines)
        #expect(expected.contains { !$0.isEmpty } && expected.contains { $0.isEmpty })
        // Forwards, backwards, and each line straight after a long one.
        for order in [Array(Self.lines.indices), Array(Self.lines.indices.reversed())] {
            for i in order { #expect(Self.kept(Self.lines[i]) == expected[i], "\(Self.lines[i])") }
        }
        let long = Array(repeating: "i want to die and i feel so alone", count: 40).joined(separator: " ")
        for (i, line) in Self.lines.enumerated() {
            _ = Self.kept(long)
            #expect(Self.kept(line) == expected[i], "\(line)")
        }
    }

    @Test func linesReadAtOnceOnSeveralThreadsAreHeardAsAlone() {
        let expected = Self.fresh(Self.lines)
        let wrong = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 4) { t in
            for k in 0..<Self.lines.count {
                let i = (k * 7 + t * 13) % Self.lines.count
                if Self.kept(Self.lines[i]) != expected[i] { wrong.withLock { $0 += 1 } }
            }
        }
        #expect(wrong.withLock { $0 } == 0)
        let raising = DistressMatcherTests.matcher.compiled.raising
        #expect(raising.workspaces.withLock { $0.count } <= DistressCode.workspacesKept)
    }

    /// When a workspace's marks run out, its stamps are cleared and the marks begin again: a mark
    /// is never one an earlier line left.
    @Test func marksNeverRepeatUntilTheStampsAreCleared() {
        let space = DistressCode.Workspace(patterns: 4)
        let words = 1 << 28, needed = Int32(2 * words + 2)
        var bases: [Int32] = []
        for _ in 0..<3 {
            bases.append(space.marks(forWords: words))
            space.stamps[1] = bases.last! + needed
        }
        #expect(bases == [0, needed, 2 * needed])
        // The next line's marks would pass Int32.max: the stamps are cleared and it begins at 0.
        #expect(space.marks(forWords: words) == 0)
        #expect(Array(space.stamps) == [0, 0, 0, 0])
        #expect(space.marks(forWords: 3) == needed)
    }
}
