extension DistressCode {
    /// What reading a line takes besides the line: the scratch lists, and a stamp for each pattern
    /// (whether it is already among a word's candidates). Kept between lines in ``workspaces``, so a
    /// line neither allocates them nor clears a stamp for every pattern (the raising list has
    /// thousands: clearing them was a memset through more memory than a core's first cache holds,
    /// on every line).
    ///
    /// A line's marks are numbers no earlier line used (``marks(forWords:)``), so an old stamp is
    /// never taken for one of this line's; the stamps are cleared only when the numbers run out.
    ///
    /// `@unchecked Sendable`: one reading at a time has it. It is taken out of ``workspaces`` under
    /// its lock, used by that reading alone, and put back under the lock when the reading is done.
    final class Workspace: @unchecked Sendable {
        var scratch = Scratch()
        let stamps: UnsafeMutableBufferPointer<Int32>
        /// The highest mark given out so far.
        private var used: Int32 = 0

        init(patterns: Int) {
            stamps = .allocate(capacity: max(1, patterns))
            stamps.initialize(repeating: 0)
        }

        deinit {
            scratch.deallocate()
            stamps.deallocate()
        }

        /// Where the marks of a line of `words` words begin: it marks with `base + 1` to
        /// `base + 2 * words + 2` (see ``DistressCode/candidates(at:line:stamp:narrowing:into:)``).
        func marks(forWords words: Int) -> Int32 {
            // A line has far fewer words than this (each takes more than 8 bytes of memory).
            precondition(words < Int(Int32.max) / 4, "a line of more than 500 million words")
            let needed = Int32(2 * words + 2)
            if used > Int32.max - needed {
                stamps.update(repeating: 0)
                used = 0
            }
            let base = used
            used += needed
            return base
        }
    }

    /// A workspace of its own for one reading: one kept from before, or a new one. Two event loops
    /// read lines at once, so each takes its own; ``giveBack(_:)`` keeps a few.
    func takeWorkspace() -> Workspace {
        workspaces.withLock { $0.popLast() } ?? Workspace(patterns: count)
    }

    func giveBack(_ space: Workspace) {
        workspaces.withLock { kept in
            if kept.count < Self.workspacesKept { kept.append(space) }
        }
    }

    /// As many as lines read at once on a busy server (a thread each); more are freed.
    static let workspacesKept = 8
}
