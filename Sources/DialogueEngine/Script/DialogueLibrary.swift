import Foundation

/// The dialogues in use: every `*.yaml` in a folder (except `support.yaml`, `check-in.yaml` and `common.yaml`),
/// loaded and checked once, with the support contacts and the check-in words.
public struct DialogueLibrary: Sendable {
    public var directory: String
    public var scripts: [Script]
    public var support: SupportDirectory
    /// Problems found while loading (files with errors are left out of `scripts`).
    public var diagnostics: [Diagnostic]

    public static let supportFile = "support.yaml"
    /// The words of distress the check-in listens for (see ``DistressMatcher``).
    public static let checkInFile = DistressMatcher.fileName

    /// Where dialogues are found: the option, then `TANDEM_DIALOGUES`, then the first of
    /// ``installedPlaces(environment:executable:)`` that is a folder. When none is, `dialogues`
    /// (which `load` then says it cannot find, naming every place it looked).
    public static func resolveDirectory(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment, executable: String = runningExecutable, currentDirectory: String = FileManager.default.currentDirectoryPath) -> String {
        if let option, !option.isEmpty { return option }
        if let env = environment["TANDEM_DIALOGUES"], !env.isEmpty { return env }
        let local = currentDirectory + "/dialogues"
        if isFolder(local) { return "dialogues" }
        return installedPlaces(environment: environment, executable: executable).first(where: isFolder) ?? "dialogues"
    }

    /// The places looked in after `./dialogues`, in order:
    /// - next to the program (its real path, symbolic links followed): `../share/tandem/dialogues`
    ///   (as `scripts/install` puts them), `dialogues`, and `../../../dialogues` (the source folder
    ///   of a program built in `.build/`);
    /// - `$XDG_DATA_HOME/tandem/dialogues` (`~/.local/share/tandem/dialogues` when it is not set),
    ///   then `tandem/dialogues` in each folder of `$XDG_DATA_DIRS` (`/usr/local/share:/usr/share`).
    public static func installedPlaces(environment: [String: String], executable: String) -> [String] {
        var places: [String] = []
        if !executable.isEmpty {
            let exe = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
            places += ["../share/tandem/dialogues", "dialogues", "../../../dialogues"].map {
                exe.appendingPathComponent($0).standardizedFileURL.path
            }
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? home + "/.local/share"
        places.append(dataHome + "/tandem/dialogues")
        let dataDirs = (environment["XDG_DATA_DIRS"].flatMap { $0.isEmpty ? nil : $0 } ?? "/usr/local/share:/usr/share")
            .split(separator: ":").map(String.init).filter { $0.hasPrefix("/") }
        places += dataDirs.map { ($0.hasSuffix("/") ? String($0.dropLast()) : $0) + "/tandem/dialogues" }
        var seen = Set<String>()
        return places.filter { seen.insert($0).inserted }
    }

    /// The program's own file: `/proc/self/exe` where there is one (the first argument is only
    /// `tandem` when it was found on `PATH`), else the first argument.
    public static var runningExecutable: String {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        return Bundle.main.executablePath ?? CommandLine.arguments.first ?? ""
    }

    static func isFolder(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }

    /// What to say when the folder is not there: the folder named, or, when none was given and none
    /// was found, every place looked in and how to put them there.
    static func notFound(_ directory: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let given = directory != "dialogues" || !(environment["TANDEM_DIALOGUES"] ?? "").isEmpty
        if given {
            return "I cannot find the dialogues folder \"\(directory)\". Use --dialogues FOLDER or set TANDEM_DIALOGUES."
        }
        let places = ["./dialogues"] + installedPlaces(environment: environment, executable: runningExecutable)
        return "I cannot find the dialogues folder. I looked in:\n" + places.map { "  " + $0 }.joined(separator: "\n")
            + "\nInstall them with scripts/install (from Tandem's source folder), use --dialogues FOLDER, or set TANDEM_DIALOGUES."
    }

    /// The dialogue files in a folder, sorted.
    public static func files(in directory: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && $0 != supportFile && $0 != checkInFile && $0 != CommonLibrary.fileName }.sorted()
            .map { directory.hasSuffix("/") ? directory + $0 : directory + "/" + $0 }
    }

    /// Loads every dialogue in a folder, `support.yaml` and `check-in.yaml`. Throws only when the
    /// folder (or a support file named outright) cannot be read.
    ///
    /// - Parameters:
    ///   - supportFile: a support file to use instead of the folder's `support.yaml` (contacts for
    ///     one nation or one service); its check-in words are used, and the folder's `check-in.yaml`.
    ///   - today: the date contacts' `checked:` dates are judged by (D028); nil skips that.
    ///   - checkIn: whether to read the check-in's words and weights (`check-in.yaml`,
    ///     `check-in-weights.tsv`). Compiling them is most of loading a folder, so a command that
    ///     never hears an answer (`export`, `list`, `graph`) leaves them out and starts at once.
    public static func load(directory: String, supportFile: String? = nil, today: SimpleDate? = nil, checkIn: Bool = true) throws(LibraryError) -> DialogueLibrary {
        guard isFolder(directory) else { throw LibraryError(message: notFound(directory)) }
        var scripts: [Script] = []
        var diagnostics: [Diagnostic] = []
        var common: CommonLibrary?
        let commonPath = directory + "/" + CommonLibrary.fileName
        if let data = FileManager.default.contents(atPath: commonPath) {
            if let text = String(data: data, encoding: .utf8) {
                let (loaded, problems) = CommonLibrary.load(text: text, file: commonPath)
                diagnostics += problems
                common = loaded ?? CommonLibrary.withProblems(commonPath)
            } else {
                diagnostics.append(ScriptLoader.notUTF8(data, file: commonPath))
                common = CommonLibrary.withProblems(commonPath)
            }
        }
        var loaded: [(file: String, text: String, script: Script)] = []
        for file in files(in: directory) {
            let text = FileManager.default.contents(atPath: file).flatMap { String(data: $0, encoding: .utf8) }
            let result = text.map { ScriptLoader.load(text: $0, file: file, common: common) } ?? ScriptLoader.load(path: file)
            diagnostics += result.diagnostics
            if let s = result.script, let text { loaded.append((file, text, s)) }
        }
        // Two files with one id: neither is used, since a plan names its dialogue by id.
        let clashes = idClashes(loaded)
        diagnostics += clashes
        let clashing = Set(clashes.map(\.location.file))
        scripts = loaded.filter { !clashing.contains($0.file) }.map { $0.script }
        // Plans for one person come first, then those for groups; each by title.
        scripts.sort { a, b in
            let ga = a.audience.contains("group"), gb = b.audience.contains("group")
            return ga != gb ? !ga : a.title.localizedCaseInsensitiveCompare(b.title) == .orderedAscending
        }
        var support = SupportDirectory.fallback
        let supportPath = supportFile ?? directory + "/" + Self.supportFile
        if let data = FileManager.default.contents(atPath: supportPath), let text = String(data: data, encoding: .utf8) {
            let (loaded, problems) = SupportDirectory.load(text: text, file: supportPath, today: today)
            diagnostics += problems
            if let loaded { support = loaded }
        } else if let supportFile {
            throw LibraryError(message: "I cannot read the support file \"\(supportFile)\". Check the path given to --support.")
        }
        guard checkIn else { return DialogueLibrary(directory: directory, scripts: scripts, support: support, diagnostics: diagnostics) }
        let checkInPath = directory + "/" + checkInFile
        if let data = FileManager.default.contents(atPath: checkInPath), let text = String(data: data, encoding: .utf8) {
            let (matcher, problems) = DistressMatcher.load(text: text, file: checkInPath)
            diagnostics += problems
            if let matcher { support.matcher = matcher }
        }
        if let (weights, problems) = CheckInWeights.load(folder: directory) {
            diagnostics += problems
            support.matcher.weights = weights
        }
        return DialogueLibrary(directory: directory, scripts: scripts, support: support, diagnostics: diagnostics)
    }

    /// An error (D048) on each of two or more dialogues with the same `dialogue:` id, at the id,
    /// naming the other files: `tandem plan ID` and saved plans could not tell them apart.
    public static func idClashes(_ loaded: [(file: String, text: String, script: Script)]) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let byID = Dictionary(grouping: loaded, by: { $0.script.id })
        for (id, group) in byID.sorted(by: { $0.key < $1.key }) where group.count > 1 {
            for item in group {
                let others = group.filter { $0.file != item.file }.map { "\"\(($0.file as NSString).lastPathComponent)\"" }
                let source = SourceText(file: item.file, text: item.text)
                let top = SourceLocation(file: item.file, line: 1, column: 1)
                let key = source.find("dialogue:", from: top) ?? top
                let at = source.find(id, from: key) ?? key
                out.append(source.diagnostic(
                    .dialogueIDClash, .error, "the dialogue id \"\(id)\" is also the id of \(others.joined(separator: " and ")): Tandem cannot tell them apart, so it leaves them all out of the menu",
                    at: at, length: id.count, help: "give each dialogue its own id, and name its file after it (\(id).yaml)"))
            }
        }
        return out
    }

    public init(directory: String, scripts: [Script], support: SupportDirectory, diagnostics: [Diagnostic] = []) {
        self.directory = directory
        self.scripts = scripts
        self.support = support
        self.diagnostics = diagnostics
    }

    /// A dialogue by id, by its number in the menu (`3`, `three`), by a unique start of its id or
    /// title, or by words found in one title only (`goals`, `the safe one`).
    public func find(_ word: String, byWords: Bool = true) -> Script? {
        var w = word.trimmedSpaces.lowercased()
        if w.hasSuffix(".") { w.removeLast() }
        if let n = Int(w) ?? AnswerParser.numberWords[w] { return (1...max(1, scripts.count)).contains(n) && !scripts.isEmpty ? scripts[n - 1] : nil }
        if let s = scripts.first(where: { $0.id == w }) { return s }
        guard !w.isEmpty else { return nil }
        let starts = scripts.filter { $0.id.hasPrefix(w) || $0.title.lowercased().hasPrefix(w) }
        if starts.count == 1 { return starts[0] }
        guard byWords else { return nil }
        let typed = w.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init).filter { !Self.menuFillers.contains($0) }
        guard !typed.isEmpty else { return nil }
        let found = scripts.filter { s in
            let words = (s.title.lowercased() + " " + s.id).split(whereSeparator: { !$0.isLetter && !$0.isNumber })
            return typed.allSatisfy { t in words.contains { $0.hasPrefix(t) } }
        }
        return found.count == 1 ? found[0] : nil
    }

    /// The numbers (from 1) of the plans made for the people a line names, for a line that names no
    /// plan by its title: "carers", "the one for staff", "family". Empty when it names none of them.
    /// `loosely`: only the words that name someone count, so "im a carer for my son hes got
    /// psychosis" finds the plans for carers and family (to offer, not to start: the other words
    /// might say otherwise).
    public func plansFor(_ line: String, loosely: Bool = false) -> [Int] {
        // "im a carer for my son", "i look after my mum": the people someone cares for, and the
        // words for caring, name who the plan is for.
        var typed = line.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
            .filter { !Self.menuFillers.contains($0) }.map { Self.audienceWords[$0] ?? $0 }
        // "carers" and "carer", "friends" and "friend"; never a short word inside a longer one.
        let names = { (t: String, a: String) in t == a || (t.hasPrefix(a) && t.count - a.count <= 1) || (t.count >= 4 && a.hasPrefix(t)) }
        if loosely { typed.removeAll { t in !scripts.contains { $0.audience.contains { names(t, $0.lowercased()) } } } }
        guard !typed.isEmpty else { return [] }
        return scripts.indices.filter { i in typed.allSatisfy { t in scripts[i].audience.contains { names(t, $0.lowercased()) } } }.map { $0 + 1 }
    }

    /// Words around a plan's name at the menu that do not name it: "the goals one", "start the safe plan".
    /// Words of a question ("what do I do?", "which one is for me") name no plan, even where a
    /// title has them ("My goals and what is around me"): "what do i do" started that plan.
    static let menuFillers: Set<String> = [
        "the", "one", "plan", "a", "please", "start", "i", "want", "would", "like", "to", "do", "that",
        "what", "which", "who", "how", "where", "when", "why", "is", "are", "am", "and", "or", "me", "my", "you", "your",
        "for", "at", "of", "in", "on", "it", "this", "around", "help", "need", "can", "know", "dont", "don't", "im", "i'm",
    ]

    /// Words at the menu for who a plan is for, in the words of `audience:`.
    static let audienceWords: [String: String] = {
        var words: [String: String] = [:]
        for kin in ["son", "sons", "daughter", "daughters", "child", "children", "kid", "kids", "mum", "mom", "mother", "dad",
                    "father", "parent", "parents", "husband", "wife", "partner", "brother", "sister", "grandson", "granddaughter",
                    "nan", "gran", "grandma", "grandad", "grandpa", "boyfriend", "girlfriend", "relative", "aunt", "uncle",
                    "nephew", "niece", "cousin", "grandchild"] {
            words[kin] = "family"
        }
        for caring in ["look", "looking", "looks", "after", "care", "caring", "cares", "cared"] { words[caring] = "carer" }
        for work in ["nurse", "nurses", "colleague", "colleagues", "worker", "workers", "manager", "employee"] { words[work] = "staff" }
        words["myself"] = "person"
        return words
    }()

    /// The menu entries.
    public var entries: [DialogueEntry] {
        // By index: `enumerated()` handed out a copy of each whole script (every greeting reads this).
        scripts.indices.map { i in
            DialogueEntry(number: i + 1, id: scripts[i].id, title: scripts[i].title, summary: scripts[i].summary, audience: scripts[i].audience, minutes: scripts[i].minutes)
        }
    }

    /// What to say when a dialogue id is not known.
    public func unknownMessage(_ word: String) -> String {
        let hint = Suggest.closest(to: word, in: scripts.map(\.id)).map { " Did you mean \"\($0)\"?" } ?? ""
        let choices = scripts.count == 1 ? "The plan here is \(scripts[0].id)." : "The plans are: \(scripts.map(\.id).joined(separator: ", "))."
        return "There is no plan called \"\(Sanitize.line(word))\".\(hint) \(choices)"
    }
}

public struct LibraryError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }
}

/// One dialogue in the menu.
public struct DialogueEntry: Sendable, Equatable, Codable {
    public var number: Int
    public var id: String
    public var title: String
    public var summary: String
    public var audience: [String]
    public var minutes: Int?
}
