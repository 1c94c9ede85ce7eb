extension DistressCode {
    /// A choice taken at once (see ``choices``): where its branches for each class of first byte
    /// begin in ``DistressCode/choiceRuns`` (``choiceClasses`` lists, the last for the end of the
    /// line), and the second place of its root's split, for the plain search, which walks down the tree.
    struct Choice {
        var runs: Int32
        var second: Int32
    }

    /// The byte classes (``byteClass(_:)``), and one more for no word at all (the end of the line).
    static let choiceClasses = 29

    /// Choices of at least this many branches are taken at once rather than down their tree.
    static let branchesTakenAtOnce = 4

    /// The choices of the patterns (``DistressPattern/choices``, their places made this list's), and
    /// the steps with their trees' roots marked ``Step/choice``: the branches of each, by class, in
    /// ``choiceRuns`` and ``branches``, in the order the tree would try them.
    ///
    /// A choice's tree of splits is sorted by first letter, but most branches begin with words of
    /// many letters, so a walk down it passed over most of them one step at a time: the check-in's
    /// most tried pattern (`<doer> ... (` 70 branches `)`) took 66 steps a try. Taking a choice at
    /// once goes on with only the branches that can begin with the next byte, in the same order, so
    /// the walk visits the same states. The plain search (`rememberingReads: false`) still walks down
    /// the tree, and tests hold the two alike.
    ///
    /// The branches are kept by the class of the byte they can begin with (a branch that can begin
    /// without reading a word, with ``Step/anyBit``, in every list), so that choice, with 95 branches
    /// now, looks only at those that can begin with the byte where the walk stands,
    /// not at every branch, at every word a `...` passes over.
    static func choices(
        _ patterns: [DistressPattern], entries: [Int], steps: inout [Step]
    ) -> (choices: [Choice], runs: [Int32], branches: [Int32]) {
        var choices: [Choice] = [], runs: [Int32] = [], branches: [Int32] = []
        for (p, pattern) in patterns.enumerated() {
            for choice in pattern.choices where choice.branches.count >= branchesTakenAtOnce {
                let root = entries[p] + choice.root
                let starts = choice.branches.map { start in
                    let pc = entries[p] + start
                    return (pc: Int32(pc), bits: steps[pc].bits & (Step.anyBit | Step.classBits))
                }
                let first = runs.count
                for c in 0..<choiceClasses {
                    runs.append(Int32(branches.count))
                    let want = (c < choiceClasses - 1 ? UInt32(1) << UInt32(c) : 0) | Step.anyBit
                    // In the order the tree would try them.
                    for start in starts where start.bits & want != 0 { branches.append(start.pc) }
                }
                runs.append(Int32(branches.count))
                choices.append(Choice(runs: Int32(first), second: steps[root].target))
                steps[root].mark(choice: choices.count - 1)
            }
        }
        return (choices, runs, branches)
    }
}
