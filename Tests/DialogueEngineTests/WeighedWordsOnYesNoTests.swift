import Testing

@testable import DialogueEngine

/// A yes or a no in people's words ("yes I think so", "no we haven't"), every word of it from the
/// short fixed lists a yes or a no is read from, has no words of the person's own for the weighed
/// words (the check-in's less sure half) to weigh: such a line brought the gentle line about not
/// being safe, and used it up, so that a later line only the weighed words heard brought nothing.
/// The patterns still hear every line.
@Suite struct WeighedWordsOnYesNoTests {
    static let steps = "- id: asked\n  ask: Have you been asked what helps?\n  answer: yes-no\n- id: more\n  ask: What else?\n  answer: text\n"

    func session() throws -> Session {
        var s = Session(conversation: Conversation(script: try TestSupport.script(Self.steps), today: TestSupport.today), support: NameWeighedWordsTests.library.support)
        _ = s.start()
        return s
    }

    @Test func aYesInPeoplesWordsBringsNoGentleLine() throws {
        let yes = try #require(["yes I think so", "yes i have", "no we havent", "yes I do", "no I dont think so", "yes I suppose so", "yeah i think so", "yeah i have", "yep i have"].first {
            NameWeighedWordsTests.library.support.distress(in: $0)?.weighed == true
        }, "a yes or a no the weighed words hear")
        var s = try session()
        let events = s.take(yes)
        #expect(!events.contains { if case .checkInReminder = $0 { true } else { false } }, "\(yes): \(events)")
        #expect(s.conversation.state.answers["asked"] != nil)
        #expect(events.askedSteps == ["more"])
    }

    @Test func thePatternsStillHearAYesQuestion() throws {
        var s = try session()
        let events = s.take("yes and I want to kill myself")
        #expect(events.contains { if case .checkIn = $0 { true } else { false } }, "\(events)")
    }
}
