import Testing

@testable import DialogueEngine

/// Conditions that mix types get help that says what the author most likely meant.
@Suite struct ConditionHelpTests {
    typealias T = TestSupport

    static func help(_ condition: String) -> String? {
        T.diagnostics("""
            - id: rested
              ask: Did you sleep well?
              answer: yes-no
            - id: place
              ask: Where do you sleep?
              answer: pick-one
              options:
                bed: In my own bed
                sofa: On the sofa
                other: Somewhere else
            - id: helps
              ask: What helps?
              answer: pick-many
              options:
                bath: A bath
                walk: A walk
            - id: next
              ask: Anything else?
              answer: text
              when: \(condition)
            """).first { $0.code == .typeError }?.help
    }

    @Test(arguments: [
        ("rested == \"no\"", "a yes-no answer is true or false, not text: write rested == false"),
        ("rested != 'yes'", "a yes-no answer is true or false, not text: write rested != true"),
        ("rested == \"Y\"", "a yes-no answer is true or false, not text: write rested == true"),
        ("place == 2", "place holds the key of the option chosen, not its number: write place == \"sofa\" (1 is \"bed\", 2 is \"sofa\", 3 is \"other\")"),
        ("place >= 2", "place holds the key of the option chosen, not its number: write place == \"sofa\" (1 is \"bed\", 2 is \"sofa\", 3 is \"other\")"),
        ("place == 7", "place holds the key of the option chosen, not a number; its options are: 1 is \"bed\", 2 is \"sofa\", 3 is \"other\""),
    ])
    func suggestions(_ condition: String, _ expected: String) {
        #expect(Self.help(condition) == expected)
    }

    @Test func aRightComparisonHasNoProblem() {
        #expect(T.diagnostics("- id: rested\n  ask: Slept?\n  answer: yes-no\n- id: n\n  ask: N?\n  answer: text\n  when: rested == false\n").isEmpty)
    }
}
