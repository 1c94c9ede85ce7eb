import ArgumentParser
import DialogueEngine
import Foundation

/// `tandem check-in-train [--corpus FILE]`: learns the check-in's weighed words from the labelled
/// corpus and writes `check-in-weights.tsv` beside `check-in.yaml`. Hidden from help, like
/// `check-in-report`: it is for the people who keep the check-in words.
struct CheckInTrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-in-train",
        abstract: "Learn the check-in's weighed words from a labelled corpus, and write check-in-weights.tsv.",
        discussion: "Learns from the corpus's tuning lines only, so its held-out lines still measure the words fairly. The same corpus gives the same file.",
        shouldDisplay: false)

    @ArgumentParser.Option(help: ArgumentHelp("The labelled lines (tab-separated: label, set, kind, text).", valueName: "FILE"))
    var corpus = "Tests/DialogueEngineTests/Fixtures/check-in/corpus.tsv"

    @ArgumentParser.Option(help: ArgumentHelp("Where to write the weights (default: check-in-weights.tsv in the dialogues folder).", valueName: "FILE"))
    var out: String?

    @ArgumentParser.Option(help: "How closely the weights fit the lines (larger fits closer).")
    var fit = CheckInWeights.Training().fit

    @ArgumentParser.Option(help: "How likely distress must be for the check-in to speak, from 0 to 1.")
    var threshold = CheckInWeights.Training().threshold

    @ArgumentParser.Option(name: .customLong("min-words"), help: "Lines with fewer words are never heard by the weights.")
    var minWords = CheckInWeights.Training().minWords

    @OptionGroup var dialogueOptions: DialogueOptions

    func validate() throws {
        guard fit > 0 else { throw ValidationError("--fit must be above 0") }
        guard threshold > 0, threshold < 1 else { throw ValidationError("--threshold must be between 0 and 1") }
        guard minWords >= 1 else { throw ValidationError("--min-words must be 1 or more") }
    }

    func run() throws {
        guard let text = try? String(contentsOfFile: corpus, encoding: .utf8) else {
            Output.error("I cannot read the corpus \(corpus).")
            throw ExitCode(1)
        }
        let lines = CheckInCorpus(text: text)
        for p in lines.problems { Output.error("\(corpus): \(p)") }
        let examples = lines.trainingExamples
        let distress = examples.filter(\.distress).count
        guard distress > 0, distress < examples.count else {
            Output.error("The corpus needs tuning lines of both kinds, with words of distress and harmless, to learn from.")
            throw ExitCode(1)
        }
        var training = CheckInWeights.Training()
        training.fit = fit
        training.threshold = threshold
        training.minWords = minWords
        let weights = CheckInWeights.train(examples, training)
        let path = out ?? (dialogueOptions.directory as NSString).appendingPathComponent(CheckInWeights.fileName)
        let comments = [
            "The check-in's weighed words: for lines that none of the patterns in check-in.yaml hear.",
            "Learned by: tandem check-in-train --fit \(fit) --threshold \(threshold) --min-words \(minWords)",
            "from the tuning lines of \((corpus as NSString).lastPathComponent): \(distress) with words of distress, \(examples.count - distress) harmless.",
            "Do not edit by hand: change the corpus and learn them again (docs/dialogue-format.md, section 13).",
            "Each line after the settings: weight, idf, and the word or the two words side by side.",
        ]
        do {
            try weights.fileText(comments: comments).write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            Output.error("I cannot write \(path).")
            throw ExitCode(1)
        }
        Output.line("Learned \(weights.features.count) weighed words and pairs from \(examples.count) tuning lines (\(distress) with words of distress); wrote \(path).")
    }
}
