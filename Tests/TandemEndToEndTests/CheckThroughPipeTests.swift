import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `tandem check` as an author runs it: through pipes, its words, its JSON and its exit status.
@Suite("tandem check through pipes")
struct CheckThroughPipeTests {
    static let brokenDialogue = """
        dialogue: broken
        version: 1
        title: Broken
        sections:
          - id: a
            title: A
            steps:
              - id: s
                ask: Hi
                answer: txt

        """

    @Test("tandem check on a broken file: file:line:column, the source line, a caret, exit 1")
    func checkBrokenFile() throws {
        let home = try TemporaryFolder()
        let file = try home.write("broken.yaml", Self.brokenDialogue)
        let result = try PipedTandem.run(["check", file], home: home)
        #expect(result.status == 1)
        #expect(result.stdout.contains("\(file):10:17: error[D009]"))
        #expect(result.stdout.contains("answer: txt"))
        #expect(result.stdout.contains("^^^"))
        #expect(result.stdout.contains("did you mean \"text\"?"))
    }

    @Test("tandem check on a folder with no dialogue files (one named like a file, too) says so, exit 1")
    func checkEmptyFolder() throws {
        let home = try TemporaryFolder()
        let folder = (try home.write("d.yaml/notes.txt", "not a dialogue") as NSString).deletingLastPathComponent
        let result = try PipedTandem.run(["check", folder], home: home)
        #expect(result.status == 1)
        #expect(result.stderr.contains("is a folder with no dialogue files (.yaml) in it"), "\(result.stderr)")
    }

    @Test("a mistake in a shared text is shown once, in common.yaml, however many dialogues put it in")
    func sharedTextMistakeShownOnce() throws {
        let home = try TemporaryFolder()
        _ = try home.write("d/common.yaml", "texts:\n  hello: Hello {nmae}.\n")
        for id in ["one", "two"] {
            _ = try home.write("d/\(id).yaml", """
                dialogue: \(id)
                version: 1
                title: \(id)
                intro: "{common.hello}"
                sections:
                  - id: a
                    title: A
                    steps:
                      - id: name
                        ask: Your name?
                        answer: text

                """)
        }
        let folder = home.path + "/d"
        let result = try PipedTandem.run(["check", "--dialogues", folder], home: home)
        #expect(result.status == 1)
        #expect(result.stdout.components(separatedBy: "error[D018]").count == 2, "\(result.stdout)")
        #expect(result.stdout.contains("common.yaml:2:16: error[D018]: the text uses {nmae}"), "\(result.stdout)")
        #expect(result.stdout.contains("Checked 3 files: 1 error, 0 warnings."), "\(result.stdout)")
    }

    @Test("tandem check on the shipped dialogues is clean")
    func checkShipped() throws {
        let home = try TemporaryFolder()
        let result = try PipedTandem.run(["check", "--dialogues", TandemExecutable.dialogues], home: home)
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("no problems found"))
    }

    @Test("tandem check --format json is valid JSON with the diagnostic's position")
    func checkJSON() throws {
        let home = try TemporaryFolder()
        let file = try home.write("broken.yaml", Self.brokenDialogue)
        let result = try PipedTandem.run(["check", "--format", "json", file], home: home)
        #expect(result.status == 1)
        let parsed = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        let items = try #require(parsed as? [[String: Any]])
        let d009 = try #require(items.first { $0["code"] as? String == "D009" })
        #expect(d009["line"] as? Int == 10)
        #expect(d009["column"] as? Int == 17)
        #expect(d009["file"] as? String == file)
        #expect(d009["severity"] as? String == "error")
        let clean = try PipedTandem.run(["check", "--format", "json", "--dialogues", TandemExecutable.dialogues], home: home)
        #expect(clean.status == 0)
        #expect(try JSONSerialization.jsonObject(with: Data(clean.stdout.utf8)) as? [Any] != nil)
    }
}
