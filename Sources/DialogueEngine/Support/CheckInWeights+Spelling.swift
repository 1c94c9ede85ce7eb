extension CheckInWeights {
    /// The weighed words' own words, found again when a line misspells one: a word the weights do
    /// not know, of five letters or more, is read as the word they know that is one letter from it
    /// (missing, added, wrong, or two swapped side by side), keeping its first letter, as the
    /// patterns read misspellings ("suicidl", "overdoes", "worthles").
    ///
    /// Found by deleting letters (the symmetric way): every known word is kept under each of its
    /// forms with one letter (not the first) left out, so a misspelled word costs a hash of each of
    /// its own such forms and a look-up for each, never a comparison with every known word. When
    /// several known words are one letter away, the one the corpus had most often (the lowest
    /// idf) is taken.
    struct Spelling: Sendable {
        /// A known word's bytes: `arena[start..<start + count]`.
        struct Known: Sendable {
            var start: Int32
            var count: Int32
            var idf: Double
        }

        /// The known words (doubled letters made one, as the weights hold them).
        let arena: [UInt8]
        /// A known word by its own hash (for a line's word with one letter added).
        let words: [UInt64: Known]
        /// A known word by the hash of each form of it with one letter left out.
        let deleted: [UInt64: Known]

        /// Misspellings are read in words of at least this many letters.
        static let shortest = 5

        init(_ features: [String: Feature]) {
            var arena: [UInt8] = [], words: [UInt64: Known] = [:], deleted: [UInt64: Known] = [:]
            func keep(_ known: Known, under key: UInt64, in table: inout [UInt64: Known]) {
                if let old = table[key], old.idf <= known.idf { return }
                table[key] = known
            }
            // Sorted, so that two known words with one idf always resolve the same way.
            for (name, feature) in features.sorted(by: { $0.key < $1.key }) where !name.contains(" ") {
                let bytes = Array(name.utf8)
                guard bytes.count >= Self.shortest - 1 else { continue }
                let known = Known(start: Int32(arena.count), count: Int32(bytes.count), idf: feature.idf)
                arena += bytes
                keep(known, under: DistressCode.hash(bytes), in: &words)
                for k in 1..<bytes.count { keep(known, under: Self.hash(bytes[...], without: k), in: &deleted) }
            }
            self.arena = arena
            self.words = words
            self.deleted = deleted
        }

        /// The known word `word` is a misspelling of, or nil: `word` has a letter more than it, one
        /// wrong, two swapped, or one missing.
        func correction(of word: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
            guard word.count >= Self.shortest else { return nil }
            var best: Known?
            func consider(_ known: Known?) {
                guard let known, known.idf < best?.idf ?? .infinity else { return }
                let candidate = arena[Int(known.start)..<Int(known.start + known.count)]
                // A known word is never a misspelling of itself, and keeps the first letter.
                guard candidate.first == word.first, !candidate.elementsEqual(word) else { return }
                best = known
            }
            // One letter missing from the word: the word is a known one with a letter left out.
            consider(deleted[DistressCode.hash(word)])
            for k in (word.startIndex + 1)..<word.endIndex {
                let h = Self.hash(word, without: k - word.startIndex)
                // One letter added: the word without it is known.
                consider(words[h])
                // One letter wrong, or two swapped: both without one letter are the same.
                consider(deleted[h])
            }
            return best.map { arena[Int($0.start)..<Int($0.start + $0.count)] }
        }

        /// ``DistressCode/hash(_:)`` of `bytes` without the byte at offset `k`.
        static func hash(_ bytes: ArraySlice<UInt8>, without k: Int) -> UInt64 {
            var h = CheckInWeights.seed
            for (i, b) in bytes.enumerated() where i != k { h = CheckInWeights.step(h, b) }
            return h | 1
        }
    }
}
