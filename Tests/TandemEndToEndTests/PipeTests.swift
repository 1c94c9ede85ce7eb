import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The `tandem` executable driven through pipes: standard input and output are not terminals,
/// so it must read plain lines, flush every prompt, and end cleanly at the end of input.
@Suite("tandem through pipes")
struct PipeTests {
    static let carers = "looking-after-me-too"

    /// The ids of the dialogues that ship with Tandem, read from the files themselves.
    static func shippedIDs() throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: TandemExecutable.dialogues)
            .filter { $0.hasSuffix(".yaml") && !["support.yaml", "check-in.yaml", "common.yaml"].contains($0) }.sorted()
        return try names.map { name in
            let text = try String(contentsOfFile: TandemExecutable.dialogues + "/" + name, encoding: .utf8)
            let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("dialogue:") })
            return line.dropFirst("dialogue:".count).trimmingCharacters(in: .whitespaces)
        }
    }

    @Test("tandem list names all seven dialogues")
    func listsEveryDialogue() throws {
        let home = try TemporaryFolder()
        let result = try PipedTandem.run(["list", "--dialogues", TandemExecutable.dialogues], home: home)
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let ids = try Self.shippedIDs()
        #expect(ids.count == 7)
        let listed = result.stdout.split(separator: "\n").filter { !$0.hasPrefix(" ") }
            .compactMap { $0.split(separator: " ").first.map(String.init) }
        #expect(listed.sorted() == ids.sorted())
    }

    @Test("the way back names the command people started with (scripts/run sets TANDEM_COMMAND)")
    func resumeHintNamesTheCommandUsed() throws {
        let home = try TemporaryFolder()
        let result = try PipedTandem.run(
            ["plan", Self.carers, "--dialogues", TandemExecutable.dialogues, "--store", home.path + "/plans.sqlite"],
            home: home, environment: ["TANDEM_COMMAND": "scripts/run"], input: "Sam\n/pause\n")
        #expect(result.status == 0)
        #expect(result.stdout.contains("(type scripts/run resume --store ~/plans.sqlite, then the code)"), "\(result.stdout)")
        #expect(!result.stdout.contains("tandem resume"))
    }

    @Test("a store others can read: warned, and the words about where answers go do not say only you can read it")
    func privacyWordsWhenOthersCanRead() throws {
        let home = try TemporaryFolder()
        let store = home.path + "/shared/plans.sqlite"
        try FileManager.default.createDirectory(atPath: home.path + "/shared", withIntermediateDirectories: true)
        // A store made by Tandem (an empty file would be made 0600 first), then opened up to others.
        _ = try PipedTandem.run(["plan", Self.carers, "--dialogues", TandemExecutable.dialogues, "--store", store], home: home, input: "/pause\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: store)
        let result = try PipedTandem.run(["plan", Self.carers, "--dialogues", TandemExecutable.dialogues, "--store", store], home: home, input: "/pause\n")
        let said = result.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(result.stderr.contains("Other people on this computer may be able to read your plans"))
        #expect(!said.contains("only you can read"), "\(said)")
        #expect(said.contains("Other people on this computer may be able to read it: see the warning above for how to fix that."))
    }

    @Test("words of distress at the menu bring the check-in, not 'there is no plan called'")
    func menuHearsDistress() throws {
        let home = try TemporaryFolder()
        let result = try PipedTandem.run(["--dialogues", TandemExecutable.dialogues, "--store", home.path + "/plans.sqlite"], home: home, input: "i want to kill myself\nim going to do it tonight\n/quit\n")
        #expect(result.status == 0)
        let all = result.stdout + result.stderr
        #expect(!all.contains("There is no plan called"), "\(all)")
        #expect(all.contains("116 123"), "\(all)")
        #expect(all.contains("When you are ready, type the number of a plan"))
    }

    @Test("the menu's check-in comes with the person into the plan: the full list once")
    func menuCheckInCarriedIntoThePlan() throws {
        let home = try TemporaryFolder()
        let result = try PipedTandem.run(["--dialogues", TandemExecutable.dialogues, "--store", home.path + "/plans.sqlite"], home: home, input: "i want to kill myself\n1\ni want to die\n/quit\n")
        #expect(result.status == 0)
        #expect(result.stdout.components(separatedBy: "The people below can help you now").count == 2, "the full check-in once: \(result.stdout)")
        #expect(result.stdout.components(separatedBy: "Type /urgent to see more").count >= 3, "then the reminder")
    }

    @Test("the terminal says where answers go: the store's file on this computer, and nothing sent")
    func privacyWords() throws {
        let home = try TemporaryFolder()
        let result = try PipedTandem.run(["plan", Self.carers, "--dialogues", TandemExecutable.dialogues], home: home, input: "/pause\n")
        let said = result.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(said.contains("Where your answers go: into a file on this computer that only you can read (~/.local/share/tandem/plans.sqlite). Nothing is sent anywhere, and no one is watching what you write."), "\(said)")
    }

    @Test("a plan answered one prompt at a time: answers, /urgent, /quit")
    func interactivePlan() throws {
        let home = try TemporaryFolder()
        let tandem = try PipedTandem(["plan", Self.carers, "--dialogues", TandemExecutable.dialogues], home: home)
        // Each line is written only after the prompt for it has arrived: if a prompt sat in a
        // buffer, the expect below would time out with a clear message instead of hanging.
        try tandem.expect("What would you like me to call you?")
        try tandem.expectPrompt()
        try tandem.send("Sam")
        try tandem.expect("Hello Sam.")
        try tandem.expect("How are you linked to the person you help?")
        try tandem.expectPrompt()
        try tandem.send("9")
        try tandem.expect("Please type the number of your choice, from 1 to 7.") // a kind re-prompt
        try tandem.expectPrompt()
        try tandem.send("2")
        try tandem.expect("What do you do to help them, day to day?")
        try tandem.expectPrompt()
        try tandem.send("Lifts to the doctor")
        try tandem.expect("Part 2 of 7")
        try tandem.expectPrompt()
        try tandem.send("/urgent")
        try tandem.expect("116 123")
        try tandem.expectPrompt()
        try tandem.send("/progress")
        try tandem.expect("You are in part 2 of 7")
        try tandem.expectPrompt()
        try tandem.send("/quit")
        let status = try tandem.finish()
        #expect(status == 0)
        #expect(tandem.stderr.text.isEmpty)
        #expect(!tandem.stdout.text.contains("\u{1B}"), "no escape sequences when output is not a terminal")
    }

    @Test("--support FILE: a plan, /urgent and the check-in use another support file")
    func supportFile() throws {
        let home = try TemporaryFolder()
        let file = home.url.appendingPathComponent("scotland.yaml")
        try """
            support: scotland
            title: Support in Scotland
            areas:
              - id: now
                title: Any time
                contacts:
                  - name: Breathing Space test line
                    reach: Call 0800 83 85 87
            """.write(to: file, atomically: true, encoding: .utf8)
        let input = "Sam\n/urgent\n/quit\n"
        let result = try PipedTandem.run(["plan", Self.carers, "--dialogues", TandemExecutable.dialogues, "--support", file.path], home: home, input: input)
        #expect(result.status == 0)
        #expect(result.stdout.contains("== Support in Scotland =="))
        #expect(result.stdout.contains("Breathing Space test line: Call 0800 83 85 87."))
        let missing = try PipedTandem.run(["plan", Self.carers, "--dialogues", TandemExecutable.dialogues, "--support", home.path + "/none.yaml"], home: home, input: "")
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("--support"))
    }

    @Test("the end of input ends the plan cleanly with exit status 0")
    func endOfInput() throws {
        let home = try TemporaryFolder()
        let tandem = try PipedTandem(["plan", Self.carers, "--dialogues", TandemExecutable.dialogues], home: home)
        try tandem.expect("What would you like me to call you?")
        try tandem.expectPrompt()
        try tandem.send("Sam")
        try tandem.expect("How are you linked")
        try tandem.expectPrompt()
        tandem.closeInput()
        let status = try tandem.finish()
        #expect(status == 0)
        let goodbye = tandem.stdout.unread
        #expect(goodbye.contains("Take care") || goodbye.contains("Your plan is saved"), "a kind last word: \(goodbye)")
        #expect(tandem.stderr.text.isEmpty)
    }

    @Test("the end of input at the menu leaves with exit status 0")
    func endOfInputAtMenu() throws {
        let home = try TemporaryFolder()
        let result = try PipedTandem.run(["--dialogues", TandemExecutable.dialogues], home: home)
        #expect(result.status == 0)
        #expect(result.stdout.contains("Which plan would you like"))
        #expect(result.stderr.isEmpty)
    }

    @Test("the menu starts the plan whose number is typed")
    func menuAcceptsANumber() throws {
        let home = try TemporaryFolder()
        let tandem = try PipedTandem(["--dialogues", TandemExecutable.dialogues], home: home)
        let menu = try tandem.expectPrompt()
        // Find the carers' plan's number in the menu as shown, whatever order the menu uses.
        let line = try #require(menu.split(separator: "\n").first { $0.contains("Looking after me too") })
        let number = try #require(line.trimmingCharacters(in: .whitespaces).split(separator: ".").first.flatMap { Int($0) })
        try tandem.send(String(number))
        try tandem.expect("== Looking after me too ==")
        try tandem.expect("What would you like me to call you?")
        try tandem.expectPrompt()
        try tandem.send("/quit")
        #expect(try tandem.finish() == 0)
    }

    @Test("an unknown plan: a kind message, a did-you-mean and a non-zero exit")
    func unknownPlan() throws {
        let home = try TemporaryFolder()
        let close = try PipedTandem.run(["plan", "wellbeing-at-wrok", "--dialogues", TandemExecutable.dialogues], home: home)
        #expect(close.status != 0)
        #expect(close.stderr.contains("There is no plan called \"wellbeing-at-wrok\""))
        #expect(close.stderr.contains("Did you mean \"wellbeing-at-work\"?"))
        #expect(close.stdout.isEmpty)
        let far = try PipedTandem.run(["plan", "no-such-plan", "--dialogues", TandemExecutable.dialogues], home: home)
        #expect(far.status != 0)
        #expect(far.stderr.contains("There is no plan called \"no-such-plan\""))
        #expect(far.stderr.contains(Self.carers), "it lists the plans there are")
        for text in [close.stderr, far.stderr] {
            #expect(!text.contains("Fatal error") && !text.contains("Stack dump"))
        }
    }

    static let tinyDialogue = """
        dialogue: kettle-check
        version: 1
        title: Kettle check
        summary: A tiny plan about tea, for tests.
        audience: [person]
        minutes: 2
        intro: A short test plan.
        sections:
          - id: tea
            title: Tea
            steps:
              - id: drink
                ask: What would you like to drink?
                answer: text

        """

    @Test("--dialogues DIR chooses the folder of dialogues")
    func dialoguesOption() throws {
        let home = try TemporaryFolder()
        let folder = try TemporaryFolder("tandem-e2e-dialogues")
        try folder.write("kettle-check.yaml", Self.tinyDialogue)
        let list = try PipedTandem.run(["list", "--dialogues", folder.path], home: home)
        #expect(list.status == 0)
        #expect(list.stdout.contains("kettle-check  Kettle check"))
        #expect(!list.stdout.contains(Self.carers))
        let plan = try PipedTandem.run(["plan", "kettle-check", "--dialogues", folder.path], home: home, input: "Tea\n")
        #expect(plan.status == 0)
        #expect(plan.stdout.contains("What would you like to drink?"))
        #expect(plan.stdout.contains("That is the end of \"Kettle check\""))
    }

    @Test("TANDEM_DIALOGUES chooses the folder, and --dialogues wins over it")
    func dialoguesEnvironment() throws {
        let home = try TemporaryFolder()
        let folder = try TemporaryFolder("tandem-e2e-dialogues")
        try folder.write("kettle-check.yaml", Self.tinyDialogue)
        // The working folder is the empty HOME, so ./dialogues is not there to be found instead.
        let env = ["TANDEM_DIALOGUES": folder.path]
        let list = try PipedTandem.run(["list"], home: home, environment: env)
        #expect(list.status == 0)
        #expect(list.stdout.contains("kettle-check  Kettle check"))
        #expect(!list.stdout.contains(Self.carers))
        let check = try PipedTandem.run(["check"], home: home, environment: env)
        #expect(check.stdout.contains("Checked 1 file"))
        let both = try PipedTandem.run(["list", "--dialogues", TandemExecutable.dialogues], home: home, environment: env)
        #expect(both.stdout.contains(Self.carers))
        #expect(!both.stdout.contains("kettle-check"))
    }

    @Test("no escape sequences, with or without NO_COLOR, and lines wrap to COLUMNS")
    func plainText() throws {
        let home = try TemporaryFolder()
        for env in [["NO_COLOR": "1", "COLUMNS": "40"], ["TERM": "xterm-256color", "COLUMNS": "40"]] {
            let input = "Sam\n/help\n/urgent\n2\n/why\n/review\n/progress\n/export\n/quit\n"
            let result = try PipedTandem.run(["plan", Self.carers, "--dialogues", TandemExecutable.dialogues], home: home, environment: env, input: input)
            #expect(result.status == 0)
            #expect(!result.stdout.contains("\u{1B}") && !result.stderr.contains("\u{1B}"), "escape sequences with \(env)")
            // Everything before the exported plan (a document with its own layout) wraps at 40 columns.
            let beforeExport = try #require(result.stdout.components(separatedBy: "Looking after me too\n====").first)
            let lines = beforeExport.split(separator: "\n").map { line in
                var line = Substring(line)
                while line.hasPrefix("> ") { line = line.dropFirst(2) } // prompts: typed text is not echoed in a pipe
                return line
            }
            #expect(lines.count > 100)
            let long = lines.filter { $0.count > 40 }
            #expect(long.isEmpty, "lines over 40 columns: \(long)")
        }
    }

    /// What no export may hold: C0 and C1 controls other than tab and newline, and direction overrides.
    static func unsafe(_ s: String) -> [String] {
        s.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) }
            .map { "U+" + String($0.value, radix: 16, uppercase: true) }
    }

    /// Every string in a JSON tree, keys too.
    static func strings(_ value: Any) -> [String] {
        switch value {
        case let s as String: [s]
        case let a as [Any]: a.flatMap(strings)
        case let o as [String: Any]: Array(o.keys) + o.values.flatMap(strings)
        default: []
        }
    }

    @Test("answers typed with escape sequences and controls: no export (text, Markdown, JSON, on screen) keeps any part of them")
    func exportsHoldNoControls() throws {
        let home = try TemporaryFolder()
        let typed = "hope \u{1B}[31mRED\u{1B}[0m \u{1B}]0;TITLE\u{07} bell\u{07}\u{01}\u{08}"
        let input = "Siân 👩🏽‍🦰 e\u{301}\u{1B}[1m\n2\n\(typed)\n/export\n/export json p.json\n/export markdown p.md\n/export text p.txt\n/quit\n"
        let result = try PipedTandem.run(["plan", Self.carers, "--dialogues", TandemExecutable.dialogues, "--store", home.path + "/plans.sqlite"], home: home, input: input)
        #expect(result.status == 0)
        let screen = try #require(result.stdout.components(separatedBy: "Looking after me too\n====").dropFirst().first, "the plan shown by /export")
        #expect(screen.contains("  hope RED bell\n"), "\(screen)")
        #expect(result.stdout.contains("Hello Siân 👩🏽‍🦰 e\u{301}."))
        var files: [String: String] = [:]
        for name in ["p.json", "p.md", "p.txt"] {
            files[name] = try String(contentsOfFile: home.path + "/" + name, encoding: .utf8)
        }
        for (name, text) in files.merging(["stdout": result.stdout, "stderr": result.stderr], uniquingKeysWith: { a, _ in a }) {
            #expect(Self.unsafe(text).isEmpty, "\(name): \(Self.unsafe(text))")
            for left in ["[31m", "[0m", "[1m", "]0;", "TITLE", "\\u001b", "\\u0007", "\\u0001", "\\b"] {
                #expect(!text.contains(left), "\(name) keeps \(left)")
            }
        }
        #expect(files["p.txt"]?.contains("What do you do to help them, day to day?\n  hope RED bell\n") == true)
        #expect(files["p.txt"]?.contains("A plan for: Siân 👩🏽‍🦰 e\u{301}\n") == true)
        #expect(files["p.md"]?.contains("**What do you do to help them, day to day?**\n\nhope RED  bell\n") == true)
        let root = try #require(try JSONSerialization.jsonObject(with: Data((files["p.json"] ?? "").utf8)) as? [String: Any])
        for string in Self.strings(root) { #expect(Self.unsafe(string).isEmpty, "\(string.debugDescription)") }
        let answers = try #require(root["answers"] as? [String: [String: Any]])
        #expect(answers["caring-role"]?["value"] as? String == "hope RED  bell")
        #expect(answers["name"]?["value"] as? String == "Siân 👩🏽‍🦰 e\u{301}")
    }

    /// The account's home from the password database: where `~` went before it meant `$HOME`.
    static var accountHome: String? {
        guard let entry = getpwuid(getuid()), let dir = entry.pointee.pw_dir else { return nil }
        return String(cString: dir)
    }

    @Test("~ in /export and --output means $HOME (as the store's path does), not the account's home")
    func tildeIsHome() throws {
        let home = try TemporaryFolder(), elsewhere = try TemporaryFolder()
        let name = "tandem-tilde-\(UUID().uuidString)"
        let store = home.path + "/plans.sqlite"
        defer {
            // Before the fix, the files went to the account's home: take them away again.
            if let account = Self.accountHome, account != home.path {
                for file in ["\(name).json", "\(name).md", "\(name)-out.txt"] { try? FileManager.default.removeItem(atPath: account + "/" + file) }
            }
        }
        let input = "Sam\n/export json ~/\(name).json\n/export markdown ~/\(name).md\n/pause\n"
        // The working folder is elsewhere, so a `~` taken as a folder's name would not land in HOME either.
        let result = try PipedTandem.run(["plan", Self.carers, "--dialogues", TandemExecutable.dialogues, "--store", store], home: home, directory: elsewhere.path, input: input)
        #expect(result.status == 0)
        for file in ["\(name).json", "\(name).md"] {
            #expect(FileManager.default.fileExists(atPath: home.path + "/" + file), "\(file) is in HOME")
            #expect(result.stdout.contains("\(home.path)/\(file)."), "says where: \(result.stdout)")
        }
        let sessions = try PipedTandem.run(["sessions", "--store", store, "--format", "json"], home: home, directory: elsewhere.path)
        let list = try #require(try JSONSerialization.jsonObject(with: Data(sessions.stdout.utf8)) as? [String: Any])
        let id = try #require((list["plans"] as? [[String: Any]])?.first?["id"] as? String)
        // No shell between: tandem is given the `~` itself.
        let export = try PipedTandem.run(["export", id, "--store", store, "--dialogues", TandemExecutable.dialogues, "--output", "~/\(name)-out.txt"], home: home, directory: elsewhere.path)
        #expect(export.status == 0, "\(export.stderr)")
        #expect(FileManager.default.fileExists(atPath: home.path + "/\(name)-out.txt"), "--output ~/x is in HOME: \(export.stderr)")
    }
}
