import DialogueEngine
import NIOCore
import Testing

@testable import LineServer
import TandemDoors
import TandemProtocol

/// `/mode` is a line people type too: the words after the mode are heard (the check-in), and are
/// never kept as what the client is. `tandem connect` answers `/mode` itself and passes the words
/// on with `{"op":"hear"}`, which hears them and does nothing else.
@Suite("Words after /mode are heard")
struct ModeWordsHeardTests {
    typealias Heard = NetworkCommandWordsHeardTests

    @Test("text mode: /mode with a mode that does not exist and words of distress: the check-in, then how to use /mode")
    func unknownMode() async throws {
        try await withServer { _, address in
            let person = try await TestClient.connect(address)
            _ = try await person.response()
            try await person.line("/mode plain kill myself")
            let said = Heard.words(try await person.response())
            #expect(said.contains(Heard.cannotSendHelp), "\(said)")
            #expect(said.contains(ServerWords.modeUsage), "the command still answers: \(said)")
        }
    }

    @Test("/mode json with words of distress: the check-in, JSON mode, and the words never label the client")
    func jsonWithWords() async throws {
        try await withServer { _, address in
            let person = try await TestClient.connect(address)
            _ = try await person.response()
            try await person.line("/start 1")
            _ = try await person.response()
            try await person.line("/mode json I want to die")
            // The check-in comes in the mode the person typed in, then the hello.
            let before = try await person.wait("the hello") { unread, _ -> (Int, String)? in
                let text = String(decoding: unread, as: UTF8.self)
                guard let hello = text.range(of: "{\"t\":\"hello\"") else { return nil }
                let used = text[..<hello.lowerBound].utf8.count
                return (used, String(text[..<hello.lowerBound]))
            }
            #expect(Heard.words([before]).contains(Heard.cannotSendHelp), "\(before)")
            let objects = try await person.json(until: "ready")
            #expect(objects.first?["t"] == "hello" && objects.contains { $0["t"] == "ask" }, "\(objects)")

            let host = try await TestClient.connect(address)
            _ = try await host.response()
            try await host.line("/host \(Fixtures.token)")
            _ = try await host.response()
            try await host.line("/mode json")
            _ = try await host.json(until: "ready")
            try await host.line("/sessions")
            let list = try #require(try await host.json(until: "ready").first { $0["t"] == "sessions" })
            let entry = try #require(list["connections"]?.array?.first { $0["host"] == .bool(false) })
            #expect(entry["client"] == .null || entry["client"] == nil, "\(entry)")
            #expect(entry["json"] == .bool(true))
        }
    }

    @Test("a program still says what it is: /mode json tandem-connect is not heard as words of distress")
    func clientLabel() {
        #expect(ConnectionLogic.ownWords(.mode("json")) == nil)
        #expect(ConnectionLogic.ownWords(.mode("TEXT")) == nil)
        #expect(ConnectionLogic.ownWords(.mode("json tandem-connect")) == "tandem-connect")
        #expect(ConnectionLogic.ownWords(.mode("json I want to die")) == "I want to die")
        #expect(ConnectionLogic.ownWords(.mode("plain kill myself")) == "plain kill myself")
    }

    @Test("{\"op\":\"hear\"}: words of distress bring the check-in and nothing else; other words bring only ready")
    func hearOp() async throws {
        try await withServer { _, address in
            let program = try await TestClient.connect(address)
            _ = try await program.response()
            try await program.line("/mode json tandem-connect")
            let hello = try await program.json(until: "ready")
            #expect(hello.first?["capabilities"]?.array?.contains("hear") == true, "\(hello)")
            try await program.line(#"{"op":"command","name":"start","arg":"1"}"#)
            _ = try await program.json(until: "ready")

            try await program.line(#"{"op":"hear","text":"json I want to die"}"#)
            let heard = try await program.json(until: "ready")
            #expect(heard.map { $0["t"]?.string } == ["checkin", "ready"], "\(heard)")

            try await program.line(#"{"op":"hear","text":"bigger text please"}"#)
            #expect(try await program.json(until: "ready").map { $0["t"]?.string } == ["ready"])

            // The question is still open, unanswered: the words were not taken as an answer.
            try await program.line(#"{"op":"answer","step":"name","value":"Sam"}"#)
            let next = try await program.json(until: "ready")
            #expect(next.contains { $0["t"] == "say" && $0["text"]?.string?.contains("Hello Sam") == true }, "\(next)")

            try await program.line(#"{"op":"hear"}"#)
            #expect(try await program.json(until: "ready").first?["code"]?.int == 400)
        }
    }
}
