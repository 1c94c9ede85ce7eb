import Foundation
import Yams

/// `common.yaml`: words and option lists that every dialogue in a folder can share.
///
///     texts:
///       how-it-works: |
///         You can skip any question. Just type /skip.
///         You can stop and carry on later. Type /pause.
///     choices:
///       areas:
///         sleep: Sleep
///         food: Food
///
/// A dialogue puts a text in with `{common.how-it-works}` inside any of its texts (it is put in as
/// the file is read, so everything after sees plain text), and uses a list with `options: areas`
/// when it has no list of that name under its own `choices:`.
public struct CommonLibrary: Sendable, Equatable {
    public var texts: [String: String]
    public var choices: [String: [Option]]
    public var file: String
    /// The folder has a `common.yaml`, but it has errors (reported when it is checked) or is not
    /// UTF-8: none of it is used, and `{common.NAME}` says so rather than that there is none.
    public var hasProblems = false
    /// The file's text, so a mistake inside a shared text is pointed at here, not at the dialogue
    /// that put it in (`Checker`).
    public var sourceText = ""

    public static let fileName = "common.yaml"
    static let topKeys = ["texts", "choices"]

    public init(texts: [String: String] = [:], choices: [String: [Option]] = [:], file: String = fileName) {
        self.texts = texts
        self.choices = choices
        self.file = file
    }

    /// Reads and checks `common.yaml` text; nil when it cannot be used.
    public static func load(text: String, file: String) -> (CommonLibrary?, [Diagnostic]) {
        let reader = YAMLReader(source: SourceText(file: file, text: text))
        guard let root = reader.compose(text) else { return (text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? CommonLibrary(file: file) : nil, reader.diagnostics) }
        guard let top = reader.mapping(root, what: "common.yaml", allowed: topKeys) else { return (nil, reader.diagnostics) }
        var library = CommonLibrary(file: file)
        library.sourceText = text
        if let entry = top["texts"], let texts = reader.mapping(entry.value, what: "texts", allowed: AnswerSpecReader.anyKey(entry.value)) {
            for (name, item) in texts {
                guard reader.id(item.key, what: "a text's name") != nil, let s = reader.string(item.value, what: "a text") else { continue }
                if s.contains("{common.") {
                    reader.report(.unknownCommon, "a shared text cannot put in another shared text", at: reader.location(item.value), help: "write the words out here")
                }
                library.texts[name] = s.trimmingCharacters(in: .whitespacesAndNewlines)
            }
        }
        if let entry = top["choices"] {
            let context = BuildContext()
            AnswerSpecReader(reader: reader, context: context).readChoices(entry.value)
            library.choices = context.choices.mapValues(\.options)
        }
        let errors = reader.diagnostics.contains { $0.severity == .error }
        return (errors ? nil : library, reader.diagnostics.sorted(by: Diagnostic.byPlace))
    }

    /// Warnings (D043) for shared texts and lists that none of `dialogues` (the texts of the
    /// folder's dialogue files) uses.
    public func unused(in dialogues: [String], commonText: String) -> [Diagnostic] {
        let source = SourceText(file: file, text: commonText)
        let start = SourceLocation(file: file, line: 1, column: 1)
        var found: [Diagnostic] = []
        for name in texts.keys.sorted() where !dialogues.contains(where: { $0.contains("{common.\(name)}") }) {
            let place = source.find("\(name):", from: start) ?? start
            found.append(source.diagnostic(.unusedCommon, .warning, "no dialogue in this folder uses the shared text \"\(name)\"", at: place, length: name.count,
                                           help: "put it in a text with {common.\(name)}, or take it out"))
        }
        let lines = dialogues.flatMap { $0.split(separator: "\n") }
        for name in choices.keys.sorted() where !lines.contains(where: { Self.usesChoices($0, name) }) {
            let place = source.find("\(name):", from: start) ?? start
            found.append(source.diagnostic(.unusedCommon, .warning, "no dialogue in this folder uses the shared choices \"\(name)\"", at: place, length: name.count,
                                           help: "use them with options: \(name), or take them out"))
        }
        return found
    }

    /// Whether a line says `options: NAME` (spaces around the name, perhaps a `# comment` after it).
    /// Read by hand: a regular expression made from each name would be compiled and cached anew, and
    /// Foundation's cache of them leaks.
    static func usesChoices(_ line: Substring, _ name: String) -> Bool {
        var rest = line[...]
        while let found = rest.range(of: "options:") {
            var after = rest[found.upperBound...].drop { $0.isWhitespace }
            if after.hasPrefix(name) {
                after = after.dropFirst(name.count).drop { $0.isWhitespace }
                if after.isEmpty || after.first == "#" { return true }
            }
            rest = rest[found.upperBound...]
        }
        return false
    }

    /// The `common.yaml` in the same folder as `path`, if there is one; one with problems comes
    /// back empty, marked `hasProblems`.
    public static func load(nextTo path: String) -> CommonLibrary? {
        let file = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(fileName).path
        guard let data = FileManager.default.contents(atPath: file) else { return nil }
        guard let text = String(data: data, encoding: .utf8) else { return withProblems(file) }
        return load(text: text, file: file).0 ?? withProblems(file)
    }

    /// A `common.yaml` that could not be used.
    static func withProblems(_ file: String) -> CommonLibrary {
        var library = CommonLibrary(file: file)
        library.hasProblems = true
        return library
    }

    /// A fingerprint of the shared words a dialogue used, folded into its content hash so that a
    /// changed shared text counts as a changed dialogue.
    func fingerprint(texts used: [String], choices usedChoices: [String]) -> String {
        let t = used.sorted().map { "\($0)=\(texts[$0] ?? "")" }
        let c = usedChoices.sorted().map { name in "\(name)=" + (choices[name] ?? []).map { "\($0.key):\($0.label)" }.joined(separator: ",") }
        return (t + c).joined(separator: "\u{1F}")
    }
}

extension BuildContext {
    /// `{common.NAME}` in a text, replaced by the shared text; an unknown name is reported at
    /// `location` (where the text starts) and left as written.
    func expandCommon(_ text: String, reader: YAMLReader, at location: SourceLocation) -> String {
        guard text.contains("{common.") else { return text }
        var out = ""
        var rest = Substring(text)
        while let open = rest.range(of: "{common.") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].firstIndex(of: "}") else {
                out += rest[open.lowerBound...]
                rest = ""
                break
            }
            let name = String(rest[open.upperBound..<close])
            if let shared = common?.texts[name] {
                usedTexts.insert(name)
                out += shared
            } else {
                let needle = "{common.\(name)}"
                let place = reader.source.find(needle, from: location) ?? location
                let names = common?.texts.keys.sorted() ?? []
                let message: String
                let help: String
                if common == nil {
                    message = "\(needle) uses a shared text, but there is no common.yaml next to this file"
                    help = "put the shared words in common.yaml, in the same folder as this file, under texts:"
                } else if common?.hasProblems == true {
                    message = "\(needle) uses a shared text, but common.yaml has problems (reported on their own), so this text could not be checked"
                    help = "fix common.yaml first: tandem check \(common?.file ?? CommonLibrary.fileName)"
                } else {
                    message = "\(needle): common.yaml has no text called \"\(name)\""
                    help = Suggest.closest(to: name, in: names).map { "did you mean {common.\($0)}?" } ?? "the shared texts are: \(names.joined(separator: ", "))"
                }
                reader.report(.unknownCommon, message, at: place, length: needle.count, help: help)
                out += needle
            }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }
}
