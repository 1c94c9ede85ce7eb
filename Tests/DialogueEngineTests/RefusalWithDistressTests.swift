import Testing

@testable import DialogueEngine

/// Words of distress where a number, a date or a choice was asked are not a wrong answer: the
/// contacts, then the question again, with no "Please type a whole number". But where the question
/// takes words (a text, a list, a field of text), a refusal says something else: the text is too
/// long, the list is full. It used to be dropped all the same, so the line went with no word of
/// why, the question said "Type more to add to it", and typing it again did the same for ever.
@Suite struct RefusalWithDistressTests {
    typealias T = TestSupport

    static func door(_ steps: String) throws -> TestDoor {
        var s = TestDoor(Session(conversation: Conversation(script: try T.script(steps), today: T.today), support: .fallback))
        s.start()
        return s
    }

    static func isCheckIn(_ event: Event?) -> Bool { event.map { if case .checkIn = $0 { true } else { false } } ?? false }

    @Test func aFullListSaysSoAfterTheContacts() throws {
        var s = try Self.door("- id: helps\n  ask: What helps?\n  answer: list\n  max: 2\n- id: last\n  ask: Anything else?\n  answer: text")
        _ = s.handle("walks")
        _ = s.handle("swims")
        #expect(s.conversation.currentID == "last")
        _ = s.handle("/change 1")
        let events = s.handle("i want to die")
        #expect(Self.isCheckIn(events.first))
        #expect(events.invalidMessages.count == 1 && events.invalidMessages[0].contains("2 things already"), "\(events.invalidMessages)")
        #expect(events.last.map { if case .asked = $0 { true } else { false } } == true, "the question again")
        #expect(s.handle("i want to die").invalidMessages.count == 1, "and every time")
    }

    @Test func aTextTooLongSaysSoAfterTheContacts() throws {
        var s = try Self.door("- id: word\n  ask: One word for today?\n  answer: text\n  max: 10")
        let events = s.handle("I want to kill myself tonight")
        #expect(Self.isCheckIn(events.first))
        #expect(events.invalidMessages.count == 1 && events.invalidMessages[0].contains("10 characters or fewer"), "\(events.invalidMessages)")
        #expect(s.conversation.currentID == "word")
    }

    @Test func aFullRecordsQuestionSaysSo() throws {
        let steps = "- id: people\n  ask: Who can help?\n  answer: records\n  max: 1\n  fields:\n    - {id: who, ask: Name, answer: text}\n- id: last\n  ask: Anything else?\n  answer: text"
        var s = try Self.door(steps)
        _ = s.handle("Ann")
        #expect(s.conversation.currentID == "last")
        _ = s.handle("/change 1")
        let events = s.handle("i want to die")
        #expect(Self.isCheckIn(events.first))
        #expect(events.invalidMessages.count == 1 && events.invalidMessages[0].contains("the most this question takes"), "\(events.invalidMessages)")
    }

    @Test("Where a number, a date, a choice or yes or no is asked: still no 'wrong answer' after the contacts", arguments: [
        "answer: number", "answer: yes-no", "answer: date", "answer: scale\n  range: [1, 10]", "answer: pick-one\n  options: {a: One, b: Two}",
    ])
    func wordsThatAreNoAnswerOfThisKind(kind: String) throws {
        var s = try Self.door("- id: q\n  ask: A question?\n  \(kind)")
        let events = s.handle("I want to kill myself")
        #expect(Self.isCheckIn(events.first))
        #expect(events.invalidMessages.isEmpty, "\(kind): \(events.invalidMessages)")
        #expect(events.last.map { if case .asked = $0 { true } else { false } } == true)
    }

    @Test func aNumberFieldOfARecordIsNoWrongAnswerEither() throws {
        let steps = "- id: people\n  ask: Who can help?\n  answer: records\n  fields:\n    - {id: who, ask: Name, answer: text}\n    - {id: age, ask: Age, answer: number}"
        var s = try Self.door(steps)
        _ = s.handle("Ann")
        let events = s.handle("i want to die")
        #expect(Self.isCheckIn(events.first))
        #expect(events.invalidMessages.isEmpty, "\(events.invalidMessages)")
        #expect(events.contains { if case .field = $0 { true } else { false } }, "the field again")
    }
}
