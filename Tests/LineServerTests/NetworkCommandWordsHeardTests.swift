import DialogueEngine
import NIOCore
import Testing

@testable import LineServer
import TandemProtocol
import TandemDoors

/// The network's own commands are lines people type too: the words after `/name`, `/join CODE`,
/// `/talk` and the rest are heard, and words of distress are never taken as a name.
@Suite("Words after a network command are heard")
struct NetworkCommandWordsHeardTests {
    static let cannotSendHelp = "Tandem cannot send help"

    static func words(_ lines: [String]) -> String {
        lines.joined(separator: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test("/name with words of distress: the check-in, and they are not the name the host sees")
    func nameAtTheMenu() async throws {
        try await withServer { _, address in
            let person = try await TestClient.connect(address)
            _ = try await person.response()
            try await person.line("/name I want to kill myself")
            let said = Self.words(try await person.response())
            #expect(said.contains(Self.cannotSendHelp), "\(said)")
            #expect(!said.contains("The host will see you as"))
            // A later line: the reminder; a name is still taken.
            try await person.line("/name kms")
            #expect(Self.words(try await person.response()).contains("116 123"))
            try await person.line("/name Sam")
            #expect(try await person.response() == ["Thank you. The host will see you as Sam."])

            let host = try await TestClient.connect(address)
            _ = try await host.response()
            try await host.line("/host \(Fixtures.token)")
            _ = try await host.response()
            try await host.line("/sessions")
            let list = Self.words(try await host.response())
            #expect(list.contains("Sam") && !list.contains("kill myself") && !list.contains("kms"), "\(list)")
        }
    }

    @Test("in a plan: /talk and /name with words of distress bring the check-in, once, then the reminder")
    func inAPlan() async throws {
        try await withServer { _, address in
            let person = try await TestClient.connect(address)
            _ = try await person.response()
            try await person.line("/start 1")
            _ = try await person.response()
            try await person.line("/talk i want to die")
            let first = Self.words(try await person.response())
            #expect(first.contains(Self.cannotSendHelp), "\(first)")
            #expect(first.contains("no one could be told"), "the command still runs: \(first)")
            try await person.line("/name i want to end it all")
            let second = Self.words(try await person.response())
            #expect(second.contains("116 123") && !second.contains(Self.cannotSendHelp), "\(second)")
            #expect(!second.contains("The host will see you as"))
        }
    }

    @Test("/join with words of distress for a name: the check-in, and no one in the group sees them")
    func joinName() async throws {
        try await withServer { _, address in
            let (host, code) = try await RoomTests.openRoom(address)
            let (person, said) = try await RoomTests.join(address, code: code, name: "i want to kill myself")
            #expect(Self.words(said).contains(Self.cannotSendHelp), "\(said)")
            #expect(!Self.words(said).contains("Welcome"))
            try await person.line("/join \(code) Asha")
            #expect(Self.words(try await person.response()).contains("Welcome, Asha."))
            let told = Self.words(try await host.response())
            #expect(told.contains("Asha has joined") && !host.everything.contains("kill myself"), "\(told)")
        }
    }

    @Test("in a room: /name with words of distress brings the check-in to that person alone")
    func inARoom() async throws {
        try await withServer { _, address in
            let (host, code) = try await RoomTests.openRoom(address)
            let (person, _) = try await RoomTests.join(address, code: code, name: "Asha")
            _ = try await host.response()
            try await person.line("/name i want to die")
            let said = Self.words(try await person.response())
            #expect(said.contains(Self.cannotSendHelp), "\(said)")
            #expect(!host.everything.contains("want to die"))
        }
    }
}

/// A hosted session offers the host after the check-in, at the menu as in a plan.
@Suite("The offer of the host at the menu")
struct MenuTalkOfferTests {
    static let offer = "Would you like the host of this session to come and talk with you?"

    @Test("words of distress at the menu: the check-in, then the offer of the host, once")
    func offeredOnce() async throws {
        try await withServer { _, address in
            // A host is connected to be told (with none, there is no offer: TalkOfferTests).
            let host = try await TestClient.connect(address)
            _ = try await host.response()
            try await host.line("/host \(Fixtures.token)")
            _ = try await host.response()
            let person = try await TestClient.connect(address)
            _ = try await person.response()
            try await person.line("i want to kill myself")
            let first = NetworkCommandWordsHeardTests.words(try await person.response())
            #expect(first.contains(NetworkCommandWordsHeardTests.cannotSendHelp) && first.contains(Self.offer), "\(first)")
            try await person.line("i want to die")
            let again = NetworkCommandWordsHeardTests.words(try await person.response())
            #expect(again.contains("116 123") && !again.contains(Self.offer), "\(again)")
            // Into a plan: the reminder, not the full list or the offer again.
            try await person.line("1")
            _ = try await person.response()
            try await person.line("i want to end it all")
            let inPlan = NetworkCommandWordsHeardTests.words(try await person.response())
            #expect(inPlan.contains("116 123") && !inPlan.contains(NetworkCommandWordsHeardTests.cannotSendHelp) && !inPlan.contains(Self.offer), "\(inPlan)")
        }
    }
}

/// Codes are not words: a join code, a resume code or a host token is never heard, so a random code
/// that looks like words to the weighed words never stops anyone joining.
@Suite("Codes are not heard")
struct CodesAreNotHeardTests {
    @Test("only the name in /join is heard, never the code", arguments: ["WFZE-6FSM", "KILL-MYSF", "DIE0-TODY"])
    func joinCode(code: String) {
        #expect(ConnectionLogic.ownWords(.join("\(code) Ben")) == "Ben")
        #expect(ConnectionLogic.ownWords(.join(code)) == nil)
        #expect(ConnectionLogic.ownWords(.join("\(code) KQ7-4MT")) == nil, "a seat code is not heard")
        #expect(ConnectionLogic.ownWords(.join("\(code) Ben kq74mt")) == "Ben")
        #expect(ConnectionLogic.ownWords(.resume(code)) == nil)
        #expect(ConnectionLogic.ownWords(.host(code)) == nil)
        #expect(ConnectionLogic.ownWords(.room("resume \(code)")) == nil)
        #expect(ConnectionLogic.ownWords(.say(id: code, text: "hello")) == "hello")
    }
}
