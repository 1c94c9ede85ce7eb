import Testing

@testable import DialogueEngine

/// A group room's /help lists what each person can type there. The host is told "type the group's
/// answer, or /skip", so the host's help must list /skip too (it did not).
@Suite struct RoomHelpTests {
    @Test func theHostsHelpListsSkip() {
        let host = CommandCatalogue.roomHelp(host: true).map(\.usage)
        #expect(host.contains("/skip"), "\(host)")
        #expect(host.contains("/back") && host.contains("/next") && host.contains("/people"), "\(host)")
    }

    @Test func someoneTakingPartIsToldOnlyWhatTheyCanDo() {
        let member = CommandCatalogue.roomHelp(host: false).map(\.usage)
        #expect(member.contains("/skip") && member.contains("/people"), "\(member)")
        #expect(!member.contains("/next") && !member.contains("/back") && !member.contains("/change"), "\(member)")
    }

    /// `/help` shows the question again after the commands: as this person sees it (their own
    /// answer held, on a question everyone answers), and who answers it, as when it was asked.
    @Test func theQuestionAfterHelpIsAsThisPersonSeesIt() throws {
        let rooms = RoomTests()
        var room = try rooms.room()
        _ = room.open()
        _ = room.join(id: "a", name: "Asha", seat: "KQ7-4MT")
        _ = room.handle("A safer ward", from: "h")
        _ = room.handle("Kindness", from: "a")
        let events = rooms.events(room.handle("/help", from: "a"), for: "a")
        let asked = events.compactMap { if case .asked(let p) = $0 { p } else { nil } }.last
        #expect(asked?.step == "hopes" && asked?.current == "Kindness", "\(events)")
        #expect(events.last == .room(.turn(everyone: true, host: false)), "\(events)")
    }
}
