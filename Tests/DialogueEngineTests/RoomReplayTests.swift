import Testing

@testable import DialogueEngine

/// A group's plan read back from its store (after a crash, or `/room resume`) is the plan the
/// room had.
@Suite struct RoomReplayTests {
    typealias T = TestSupport

    /// Found by the room fuzz target: everyone's own answers to a question whose options come from an
    /// earlier answer (`options: {from: …}`) were dropped when the group's plan was read back from
    /// its store (after a crash, or `/room resume`), and the question was asked again.
    @Test func everyonesAnswersFromAnEarlierListAreKeptWhenThePlanIsReadBack() throws {
        let steps = """
            - id: ideas
              ask: What could we work on?
              answer: list
            - id: first
              ask: Which shall we start with?
              answer: pick-many
              options: {from: ideas}
              who: everyone
            - id: lead
              ask: Who will lead?
              answer: pick-one
              options: {from: ideas}
              who: everyone
            - id: note
              ask: Anything else?
              answer: text
            """
        let script = try T.script(steps)
        var room = Room(code: "K7QM-4TZD", session: Session(conversation: Conversation(script: script, today: T.today), support: .fallback), host: .init(id: "h", name: "Sam"))
        var kept: [Change] = []
        func take(_ change: (inout Room) -> [Room.Delivery]) {
            let turn = room.turn(change)
            kept += turn.changes
            room.accept(turn)
        }
        take { $0.open() }
        take { $0.join(id: "a", name: "Asha").deliveries }
        for line in ["Transport", "Food", ""] { take { $0.handle(line, from: "h") } }
        take { $0.handle("1, 2", from: "h") }
        take { $0.handle("/skip", from: "a") }
        take { $0.handle("2", from: "a") }
        take { $0.handle("1", from: "h") }
        #expect(room.session.conversation.currentStep?.id == "note")
        let read = Conversation(script: script, replaying: kept, today: T.today)
        #expect(read.state == room.session.conversation.state)
        #expect(read.currentStep?.id == "note")
        #expect(read.state.answers["first"] == .views([.init(name: "Sam", value: .choices(["Transport", "Food"])), .init(name: "Asha", value: nil)]))
    }

    /// Found by the room fuzz target: a person's own answer (`who: everyone`) went into the group's
    /// plan, and a refused one was quoted back, without the cleaning every other line gets, so a
    /// tab or an escape sequence typed there reached everyone's screen.
    @Test func anOwnAnswerIsCleanedAsEveryLineIs() throws {
        let steps = """
            - id: hopes
              ask: What do you hope for?
              answer: text
              who: everyone
            - id: often
              ask: How often?
              answer: pick-many
              options:
                weekly: Weekly
                monthly: Monthly
              who: everyone
            - id: note
              ask: Anything else?
              answer: text
            """
        var room = Room(code: "K7QM-4TZD", session: Session(conversation: Conversation(script: try T.script(steps), today: T.today), support: .fallback), host: .init(id: "h", name: "Sam"))
        _ = room.open()
        _ = room.join(id: "a", name: "Asha")
        _ = room.handle("Time\tto \u{1B}[2Jtalk", from: "a")
        let shown = room.handle("Kindness", from: "h")
        #expect(room.session.conversation.state.answers["hopes"] == .views([.init(name: "Asha", value: .text("Time to talk")), .init(name: "Sam", value: .text("Kindness"))]))
        let refused = room.handle("every\u{1B}[31mday\tplease", from: "a")
        let all = "\(shown) \(refused)"
        #expect(!all.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "\(all)")
        #expect(refused.flatMap(\.events).contains { if case .invalid(let why) = $0 { why.contains("everyday please") } else { false } })
        // A command's word quoted back, unknown, is cleaned too.
        let unknown = room.handle("/fo\u{1B}[2Jo", from: "a").flatMap(\.events)
        #expect(unknown.contains(.invalid("I do not know the command /foo. Type /help to see them all.")), "\(unknown)")
    }
}
