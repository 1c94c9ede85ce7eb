import ArgumentParser
import DialogueEngine
import Foundation

/// `tandem check-in-report [--corpus FILE]`: how well the check-in words hear a labelled corpus.
/// Hidden from help: it is for the people who review `check-in.yaml` (see scripts/check-in-report).
struct CheckInReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-in-report",
        abstract: "Measure the check-in words against a labelled corpus: recall and false alarms, whole and held out.",
        discussion: "Exit status 1 when recall is below 95% or false alarms above 15%, on the whole corpus or the held-out part.",
        shouldDisplay: false)

    @ArgumentParser.Option(help: ArgumentHelp("The labelled lines (tab-separated: label, set, kind, text).", valueName: "FILE"))
    var corpus = "Tests/DialogueEngineTests/Fixtures/check-in/corpus.tsv"

    @Flag(name: .customLong("hide-held-out"), help: "Give the held-out figures but not its lines, so tuning never looks at them.")
    var hideHeldOut = false

    @Flag(name: .customLong("no-weights"), help: "Leave out the weighed words (check-in-weights.tsv): the patterns alone.")
    var noWeights = false

    @Flag(name: .customLong("by-kind"), help: "Give the figures for each kind of line as well (no lines: safe for held-out and unseen lines).")
    var byKind = false

    @OptionGroup var dialogueOptions: DialogueOptions

    func run() throws {
        let wordsPath = (dialogueOptions.directory as NSString).appendingPathComponent(DistressMatcher.fileName)
        guard let wordsText = try? String(contentsOfFile: wordsPath, encoding: .utf8) else {
            Output.error("I cannot read \(wordsPath).")
            throw ExitCode(1)
        }
        let (loaded, problems) = DistressMatcher.load(text: wordsText, file: wordsPath)
        for d in problems { Output.error(DiagnosticRenderer.text(d)) }
        guard var matcher = loaded else {
            Output.error("\(wordsPath) has errors (above); run tandem check.")
            throw ExitCode(1)
        }
        let weightsPath = (dialogueOptions.directory as NSString).appendingPathComponent(CheckInWeights.fileName)
        if !noWeights, let (weights, problems) = CheckInWeights.load(folder: dialogueOptions.directory) {
            for d in problems { Output.error(DiagnosticRenderer.text(d)) }
            guard let weights else {
                Output.error("\(weightsPath) has errors (above); learn it again with tandem check-in-train.")
                throw ExitCode(1)
            }
            matcher.weights = weights
        }
        guard let corpusText = try? String(contentsOfFile: corpus, encoding: .utf8) else {
            Output.error("I cannot read the corpus \(corpus).")
            throw ExitCode(1)
        }
        let corpus = CheckInCorpus(text: corpusText)
        for p in corpus.problems { Output.error("\(self.corpus): \(p)") }
        var report = corpus.evaluate(matcher)
        let r = matcher.rules
        Output.line("Words:  \(wordsPath) (\(r.signals.count) signals, \(r.harmFromOthers.count) of harm from others, \(r.fearOfHarming.count) of fear of harming, \(r.eatingDrinkDrugs.count) of eating, drink and drugs, \(r.topics.count) topics, \(r.context.count) context, \(r.harmless.count) harmless)")
        Output.line("Weights: " + (matcher.weights.map { "\(weightsPath) (\($0.features.count) words and pairs, threshold \($0.threshold), at least \($0.minWords) words)" } ?? "none"))
        Output.line("Corpus: \(self.corpus) (\(corpus.lines.count) lines, \(corpus.lines.filter(\.heldOut).count) held out)")
        Output.line("")
        Output.line("            lines   recall           false alarms     wrong person")
        for (name, f) in [("whole", report.whole), ("held out", report.heldOut)] {
            let lines = String(f.distress + f.harmless).leftPad(5)
            let recall = "\(Self.percent(f.recall)) (\(f.heard)/\(f.distress))".rightPad(16)
            let alarms = "\(Self.percent(f.falseAlarmRate)) (\(f.falseAlarms)/\(f.harmless))".rightPad(16)
            Output.line("\(name.rightPad(10))  \(lines)   \(recall) \(alarms) \(f.wrongWho)")
        }
        if matcher.weights != nil {
            Output.line("Heard by the weighed words alone: \(report.whole.heardByWeights) with words of distress, \(report.whole.falseAlarmsByWeights) harmless (held out: \(report.heldOut.heardByWeights) and \(report.heldOut.falseAlarmsByWeights)).")
        }
        Output.line("")
        if byKind { printByKind(report) }
        if hideHeldOut {
            report.misses.removeAll { $0.heldOut }
            report.falseAlarms.removeAll { $0.line.heldOut }
            report.wrongWho.removeAll { $0.line.heldOut }
            Output.line("(Held-out lines are not listed.)")
        }
        Output.line("Misses (\(report.misses.count)):")
        for l in report.misses { Output.line("  line \(l.number) [\(l.heldOut ? "held out" : "tune"), \(l.kind)] \(l.text)") }
        Output.line("False alarms (\(report.falseAlarms.count)):")
        for (l, patterns) in report.falseAlarms { Output.line("  line \(l.number) [\(l.heldOut ? "held out" : "tune"), \(l.kind)] \(l.text)  <- \(Self.heardBy(patterns))") }
        Output.line("Heard, but about the wrong person (\(report.wrongWho.count)):")
        for (l, concern, patterns) in report.wrongWho {
            Output.line("  line \(l.number) [\(l.heldOut ? "held out" : "tune")] \(l.text)  -> \(concern.rawValue)  <- \(Self.heardBy(patterns))")
        }
        let clock = ContinuousClock()
        let rounds = 20
        let elapsed = clock.measure {
            for _ in 0..<rounds { for l in corpus.lines { _ = matcher.match(l.text) } }
        }
        let micros = Double(elapsed.components.attoseconds) / 1e12 + Double(elapsed.components.seconds) * 1e6
        Output.line("")
        Output.line(String(format: "Time: %.1f µs a line (mean over the corpus, %d rounds, this build)", micros / Double(rounds * corpus.lines.count), rounds))
        let bad = [report.whole, report.heldOut].contains { $0.recall < 0.95 || $0.falseAlarmRate > 0.15 }
        if bad {
            Output.line("Below the bar: recall must be at least 95% and false alarms at most 15%, whole and held out.")
            throw ExitCode(1)
        }
    }

    static func percent(_ x: Double) -> String { String(format: "%.1f%%", x * 100) }

    /// Heard and false alarms for each kind, whole and held out (figures only).
    func printByKind(_ report: CheckInCorpus.Report) {
        func cell(_ a: Int, _ b: Int) -> String { b == 0 ? "" : "\(a)/\(b) (\(Self.percent(Double(a) / Double(b))))" }
        Output.line("By kind       heard (whole)        false alarms (whole)  heard (held out)     false alarms (held out)")
        for (kind, w) in report.wholeByKind.sorted(by: { $0.key < $1.key }) {
            let h = report.heldOutByKind[kind] ?? CheckInCorpus.Figures()
            Output.line(kind.rightPad(12) + "  " + cell(w.heard, w.distress).rightPad(20) + " " + cell(w.falseAlarms, w.harmless).rightPad(21) + " "
                + cell(h.heard, h.distress).rightPad(20) + " " + cell(h.falseAlarms, h.harmless))
        }
        Output.line("")
    }

    /// The patterns that heard a line, each cut to its first 100 characters: some patterns are a
    /// choice of hundreds of words, and the start is enough to find them in `check-in.yaml`.
    static func heardBy(_ patterns: [String]) -> String {
        patterns.map { $0.count > 100 ? $0.prefix(100) + "…" : $0 }.joined(separator: " ; ")
    }
}

extension String {
    fileprivate func rightPad(_ n: Int) -> String { count >= n ? self : self + String(repeating: " ", count: n - count) }
    fileprivate func leftPad(_ n: Int) -> String { count >= n ? self : String(repeating: " ", count: n - count) + self }
}
