/// Lines labelled by hand, to measure the check-in matcher: how many lines with words of distress
/// it hears (recall) and how many harmless lines it wrongly hears (false alarms).
///
/// The file is tab-separated, one line each: `label`, `set`, `kind`, `text`. `label` is `self`
/// (the writer seems at risk), `other` (someone else seems at risk) or `none` (harmless); `set` is
/// `holdout` (kept aside while tuning the words) or `tune`; `kind` is a free word for grouping
/// (spelling, slang, method, welsh, context...). Lines starting `#` are comments.
public struct CheckInCorpus: Sendable {
    /// One labelled line.
    public struct Line: Sendable, Equatable {
        /// Who the line's words of distress are about, or `none` for a harmless line.
        public enum Label: String, Sendable { case person = "self", someoneElse = "other", none }
        public var label: Label
        public var heldOut: Bool
        public var kind: String
        public var text: String
        /// Where it is in the file, from 1.
        public var number: Int
    }

    /// Figures for a set of lines.
    public struct Figures: Sendable, Equatable {
        public var distress = 0, heard = 0, harmless = 0, falseAlarms = 0
        /// Lines heard with words of distress but about the wrong person (self for other, or the reverse).
        public var wrongWho = 0
        /// Of `heard` and `falseAlarms`, those only the weighed words heard (``CheckInWeights``).
        public var heardByWeights = 0, falseAlarmsByWeights = 0
        /// Heard lines / lines with words of distress.
        public var recall: Double { distress == 0 ? 1 : Double(heard) / Double(distress) }
        /// Harmless lines heard / harmless lines.
        public var falseAlarmRate: Double { harmless == 0 ? 0 : Double(falseAlarms) / Double(harmless) }
        public init() {}
    }

    /// The outcome over a corpus: figures for the whole and for the held-out part, and every line
    /// that went wrong.
    public struct Report: Sendable {
        public var whole = Figures()
        public var heldOut = Figures()
        /// The same figures for each kind of line (`kind`), whole and held out: figures only, so
        /// the kinds heard least can be asked for in a new batch without reading a held-out line.
        public var wholeByKind: [String: Figures] = [:]
        public var heldOutByKind: [String: Figures] = [:]
        public var misses: [Line] = []
        public var falseAlarms: [(line: Line, patterns: [String])] = []
        public var wrongWho: [(line: Line, concern: DistressMatch.Concern, patterns: [String])] = []
    }

    /// The labelled lines, in file order.
    public var lines: [Line]
    /// Rows that could not be read, with their line numbers.
    public var problems: [String]

    /// Reads the tab-separated text.
    public init(text: String) {
        var lines: [Line] = []
        var problems: [String] = []
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let row = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if row.isEmpty || row.hasPrefix("#") { continue }
            let f = row.split(separator: "\t", omittingEmptySubsequences: false)
            guard f.count == 4, let label = Line.Label(rawValue: String(f[0])), f[1] == "holdout" || f[1] == "tune" else {
                problems.append("line \(i + 1): expected label (self, other, none), set (holdout, tune), kind and text, separated by tabs")
                continue
            }
            lines.append(Line(label: label, heldOut: f[1] == "holdout", kind: String(f[2]), text: String(f[3]), number: i + 1))
        }
        self.lines = lines
        self.problems = problems
    }

    /// The lines the weighed words learn from (`tandem check-in-train`): the tuning lines only, so
    /// that the held-out part measures them fairly too.
    public var trainingExamples: [CheckInWeights.Example] {
        lines.filter { !$0.heldOut }.map { CheckInWeights.Example(text: $0.text, distress: $0.label != .none) }
    }

    /// Runs every line through the matcher.
    public func evaluate(_ matcher: DistressMatcher) -> Report {
        var report = Report()
        for line in lines {
            let match = matcher.match(line.text)
            func count(_ figures: inout Figures) {
                if line.label == .none {
                    figures.harmless += 1
                    if match != nil { figures.falseAlarms += 1 }
                    if match?.weighed == true { figures.falseAlarmsByWeights += 1 }
                } else {
                    figures.distress += 1
                    if match != nil { figures.heard += 1 }
                    if match?.weighed == true { figures.heardByWeights += 1 }
                    if let match, Self.isWrongWho(line.label, match.concern) { figures.wrongWho += 1 }
                }
            }
            count(&report.whole)
            count(&report.wholeByKind[line.kind, default: Figures()])
            if line.heldOut {
                count(&report.heldOut)
                count(&report.heldOutByKind[line.kind, default: Figures()])
            }
            switch (line.label, match) {
            case (.none, let m?): report.falseAlarms.append((line, m.patterns))
            case (.none, nil): break
            case (_, nil): report.misses.append(line)
            case (let label, let m?): if Self.isWrongWho(label, m.concern) { report.wrongWho.append((line, m.concern, m.patterns)) }
            }
        }
        return report
    }

    /// "both" is right for either.
    static func isWrongWho(_ label: Line.Label, _ concern: DistressMatch.Concern) -> Bool {
        switch (label, concern) {
        case (.person, .someoneElse), (.someoneElse, .person): true
        default: false
        }
    }
}
