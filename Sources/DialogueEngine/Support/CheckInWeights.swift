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
    /// Lines with fewer words are never heard this way: short answers ("Meals and medicines") say
    /// too little to weigh.
    public var minWords: Int
    public var features: [String: Feature]

    public init(bias: Double, threshold: Double, minWords: Int, features: [String: Feature]) {
        self.bias = bias
        self.threshold = threshold
        self.minWords = minWords
        self.features = features
    }

    // MARK: Weighing a line

    /// How likely the line is to be distress (0 to 1), or nil when it has too few words to weigh.
    public func likelihood(of line: String) -> Double? {
        likelihood(of: DistressText(line))
    }

    func likelihood(of text: DistressText) -> Double? {
        guard text.words.count >= minWords else { return nil }
        var sum = 0.0, squares = 0.0
        Self.forEachFeature(of: text) { name in
            guard let f = features[name] else { return }
            sum += f.weight * f.idf
            squares += f.idf * f.idf
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
    /// read them), and each two words side by side in one sentence.
    static func features(of line: String) -> Set<String> {
        var out = Set<String>()
        forEachFeature(of: DistressText(line)) { out.insert($0) }
        return out
    }

    static func forEachFeature(of text: DistressText, _ body: (String) -> Void) {
        var seen = Set<String>()
        var previous: String?
        var previousSentence = -1
        for (i, word) in text.words.enumerated() {
            let token = String(decoding: text.squeezed[word.squeezedStart..<(word.squeezedStart + word.squeezedCount)], as: UTF8.self)
            if seen.insert(token).inserted { body(token) }
            if let previous, previousSentence == word.sentence {
                let pair = previous + " " + token
                if seen.insert(pair).inserted { body(pair) }
            }
            previous = token
            previousSentence = text.words[i].sentence
        }
    }

    @inline(__always)
    static func sigmoid(_ z: Double) -> Double {
        z >= 0 ? 1 / (1 + exp(-z)) : exp(z) / (1 + exp(z))
    }
}
