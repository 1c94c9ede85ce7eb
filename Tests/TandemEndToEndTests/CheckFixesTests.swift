import Foundation
import Testing

/// `tandem check`, `list`, `plan` and `preview` on files with the mistakes authors make: every
/// problem in the output a tool reads, no empty "For:", and one message for a file that is not UTF-8.
@Suite("tandem check, list, plan and preview on awkward files")
struct CheckFixesTests {
    static let dialogue = """
        dialogue: brk
        version: 1
        title: Break me
        sections:
          - id: one
            title: One
            steps:
              - id: name
                ask: What should I call you?
                answer: text

        """

    @Test("tandem check --format json on a file that is not there prints JSON with the problem, exit 1")
    func jsonForAMissingFile() throws {
        let home = try TemporaryFolder()
        let missing = home.path + "/nothing-here.yaml"
        let result = try PipedTandem.run(["check", "--format", "json", missing], home: home)
        #expect(result.status == 1)
        let parsed = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        let items = try #require(parsed as? [[String: Any]], "\(result.stdout)")
        #expect(items.count == 1)
        #expect(items.first?["file"] as? String == missing)
        #expect(items.first?["severity"] as? String == "error")
        #expect((items.first?["message"] as? String)?.contains("I cannot find") == true)
    }

    @Test("tandem check on a file that is not there, as text, still says so on stderr, exit 1")
    func textForAMissingFile() throws {
        let home = try TemporaryFolder()
        let result = try PipedTandem.run(["check", home.path + "/nothing-here.yaml"], home: home)
        #expect(result.status == 1)
        #expect(result.stderr.contains("I cannot find"))
    }

    @Test("two dialogues with one id: tandem check says so for both, and tandem plan uses neither")
    func oneIDTwice() throws {
        let home = try TemporaryFolder()
        let folder = try TemporaryFolder("tandem-e2e-dialogues")
        try folder.write("brk.yaml", Self.dialogue)
        try folder.write("copy.yaml", Self.dialogue)
        let check = try PipedTandem.run(["check", folder.path], home: home)
        #expect(check.status == 1)
        #expect(check.stdout.components(separatedBy: "error[D048]").count == 3, "\(check.stdout)")
        #expect(check.stdout.contains("\"copy.yaml\""))
        let plan = try PipedTandem.run(["plan", "brk", "--dialogues", folder.path], home: home, input: "Sam\n")
        #expect(plan.status != 0)
        #expect(!plan.stdout.contains("What should I call you?"), "\(plan.stdout)")
    }

    @Test("tandem list with no audience or summary shows no empty For:")
    func listWithoutAudience() throws {
        let home = try TemporaryFolder()
        let folder = try TemporaryFolder("tandem-e2e-dialogues")
        try folder.write("brk.yaml", Self.dialogue)
        let list = try PipedTandem.run(["list", "--dialogues", folder.path], home: home)
        #expect(list.status == 0)
        #expect(list.stdout.contains("brk  Break me"))
        #expect(!list.stdout.contains("For:"), "\(list.stdout)")
        #expect(!list.stdout.contains(" ."))
    }

    @Test("tandem preview on a file that is not UTF-8 says what tandem check says, with the place")
    func previewNotUTF8() throws {
        let home = try TemporaryFolder()
        let file = home.path + "/brk.yaml"
        var data = Data(Self.dialogue.utf8)
        data[data.firstIndex(of: UInt8(ascii: "W"))!] = 0xFF
        try data.write(to: URL(fileURLWithPath: file))
        let preview = try PipedTandem.run(["preview", file, "--dialogues", TandemExecutable.dialogues], home: home)
        let check = try PipedTandem.run(["check", file], home: home)
        #expect(preview.status == 1)
        #expect(!preview.stdout.contains("I cannot read"))
        #expect(preview.stdout.contains("\(file):9:14: error[D001]: this file is not UTF-8 text"), "\(preview.stdout)")
        #expect(check.stdout.contains("\(file):9:14: error[D001]: this file is not UTF-8 text"), "\(check.stdout)")
    }
}
