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
        #expect(dot.contains("[style=dashed, label=\"skipped unless rested == false\"]"))
        #expect(dot.hasSuffix("}\n") || dot.hasSuffix("}"))
    }
}
