import Foundation
import GRDB
import Testing

/// `tandem sessions`, `export` and `delete`, and bad stores and codes, with the real program.
@Suite("Store commands with the real tandem program", .serialized)
struct CommandTests {
    /// A home folder with one finished plan in the default store; returns the plan's code.
    func homeWithPlan() throws -> (TempFolder, String) {
        let home = try TempFolder("tandem-cmd")
        let run = try TandemProcess.run(["plan", "store-test"], home: home, input: TestData.fullPlan + ["/quit"])
        #expect(run.status == 0, "\(run.err)")
        return (home, try #require(resumeCode(in: run.out)))
    }

    var storePath: String { ".local/share/tandem/plans.sqlite" }

    @Test("sessions: text and JSON, with progress and never an answer")
    func sessions() throws {
        let (home, _) = try homeWithPlan()
        let text = try TandemProcess.run(["sessions"], home: home)
        #expect(text.status == 0)
        #expect(text.out.contains("A plan for testing the store"))
        #expect(text.out.contains("Finished. 9 questions answered."))
        #expect(text.out.contains(home.file(storePath)))
        let json = try TandemProcess.run(["sessions", "--format", "json"], home: home)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        #expect(root["format"] as? String == "tandem-sessions")
        #expect(root["formatVersion"] as? Int == 1)
        let plan = try #require((root["plans"] as? [[String: Any]])?.first)
        #expect(Set(plan.keys) == ["id", "dialogue", "started", "updated", "answered", "skipped", "part", "parts", "finished"])
        for secret in TestData.secrets {
            #expect(!text.out.contains(secret) && !json.out.contains(secret))
        }
        let empty = try TandemProcess.run(["sessions"], home: try TempFolder("tandem-empty"))
        #expect(empty.out.contains("You have no saved plans yet."))
    }

    /// A date like "Wednesday 30 September 2026 at 18:54" is long: with "Started" on the same
    /// line, the line ran past an 80-column window and the terminal broke it anywhere.
    @Test("sessions, the resume list and delete's question fit in 80 columns")
    func listsFitTheWindow() throws {
        let home = try TempFolder("tandem-cmd-wide")
        let run = try TandemProcess.run(["plan", "store-test"], home: home, input: ["Robin", "/pause"])
        #expect(run.status == 0, "\(run.err)")
        let sessions = try TandemProcess.run(["sessions"], home: home)
        let resume = try TandemProcess.run(["resume"], home: home, input: [""])
        let id = try #require(sessions.out.split(separator: "\n").first { $0.hasPrefix("  ") && $0.contains("A plan for testing") }?.split(separator: " ").first)
        let delete = try TandemProcess.run(["delete", String(id)], home: home, input: [""])
        #expect(delete.out.contains("This deletes your plan"))
        for out in [sessions.out, resume.out, delete.out] {
            for line in out.split(separator: "\n") where !line.contains(home.path) {
                #expect(line.count <= 80, "\(line)")
            }
        }
    }

    /// Every line typed is heard: delete's question too. Words of distress there brought only
    /// "Nothing was deleted".
    @Test("delete's question hears words of distress: the check-in, and nothing deleted")
    func deleteHearsDistress() throws {
        let (home, code) = try homeWithPlan()
        let delete = try TandemProcess.run(["delete", code], home: home, input: ["i want to kill myself"])
        #expect(delete.status == 1)
        #expect(delete.out.contains("Tandem cannot send help") && delete.out.contains("116 123"), "\(delete.out)")
        #expect(delete.out.contains("Nothing was deleted") && delete.out.contains("and then /urgent"))
        let no = try TandemProcess.run(["delete", code], home: home, input: ["no"])
        #expect(!no.out.contains("Tandem cannot send help") && !no.out.contains("/urgent"))
        #expect(try TandemProcess.run(["sessions"], home: home).out.contains("A plan for testing the store"), "still there")
    }

    /// The real dialogues' summaries are long: each was one line of up to 148 characters.
    @Test("tandem list wraps to the window")
    func listFitsTheWindow() throws {
        let home = try TempFolder("tandem-cmd-list")
        let dialogues = TestData.packageRoot.appendingPathComponent("dialogues").path
        for columns in ["80", "40"] {
            let run = try TandemProcess.run(["list", "--dialogues", dialogues], home: home, environment: ["COLUMNS": columns])
            #expect(run.status == 0, "\(run.err)")
            #expect(run.out.contains("team-recovery-plan"))
            #expect(run.out.contains("things to work on."))
            for line in run.out.split(separator: "\n") { #expect(line.count <= Int(columns)!, "\(line)") }
        }
    }

    /// A folder given as the file (with or without its "/"), or no name at all, is said as it is,
    /// never as "there is already a file called ...".
    @Test("export --output a folder or an empty name: says so, writes nothing")
    func outputToAFolder() throws {
        let (home, code) = try homeWithPlan()
        try FileManager.default.createDirectory(atPath: home.file("plans"), withIntermediateDirectories: true)
        for output in ["plans", home.file("plans"), home.file("plans") + "/"] {
            let run = try TandemProcess.run(["export", code, "--output", output], home: home)
            #expect(run.status == 1)
            #expect(run.err.contains("is a folder. Please add a file's name to it, like"), "\(output): \(run.err)")
            #expect(!run.err.contains("already a file"))
        }
        let empty = try TandemProcess.run(["export", code, "--output", ""], home: home)
        #expect(empty.status == 1)
        #expect(empty.err.contains("Please give the file a name, like my-plan.txt"), "\(empty.err)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: home.file("plans")).isEmpty)
        // A name ending in "/" that is not a folder: not called a folder, and no advice that fails.
        let missing = try TandemProcess.run(["export", code, "--output", "nowhere/"], home: home)
        #expect(missing.status == 1)
        #expect(missing.err.contains("there is no folder called \(home.file("nowhere"))"), "\(missing.err)")
        FileManager.default.createFile(atPath: home.file("notes"), contents: Data("mine".utf8))
        let file = try TandemProcess.run(["export", code, "--output", "notes/"], home: home)
        #expect(file.status == 1)
        #expect(file.err.contains("\(home.file("notes")) is a file, not a folder"), "\(file.err)")
        #expect(try String(contentsOfFile: home.file("notes"), encoding: .utf8) == "mine")
        #expect(!FileManager.default.fileExists(atPath: home.file("nowhere")))
    }

    @Test("The resume list takes the number as a word too ('one', '#1')")
    func resumeListTakesNumberWords() throws {
        let home = try TempFolder("tandem-cmd-one")
        #expect(try TandemProcess.run(["plan", "store-test"], home: home, input: ["Robin", "/pause"]).status == 0)
        for typed in ["one", "One.", "#1"] {
            let run = try TandemProcess.run(["resume"], home: home, input: [typed, "/pause"])
            #expect(run.out.contains("Welcome back"), "\(typed): \(run.out)")
        }
    }

    /// A mistyped --store must not look like "all my plans are gone", nor leave an empty store
    /// (and its folders) behind: commands that only read or remove plans make nothing.
    @Test("sessions, export, delete and resume with a store that is not there: say so, make nothing")
    func missingStoreIsNotMade() throws {
        let home = try TempFolder("tandem-cmd-missing")
        let path = home.file("no/such/folder/plans.sqlite")
        let sessions = try TandemProcess.run(["sessions", "--store", path], home: home)
        #expect(sessions.status == 0)
        #expect(sessions.out.contains("There are no plans in:\n  \(path)\n"), "\(sessions.out)")
        let json = try TandemProcess.run(["sessions", "--format", "json", "--store", path], home: home)
        #expect(json.status == 0 && json.out.contains("\"plans\" : ["), "\(json.out)")
        for command in [["export", "abcd2345"], ["delete", "abcd2345", "--yes"]] {
            let run = try TandemProcess.run(command + ["--store", path], home: home)
            #expect(run.status == 1)
            #expect(run.err.contains("There are no plans in \(path)"), "\(command): \(run.err)")
        }
        let resume = try TandemProcess.run(["resume", "--store", path], home: home, input: [""])
        #expect(resume.out.contains("You have no unfinished plans"), "\(resume.out)")
        #expect(!FileManager.default.fileExists(atPath: home.file("no")), "nothing was made")
    }

    /// A one-letter store name crashed Foundation's path code (`--store x`); a blank one made a
    /// store called " " or crashed.
    @Test("A store named relative to the folder you are in is kept there, and named in full; a blank name is refused")
    func relativeAndBlankStoreNames() throws {
        let home = try TempFolder("tandem-cmd-relative")
        let plan = try TandemProcess.run(["plan", "store-test", "--store", "x"], home: home, input: ["/pause"])
        #expect(plan.status == 0, "\(plan.err)")
        #expect(flat(plan.out).contains("(~/x)"), "the full path (from the home folder), so it can be found again: \(plan.out)")
        #expect(FileManager.default.fileExists(atPath: home.file("x")))
        let sessions = try TandemProcess.run(["sessions", "--store", "x"], home: home)
        #expect(sessions.status == 0 && sessions.out.contains(home.file("x")), "\(sessions.out)\(sessions.err)")
        for blank in ["", " ", "  "] {
            let run = try TandemProcess.run(["plan", "store-test", "--store", blank], home: home, input: ["/pause"])
            #expect(run.status != 0 && run.err.contains("--store needs the name of a file"), "\(run.err)")
            #expect(!FileManager.default.fileExists(atPath: home.file(".local/share/tandem")), "not the usual store, quietly")
            guard !blank.isEmpty else { continue }  // an empty TANDEM_STORE is one not set
            let fromEnvironment = try TandemProcess.run(["sessions"], home: home, environment: ["TANDEM_STORE": blank])
            #expect(fromEnvironment.status != 0 && fromEnvironment.err.contains("TANDEM_STORE needs the name of a file"), "\(fromEnvironment.err)")
        }
        #expect(!FileManager.default.fileExists(atPath: home.file(" ")) && !FileManager.default.fileExists(atPath: home.file("  ")))
    }

    /// `touch plans.sqlite` (or a copy that failed) leaves an empty file: no plans, not a store yet.
    @Test("An empty file at the store's path: sessions says there are no plans and makes nothing; a new plan makes it a store only its owner can read")
    func emptyFileAtTheStorePath() throws {
        let home = try TempFolder("tandem-cmd-empty")
        let path = home.file("plans.sqlite")
        #expect(FileManager.default.createFile(atPath: path, contents: Data(), attributes: [.posixPermissions: 0o644]))
        let sessions = try TandemProcess.run(["sessions", "--store", path], home: home)
        #expect(sessions.status == 0 && sessions.out.contains("There are no plans in:"), "\(sessions.out)\(sessions.err)")
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int
        #expect(!FileManager.default.fileExists(atPath: path + "-wal") && size == 0, "nothing made")
        let plan = try TandemProcess.run(["plan", "store-test", "--store", path], home: home, input: ["Robin", "/pause"])
        #expect(plan.status == 0, "\(plan.err)")
        #expect(mode(path) == 0o600)
        #expect(!plan.err.contains("Warning"), "\(plan.err)")
    }

    @Test("export: stdout by default; --output makes a 0600 file and never writes over one", arguments: ["text", "markdown", "json"])
    func export(format: String) throws {
        let (home, code) = try homeWithPlan()
        let shown = try TandemProcess.run(["export", code, "--format", format], home: home)
        #expect(shown.status == 0)
        #expect(shown.out.contains("Robin Zebrafinch"))
        let saved = try TandemProcess.run(["export", code, "--format", format, "--output", "mine.out"], home: home)
        #expect(saved.status == 0, "\(saved.err)")
        #expect(saved.err.contains("Only you can read this file"))
        #expect(mode(home.file("mine.out")) == 0o600)
        #expect(try String(contentsOfFile: home.file("mine.out"), encoding: .utf8) == shown.out)
        let again = try TandemProcess.run(["export", code, "--format", format, "--output", "mine.out"], home: home)
        #expect(again.status == 1)
        #expect(again.err.contains("I will not write over it"))
        #expect(try String(contentsOfFile: home.file("mine.out"), encoding: .utf8) == shown.out)
    }

    @Test("export --output without --format: the file's ending picks the format, as /export does")
    func exportFormatFromEnding() throws {
        let (home, code) = try homeWithPlan()
        for (file, format, start) in [("plan.md", "markdown", "# "), ("plan.json", "json", "{"), ("plan.txt", "text", "")] {
            let saved = try TandemProcess.run(["export", code, "--output", file], home: home)
            #expect(saved.status == 0, "\(saved.err)")
            #expect(saved.err.contains("Saved your plan as \(format) in"), "\(saved.err)")
            let text = try String(contentsOfFile: home.file(file), encoding: .utf8)
            #expect(text == (try TandemProcess.run(["export", code, "--format", format], home: home).out))
            #expect(text.hasPrefix(start))
        }
        // --format still wins.
        let asText = try TandemProcess.run(["export", code, "--format", "text", "--output", "text.md"], home: home)
        #expect(asText.err.contains("Saved your plan as text in"))
    }

    @Test("/export in a conversation writes a 0600 file and refuses to write over one")
    func exportInConversation() throws {
        let home = try TempFolder("tandem-slash")
        let run = try TandemProcess.run(["plan", "store-test"], home: home, input: ["Robin Zebrafinch", "/export markdown plan.md", "/export text plan.md", "/pause"])
        let shown = flat(run.out)
        #expect(shown.contains("Saved your plan as markdown in \(home.file("plan.md"))"), "\(shown)")
        #expect(shown.contains("I will not write over it"))
        #expect(mode(home.file("plan.md")) == 0o600)
        let text = try String(contentsOfFile: home.file("plan.md"), encoding: .utf8)
        #expect(text.contains("Robin Zebrafinch"))
        #expect(text.contains("**Made:**"))
    }

    @Test("delete: asks first; anything but yes keeps the plan (exit 1); --yes deletes it")
    func delete() throws {
        let (home, code) = try homeWithPlan()
        let kept = try TandemProcess.run(["delete", code], home: home, input: ["no"])
        #expect(kept.status == 1)
        #expect(kept.out.contains("It will be gone for good"))
        #expect(kept.out.contains("Nothing was deleted."))
        let closed = try TandemProcess.run(["delete", code], home: home)
        #expect(closed.status == 1)
        #expect(try TandemProcess.run(["export", code], home: home).status == 0)

        let gone = try TandemProcess.run(["delete", code], home: home, input: ["yes"])
        #expect(gone.status == 0, "\(gone.err)")
        #expect(gone.out.contains("has been deleted"))
        let after = try TandemProcess.run(["export", code], home: home)
        #expect(after.status == 1)
        #expect(after.err.contains("I could not find a plan with that code or id"))

        let (home2, code2) = try homeWithPlan()
        #expect(try TandemProcess.run(["delete", code2, "--yes"], home: home2).status == 0)
        #expect(try TandemProcess.run(["sessions"], home: home2).out.contains("no saved plans"))
    }

    /// A code written down in its three groups, as on paper, is typed with spaces and no quotes.
    @Test("A code typed in three parts with spaces works for resume, export and delete")
    func codeInThreeParts() throws {
        let (home, code) = try homeWithPlan()
        let parts = code.lowercased().split(separator: "-").map(String.init)
        #expect(parts.count == 3)
        let export = try TandemProcess.run(["export"] + parts, home: home)
        #expect(export.status == 0, "\(export.err)")
        #expect(export.out.contains("A plan for testing the store"))
        let resume = try TandemProcess.run(["resume"] + parts, home: home, input: ["/quit"])
        #expect(resume.status == 0, "\(resume.err)")
        let delete = try TandemProcess.run(["delete"] + parts + ["--yes"], home: home)
        #expect(delete.status == 0, "\(delete.err)")
    }

    @Test("A wrong code: the same message whatever is wrong, and exit status 1")
    func wrongCode() throws {
        let (home, code) = try homeWithPlan()
        var messages: Set<String> = []
        for typed in ["AAAA-BBBB-CCCC", "nonsense!", "12345678", String(code.prefix(9))] {
            for command in [["resume", typed], ["export", typed], ["delete", typed, "--yes"]] {
                let run = try TandemProcess.run(command, home: home)
                #expect(run.status == 1, "\(command)")
                messages.insert(run.err)
            }
        }
        #expect(messages.count == 1, "\(messages)")
    }

    @Test("A damaged store, a newer store, a store path that is a folder: a clear message, exit status 1", arguments: ["damaged", "newer", "folder"])
    func badStore(kind: String) throws {
        let home = try TempFolder("tandem-bad")
        let path = home.file("bad.sqlite")
        switch kind {
        case "damaged":
            try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
        case "newer":
            #expect(try TandemProcess.run(["plan", "store-test", "--store", path], home: home, input: ["/quit"]).status == 0)
            try TestData.rawQueue(path).write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99')") }
        default:
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }
        let before = try? Data(contentsOf: URL(fileURLWithPath: path))
        for command in [["plan", "store-test", "--store", path], ["sessions", "--store", path], ["resume", "--store", path]] {
            let run = try TandemProcess.run(command, home: home, input: ["Robin"], environment: [:])
            #expect(run.status == 1, "\(command): \(run.out)")
            #expect(!run.out.contains("What would you like us to call you?"), "no plan is started")
            switch kind {
            case "damaged": #expect(run.err.contains("is damaged or is not a Tandem plan store"))
            case "newer": #expect(run.err.contains("made by a newer version of Tandem"))
            default: #expect(run.err.contains("it is a folder"))
            }
        }
        if kind == "damaged" { #expect((try? Data(contentsOf: URL(fileURLWithPath: path))) == before) }
        // TANDEM_STORE works the same as --store.
        let viaEnvironment = try TandemProcess.run(["sessions"], home: home, environment: ["TANDEM_STORE": path])
        #expect(viaEnvironment.status == 1)
    }

    @Test("The store's folder is 0700 and its file 0600")
    func modes() throws {
        let (home, _) = try homeWithPlan()
        #expect(mode(home.file(".local/share/tandem")) == 0o700)
        #expect(mode(home.file(storePath)) == 0o600)
    }
}
