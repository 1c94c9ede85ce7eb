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
}
