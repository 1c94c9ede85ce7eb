import Foundation
import Testing

/// What `tandem` says before a plan when a file beside the dialogues cannot be read: each kind of
/// file says what is really left out.
@Suite("tandem with broken files beside the dialogues")
struct BrokenFilesTests {
    @Test("a broken weights file: the check-in still listens for its words, and the plan goes on")
    func brokenWeights() throws {
        let home = try TemporaryFolder()
        let folder = try TemporaryFolder("tandem-e2e-dialogues")
        try folder.write("kettle-check.yaml", PipeTests.tinyDialogue)
        try folder.write("check-in-weights.tsv", "tandem check-in weights 1\nbias\tnot a number\n")
        let plan = try PipedTandem.run(["plan", "kettle-check", "--dialogues", folder.path], home: home, input: "I want to kill myself\nTea\n")
        #expect(plan.status == 0)
        #expect(plan.stderr.contains("The check-in's weights file has a problem, so the check-in listens for its words without the weighed words"))
        #expect(plan.stderr.contains("check-in-weights.tsv:2:"))
        #expect(!plan.stderr.contains("are left out"), "\(plan.stderr)")
        // The built-in words still hear, and the plan goes on to its end.
        #expect(plan.stdout.contains("/urgent"))
        #expect(plan.stdout.contains("That is the end of \"Kettle check\""))
    }

    @Test("a broken dialogue file is left out, and the others are used")
    func brokenDialogue() throws {
        let home = try TemporaryFolder()
        let folder = try TemporaryFolder("tandem-e2e-dialogues")
        try folder.write("kettle-check.yaml", PipeTests.tinyDialogue)
        try folder.write("broken.yaml", "dialogue: broken\nversion: 1\ntitle: [\n")
        let list = try PipedTandem.run(["list", "--dialogues", folder.path], home: home)
        #expect(list.status == 0)
        #expect(list.stderr.contains("Some dialogue files have problems and are left out"))
        #expect(list.stderr.contains("broken.yaml:"))
        #expect(!list.stderr.contains("weights"))
        #expect(list.stdout.contains("kettle-check  Kettle check"))
    }
}
