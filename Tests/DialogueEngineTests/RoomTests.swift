import Foundation
import Testing

@testable import DialogueEngine

/// Group rooms: one shared plan, a facilitator who types the group's answers, and questions that
/// everyone answers for themselves, shown together once all have answered.
@Suite struct RoomTests {
    typealias T = TestSupport

    static let steps = """
        - id: purpose
          ask: What is this piece of work for?
          answer: text
        - id: hopes
          ask: What do you hope for from it?
          answer: text
          who: everyone
        - id: often
          ask: How often should we meet?
          answer: pick-one
          options:
            weekly: Weekly
            monthly: Monthly
          who: everyone
        - id: actions
          ask: What will we do first?
          answer: list
        - id: thanks
          say: Thank you all.
        """

    func room() throws -> Room {
        let session = Session(conversation: Conversation(script: try T.script(Self.steps), today: T.today), support: .fallback, plan: PlanInfo(id: "testplan", code: MemoryJournal.code))
        return Room(code: "K7QM-4TZD", session: session, host: .init(id: "h", name: "Sam"))
    }

    /// The events one person gets in a set of deliveries.
    func events(_ deliveries: [Room.Delivery], for id: String) -> [Event] {
        deliveries.filter { $0.to == id }.flatMap(\.events)
    }

    func notes(_ deliveries: [Room.Delivery], for id: String) -> [RoomNote] {
        events(deliveries, for: id).compactMap { if case .room(let n) = $0 { n } else { nil } }
    }

    func askedStep(_ deliveries: [Room.Delivery], for id: String) -> String? {
        events(deliveries, for: id).compactMap { if case .asked(let p) = $0 { p.step } else { nil } }.last
    }

    @Test func theFacilitatorOpensTheRoomAndPeopleJoin() throws {
        var room = try room()
        let opening = room.open()
        #expect(notes(opening, for: "h").first == .opened(code: "K7QM-4TZD", title: "Test"))
        #expect(askedStep(opening, for: "h") == "purpose")
        #expect(notes(opening, for: "h").contains(.turn(everyone: false, host: true)))

        let (name, joined) = room.join(id: "a", name: "Asha")
        #expect(name == "Asha")
        #expect(notes(joined, for: "a").first == .welcome(name: "Asha", title: "Test", others: ["Sam"]))
        #expect(askedStep(joined, for: "a") == "purpose", "someone who joins sees the question the group is on")
        #expect(notes(joined, for: "a").contains(.turn(everyone: false, host: false)))
        #expect(notes(joined, for: "h") == [.joined(name: "Asha")])

        let (second, _) = room.join(id: "b", name: "asha")
        #expect(second == "asha 2", "two people never share a name in a room")
    }

    @Test func theFacilitatorTypesTheGroupsAnswerAndEveryoneSeesIt() throws {
        var room = try room()
        _ = room.open()
        _ = room.join(id: "a", name: "Asha")

        // Someone else's words on a group question are shared, not kept as the answer.
        let remark = room.handle("Making the service easier to reach", from: "a")
        #expect(notes(remark, for: "h") == [.remark(name: "Asha", text: "Making the service easier to reach")])
        #expect(notes(remark, for: "a") == [.remark(name: "Asha", text: "Making the service easier to reach")])
        #expect(room.session.conversation.currentStep?.id == "purpose")

        let answered = room.handle("A service that is easier to reach", from: "h")
        #expect(notes(answered, for: "a").first == .recorded(question: "What is this piece of work for?", answer: "A service that is easier to reach"))
        #expect(askedStep(answered, for: "a") == "hopes")
        #expect(notes(answered, for: "a").contains(.turn(everyone: true, host: false)))
        #expect(room.pendingChanges.contains(.answered(step: "purpose", value: .text("A service that is easier to reach"))), "kept in the shared journal")
    }

    @Test func everyoneAnswersAndTheAnswersShowTogether() throws {
        var room = try room()
        _ = room.open()
        _ = room.join(id: "a", name: "Asha")
        _ = room.join(id: "b", name: "Ben")
        _ = room.handle("Easier to reach", from: "h")

        let first = room.handle("To be listened to", from: "a")
        #expect(notes(first, for: "a") == [.kept(count: 1, of: 3, changed: false)])
        #expect(notes(first, for: "b") == [.answered(name: "Asha", count: 1, of: 3)], "others hear that Asha answered, not what")
        #expect(!events(first, for: "b").description.contains("listened"))

        let changed = room.handle("To be heard", from: "a")
        #expect(notes(changed, for: "a") == [.kept(count: 1, of: 3, changed: true)])
        #expect(events(changed, for: "b").isEmpty)

        let wrong = room.handle("/next", from: "a")
        #expect(notes(wrong, for: "a") == [.hostOnly("move the group on")])

        _ = room.handle("/skip", from: "b")
        #expect(room.handle("/people", from: "b").flatMap(\.events) == [.room(.people(names: ["Sam", "Asha", "Ben"], waitingFor: ["Sam"]))])
        let last = room.handle("Shorter waits", from: "h")
        let expected = RoomNote.views(question: "What do you hope for from it?", lines: ["Asha: To be heard", "Ben: passed", "Sam: Shorter waits"])
        for id in ["h", "a", "b"] {
            #expect(notes(last, for: id).first == expected)
            #expect(askedStep(last, for: id) == "often")
        }
        let views: [AnswerValue.View] = [.init(name: "Asha", value: .text("To be heard")), .init(name: "Ben", value: nil), .init(name: "Sam", value: .text("Shorter waits"))]
        #expect(room.pendingChanges.last == .answered(step: "hopes", value: .views(views)))
    }

    @Test func aWrongOwnAnswerIsToldToThatPersonOnly() throws {
        var room = try room()
        _ = room.open()
        _ = room.join(id: "a", name: "Asha")
        _ = room.handle("Easier to reach", from: "h")
        _ = room.handle("/next", from: "h")   // nobody answered "hopes": left for now
        #expect(room.session.conversation.currentStep?.id == "often")
        let wrong = room.handle("Daily", from: "a")
        #expect(events(wrong, for: "a").invalidMessages == ["Please type the number of your choice, from 1 to 2."])
        #expect(events(wrong, for: "h").isEmpty)
        _ = room.handle("2", from: "a")
        let done = room.handle("1", from: "h")
        #expect(notes(done, for: "a").first == .views(question: "How often should we meet?", lines: ["Asha: Monthly", "Sam: Weekly"]))
    }

    @Test func theFacilitatorCanGoOnWithoutWaiting() throws {
        var room = try room()
        _ = room.open()
        _ = room.join(id: "a", name: "Asha")
        _ = room.join(id: "b", name: "Ben")
        _ = room.handle("Easier to reach", from: "h")
        _ = room.handle("Kindness", from: "a")
        let next = room.handle("/next", from: "h")
        #expect(notes(next, for: "b").first == .views(question: "What do you hope for from it?", lines: ["Asha: Kindness"]))
        #expect(askedStep(next, for: "b") == "often")
    }

    @Test func someoneLeavingCanCompleteTheRound() throws {
        var room = try room()
        _ = room.open()
        _ = room.join(id: "a", name: "Asha")
        _ = room.join(id: "b", name: "Ben")
        _ = room.handle("Easier to reach", from: "h")
        _ = room.handle("Kindness", from: "a")
        _ = room.handle("Time", from: "h")
        let left = room.leave(id: "b")
        #expect(notes(left, for: "a").first == .left(name: "Ben"))
        #expect(notes(left, for: "a").contains(.views(question: "What do you hope for from it?", lines: ["Asha: Kindness", "Sam: Time"])))
        #expect(room.members.map(\.name) == ["Sam", "Asha"])
    }

    @Test func onlyTheFacilitatorMovesTheGroup() throws {
        var room = try room()
        _ = room.open()
        _ = room.join(id: "a", name: "Asha")
        #expect(notes(room.handle("/back", from: "a"), for: "a") == [.hostOnly("go back")])
        #expect(notes(room.handle("/change 1", from: "a"), for: "a") == [.hostOnly("change the group's answers")])
        #expect(notes(room.handle("/skip", from: "a"), for: "a") == [.hostOnly("skip a question the group answers together")])
        // Looking is fine: the group's plan is shared by the group.
        #expect(events(room.handle("/review", from: "a"), for: "a").contains { if case .review = $0 { true } else { false } })
        #expect(events(room.handle("/export", from: "a"), for: "a").contains { if case .export = $0 { true } else { false } })
        // No file is written for someone in a group, and they are told so, as anywhere else.
        let saved = events(room.handle("/export markdown our-plan.md", from: "a"), for: "a")
        #expect(saved.first == .notice("Saving to a file is not possible here, so here is your plan instead."))
        #expect(saved.contains { if case .export(.markdown, _) = $0 { true } else { false } })
        #expect(room.session.conversation.currentStep?.id == "purpose")
    }

    @Test func theFacilitatorGoingBackTakesEveryoneBack() throws {
        var room = try room()
        _ = room.open()
        _ = room.join(id: "a", name: "Asha")
        _ = room.handle("Easier to reach", from: "h")
        let back = room.handle("/back", from: "h")
        #expect(askedStep(back, for: "a") == "purpose")
        #expect(notes(back, for: "a").contains(.turn(everyone: false, host: false)))
    }

    @Test func goingBackToAQuestionEveryoneAnswersShowsEachTheirOwnAnswerAndEnterKeepsIt() throws {
        var room = try room()
        _ = room.open()
        _ = room.join(id: "a", name: "Asha")
        _ = room.handle("Easier to reach", from: "h")
        _ = room.handle("More time to talk", from: "h")
        _ = room.handle("Being heard", from: "a")
        #expect(room.session.conversation.currentStep?.id == "often")
        let back = room.handle("/back", from: "h")
        let prompts = { (id: String) in self.events(back, for: id).compactMap { if case .asked(let p) = $0 { p } else { nil } } }
        #expect(prompts("a").last?.step == "hopes")
        #expect(prompts("a").last?.current == "Being heard", "their own answer, not everyone's")
        #expect(prompts("h").last?.current == "More time to talk")
        // Enter keeps each person's own answer.
        _ = room.handle("", from: "a")
        _ = room.handle("", from: "h")
        #expect(room.session.conversation.currentStep?.id == "often")
        #expect(room.session.conversation.state.answers["hopes"] == .views([.init(name: "Asha", value: .text("Being heard")), .init(name: "Sam", value: .text("More time to talk"))]))
    }

    @Test func peopleInAGroupAreNotToldToChangeAnswersOnlyTheHostCanChange() throws {
        var room = try room()
        _ = room.open()
        _ = room.join(id: "a", name: "Asha")
        _ = room.handle("Easier to reach", from: "h")
        let review = events(room.handle("/review", from: "a"), for: "a")
        #expect(review.contains { if case .review(_, canChange: false, _) = $0 { true } else { false } })
        let lines = TextRenderer().render(review).joined(separator: " ")
        #expect(!lines.contains("/change"))
        #expect(lines.contains("In a group, the host changes the group's answers."))
        #expect(events(room.handle("/review", from: "h"), for: "h").contains { if case .review(_, canChange: true, _) = $0 { true } else { false } })
    }

    @Test func theGroupsCodeIsSaidWithTheRoomsWords() throws {
        var room = try room()
        let opening = events(room.open(), for: "h")
        #expect(!opening.contains { if case .keptAs = $0 { true } else { false } })
        #expect(opening.contains(.room(.savedAs(code: "ABCD-1234"))))
        #expect(TextRenderer().render(.room(.savedAs(code: "ABCD-1234"))).joined(separator: " ").contains("/room resume ABCD-1234"))
    }

    @Test func whenTheHostsConnectionDropsTheGroupWaitsAndCarriesOnWhenTheyAreBack() throws {
        var room = try room()
        _ = room.open()
        _ = room.join(id: "a", name: "Asha")
        let away = room.leave(id: "h", graceMinutes: 10)
        #expect(notes(away, for: "a") == [.hostAway(minutes: 10)])
        #expect(!room.isClosed)
        // An earlier absence's late close does nothing once the host is back.
        let first = room.absences
        let back = room.hostReturns(id: "h2")
        #expect(notes(back, for: "a") == [.hostBack(name: "Sam")])
        #expect(askedStep(back, for: "h2") == "purpose")
        #expect(room.closeIfHostStillAway(absence: first).isEmpty)
        _ = room.handle("Easier to reach", from: "h2")
        #expect(room.session.conversation.currentStep?.id == "hopes", "the new connection types the group's answers")
        // Gone for good: everyone gets the code.
        _ = room.leave(id: "h2", graceMinutes: 10)
        let ended = room.closeIfHostStillAway(absence: room.absences)
        #expect(room.isClosed)
        #expect(notes(ended, for: "a").contains { if case .closed(let code?, true, false, _) = $0 { !code.isEmpty } else { false } })
    }

    @Test func aListAnswerIsSharedWhenItIsDone() throws {
        var room = try room()
        _ = room.open()
        _ = room.join(id: "a", name: "Asha")
        _ = room.handle("Easier to reach", from: "h")
        _ = room.handle("/next", from: "h")
        _ = room.handle("/next", from: "h")
        #expect(room.session.conversation.currentStep?.id == "actions")
        let item = room.handle("Book a room", from: "h")
        #expect(events(item, for: "a").isEmpty, "items being typed are the facilitator's until the list is done")
        let done = room.handle("", from: "h")
        #expect(notes(done, for: "a").first == .recorded(question: "What will we do first?", answer: "Book a room"))
        #expect(events(done, for: "a").contains(.said("Thank you all.")))
        #expect(events(done, for: "a").contains { if case .finished = $0 { true } else { false } })
    }

    @Test func closingTheRoomTellsEveryoneAndGivesTheFacilitatorTheCode() throws {
        var room = try room()
        _ = room.open()
        _ = room.join(id: "a", name: "Asha")
        let leaving = room.handle("/quit", from: "a")
        #expect(notes(leaving, for: "a") == [.youLeft])
        #expect(notes(leaving, for: "h") == [.left(name: "Asha")])
        _ = room.join(id: "b", name: "Ben")
        let closed = room.close()
        #expect(notes(closed, for: "h") == [.closed(code: "ABCD-1234", saved: true, host: true)])
        #expect(notes(closed, for: "b") == [.closed(code: nil, saved: true, host: false)])
        #expect(room.isClosed)
        #expect(room.handle("hello", from: "b").isEmpty)
        #expect(room.join(id: "c", name: "Cal").deliveries.isEmpty)
    }

    @Test func wordsOfRiskBringTheContactsToThatPersonOnly() throws {
        var room = try room()
        _ = room.open()
        _ = room.join(id: "a", name: "Asha")
        let first = room.handle("some days I want to die", from: "a")
        #expect(events(first, for: "a").first.map { if case .checkIn = $0 { true } else { false } } == true)
        #expect(!events(first, for: "h").contains { if case .checkIn = $0 { true } else { false } }, "the contacts are for the person who wrote it")
        let again = room.handle("I want to die", from: "a")
        #expect(!events(again, for: "a").contains { if case .checkIn = $0 { true } else { false } })
        #expect(events(again, for: "a").contains { if case .checkInReminder = $0 { true } else { false } }, "every later line: a short reminder")
        #expect(!events(again, for: "h").contains { if case .checkInReminder = $0 { true } else { false } }, "to that person alone")
        // At the next question: a short reminder, to that person alone.
        _ = room.handle("Planning together", from: "h")
        let later = room.handle("I want to kill myself", from: "a")
        #expect(events(later, for: "a").contains { if case .checkInReminder = $0 { true } else { false } })
        #expect(!events(later, for: "h").contains { if case .checkInReminder = $0 { true } else { false } })
        // Someone else in the room gets their own first check-in.
        _ = room.join(id: "b", name: "Ben")
        let ben = room.handle("my dad says he wants to end his life", from: "b")
        #expect(events(ben, for: "b").first == .checkIn(message: SupportDirectory.fallback.checkIn.someoneElse, support: .fallback, about: .someoneElse))
        #expect(!events(ben, for: "a").contains { if case .checkIn = $0 { true } else { false } })
    }

    /// No one is left waiting in a room with no host: when the host types /quit the room closes and
    /// everyone is told; when their connection drops, everyone is told how long the group will wait,
    /// and if they do not come back the room closes and everyone gets the group's code.
    @Test func noOneIsLeftWaitingWhenTheHostGoes() throws {
        var room = try room()
        _ = room.open()
        _ = room.join(id: "a", name: "Asha")
        _ = room.join(id: "b", name: "Ben")
        var quitting = room
        let quit = quitting.handle("/quit", from: "h")
        #expect(notes(quit, for: "a") == [.closed(code: nil, saved: true, host: false)])
        #expect(quitting.isClosed)

        let gone = room.leave(id: "h", graceMinutes: 10)
        #expect(notes(gone, for: "a") == [.hostAway(minutes: 10)])
        #expect(notes(gone, for: "b") == [.hostAway(minutes: 10)])
        let ended = room.closeIfHostStillAway(absence: room.absences)
        #expect(notes(ended, for: "a") == [.closed(code: MemoryJournal.code, saved: true, host: false)])
        #expect(room.isClosed)
    }

    @Test func onTheirOwnEveryoneQuestionsAreAskedAsUsual() throws {
        var c = Conversation(script: try T.script(Self.steps), today: T.today)
        _ = c.start()
        c.type("Easier to reach", "To be heard")
        #expect(c.state.answers["hopes"] == .text("To be heard"))
    }

    @Test func viewsReadWellInEveryExport() throws {
        var room = try room()
        _ = room.open()
        _ = room.join(id: "a", name: "Asha")
        _ = room.handle("Easier to reach", from: "h")
        _ = room.handle("To be heard", from: "a")
        _ = room.handle("/skip", from: "h")
        let exporter = PlanExporter(conversation: room.session.conversation)
        #expect(exporter.text().contains("  - Asha: To be heard\n  - Sam: passed"))
        #expect(exporter.markdown().contains("- Asha: To be heard\n- Sam: passed"))
        let json = exporter.json()
        #expect(json.contains("\"who\" : \"everyone\""))
        #expect(json.contains("\"name\" : \"Asha\""))
        let roundTrip = try JSONDecoderTests.roundTrip(AnswerValue.views([.init(name: "Asha", value: .choice("weekly")), .init(name: "Ben", value: nil)]))
        #expect(roundTrip == .views([.init(name: "Asha", value: .choice("weekly")), .init(name: "Ben", value: nil)]))
    }

    @Test func roomNotesRoundTripThroughJSON() {
        let notes: [RoomNote] = [
            .opened(code: "K7QM-4TZD", title: "T"), .welcome(name: "A", title: "T", others: ["S"]),
            .welcome(name: "A", title: "T", others: [], seat: "KQ7-4MT", code: "K7QM-4TZD"), .joined(name: "A"), .back(name: "A"), .left(name: "A"), .renamed(from: "A", to: "B"), .dropped(name: "A"),
            .answered(name: "A", count: 1, of: 3), .kept(count: 2, of: 3, changed: true), .views(question: "Q?", lines: ["A: x"]),
            .recorded(question: "Q?", answer: nil), .recorded(question: "Q?", answer: "x"), .remark(name: "A", text: "hi"),
            .turn(everyone: true, host: false), .people(names: ["S", "A"], waitingFor: ["A"]), .hostOnly("go back"), .help(host: true),
            .closed(code: "ABCD-1234", saved: true, host: true), .youLeft,
        ]
        let renderer = TextRenderer(width: 60)
        for note in notes {
            let json = JSONRenderer.encode(.room(note))
            #expect(JSONRenderer.decode(try! JSONValue.parse(json.serialized())) == .room(note))
            #expect(!renderer.render(.room(note)).isEmpty)
        }
    }

    @Test func theCheckerKnowsWho() {
        let unknown = T.diagnostics("""
            - id: a
              ask: What?
              answer: text
              who: everybody
            """)
        #expect(unknown.map(\.code) == [.wrongValue])
        #expect(unknown.first?.help == "did you mean \"everyone\"?")
        #expect(unknown.first?.location.line == 4 + T.stepsLineOffset)

        let list = T.diagnostics("""
            - id: a
              ask: What?
              answer: list
              who: everyone
            """)
        #expect(list.map(\.code) == [.everyoneAnswer])
        #expect(list.first?.location.line == 4 + T.stepsLineOffset)

        let used = T.diagnostics("""
            - id: a
              ask: What?
              answer: yes-no
              who: everyone
            - id: b
              ask: You said {a}. Why?
              answer: text
              when: a == true
            """)
        #expect(used.map(\.code).sorted { $0.rawValue < $1.rawValue } == [.everyoneAnswer, .everyoneAnswer])
        #expect(Set(used.map(\.location.line)) == [6 + T.stepsLineOffset, 8 + T.stepsLineOffset])
    }
}
