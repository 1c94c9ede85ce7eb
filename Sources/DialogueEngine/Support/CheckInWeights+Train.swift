import Foundation

/// Learning the weights from labelled lines: a logistic regression on a line's words and pairs of
/// words (each present or not, scaled by how rare it is, the line's vector made length one), with
/// the two classes weighed equally however many lines each has, found by L-BFGS. The same lines in
/// the same order give the same weights.
extension CheckInWeights {
    /// One labelled line: its text, and whether it is distress (self or other in the corpus).
    public struct Example: Sendable {
        public var text: String
        public var distress: Bool
        public init(text: String, distress: Bool) {
            self.text = text
            self.distress = distress
        }
    }

    /// How the weights are learned.
    public struct Training: Sendable {
        /// How closely the weights fit the lines (larger fits closer; smaller keeps weights small).
        public var fit: Double = 100
        /// Features seen in fewer lines than this are left out: too rare to weigh.
        public var minLines = 2
        public var threshold: Double = 0.83
        /// Lines of one or two words are never weighed (ninth session: from five to three).
        public var minWords = 3
        public var maxIterations = 2000
        public init() {}
    }

    /// Learns weights from `examples` (which must hold lines of both kinds).
    public static func train(_ examples: [Example], _ training: Training = Training()) -> CheckInWeights {
        let featureSets = examples.map { Array(features(of: $0.text)) }
        var lineCounts: [String: Int] = [:]
        for set in featureSets { for f in set { lineCounts[f, default: 0] += 1 } }
        let names = lineCounts.filter { $0.value >= training.minLines }.keys.sorted()
        var index: [String: Int] = [:]
        for (i, name) in names.enumerated() { index[name] = i }
        let n = Double(examples.count)
        let idf = names.map { log((1 + n) / (1 + Double(lineCounts[$0]!))) + 1 }

        // Each line as (feature, value) pairs, length one.
        var rows: [[(Int, Double)]] = []
        rows.reserveCapacity(examples.count)
        for set in featureSets {
            var row = set.compactMap { index[$0] }.sorted().map { ($0, idf[$0]) }
            let norm = row.reduce(0) { $0 + $1.1 * $1.1 }.squareRoot()
            if norm > 0 { row = row.map { ($0.0, $0.1 / norm) } }
            rows.append(row)
        }
        let positives = Double(examples.filter(\.distress).count)
        let classWeight = (yes: n / (2 * max(1, positives)), no: n / (2 * max(1, n - positives)))
        let targets = examples.map { $0.distress ? 1.0 : 0.0 }
        let sampleWeights = examples.map { $0.distress ? classWeight.yes : classWeight.no }
        let d = names.count

        // The objective, on weights then bias: half the squared weights, plus `fit` times the
        // weighted log loss; and its gradient.
        func evaluate(_ x: [Double]) -> (Double, [Double]) {
            var value = 0.0
            var gradient = [Double](repeating: 0, count: d + 1)
            for j in 0..<d {
                value += 0.5 * x[j] * x[j]
                gradient[j] = x[j]
            }
            let bias = x[d]
            for (i, row) in rows.enumerated() {
                var z = bias
                for (j, v) in row { z += x[j] * v }
                let p = sigmoid(z)
                let loss = targets[i] > 0 ? softplus(-z) : softplus(z)
                value += training.fit * sampleWeights[i] * loss
                let r = training.fit * sampleWeights[i] * (p - targets[i])
                for (j, v) in row { gradient[j] += r * v }
                gradient[d] += r
            }
            return (value, gradient)
        }
        let x = minimize(evaluate, start: [Double](repeating: 0, count: d + 1), maxIterations: training.maxIterations)
        var learned: [String: Feature] = [:]
        for (j, name) in names.enumerated() { learned[name] = Feature(weight: x[j], idf: idf[j]) }
        return CheckInWeights(bias: x[d], threshold: training.threshold, minWords: training.minWords, features: learned)
    }

    /// log(1 + e^z), without overflow.
    static func softplus(_ z: Double) -> Double {
        z > 0 ? z + log1p(exp(-z)) : log1p(exp(z))
    }

    /// L-BFGS (ten pairs kept) with a backtracking line search, from `start`, until the gradient is
    /// near zero or `maxIterations` have passed.
    static func minimize(_ evaluate: ([Double]) -> (Double, [Double]), start: [Double], maxIterations: Int) -> [Double] {
        func dot(_ a: [Double], _ b: [Double]) -> Double {
            var s = 0.0
            for i in a.indices { s += a[i] * b[i] }
            return s
        }
        var x = start
        var (f, g) = evaluate(x)
        var history: [(s: [Double], y: [Double], rho: Double)] = []
        for _ in 0..<maxIterations {
            guard let largest = g.map(abs).max(), largest > 1e-6 else { break }
            // The two-loop recursion: the direction -H g.
            var q = g
            var alphas: [Double] = []
            for h in history.reversed() {
                let a = h.rho * dot(h.s, q)
                alphas.append(a)
                for i in q.indices { q[i] -= a * h.y[i] }
            }
            if let last = history.last {
                let gamma = dot(last.s, last.y) / dot(last.y, last.y)
                for i in q.indices { q[i] *= gamma }
            } else {
                let norm = dot(g, g).squareRoot()
                for i in q.indices { q[i] /= norm }
            }
            for (k, h) in history.enumerated() {
                let b = h.rho * dot(h.y, q)
                let a = alphas[history.count - 1 - k]
                for i in q.indices { q[i] += h.s[i] * (a - b) }
            }
            var direction = q.map { -$0 }
            var slope = dot(g, direction)
            if slope >= 0 {
                // Not a way down (rounding): start again from the gradient.
                history.removeAll()
                direction = g.map { -$0 }
                slope = -dot(g, g)
            }
            var step = 1.0
            var next = x, nextF = f, nextG = g
            var found = false
            for _ in 0..<50 {
                for i in x.indices { next[i] = x[i] + step * direction[i] }
                (nextF, nextG) = evaluate(next)
                if nextF <= f + 1e-4 * step * slope {
                    found = true
                    break
                }
                step *= 0.5
            }
            guard found else { break }
            let s = zip(next, x).map { $0 - $1 }, y = zip(nextG, g).map { $0 - $1 }
            let sy = dot(s, y)
            if sy > 1e-12 {
                history.append((s, y, 1 / sy))
                if history.count > 10 { history.removeFirst() }
            }
            let improvement = f - nextF
            x = next
            f = nextF
            g = nextG
            if improvement <= 1e-12 * max(1, abs(f)) { break }
        }
        return x
    }
}

