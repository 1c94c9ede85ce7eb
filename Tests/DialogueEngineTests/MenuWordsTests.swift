import Testing

@testable import DialogueEngine

/// At the menu, people name a plan in their own words: "goals", "the safety one", "three".
@Suite struct MenuWordsTests {
    func library() throws -> DialogueLibrary {
        let plans = [
            ("looking-after-me-too", "Looking after me too"), ("my-goals", "My goals and what is around me"),
            ("my-wellbeing-plan", "My wellbeing plan"), ("staying-safe-together", "Staying safe together"),
            ("wellbeing-at-work", "Wellbeing at work"),
        ]
        let scripts = try plans.map { id, title in
            try TestSupport.script(text: TestSupport.yaml("- id: name\n  ask: Name?\n  answer: text\n", id: id, title: title))
        }
        return DialogueLibrary(directory: "memory", scripts: scripts, support: .fallback)
    }

    @Test(arguments: [
        ("goals", "my-goals"), ("the goals one", "my-goals"), ("three", "my-wellbeing-plan"), ("Two", "my-goals"),
        ("safe", "staying-safe-together"), ("staying safe", "staying-safe-together"), ("work", "wellbeing-at-work"),
        ("wellbeing at work", "wellbeing-at-work"), ("looking after", "looking-after-me-too"), ("3.", "my-wellbeing-plan"),
    ])
    func findsAPlanInPeoplesWords(_ typed: String, _ id: String) throws {
        #expect(try library().find(typed)?.id == id)
    }

    /// Words of distress at the menu bring the check-in, even when they share a word with a title.
    @Test func distressIsHeardBeforeWordsOfATitle() throws {
        let lobby = Lobby(library: try library())
        var checkIns = CheckInState()
        guard case .stay(let events) = lobby.handle("i want to kill myself", checkIns: &checkIns) else {
            Issue.record("stays at the menu")
            return
        }
        #expect(events.contains { if case .checkIn = $0 { true } else { false } }, "\(events)")
        guard case .start(let script) = lobby.handle("the goals one", checkIns: &checkIns) else {
            Issue.record("starts the plan")
            return
        }
        #expect(script.id == "my-goals")
    }

    @Test(arguments: ["plan", "my", "the one", "gardening", "six", "", "my plan", "what do i do", "which one is for me",
                      "what is this", "help me", "where do i start", "and"])
    func findsNothingWhenItCouldBeAnyOrNone(_ typed: String) throws {
        #expect(try library().find(typed) == nil)
    }

    /// "what do i do" at the menu started "My goals and what is around me"; "help me" was told
    /// there is no plan called "help me".
    @Test(arguments: ["what do i do", "help me", "I need help", "?", "help please", "which one is for me", "is there one for carers?"])
    func aQuestionAtTheMenuIsAnswered(_ typed: String) throws {
        let lobby = Lobby(library: try library())
        var checkIns = CheckInState()
        let outcome = lobby.handle(typed, checkIns: &checkIns)
        if case .start(let script) = outcome { Issue.record("started \(script.id)") }
        if case .stay(let events) = outcome {
            #expect(events.notices == [Lobby.help], "\(typed)")
        }
    }
}
