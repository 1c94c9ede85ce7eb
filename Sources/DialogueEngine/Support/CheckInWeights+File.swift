import Foundation

/// `check-in-weights.tsv`: reading it (every problem with its line and column) and writing it.
///
///     tandem check-in weights 1
///     # lines starting with # are comments
///     bias        -1.2345
///     threshold   0.95
///     min-words   5
///     0.8123      4.1029      want to
///
/// Fields are separated by one tab. After the three settings, each line is a feature: its weight,
/// its idf, and the word or two words it is.
extension CheckInWeights {
    /// Reads `check-in-weights.tsv` in a dialogues folder: nil when there is none (or it cannot be
    /// read as text), else the weights (nil when the file has errors) and every problem.
    public static func load(folder: String) -> (weights: CheckInWeights?, problems: [Diagnostic])? {
        let path = (folder as NSString).appendingPathComponent(fileName)
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else { return nil }
        return load(text: text, file: path)
    }

    /// Reads the file: the weights (nil when it has errors) and every problem.
    public static func load(text: String, file: String) -> (CheckInWeights?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        func problem(_ message: String, line: Int, column: Int = 1, length: Int = 1, source: Substring, help: String? = nil) {
            diagnostics.append(Diagnostic(.checkInWeights, message, at: SourceLocation(file: file, line: line, column: column), length: length, sourceLine: String(source), help: help))
        }
        // Split as bytes (by Character, the file's 11,000 lines cost a start about 250 million
        // instructions, and a CRLF is one Character: a file saved with CRLF was one line).
        let lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { bytes in
            Substring(bytes.last == 0x0D ? bytes.dropLast() : bytes)
        }
        guard let first = lines.first, first == formatLine else {
            problem("this is not a file of check-in weights (its first line should be \"\(formatLine)\")", line: 1, source: lines.first ?? "",
                    help: "make it again with: tandem check-in-train")
            return (nil, diagnostics)
        }
        var bias: Double?, threshold: Double?, minWords: Int?
        var features: [String: Feature] = [:]
        for (index, line) in lines.enumerated().dropFirst() where !line.isEmpty && !line.hasPrefix("#") {
            let lineNumber = index + 1
            let fields = line.utf8.split(separator: 0x09, omittingEmptySubsequences: false).map(Substring.init)
            func column(of field: Int) -> Int { fields[..<field].reduce(1) { $0 + $1.count + 1 } }
            func number(_ field: Int) -> Double? {
                guard let value = Double(fields[field]), value.isFinite else {
                    problem("\"\(fields[field])\" is not a number", line: lineNumber, column: column(of: field), length: fields[field].count, source: line)
                    return nil
                }
                return value
            }
            switch fields.count {
            case 2:
                switch fields[0] {
                case "bias": bias = number(1)
                case "threshold":
                    guard let t = number(1) else { continue }
                    guard t > 0, t < 1 else {
                        problem("the threshold must be between 0 and 1", line: lineNumber, column: column(of: 1), length: fields[1].count, source: line)
                        continue
                    }
                    threshold = t
                case "min-words":
                    guard let n = Int(fields[1]), n >= 1 else {
                        problem("min-words must be a whole number, 1 or more", line: lineNumber, column: column(of: 1), length: fields[1].count, source: line)
                        continue
                    }
                    minWords = n
                default:
                    problem("unknown setting \"\(fields[0])\"", line: lineNumber, length: fields[0].count, source: line, help: "the settings are bias, threshold and min-words")
                }
            case 3:
                guard let weight = number(0), let idf = number(1) else { continue }
                let name = String(fields[2])
                guard !name.isEmpty, name.split(separator: " ", omittingEmptySubsequences: false).count <= 2 else {
                    problem("a feature is one word or two, separated by one space", line: lineNumber, column: column(of: 2), length: max(1, name.count), source: line)
                    continue
                }
                guard idf > 0 else {
                    problem("an idf must be above 0", line: lineNumber, column: column(of: 1), length: fields[1].count, source: line)
                    continue
                }
                if features[name] != nil {
                    problem("the feature \"\(name)\" is given twice", line: lineNumber, column: column(of: 2), length: name.count, source: line)
                    continue
                }
                features[name] = Feature(weight: weight, idf: idf)
            default:
                problem("a line should be a setting (name, value) or a feature (weight, idf, words), separated by tabs", line: lineNumber, length: line.count, source: line)
            }
        }
        let missing = [("bias", bias == nil), ("threshold", threshold == nil), ("min-words", minWords == nil)].filter(\.1).map(\.0)
        if !missing.isEmpty {
            problem("the file has no \(missing.joined(separator: ", ")) setting", line: 1, source: first, help: "make it again with: tandem check-in-train")
        }
        guard diagnostics.isEmpty, let bias, let threshold, let minWords else { return (nil, diagnostics) }
        return (CheckInWeights(bias: bias, threshold: threshold, minWords: minWords, features: features), diagnostics)
    }

    /// The file's text: `comments` first (each line given a `# `), then the settings, then the
    /// features by name, so that a change to the corpus shows as a small difference.
    public func fileText(comments: [String]) -> String {
        var out = Self.formatLine + "\n"
        for comment in comments { out += comment.isEmpty ? "#\n" : "# \(comment)\n" }
        out += "bias\t\(Self.format(bias))\nthreshold\t\(Self.format(threshold))\nmin-words\t\(minWords)\n"
        for name in features.keys.sorted() {
            let f = features[name]!
            out += "\(Self.format(f.weight))\t\(Self.format(f.idf))\t\(name)\n"
        }
        return out
    }

    /// Six decimal places: far finer than the weights need, and the same on every machine.
    static func format(_ value: Double) -> String {
        // Far beyond any weight learned, or so small six places would make it 0 (an idf must stay
        // above 0): written as Swift writes it, which reads back the same.
        guard abs(value) < 1e12, value == 0 || abs(value) >= 1e-6 else { return "\(value)" }
        let scaled = (value * 1_000_000).rounded()
        let negative = scaled < 0
        let digits = String(Int64(abs(scaled)))
        let padded = String(repeating: "0", count: max(0, 7 - digits.count)) + digits
        let whole = padded.dropLast(6), fraction = padded.suffix(6)
        return (negative ? "-" : "") + whole + "." + fraction
    }
}
