import Testing

@testable import DialogueEngine

/// Own answers held for an open `who: everyone` question are kept as they are given (`Change.held`),
/// never as the plan's answers, and come back when the group's plan is opened as a room again (a
/// server that crashed with the question open).
@Suite struct RoomHeldTests {
    typealias T = TestSupport
    let rooms = RoomTests()

    /// A room whose every turn's changes are kept, as a door keeps them in its store.
    struct Kept {
        var room: Room
        var changes: [Change] = []

        @discardableResult
        mutating func take(_ change: (inout Room) -> [Room.Delivery]) -> [Room.Delivery] {
            let turn = room.turn(change)
            changes += turn.changes
            room.accept(turn)
            return turn.deliveries
        }
    }

    /// Sam hosts; Asha (seat KQ7-4MT) and Ben (seat TX4-9WP) are in the room; the group is on
    /// "hopes", which everyone answers; Asha and Ben have answered it, Sam not yet.
    func twoHeld() throws -> Kept {
        var kept = Kept(room: try rooms.room())
        kept.take { $0.open() }
        kept.take { $0.join(id: "a", name: "Asha", seat: "KQ7-4MT").deliveries }
        kept.take { $0.join(id: "b", name: "Ben", seat: "TX4-9WP").deliveries }
        kept.take { $0.handle("Easier to reach", from: "h") }
        kept.take { $0.handle("Kindness", from: "a") }
        kept.take { $0.handle("/skip", from: "b") }
        return kept
    }

    /// The group's plan read back from what was kept, opened as a room again by its host (a new
    /// connection), as `/room resume` does after a crash.
    func reopened(_ changes: [Change], hostID: String = "h2") throws -> (room: Room, told: [Room.Delivery]) {
        let conversation = Conversation(script: try T.script(RoomTests.steps), replaying: changes, today: T.today)
        var session = Session(conversation: conversation, support: .fallback, plan: PlanInfo(id: "testplan", code: MemoryJournal.code))
        let opening = session.resumeAsRoom()
        var room = Room(code: "R3DK-9PQW", session: session, host: .init(id: hostID, name: "Sam"))
        let told = room.reopen(opening: opening)
        return (room, told)
    }

    @Test func eachOwnAnswerIsKeptAsHeldWhenGivenAndNeverAsThePlansAnswer() throws {
        let kept = try twoHeld()
        #expect(kept.changes.suffix(2) == [
            .held(step: "hopes", name: "Asha", seat: "KQ7-4MT", host: false, value: .text("Kindness")),
            .held(step: "hopes", name: "Ben", seat: "TX4-9WP", host: false, value: nil),
        ])
        let read = Conversation(script: try T.script(RoomTests.steps), replaying: kept.changes, today: T.today)
        #expect(read.state.answers["hopes"] == nil && !read.state.skipped.contains("hopes"))
        #expect(read.currentStep?.id == "hopes")
        #expect(read.state.held.map(\.name) == ["Asha", "Ben"])
        // An export of the plan shows none of them: they are not the group's answers yet.
        let exported = PlanExporter(conversation: read).text()
        #expect(exported.contains("Easier to reach"))
        #expect(!exported.contains("Kindness"))
    }

    @Test func aChangedAnswerReplacesTheHeldOneAndTheLastAnswerEndsThemAll() throws {
        var kept = try twoHeld()
        kept.take { $0.handle("Warmth", from: "a") }
        var read = Conversation(script: try T.script(RoomTests.steps), replaying: kept.changes, today: T.today)
        #expect(read.state.held.map(\.name) == ["Ben", "Asha"])
        #expect(read.state.held.last?.value == .text("Warmth"))
        // The last answer shows them all together: only the group's answer is kept then.
        let before = kept.changes.count
        kept.take { $0.handle("Time", from: "h") }
        #expect(!kept.changes[before...].contains { if case .held = $0 { true } else { false } })
        read = Conversation(script: try T.script(RoomTests.steps), replaying: kept.changes, today: T.today)
        #expect(read.state.held.isEmpty)
        #expect(read.state.answers["hopes"] != nil)
        // Nothing held comes back in a room opened on it.
        let (room, _) = try reopened(kept.changes)
        #expect(room.answeredCount == 0)
    }

    @Test func reopenedAfterACrashTheHeldAnswersAreBackAndCountUnderTheirNames() throws {
        let kept = try twoHeld()
        var (room, told) = try reopened(kept.changes)
        #expect(rooms.notes(told, for: "h2").suffix(2) == [.answered(name: "Asha", count: 1, of: 3), .answered(name: "Ben", count: 2, of: 3)])
        #expect(room.waitingFor() == ["Sam"])
        // Someone new joins: they count too, and the held answers are not theirs.
        let (_, joined) = room.join(id: "c", name: "Asha", seat: "MN3-RRT")
        #expect(rooms.notes(joined, for: "c").first == .welcome(name: "Asha 2", title: "Test", others: ["Sam"], seat: "MN3-RRT", code: room.code))
        #expect(rooms.notes(room.handle("Courage", from: "c"), for: "c") == [.kept(count: 3, of: 4, changed: false)])
        // The last answer shows everyone's together, those given before the crash too.
        let shown = room.handle("Time", from: "h2")
        #expect(rooms.notes(shown, for: "c").first == .views(question: "What do you hope for from it?", lines: ["Asha: Kindness", "Ben: passed", "Asha 2: Courage", "Sam: Time"]))
        #expect(room.session.conversation.state.answers["hopes"] == .views([
            .init(name: "Asha", value: .text("Kindness")), .init(name: "Ben", value: nil), .init(name: "Asha 2", value: .text("Courage")), .init(name: "Sam", value: .text("Time")),
        ]))
    }

    @Test func someoneBackWithTheirSeatCodeAfterACrashHasTheirHeldAnswerToChange() throws {
        let kept = try twoHeld()
        var (room, _) = try reopened(kept.changes)
        guard case .back(let name, let back) = room.comeBack(id: "a2", seat: "kq7-4mt") else { Issue.record("not back"); return }
        #expect(name == "Asha")
        #expect(rooms.notes(back, for: "a2").contains(.kept(count: 2, of: 3, changed: false, back: true)))
        #expect(rooms.notes(room.handle("Warmth", from: "a2"), for: "a2") == [.kept(count: 2, of: 3, changed: true)])
        let shown = room.handle("Time", from: "h2")
        guard case .views(_, let lines)? = rooms.notes(shown, for: "a2").first else { Issue.record("not shown: \(shown)"); return }
        #expect(lines.contains("Asha: Warmth") && lines.contains("Sam: Time") && !lines.contains("Asha: Kindness"))
        guard case .views(let views)? = room.session.conversation.state.answers["hopes"] else { Issue.record("not answered"); return }
        #expect(views == [.init(name: "Ben", value: nil), .init(name: "Asha", value: .text("Warmth")), .init(name: "Sam", value: .text("Time"))])
        // A seat code that was no one's is still wrong.
        #expect(room.comeBack(id: "x", seat: "AAA-333") == .wrongSeat)
    }

    @Test func theHostsOwnHeldAnswerIsTheHostsAgain() throws {
        var kept = try twoHeld()
        kept.take { $0.join(id: "c", name: "Cara", seat: "MN3-RRT").deliveries }
        kept.take { $0.handle("Time", from: "h") }
        #expect(kept.changes.last == .held(step: "hopes", name: "Sam", seat: nil, host: true, value: .text("Time")))
        var (room, told) = try reopened(kept.changes)
        #expect(rooms.notes(told, for: "h2").suffix(3) == [
            .answered(name: "Asha", count: 1, of: 3), .answered(name: "Ben", count: 2, of: 3), .answered(name: "Sam", count: 3, of: 3),
        ])
        // Everyone here has answered: the host changes theirs, and that shows them all.
        let shown = room.handle("Patience", from: "h2")
        guard case .views(_, let lines)? = rooms.notes(shown, for: "h2").first else { Issue.record("not shown: \(shown)"); return }
        #expect(lines.contains("Asha: Kindness") && lines.contains("Sam: Patience") && !lines.contains("Sam: Time"))
    }

    /// The host went back (`/back`) to a question everyone answers, and people answered it again:
    /// a crash then must not open the room at the question after it, dropping what they gave.
    @Test func answersHeldAfterTheHostWentBackAreHeldAgainAtThatQuestion() throws {
        var kept = try twoHeld()
        kept.take { $0.handle("Time", from: "h") }  // everyone has answered: on to "often"
        #expect(kept.room.session.conversation.currentStep?.id == "often")
        kept.take { $0.handle("/back", from: "h") }
        kept.take { $0.handle("Warmth", from: "a") }
        kept.take { $0.handle("Hope", from: "b") }
        var (room, told) = try reopened(kept.changes)
        #expect(room.session.conversation.currentStep?.id == "hopes")
        #expect(rooms.askedStep(told, for: "h2") == "hopes")
        #expect(rooms.events(told, for: "h2").contains(.notice("Welcome back. The group's answers are all here.")))
        #expect(rooms.notes(told, for: "h2").suffix(2) == [.answered(name: "Asha", count: 1, of: 3), .answered(name: "Ben", count: 2, of: 3)])
        // The host keeps their own answer: everyone's show together, the new ones, and the group
        // goes back to where it had got to.
        let shown = room.handle("", from: "h2")
        #expect(rooms.notes(shown, for: "h2").first == .views(question: "What do you hope for from it?", lines: ["Asha: Warmth", "Ben: Hope", "Sam: Time"]))
        #expect(room.session.conversation.currentStep?.id == "often")
    }

    /// The host goes back (`/back`) from a question everyone is answering, to change the answer
    /// before it, and comes on to it again: the answers given to it are still held, each shown to
    /// its person as their answer now, kept again in the store, and shown with the rest.
    @Test func answersHeldWhenTheHostGoesBackAreStillThereWhenTheGroupComesBack() throws {
        var kept = try twoHeld()
        kept.take { $0.handle("/back", from: "h") }
        #expect(kept.room.session.conversation.currentStep?.id == "purpose")
        let again = kept.take { $0.handle("Easier to reach, for everyone", from: "h") }
        #expect(kept.room.session.conversation.currentStep?.id == "hopes")
        let asked = rooms.events(again, for: "a").compactMap { if case .asked(let p) = $0 { p } else { nil } }.last
        #expect(asked?.current == "Kindness")
        #expect(kept.room.waitingFor() == ["Sam"])
        // Kept again as held, after the group's answer that ended the earlier ones in the store.
        let read = Conversation(script: try T.script(RoomTests.steps), replaying: kept.changes, today: T.today)
        #expect(read.state.held.map(\.name) == ["Asha", "Ben"])
        let shown = kept.take { $0.handle("Time", from: "h") }
        #expect(rooms.notes(shown, for: "a").first == .views(question: "What do you hope for from it?", lines: ["Asha: Kindness", "Ben: passed", "Sam: Time"]))
    }

    @Test func heldAnswersForAQuestionTheGroupLeftAreNotBroughtBack() throws {
        var kept = try twoHeld()
        kept.take { $0.handle("/next", from: "h") }
        kept.take { $0.handle("Weekly", from: "a") }
        let (room, told) = try reopened(kept.changes)
        #expect(room.session.conversation.currentStep?.id == "often")
        #expect(rooms.notes(told, for: "h2").last == .answered(name: "Asha", count: 1, of: 2))
        #expect(room.answeredCount == 1)
    }
}
