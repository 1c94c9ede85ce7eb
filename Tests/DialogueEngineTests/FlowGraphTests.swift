import Testing

@testable import DialogueEngine

/// `tandem graph`: the flow as Graphviz DOT, for authors.
@Suite struct FlowGraphTests {
    typealias T = TestSupport

    @Test func stepsJumpsSkipsAndWhoAnswers() throws {
        let script = try T.script("""
            - id: rested
              ask: Did you sleep well?
              answer: yes-no
              next:
                - if: rested == true
                  go: thanks
                - go: tips
            - id: tips
              say: Here are some tips.
            - id: hopes
              ask: What do you hope for?
              answer: text
              who: everyone
              when: rested == false
            - id: thanks
              say: Thank you.
            """)
        let dot = FlowGraph.dot(script)
        #expect(dot.hasPrefix("digraph"))
        #expect(dot.contains("\"rested\" [shape=box, style=\"rounded\", label=\"rested (yes-no)\\nDid you sleep well?\"];"))
        #expect(dot.contains("\"hopes\" [shape=box, style=\"rounded,bold\", peripheries=\"2\", label=\"hopes (text, everyone)"), "a question everyone answers is drawn doubled")
        #expect(dot.contains("\"tips\" [shape=note"))
        #expect(dot.contains("\"rested\" -> \"thanks\" [label=\"if rested == true\"];"))
        #expect(dot.contains("\"tips\" -> \"hopes\";"))
        // The skip starts where the way into the skipped step starts, and ends after it.
        #expect(dot.contains("\"tips\" -> \"thanks\" [style=dashed, label=\"skips hopes unless rested == false\"];"))
        #expect(!dot.contains("\"hopes\" -> \"thanks\" [style=dashed"), "no dashed copy of the solid way on")
        #expect(dot.contains("subgraph \"cluster_"))
        #expect(dot.hasSuffix("}\n"))
    }

    @Test func skipsChainAndFollowJumpsIntoTheSkippedStep() throws {
        let script = try T.script("""
            - id: mood
              ask: How are you, from 1 to 5?
              answer: scale
              range: [1, 5]
              next:
                - if: mood <= 2
                  go: low
                - go: ok
            - id: ok
              say: Good.
              next:
                - go: end
            - id: low
              ask: What would help?
              answer: text
              when: mood <= 2
            - id: lower
              ask: Would you like the numbers to call?
              answer: yes-no
              when: mood == 1
            - id: bye
              say: Take care.
            """)
        let edges = Set(FlowGraph.edges(script).map { "\($0.from)->\($0.to)\($0.dashed ? " dashed" : "")" })
        #expect(edges.contains("mood->low"))
        #expect(edges.contains("mood->ok"))
        #expect(edges.contains("mood->lower dashed"), "the jump into a skipped step skips on")
        #expect(edges.contains("mood->bye dashed"), "two skippable steps in a row skip together")
        #expect(edges.contains("low->bye dashed"))
        #expect(!edges.contains("low->lower dashed"))
    }

    @Test func stepsNothingReachesAreMarked() throws {
        let script = try #require(T.load(T.yaml("""
            - id: first
              say: Hello.
              next:
                - go: last
            - id: lost
              say: Nobody sees this.
            - id: last
              say: Bye.
            """)).script)
        let dot = FlowGraph.dot(script)
        #expect(dot.contains("(no way reaches this step)\", color=gray"))
        #expect(dot.components(separatedBy: "no way reaches").count == 2, "only the lost step")
    }
}
