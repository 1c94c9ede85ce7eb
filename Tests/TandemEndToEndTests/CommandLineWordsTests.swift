import Foundation
import Testing

/// What the commands say and do at their edges, through a pipe: found by trying Tandem as a new
/// person would (a message that blamed options nobody gave, two ids taken as one, `-o -`, DOT
/// text written into a file named .svg).
@Suite struct CommandLineWordsTests {
    static let dialogues = TandemExecutable.dialogues

    @Test("no store yet: the message does not blame --store or TANDEM_STORE, which were not given")
    func noStoreYetNamesNothingThatWasNotGiven() throws {
        let home = try TemporaryFolder()
        let plain = try PipedTandem.run(["export", "abcd2345", "--dialogues", Self.dialogues], home: home)
        #expect(plain.status == 1)
        #expect(plain.stderr.contains("There are no saved plans on this computer yet"), "\(plain.stderr)")
        #expect(!plain.stderr.contains("--store (and"), "\(plain.stderr)")
        let given = try PipedTandem.run(["export", "abcd2345", "--dialogues", Self.dialogues, "--store", home.path + "/typo.sqlite"], home: home)
        #expect(given.stderr.contains("leave out --store"), "\(given.stderr)")
        let env = try PipedTandem.run(["export", "abcd2345", "--dialogues", Self.dialogues], home: home, environment: ["TANDEM_STORE": home.path + "/typo.sqlite"])
        #expect(env.stderr.contains("(from TANDEM_STORE)"), "\(env.stderr)")
    }

    @Test("delete with two ids: one plan at a time, nothing deleted; export -o - shows the plan")
    func deleteTwoAndExportToStandardOutput() throws {
        let home = try TemporaryFolder()
        let store = home.path + "/plans.sqlite"
        for name in ["Sam", "Jo"] {
            let made = try PipedTandem.run(["plan", "looking-after-me-too", "--dialogues", Self.dialogues, "--store", store], home: home, input: "\(name)\n/pause\n")
            #expect(made.status == 0)
        }
        let listed = try PipedTandem.run(["sessions", "--format", "json", "--store", store], home: home)
        let data = try #require(listed.stdout.data(using: .utf8))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let ids = try #require(root["plans"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        #expect(ids.count == 2)
        let both = try PipedTandem.run(["delete"] + ids + ["--yes", "--store", store], home: home)
        #expect(both.status == 1)
        #expect(both.stderr.contains("one plan at a time"), "\(both.stderr)")
        let after = try PipedTandem.run(["sessions", "--format", "json", "--store", store], home: home)
        #expect(ids.allSatisfy { after.stdout.contains($0) }, "nothing was deleted")
        let shown = try PipedTandem.run(["export", ids[0], "-o", "-", "--dialogues", Self.dialogues, "--store", store], home: home, directory: home.path)
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.contains("A plan for: "))
        #expect(!FileManager.default.fileExists(atPath: home.path + "/-"))
    }

    @Test("graph as a picture without Graphviz: the DOT text goes beside it, never into flow.svg")
    func graphWithoutGraphvizSavesDOTBeside() throws {
        let home = try TemporaryFolder()
        let result = try PipedTandem.run(
            ["graph", "my-goals", "--format", "svg", "-o", "flow.svg", "--dialogues", Self.dialogues],
            home: home, directory: home.path, environment: ["PATH": home.path + "/no-graphviz-here"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("flow.dot"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: home.path + "/flow.svg"))
        let dot = try String(contentsOfFile: home.path + "/flow.dot", encoding: .utf8)
        #expect(dot.hasPrefix("digraph"))
    }
}
