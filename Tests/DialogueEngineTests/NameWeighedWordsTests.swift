import Testing

@testable import DialogueEngine

/// A name that only the check-in's weighed words heard ("my name is Sue but everyone calls me
/// Suzy") was asked for again, with the gentle line; typed again, it was asked for again with no
/// word why, for good. The weighed words are less sure: the name is kept (as the network's `/name`
/// keeps one), after the gentle line. Words the patterns hear are still never kept as a name.
@Suite struct NameWeighedWordsTests {
    static let library: DialogueLibrary = {
        do { return try DialogueLibrary.load(directory: TestSupport.packageRoot.appendingPathComponent("dialogues").path) } catch {
            fatalError("dialogues/ does not load: \(error)")
        }
    }()

    func session() throws -> Session {
        var s = Session(conversation: Conversation(script: try TestSupport.script(NameAnswerTests.steps), today: TestSupport.today), support: Self.library.support)
        _ = s.start()
        return s
    }

    /// ("my name is Sue but everyone calls me Suzy" is no longer heard at all: the weights learned
    /// names given this way in batch AC.)
    @Test func aNameOnlyTheWeighedWordsHeardIsKept() throws {
        let line = "im sue and i feel so alone"
        let match = try #require(Self.library.support.distress(in: line), "the weighed words hear this line")
        try #require(match.weighed, "heard by the weighed words only")
        var s = try session()
        let events = s.take(line)
        #expect(events.contains { if case .checkInReminder = $0 { true } else { false } }, "the gentle line: \(events)")
        #expect(s.conversation.state.answers["name"] == .text("sue"), "the name is kept, without the rest of the line")
        #expect(events.askedSteps == ["more"], "and the plan goes on: \(events)")
    }

    @Test func wordsThePatternsHearAreStillNotAName() throws {
        var s = try session()
        let events = s.take("I want to kill myself")
        #expect(events.contains { if case .checkIn = $0 { true } else { false } })
        #expect(s.conversation.state.answers["name"] == nil)
        #expect(events.askedSteps == ["name"], "asked again: \(events)")
    }
}
