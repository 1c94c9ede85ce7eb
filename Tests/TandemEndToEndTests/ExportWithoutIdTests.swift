import Foundation
import Testing

/// `tandem export` typed without an id, as a new person would: their one plan is shown, or they
/// are told which plans there are, never only "Missing expected argument".
@Suite struct ExportWithoutIdTests {
    @Test("one saved plan: tandem export shows it; none: a kind word, not a parser error")
    func exportWithoutId() throws {
        let home = try TemporaryFolder()
        let store = home.path + "/plans.sqlite"
        let dialogues = TandemExecutable.dialogues
        let none = try PipedTandem.run(["export", "--store", store, "--dialogues", dialogues], home: home)
        #expect(none.status == 1)
        #expect(none.stderr.contains("no saved plans"), "\(none.stderr)")
        #expect(!none.stderr.contains("Missing expected argument"))
        let made = try PipedTandem.run(["plan", "looking-after-me-too", "--dialogues", dialogues, "--store", store], home: home, input: "Sam\n/pause\n")
        #expect(made.status == 0)
        let one = try PipedTandem.run(["export", "--store", store, "--dialogues", dialogues], home: home)
        #expect(one.status == 0, "\(one.stderr)")
        #expect(one.stdout.contains("A plan for: Sam"), "\(one.stdout)")
        #expect(one.stdout.contains("116 123"))
    }

    /// "tandem export -o plan.pdf" wrote plain text into a file called plan.pdf.
    @Test("a file ending in .pdf is refused, with what can be made; no file is written")
    func exportToAPDF() throws {
        let home = try TemporaryFolder()
        let store = home.path + "/plans.sqlite"
        let dialogues = TandemExecutable.dialogues
        _ = try PipedTandem.run(["plan", "looking-after-me-too", "--dialogues", dialogues, "--store", store], home: home, input: "Sam\n/pause\n")
        let pdf = home.path + "/plan.pdf"
        let refused = try PipedTandem.run(["export", "--store", store, "--dialogues", dialogues, "-o", pdf], home: home)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("I cannot make a PDF file."), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: pdf))
    }
}
