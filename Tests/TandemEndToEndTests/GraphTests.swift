import Foundation
import Testing

/// `tandem graph` as a picture: through Graphviz when it is installed, and a clear word (with the
/// DOT text) when it is not.
@Suite("tandem graph")
struct GraphTests {
    static var graphvizInstalled: Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
            .contains { FileManager.default.isExecutableFile(atPath: "\($0)/dot") }
    }

    @Test("without Graphviz: a clear message, the DOT text, and status 1")
    func withoutGraphviz() throws {
        let home = try TemporaryFolder()
        let result = try PipedTandem.run(["graph", "my-goals", "--format", "svg", "--dialogues", TandemExecutable.dialogues],
                                         home: home, environment: ["PATH": home.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("need Graphviz's dot program"))
        #expect(result.stdout.hasPrefix("digraph \"my-goals\""))
    }

    @Test("with Graphviz: an svg file", .enabled(if: GraphTests.graphvizInstalled, "Graphviz's dot is not installed here"))
    func withGraphviz() throws {
        let home = try TemporaryFolder()
        let file = home.path + "/flow.svg"
        let result = try PipedTandem.run(["graph", "looking-after-me-too", "--format", "svg", "--output", file, "--dialogues", TandemExecutable.dialogues], home: home)
        #expect(result.status == 0)
        let svg = try String(contentsOfFile: file, encoding: .utf8)
        #expect(svg.contains("<svg"))
        #expect(svg.contains("Part 1: About you"))
        #expect(svg.contains("skips health&#45;low unless health &lt;= 3"))
    }
}
