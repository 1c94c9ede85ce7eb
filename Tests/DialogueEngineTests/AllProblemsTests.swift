import Testing

@testable import DialogueEngine

/// Every problem in a file shows in one run: what the reader finds and what the checker finds
/// together, without false alarms about the steps that could not be read.
@Suite struct AllProblemsTests {
    typealias T = TestSupport

    @Test func fourMistakesOfFourKindsInOneRun() {
        let found = T.diagnostics("""
            - id: mood
              ask: How are you?
              answer: scale
              hnit: From 1 to 10
            - id: sleep
              ask: Did you sleep?
              answer: yes-noo
            - id: notes
              ask: Anything else?
              answer: text
              when: mod <= 3
              next:
                - if: sleep == true
                  go: thanks
                - go: nowhere
            - id: thanks
              say: Thank you.
            """)
        let codes = found.map(\.code)
        #expect(codes.contains(.unknownKey), "hnit")
        #expect(codes.contains(.unknownAnswerType), "yes-noo")
        #expect(codes.contains(.missingTarget), "go: nowhere")
        #expect(codes.contains(.unknownName), "mod")
        // The sleep step could not be read: nothing more is said about it.
        #expect(!found.contains { $0.message.contains("sleep") && $0.code != .unknownAnswerType })
        #expect(found.filter { $0.severity == .warning }.isEmpty, "no warnings about a flow that is missing a step")
    }
}
