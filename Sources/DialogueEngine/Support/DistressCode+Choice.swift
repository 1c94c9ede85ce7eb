extension DistressCode {
    /// A branch of a choice, for the walk to take at once (see ``choices``): where it begins, and
    /// its step's classes and ``Step/anyBit`` (the words it can begin with, as ``Step/allows(_:)``
    /// reads them).
    struct Branch {
        var pc: Int32
        var bits: UInt32
    }

    /// A choice taken at once: its branches (`lo..<hi` of ``DistressCode/branches``), and the second
    /// place of its root's split, for the plain search, which walks down the tree.
    struct Choice {
        var lo: Int32
        var hi: Int32
        var second: Int32
    }

    /// Choices of at least this many branches are taken at once rather than down their tree.
    static let branchesTakenAtOnce = 4

    /// The choices of the patterns (``DistressPattern/choices``, their places made this list's), and
    /// the steps with their trees' roots marked ``Step/choice``: the branches of each in ``choices``
    /// (`lo..<hi` of ``branches``), in the order the tree would try them.
    ///
    /// A choice's tree of splits is sorted by first letter, but most branches begin with words of
    /// many letters, so a walk down it passed over most of them one step at a time: the check-in's
    /// most tried pattern (`<doer> ... (` 70 branches `)`) took 66 steps a try. Taking a choice at
    /// once tests each branch's first letters in one flat list and goes on with only those that
    /// can begin with the next byte, in the same order, so the walk visits the same states. The plain
    /// search (`rememberingReads: false`) still walks down the tree, and tests hold the two alike.
    static func choices(
        _ patterns: [DistressPattern], entries: [Int], steps: inout [Step]
    ) -> (choices: [Choice], branches: [Branch]) {
        var choices: [Choice] = [], branches: [Branch] = []
        for (p, pattern) in patterns.enumerated() {
            for choice in pattern.choices where choice.branches.count >= branchesTakenAtOnce {
                let root = entries[p] + choice.root
                let lo = branches.count
                for start in choice.branches {
                    let pc = entries[p] + start
                    branches.append(Branch(pc: Int32(pc), bits: steps[pc].bits & (Step.anyBit | Step.classBits)))
                }
                choices.append(Choice(lo: Int32(lo), hi: Int32(branches.count), second: steps[root].target))
                steps[root].mark(choice: choices.count - 1)
            }
        }
        return (choices, branches)
    }
}
