import Testing

@testable import DialogueEngine

/// People in a group room as they come, go and change: an answer given survives a dropped
/// connection, the end is told in the group's words, and `/name` changes the name the group knows.
@Suite struct RoomPeopleTests {
    let rooms = RoomTests()

    /// An own answer is acknowledged ("Thank you", held until everyone has answered): a dropped
    /// connection does not lose it. It shows with the others; back on a new connection with their
    /// seat code, it is theirs again (to change, not to give twice). The host's too.
    @Test func anAnswerGivenIsKeptWhenItsPersonsConnectionDrops() throws {
        var room = try rooms.room()
        _ = room.open()
        _ = room.join(id: "a", name: "Asha", seat: "KQ7-4MT")
        _ = room.join(id: "b", name: "Ben")
        _ = room.handle("Easier to reach", from: "h")
        _ = room.handle("Kindness", from: "a")
        #expect(rooms.notes(room.leave(id: "a"), for: "b") == [.left(name: "Asha")])
        guard case .back(_, let back) = room.comeBack(id: "a2", seat: "KQ7-4MT") else { Issue.record("not back"); return }
        #expect(rooms.notes(back, for: "a2").contains(.kept(count: 1, of: 3, changed: false, back: true)), "told their answer is still held")
        #expect(rooms.notes(room.handle("Warmth", from: "a2"), for: "a2") == [.kept(count: 1, of: 3, changed: true)])
        _ = room.handle("Time", from: "h")
        _ = room.leave(id: "h", graceMinutes: 10)
        _ = room.hostReturns(id: "h2")
        let shown = room.handle("Patience", from: "b")
        #expect(rooms.notes(shown, for: "b").first == .views(question: "What do you hope for from it?", lines: ["Asha: Warmth", "Sam: Time", "Ben: Patience"]))
    }

    @Test func anAnswerGivenStillShowsWhenItsPersonDoesNotComeBack() throws {
        var room = try rooms.room()
        _ = room.open()
        _ = room.join(id: "a", name: "Asha")
        _ = room.join(id: "b", name: "Ben")
        _ = room.handle("Easier to reach", from: "h")
        _ = room.handle("Kindness", from: "a")
        _ = room.leave(id: "a")
        #expect(rooms.notes(room.handle("Time", from: "h"), for: "b") == [.answered(name: "Sam", count: 2, of: 3)])
        #expect(rooms.notes(room.handle("/people", from: "b"), for: "b") == [.people(names: ["Sam", "Ben"], waitingFor: ["Ben"])])
        let shown = room.handle("Patience", from: "b")
        #expect(rooms.notes(shown, for: "b").first == .views(question: "What do you hope for from it?", lines: ["Asha: Kindness", "Sam: Time", "Ben: Patience"]))
    }

    /// The end of a group's plan, in words for each person: the group answered, not "you"; only
    /// the host changes answers; anyone else is pointed to `/export` to keep a copy, as only the
    /// host gets the group plan's code when the group ends.
    @Test func theEndIsToldInTheGroupsWords() throws {
        var room = try rooms.room()
        _ = room.open()
        _ = room.join(id: "a", name: "Asha")
        _ = room.handle("Easier to reach", from: "h")
        _ = room.handle("/next", from: "h")
        _ = room.handle("/next", from: "h")
        _ = room.handle("Book a room", from: "h")
        let done = room.handle("", from: "h")
        let summary = { (id: String) in
            rooms.events(done, for: id).compactMap { if case .finished(let s) = $0 { s } else { nil } }.first
        }
        #expect(summary("a")?.group == .member)
        #expect(summary("h")?.group == .host)
        let renderer = TextRenderer()
        let asha = renderer.render(.finished(try #require(summary("a")))).joined(separator: " ")
        #expect(asha.contains("The group answered 2 questions"), "\(asha)")
        #expect(asha.contains("/export to see the group's plan"), "\(asha)")
        #expect(!asha.contains("/change"), "only the host changes the group's answers: \(asha)")
        let sam = renderer.render(.finished(try #require(summary("h")))).joined(separator: " ")
        #expect(sam.contains("/change and a number to change one"), "\(sam)")
        #expect(sam.contains("/quit to end the group"), "\(sam)")

        // Someone who joins a finished group is told the same.
        let (_, late) = room.join(id: "b", name: "Ben")
        #expect(rooms.events(late, for: "b").contains { if case .finished(let s) = $0 { s.group == .member } else { false } })

        // A plan of one's own is told as before; JSON carries who is told, and reads it back.
        let own = Summary(title: "T", answered: 1, skipped: 0)
        #expect(renderer.render(.finished(own)).joined(separator: " ").contains("You answered 1 question."))
        let json = JSONRenderer.encode(.finished(try #require(summary("a"))))
        #expect(json["group"]?.string == "member")
        #expect(JSONRenderer.decode(json) == .finished(try #require(summary("a"))))
        #expect(JSONRenderer.encode(.finished(own))["group"] == nil)
    }

    /// `/name` in a room: the group knows this person by the new name from now on (made unique, as
    /// at joining), and everyone else is told; their own answers held for an open question stay theirs.
    @Test func someoneChangesTheNameTheGroupKnowsThemBy() throws {
        var room = try rooms.room()
        _ = room.open()
        _ = room.join(id: "a", name: "Asha")
        #expect(room.join(id: "b", name: "Asha").name == "Asha 2")
        _ = room.handle("Easier to reach", from: "h")
        _ = room.handle("Less waiting", from: "b")

        let (name, renamed) = room.rename(id: "b", to: "Asha K")
        #expect(name == "Asha K")
        #expect(rooms.notes(renamed, for: "h") == [.renamed(from: "Asha 2", to: "Asha K")])
        #expect(rooms.notes(renamed, for: "a") == [.renamed(from: "Asha 2", to: "Asha K")])
        #expect(rooms.notes(renamed, for: "b") == [.renamed(from: "Asha 2", to: "Asha K")], "the door turns this into its own thanks")
        #expect(room.member("b")?.name == "Asha K")

        // Another's name gets a number; a change of case to one's own does not.
        #expect(room.rename(id: "b", to: "asha").name == "asha 2")
        #expect(room.rename(id: "b", to: "Asha 2").name == "Asha 2")
        #expect(room.rename(id: "b", to: "Asha 2").deliveries.isEmpty, "the same name: nothing to tell")
        #expect(room.rename(id: "zz", to: "Zed").deliveries.isEmpty, "not in the room")
        // The host's name is the host's alone.
        let refused = room.rename(id: "b", to: "the HOST")
        #expect(refused.name == "Asha 2" && refused.deliveries == [Room.Delivery(to: "b", events: [.notice(Room.nameForHost)])])
        #expect(room.rename(id: "h", to: "Host").name == "Host", "the host may be called Host")
        _ = room.rename(id: "h", to: "Sam")

        // The held answer is still theirs, shown with the name they have now.
        _ = room.handle("More time", from: "a")
        let shown = room.handle("Being heard", from: "h")
        let views: [String] = rooms.notes(shown, for: "a").compactMap { note -> [String]? in if case .views(_, let lines) = note { lines } else { nil } }.first ?? []
        #expect(views.contains("Asha 2: Less waiting"))

        let json = JSONRenderer.encode(.room(.renamed(from: "Asha 2", to: "Asha K")))
        #expect(json["event"]?.string == "renamed" && json["from"]?.string == "Asha 2" && json["name"]?.string == "Asha K")
        #expect(JSONRenderer.decode(json) == .room(.renamed(from: "Asha 2", to: "Asha K")))
        #expect(TextRenderer().render(.room(.renamed(from: "Asha 2", to: "Asha K"))) == ["  Asha 2 is now called Asha K."])
    }

    /// A door shows where the group is again after `/mode json` or `/mode text`: the question with
    /// who answers it (in a room a question alone does not say), and at the end, the end.
    @Test func whereWeAreSaysWhoAnswersAndTheEnd() throws {
        var room = try rooms.room()
        _ = room.open()
        _ = room.join(id: "a", name: "Asha")
        let shown = room.whereWeAre(for: "a")
        #expect(shown.contains { if case .asked(let p) = $0 { p.step == "purpose" } else { false } })
        #expect(shown.last == .room(.turn(everyone: false, host: false)))
        #expect(room.whereWeAre(for: "h").last == .room(.turn(everyone: false, host: true)))
        for line in ["Ours", "/skip", "/next", "/skip", "/next", "Done", ""] { _ = room.handle(line, from: "h") }
        #expect(room.session.conversation.isFinished)
        guard case .finished(let summary)? = room.whereWeAre(for: "a").last else { Issue.record("\(room.whereWeAre(for: "a"))"); return }
        #expect(summary.group == .member)
    }
}
