import DialogueEngine
import NIOCore
import Testing

@testable import LineServer

/// Seat codes over real connections: a held answer goes back only to the person who gave it.
/// Each person who joins is told a seat code, privately; only that code takes them back to their
/// seat and an answer they gave. Someone who joins with their name alone is a newcomer.
@Suite("Group rooms: seat codes over TCP")
struct RoomSeatTests {
    static func words(_ lines: [String]) -> String { RoomTests.words(lines) }

    /// The seat code told to someone when they joined (the code after the join code on the line
    /// `  /join K7QM-3XRT KQ7-4MT`).
    static func seat(in welcome: [String], code: String) throws -> String {
        let line = try #require(welcome.first { $0.hasPrefix("  /join \(code) ") }, "a seat line in \(welcome)")
        return String(line.split(separator: " ")[2])
    }

    /// A host (Sam), Asha and Ben in a room, at its first question everyone answers (the host has
    /// given the group's answer to the one before). Returns Asha's seat code too, nil when she was
    /// told none.
    static func atAQuestionEveryoneAnswers(_ address: SocketAddress) async throws -> (host: TestClient, asha: TestClient, ben: TestClient, code: String, seat: String?) {
        let (host, code) = try await RoomTests.openRoom(address)
        let (asha, welcome) = try await RoomTests.join(address, code: code, name: "Asha")
        let seat = welcome.first { $0.hasPrefix("  /join \(code) ") }.map { String($0.split(separator: " ")[2]) }
        _ = try await host.response()
        let (ben, _) = try await RoomTests.join(address, code: code, name: "Ben")
        _ = try await host.response()
        _ = try await asha.response()
        try await host.line("A kinder waiting room")
        _ = try await host.response()
        _ = try await asha.response()
        _ = try await ben.response()
        return (host, asha, ben, code, seat)
    }

    /// A host, Asha and Ben in a room on a question everyone answers; Asha has answered it
    /// ("5": "People have a real say, but staff still hold the power") and her connection has
    /// dropped. Returns her seat code too.
    static func ashaAnsweredAndDropped(_ address: SocketAddress) async throws -> (host: TestClient, ben: TestClient, code: String, seat: String?) {
        let (host, asha, ben, code, seat) = try await atAQuestionEveryoneAnswers(address)
        try await asha.line("5")
        #expect(Self.words(try await asha.response()).contains("(1 of 3 so far)"))
        _ = try await host.response()
        _ = try await ben.response()
        await asha.drop()
        _ = try await host.response()
        _ = try await ben.response()
        return (host, ben, code, seat)
    }

    @Test("each person is told their own seat code, privately: never the host, never anyone else")
    func seatToldPrivately() async throws {
        try await withServer { _, address in
            let (host, code) = try await RoomTests.openRoom(address)
            let (asha, welcome) = try await RoomTests.join(address, code: code, name: "Asha")
            let seat = try Self.seat(in: welcome, code: code)
            #expect(seat.wholeMatch(of: /[A-Z0-9]{3}-[A-Z0-9]{3}/) != nil, "a seat code: \(seat)")
            #expect(Self.words(welcome).contains("Your seat code is \(seat). It is just for you, so please keep it to yourself. If your connection drops, you can come back to your seat, and to any answer you gave, by typing: /join \(code) \(seat)"))
            _ = try await host.response()
            let (ben, benWelcome) = try await RoomTests.join(address, code: code, name: "Ben")
            let benSeat = try Self.seat(in: benWelcome, code: code)
            #expect(benSeat != seat)
            _ = try await host.response()
            _ = try await asha.response()
            try await host.line("/people")
            _ = try await host.response()
            for (who, other) in [(host, seat), (host, benSeat), (ben, seat), (asha, benSeat)] {
                #expect(!who.everything.contains(other), "a seat code is for its person alone")
            }
        }
    }

    @Test("someone who joins with the name of a person who dropped is a newcomer: the held answer stays with the person who gave it")
    func nameAloneTakesNothing() async throws {
        try await withServer { _, address in
            let (host, ben, code, _) = try await Self.ashaAnsweredAndDropped(address)
            let (other, welcome) = try await RoomTests.join(address, code: code, name: "Asha")
            #expect(Self.words(welcome).contains("Welcome, Asha 2."), "\(Self.words(welcome))")
            #expect(!Self.words(welcome).contains("so far)"), "not told of anyone's held answer")
            #expect(try await host.response() == ["", "  Asha 2 has joined the group."])
            _ = try await ben.response()
            // They answer as themselves; Asha's answer is not changed.
            try await other.line("7")
            #expect(Self.words(try await other.response()).contains("Thank you. Everyone's answers will show together once all have answered (2 of 4 so far)."))
            _ = try await host.response()
            _ = try await ben.response()
            try await ben.line("6")
            _ = try await ben.response()
            _ = try await host.response()
            _ = try await other.response()
            try await host.line("7")
            let shown = Self.words(try await host.response())
            #expect(shown.contains("Asha: People have a real say, but staff still hold the power"), "\(shown)")
            #expect(shown.contains("Asha 2: Everyone shares power and works as equals"), "\(shown)")
        }
    }

    @Test("a seat code typed with a space for its dash, as a join code may be, takes its person back: never a name shown to the group")
    func seatCodeWithASpace() async throws {
        try await withServer { _, address in
            let (host, ben, code, told) = try await Self.ashaAnsweredAndDropped(address)
            let seat = try #require(told, "a seat code told at joining")
            let (_, welcome) = try await RoomTests.join(address, code: code, name: seat.lowercased().replacingOccurrences(of: "-", with: " "))
            #expect(Self.words(welcome).contains("Welcome, Asha."), "\(Self.words(welcome))")
            #expect(try await host.response() == ["", "  Asha is back."])
            #expect(Self.words(try await ben.response()) == "Asha is back.", "the group is never shown the code as a name")
        }
    }

    @Test("the person who gave a held answer comes back to it with their seat code, and can change it")
    func seatCodeGivesItBack() async throws {
        try await withServer { _, address in
            let (host, ben, code, told) = try await Self.ashaAnsweredAndDropped(address)
            let seat = try #require(told, "a seat code told at joining")
            // Any case, without the dash.
            let (back, welcome) = try await RoomTests.join(address, code: code, name: seat.lowercased().replacingOccurrences(of: "-", with: ""))
            #expect(Self.words(welcome).contains("Welcome, Asha."), "\(Self.words(welcome))")
            #expect(Self.words(welcome).contains("(1 of 3 so far)"), "told their answer is still held")
            #expect(try Self.seat(in: welcome, code: code) == seat, "the same seat")
            #expect(try await host.response() == ["", "  Asha is back."])
            _ = try await ben.response()
            try await back.line("6")
            #expect(Self.words(try await back.response()).hasPrefix("Changed your answer."))
            try await ben.line("4")
            _ = try await ben.response()
            _ = try await host.response()
            _ = try await back.response()
            try await host.line("7")
            let shown = Self.words(try await host.response())
            #expect(shown.contains("Asha: People help shape the plans"), "her changed answer: \(shown)")
            #expect(!shown.contains("Asha 2") && !shown.contains("Asha: People have a real say"), "\(shown)")
        }
    }

    @Test("a seat code that is no seat here: a kind word, and the person can still join as someone new")
    func wrongSeatCode() async throws {
        try await withServer { _, address in
            let (host, ben, code, told) = try await Self.ashaAnsweredAndDropped(address)
            let seat = try #require(told, "a seat code told at joining")
            let wrong = seat == "ACE-347" ? "ACE-349" : "ACE-347"
            let (someone, refused) = try await RoomTests.join(address, code: code, name: wrong)
            #expect(Self.words(refused) == "That seat code is not one from this group. Please check it and try again. If you are new to the group, or it has been opened again since you were in it, type /join \(code) and your name.")
            // With a name before it, they join as someone new.
            try await someone.line("/join \(code) Asha \(wrong)")
            let joined = Self.words(try await someone.response())
            #expect(joined.hasPrefix("That seat code is not one from this group, so you have joined as someone new. Any answer given from that seat stays with the person who gave it."), "\(joined)")
            #expect(joined.contains("Welcome, Asha 2."), "\(joined)")
            #expect(!joined.contains("so far)"))
            #expect(try await host.response() == ["", "  Asha 2 has joined the group."])
            _ = try await ben.response()
            // The right seat still works after a wrong one.
            let (back, welcome) = try await RoomTests.join(address, code: code, name: seat)
            #expect(Self.words(welcome).contains("Welcome, Asha."))
            #expect(Self.words(welcome).contains("(1 of 4 so far)"))
            _ = back
        }
    }

    @Test("guessing seat codes is slowed like any code, and a room gives no seat back after 20 wrong ones")
    func guessingIsBounded() async throws {
        try await withServer(Fixtures.configuration { $0.maxFailures = 3; $0.lockedDelay = .milliseconds(100) }) { _, address in
            let (host, ben, code, told) = try await Self.ashaAnsweredAndDropped(address)
            let seat = try #require(told, "a seat code told at joining")
            let wrong = seat == "ACE-347" ? "ACE-349" : "ACE-347"
            let guesser = try await TestClient.connect(address)
            _ = try await guesser.response()
            var slowed = false
            for _ in 0..<20 {
                try await guesser.line("/join \(code) \(wrong)")
                let said = Self.words(try await guesser.response())
                #expect(said.hasSuffix("If you are new to the group, or it has been opened again since you were in it, type /join \(code) and your name."), "\(said)")
                slowed = slowed || said.contains("Too many codes that did not work have come from your network lately")
            }
            #expect(slowed, "wrong seat codes count as wrong codes do")
            // Now even the right seat code is not given back: the held answer stays where it is.
            let (_, refused) = try await RoomTests.join(address, code: code, name: seat)
            #expect(Self.words(refused).hasSuffix("Too many seat codes that did not work have been tried in this group, so seat codes no longer work here. This keeps everyone's answers safe. You can still join as someone new: type /join \(code) and your name."), "\(refused)")
            try await ben.line("6")
            _ = try await ben.response()
            _ = try await host.response()
            try await host.line("7")
            #expect(Self.words(try await host.response()).contains("Asha: People have a real say, but staff still hold the power"))
        }
    }

    @Test("a seat whose person is still here is not given to anyone else")
    func seatTaken() async throws {
        try await withServer { _, address in
            let (host, code) = try await RoomTests.openRoom(address)
            let (_, welcome) = try await RoomTests.join(address, code: code, name: "Asha")
            let seat = try Self.seat(in: welcome, code: code)
            _ = try await host.response()
            let (_, refused) = try await RoomTests.join(address, code: code, name: seat)
            #expect(Self.words(refused) == "Someone is in that seat now. If that was you and your connection was lost, try again in two minutes: by then the server will know it has gone.")
        }
    }

    @Test("in JSON mode the welcome carries the seat code and the join code, to that person alone")
    func jsonSeat() async throws {
        try await withServer { _, address in
            let (host, code) = try await RoomTests.openRoom(address)
            let (c, joined) = try await RoomTests.joinInJSON(address, code: code, name: "Asha")
            let welcome = try #require(joined.first { $0["event"]?.string == "welcome" })
            let seat = try #require(welcome["seat"]?.string)
            #expect(seat.wholeMatch(of: /[A-Z0-9]{3}-[A-Z0-9]{3}/) != nil, "a seat code: \(seat)")
            #expect(welcome["code"]?.string == code)
            #expect(welcome["name"]?.string == "Asha" && welcome["others"]?.array?.compactMap(\.string) == ["Sam"], "the fields there were stay as they were")
            _ = try await host.response()
            #expect(!host.everything.contains(seat))
            await c.drop()
            _ = try await host.response()

            let again = try await TestClient.connect(address)
            _ = try await again.response()
            try await again.line("/mode json")
            _ = try await again.json(until: "ready")
            try await again.line(#"{"op":"command","name":"join","arg":"\#(code) \#(seat)"}"#)
            let back = try await again.json(until: "ready")
            let hello = try #require(back.first { $0["event"]?.string == "welcome" })
            #expect(hello["name"]?.string == "Asha" && hello["seat"]?.string == seat)
        }
    }

    @Test("a name with a number in it (Jack47) is a name, never a seat code: with /join, and typed with the join code alone")
    func nameWithDigitsIsAName() async throws {
        try await withServer { _, address in
            let (host, code) = try await RoomTests.openRoom(address)
            let (jack, welcome) = try await RoomTests.join(address, code: code, name: "Jack47")
            #expect(Self.words(welcome).contains("Welcome, Jack47."), "\(Self.words(welcome))")
            _ = try await host.response()
            let kate = try await TestClient.connect(address)
            _ = try await kate.response()
            try await kate.line("\(code.lowercased()) kate93")
            #expect(Self.words(try await kate.response()).contains("Welcome, kate93."))
            _ = try await host.response()
            _ = try await jack.response()
            // A real seat code is still one, in any case, with or without its dash.
            let seat = try Self.seat(in: welcome, code: code)
            await jack.drop()
            _ = try await host.response()
            _ = try await kate.response()
            let (_, back) = try await RoomTests.join(address, code: code, name: seat.lowercased().replacing("-", with: ""))
            #expect(Self.words(back).contains("Welcome, Jack47."), "\(Self.words(back))")
        }
    }
}
