import Foundation
import Testing

/// `tandem preview FILE --watch` through pipes: an author answers, saves a change, and carries on.
@Suite("tandem preview")
struct PreviewTests {
    static let dialogue = """
        dialogue: sleep
        version: 1
        title: Sleep
        sections:
          - id: part
            title: Part
            steps:
              - id: name
                ask: What is your name?
                answer: text
              - id: hours
                ask: How many hours do you sleep?
                answer: number
              - id: helps
                ask: What helps you sleep?
                answer: list
              - id: done
                say: Thank you, {name}.

        """

    @Test("a saved change is asked again, earlier answers are kept, and a broken save keeps the last good version")
    func followsEdits() throws {
        let home = try TemporaryFolder()
        let file = try home.write("sleep.yaml", Self.dialogue)
        let child = try PipedTandem(["preview", file, "--watch", "--dialogues", TandemExecutable.dialogues], home: home)
        _ = try child.expect("What is your name?")
        try child.send("Sam")
        _ = try child.expect("How many hours do you sleep?")
        try child.send("7")
        _ = try child.expect("What helps you sleep?")

        try Self.dialogue.replacingOccurrences(of: "How many hours do you sleep?", with: "About how many hours a night?")
            .write(toFile: file, atomically: true, encoding: .utf8)
        let reloaded = try child.expect("About how many hours a night?")
        #expect(reloaded.contains("changed: hours"))
        #expect(reloaded.contains("question 2 of 3"))
        try child.send("8")
        _ = try child.expect("What helps you sleep?")

        try (Self.dialogue + "      - id: [\n").write(toFile: file, atomically: true, encoding: .utf8)
        let broken = try child.expect("the last version that worked is still running")
        #expect(broken.contains("sleep.yaml:"))
        try child.send("a warm bath")
        try child.send("")
        _ = try child.expect("Thank you, Sam.")
        try child.send("/review")
        let review = try child.expect("a warm bath")
        #expect(review.contains("8"))
        try child.send("/quit")
        #expect(try child.finish() == 0)
        #expect(home.allFiles().filter { !$0.hasSuffix("sleep.yaml") }.isEmpty, "a preview saves nothing")
    }

    @Test("without --watch, a file with errors is reported with its place, and the status is 1")
    func brokenFile() throws {
        let home = try TemporaryFolder()
        let file = try home.write("sleep.yaml", Self.dialogue.replacingOccurrences(of: "answer: number", with: "answer: nunber"))
        let result = try PipedTandem.run(["preview", file, "--dialogues", TandemExecutable.dialogues], home: home)
        #expect(result.status == 1)
        #expect(result.stdout.contains("sleep.yaml:13:17: error[D009]"))
        #expect(result.stdout.contains("did you mean \"number\""))
    }
}
