import Foundation

/// How `tandem check` checks one file of a dialogues folder, by its kind: a dialogue, or
/// `support.yaml`, `check-in.yaml`, `common.yaml` or `check-in-weights.tsv`, which have their own
/// formats. `tandem lsp` checks an open file the same way, so an editor shows every problem
/// `tandem check` finds.
public enum FileCheck {
    public enum Kind: Equatable, Sendable {
        case dialogue, support, checkIn, common, weights
    }

    /// The kind of a file, by its name.
    public static func kind(of path: String) -> Kind {
        switch (path as NSString).lastPathComponent {
        case DialogueLibrary.supportFile: .support
        case DialogueLibrary.checkInFile: .checkIn
        case CommonLibrary.fileName: .common
        case CheckInWeights.fileName: .weights
        default: .dialogue
        }
    }

    /// The problems in a file's text; `file` names it and places it (a dialogue reads the
    /// `common.yaml` beside it, `common.yaml` the dialogues beside it).
    ///
    /// - Parameters:
    ///   - kind: what the file is; nil goes by its name (`--support` names a support file by hand).
    ///   - today: the date contacts' `checked:` dates are judged by (D028, and D044 is only
    ///     judged with one); nil skips that.
    /// - Returns: the diagnostics, and the dialogue when the text is one that loaded.
    public static func check(text: String, file: String, as kind: Kind? = nil, today: SimpleDate?) -> (diagnostics: [Diagnostic], script: Script?) {
        // As Foundation reads a file: a byte-order mark at the start is not part of the text.
        let text = TextLines.withoutByteOrderMark(text)
        switch kind ?? Self.kind(of: file) {
        case .support:
            return (SupportDirectory.load(text: text, file: file, today: today).1, nil)
        case .checkIn:
            return (DistressMatcher.load(text: text, file: file).1, nil)
        case .weights:
            return (CheckInWeights.load(text: text, file: file).1, nil)
        case .common:
            // Shared words: checked, and each one that no dialogue beside it uses is a warning (D043).
            let (common, problems) = CommonLibrary.load(text: text, file: file)
            let folder = (file as NSString).deletingLastPathComponent
            let neighbours = DialogueLibrary.files(in: folder.isEmpty ? "." : folder).compactMap { try? String(contentsOfFile: $0, encoding: .utf8) }
            return (problems + (common?.unused(in: neighbours, commonText: text) ?? []), nil)
        case .dialogue:
            let loaded = ScriptLoader.load(text: text, file: file, common: CommonLibrary.load(nextTo: file))
            return (loaded.diagnostics, loaded.script)
        }
    }

    /// The problems in a file on disk. A dialogue that cannot be read, or is not UTF-8, is a D001
    /// error; another kind of file is checked as empty.
    public static func check(path: String, as kind: Kind? = nil, today: SimpleDate?) -> [Diagnostic] {
        let kind = kind ?? Self.kind(of: path)
        guard kind != .dialogue else { return ScriptLoader.load(path: path).diagnostics }
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return check(text: text, file: path, as: kind, today: today).diagnostics
    }
}
