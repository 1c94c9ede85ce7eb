import Testing

@testable import DialogueEngine

/// What each person in a group room is shown of a question, at each kind of question: on one the
/// group answers together (the host types its answer), how to type an answer ("Type the number of
/// your choice.") is for the host alone; everyone else sees the question, its choices and its hint,
/// and who answers it. On one everyone answers, everyone is told how, the host too.
@Suite struct RoomWhatEachSeesTests {
    typealias T = TestSupport
    let rooms = RoomTests()

    static let steps = """
        - id: now
          ask: Where are we now?
          answer: pick-one
          options:
            low: Near the bottom
            high: Near the top
          hint: Think of the last few months.
        - id: mine
          ask: Where would you put us?
          answer: pick-one
          options:
            low: Near the bottom
            high: Near the top
          who: everyone
        - id: paid
          ask: Will people be paid?
          answer: yes-no
        - id: actions
          ask: What actions have we agreed?
          answer: records
          fields:
            - {id: agreed, ask: "Has everyone agreed to it?", answer: yes-no}
            - {id: action, ask: "What will be done?", answer: text}
        """

    /// Sam hosts; Asha and Ben are in the room, on the first question (the group's).
    func room() throws -> Room {
        let session = Session(conversation: Conversation(script: try T.script(Self.steps), today: T.today), support: .fallback)
        var room = Room(code: "K7QM-4TZD", session: session, host: .init(id: "h", name: "Sam"))
        _ = room.open()
        _ = room.join(id: "a", name: "Asha")
        _ = room.join(id: "b", name: "Ben")
        return room
    }

    func text(_ deliveries: [Room.Delivery], for id: String) -> String {
        TextRenderer(width: 100).render(rooms.events(deliveries, for: id)).joined(separator: "\n")
    }

    @Test func onAQuestionTheGroupAnswersOnlyTheHostIsToldHowToTypeIt() throws {
        let room = try room()
        let host = text([Room.Delivery(to: "h", events: room.whereWeAre(for: "h"))], for: "h")
        let asha = text([Room.Delivery(to: "a", events: room.whereWeAre(for: "a"))], for: "a")
        #expect(host.contains("Type the number of your choice."))
        #expect(host.contains("Talk it over together, then type the group's answer."))
        #expect(!asha.contains("Type the number of your choice."), "\(asha)")
        // The rest is for everyone: the question, its hint, its choices, and who answers it.
        for words in ["Where are we now?", "(Think of the last few months.)", "1. Near the bottom", "2. Near the top", "The host types the group's answer."] {
            #expect(asha.contains(words), "\(words) in \(asha)")
        }
    }

    @Test func someoneWhoJoinsOrAsksAgainIsNotToldHowEither() throws {
        var room = try room()
        let cara = text(room.join(id: "c", name: "Cara").deliveries, for: "c")
        #expect(cara.contains("Where are we now?") && !cara.contains("Type the number of your choice."), "\(cara)")
        let help = text(room.handle("/help", from: "a"), for: "a")
        #expect(help.contains("Where are we now?") && !help.contains("Type the number of your choice."), "\(help)")
        let review = text(room.handle("/why", from: "b"), for: "b")
        #expect(!review.contains("Type the number of your choice."), "\(review)")
    }

    @Test func onAQuestionEveryoneAnswersEveryoneIsToldHowTheHostToo() throws {
        var room = try room()
        let next = room.handle("2", from: "h")
        for id in ["h", "a", "b"] {
            let seen = text(next, for: id)
            #expect(seen.contains("Where would you put us?") && seen.contains("Type the number of your choice."), "\(id): \(seen)")
        }
        // And the next question, the group's again: the host alone is told how.
        _ = room.handle("1", from: "a")
        _ = room.handle("2", from: "b")
        let shown = room.handle("2", from: "h")
        #expect(text(shown, for: "h").contains("Type yes or no."))
        #expect(text(shown, for: "a").contains("Will people be paid?"))
        #expect(!text(shown, for: "a").contains("Type yes or no."), "\(text(shown, for: "a"))")
    }

    @Test func theFieldsOfARecordTheHostTypesAreNotExplainedToTheOthers() throws {
        var room = try room()
        _ = room.handle("2", from: "h")
        _ = room.handle("1", from: "a")
        _ = room.handle("2", from: "b")
        _ = room.handle("2", from: "h")
        let first = room.handle("yes", from: "h")  // paid: on to the actions, a record
        // Everyone sees the record's question and its first field; the host alone is told how.
        #expect(text(first, for: "h").contains("(Press Enter on an empty line when you have finished.)"))
        #expect(text(first, for: "h").contains("Type yes or no."))
        for id in ["a", "b"] {
            let seen = text(first, for: id)
            #expect(seen.contains("What actions have we agreed?") && seen.contains("Has everyone agreed to it?"), "\(seen)")
            #expect(!seen.contains("Press Enter") && !seen.contains("Type yes or no."), "\(seen)")
        }
    }

    @Test func inJSONTheOthersAreToldTheHostAnswersAndAClientReadsItBack() throws {
        let room = try room()
        let asked = room.whereWeAre(for: "a").compactMap { if case .asked(let p) = $0 { p } else { nil } }.first
        #expect(asked?.hostAnswers == true)
        #expect(room.whereWeAre(for: "h").contains { if case .asked(let p) = $0 { p.hostAnswers == nil } else { false } })
        let json = JSONRenderer.encode(.asked(try #require(asked)))
        #expect(json["hostAnswers"]?.bool == true)
        guard case .asked(let read)? = JSONRenderer.decode(json) else { Issue.record("no question read back"); return }
        #expect(read.hostAnswers == true)
    }
}
