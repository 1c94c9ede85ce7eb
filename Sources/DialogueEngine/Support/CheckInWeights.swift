import Foundation

/// Weighed words: the check-in's second way of hearing, for lines that none of its patterns match.
///
/// The patterns of `check-in.yaml` hear what they were written for, and little else: on lines from
/// writers no pattern was tuned on, they heard about half of the lines about abuse and control. So a
/// line they do not hear is also weighed word by word: every word, and every two words side by side
/// in a sentence, carries a weight learned from the labelled check-in corpus (`tandem check-in-train`,
/// a logistic regression; see `docs/safety.md`). When the weights together say distress is likely
/// enough, the check-in offers help in a gentler way than for a pattern (`maybe:` in `support.yaml`),
/// because it is less sure.
///
/// The weights live beside the words, in `check-in-weights.tsv` (``fileName``): plain text that the
/// trainer writes, never edited by hand.
public struct CheckInWeights: Sendable, Equatable {
    /// The file beside `check-in.yaml`.
    public static let fileName = "check-in-weights.tsv"
    /// The first line of the file, which names its format.
    static let formatLine = "tandem check-in weights 1"

    /// What one feature (a word, or two words side by side) adds: its learned weight, and how rare
    /// it was in the corpus (`idf`), which also scales a line's features to length one.
    public struct Feature: Sendable, Equatable {
        public var weight: Double
        public var idf: Double
        public init(weight: Double, idf: Double) {
            self.weight = weight
            self.idf = idf
        }
    }

    public var bias: Double
    /// How likely distress must be for the check-in to speak (0 to 1).
    public var threshold: Double
    /// Lines with fewer words are never heard this way: one or two known words would decide too
    /// much ("no", "my mum").
    public var minWords: Int
    /// Each word or pair of words (as the check-in reads words, joined by one space) and what it adds.
    public private(set) var features: [String: Feature]
    /// The same, found by a hash of the feature's bytes, so a line is weighed without making a
    /// string or hashing one (see ``Index``).
    let index: Index
    /// The known words, to read a misspelled one as the word it is close to (see ``Spelling``).
    let spelling: Spelling

    public init(bias: Double, threshold: Double, minWords: Int, features: [String: Feature]) {
        self.bias = bias
        self.threshold = threshold
        self.minWords = minWords
        self.features = features
        index = Index(features)
        spelling = Spelling(features)
    }

    public static func == (a: CheckInWeights, b: CheckInWeights) -> Bool {
        a.bias == b.bias && a.threshold == b.threshold && a.minWords == b.minWords && a.features == b.features
    }

    /// An open-addressing table from a feature's hash (FNV-1a of its bytes, never 0) to its
    /// weight times idf, and idf squared. Two features with one 64-bit hash would share a slot:
    /// with a few thousand features, far less likely than anything else going wrong.
    struct Index: Sendable {
        var keys: [UInt64]
        var values: [(weighted: Double, idfSquared: Double)]
        let mask: Int

        init(_ features: [String: Feature]) {
            var size = 16
            while size < features.count * 2 { size *= 2 }
            mask = size - 1
            keys = [UInt64](repeating: 0, count: size)
            values = [(weighted: Double, idfSquared: Double)](repeating: (0, 0), count: size)
            for (name, f) in features {
                // The patterns' index hashes words the same way (FNV-1a, never 0).
                let h = DistressCode.hash(name.utf8)
                var slot = Int(truncatingIfNeeded: h) & mask
                while keys[slot] != 0 { slot = (slot + 1) & mask }
                keys[slot] = h
                values[slot] = (f.weight * f.idf, f.idf * f.idf)
            }
        }

        @inline(__always)
        func lookup(_ key: UInt64) -> (weighted: Double, idfSquared: Double)? {
            var slot = Int(truncatingIfNeeded: key) & mask
            while keys[slot] != 0 {
                if keys[slot] == key { return values[slot] }
                slot = (slot + 1) & mask
            }
            return nil
        }
    }

    /// FNV-1a, as ``DistressCode/hash(_:)``, a byte at a time: a pair's hash goes on from its
    /// first word's.
    static let seed: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always)
    static func step(_ h: UInt64, _ byte: UInt8) -> UInt64 {
        (h ^ UInt64(byte)) &* 0x100_0000_01b3
    }

    /// FNV-1a of a word's bytes, before the low bit is set (a pair goes on from it).
    @inline(__always)
    static func hash(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var h = seed
        for b in bytes { h = step(h, b) }
        return h
    }

    // MARK: Weighing a line

    /// How likely the line is to be distress (0 to 1), or nil when it has too few words to weigh.
    public func likelihood(of line: String) -> Double? {
        likelihood(of: DistressText(line))
    }

    func likelihood(of text: DistressText) -> Double? {
        guard text.words.count >= minWords else { return nil }
        // Each feature once: the hashes of the line's words and pairs, sorted and read once each.
        // A word the weights do not know is read as the known word it misspells, if there is one.
        var hashes: [UInt64] = []
        hashes.reserveCapacity(2 * text.words.count)
        let squeezed = text.squeezed
        var previous: UInt64 = 0
        var previousSentence = -1
        for word in text.words {
            var bytes = squeezed[word.squeezedStart..<(word.squeezedStart + word.squeezedCount)]
            var h = Self.hash(bytes)
            if index.lookup(h | 1) == nil, let known = spelling.correction(of: bytes) {
                bytes = known
                h = Self.hash(known)
            }
            hashes.append(h | 1)
            if previousSentence == word.sentence {
                var pair = Self.step(previous, 0x20)
                for b in bytes { pair = Self.step(pair, b) }
                hashes.append(pair | 1)
            }
            previous = h
            previousSentence = word.sentence
        }
        hashes.sort()
        var sum = 0.0, squares = 0.0
        var last: UInt64 = 0
        for h in hashes where h != last {
            last = h
            guard let f = index.lookup(h) else { continue }
            sum += f.weighted
            squares += f.idfSquared
        }
        let z = bias + (squares > 0 ? sum / squares.squareRoot() : 0)
        return Self.sigmoid(z)
    }

    /// Whether the line weighs as distress.
    func hears(_ text: DistressText) -> Bool {
        guard let p = likelihood(of: text) else { return false }
        return p >= threshold
    }

    /// Every feature of a line, each once: its words (doubled letters made one, as the patterns
    /// read them), and each two words side by side in one sentence. (What the weights learn
    /// from; ``likelihood(of:)-(DistressText)`` reads the same features by their hashes.)
    static func features(of line: String) -> Set<String> {
        let text = DistressText(line)
        var out = Set<String>()
        var previous: String?
        var previousSentence = -1
        for word in text.words {
            let token = String(decoding: text.squeezed[word.squeezedStart..<(word.squeezedStart + word.squeezedCount)], as: UTF8.self)
            out.insert(token)
            if let previous, previousSentence == word.sentence { out.insert(previous + " " + token) }
            previous = token
            previousSentence = word.sentence
        }
        return out
    }

    @inline(__always)
    static func sigmoid(_ z: Double) -> Double {
        z >= 0 ? 1 / (1 + exp(-z)) : exp(z) / (1 + exp(z))
    }
}
