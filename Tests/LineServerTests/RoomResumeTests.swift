import Foundation
import NIOCore
import PlanStore
import Testing

@testable import LineServer
import TandemProtocol

/// `/room resume` with a room's join code, while that room's host is there.
@Suite("Room resume by join code")
struct RoomResumeTests {
    @Test("a room whose host is there: err 409 saying so, never 'no plan with that code', and never counted as a wrong code")
    func hostThere() async throws {
        // With a store, as a host who resumes rooms has: the code is first looked for among saved plans.
        let folder = try TemporaryDirectory()
        let store = try PlanStore(path: folder.path + "/plans.sqlite")
        try await withServer(Fixtures.configuration(store: store) { $0.maxFailures = 2; $0.lockedDelay = .milliseconds(300) }) { _, address in
            let (host, code) = try await RoomTests.openRoom(address)
            let other = try await TestClient.connect(address)
            _ = try await other.response()
            try await other.line("/host \(Fixtures.token)")
            _ = try await other.response()
            for typed in [code, code.lowercased().replacingOccurrences(of: "-", with: ""), code, code] {
                try await other.line("/room resume \(typed)")
                let said = RoomTests.words(try await other.response())
                #expect(said == ServerWords.roomAlreadyOpen(code), "\(typed): \(said)")
            }
            // The wrong-code count is untouched: a wrong join code after all that is not slowed.
            try await other.line("/join ZZZZ-ZZZZ Asha")
            let wrong = RoomTests.words(try await other.response())
            #expect(wrong == RoomTests.noRoom, "\(wrong)")

            try await other.line("/mode json")
            _ = try await other.json(until: "ready")
            try await other.line("/room resume \(code)")
            let objects = try await other.json(until: "ready")
            #expect(objects.first?["t"] == "err" && objects.first?["code"]?.int == 409, "\(objects)")

            // The menu after the room closes is the first menu: with the line on carrying on.
            #expect(host.everything.contains(ServerWords.resumeHint), "the greeting has it")
            try await host.line("/room close \(code)")
            let closed = try await host.response()
            #expect(closed.joined(separator: "\n").contains("Welcome to Tandem. Which plan would you like to work on?"), "\(closed)")
            #expect(closed.last == ServerWords.resumeHint, "\(closed)")
        }
    }

    @Test("a closed room's join code at /room resume, or any join code at /resume: says what the code is and what to type, never counted as a wrong code")
    func joinCodeAsPlanCode() async throws {
        let folder = try TemporaryDirectory()
        let store = try PlanStore(path: folder.path + "/plans.sqlite")
        try await withServer(Fixtures.configuration(store: store) { $0.maxFailures = 2; $0.lockedDelay = .milliseconds(300) }) { _, address in
            let (host, code) = try await RoomTests.openRoom(address)
            // Someone who meant /join, while the room is open.
            let person = try await TestClient.connect(address)
            _ = try await person.response()
            try await person.line("/resume \(code.lowercased())")
            let told = RoomTests.words(try await person.response())
            #expect(told == ServerWords.joinCodeOfOpenRoom(code), "\(told)")

            try await host.line("/room close \(code)")
            _ = try await host.response()
            // The host back with the join code of the room they closed: three times, more than the
            // failures allowed, and none of them counted.
            for typed in [code, code.replacingOccurrences(of: "-", with: ""), code] {
                try await host.line("/room resume \(typed)")
                let said = RoomTests.words(try await host.response())
                #expect(said == ServerWords.joinCodeOfNoRoom, "\(typed): \(said)")
            }
            try await person.line("/resume \(code)")
            #expect(RoomTests.words(try await person.response()) == ServerWords.joinCodeOfNoRoom)
            // A wrong plan code after all that is told plainly, not slowed.
            try await host.line("/room resume ZZZZ-ZZZZ-ZZZZ")
            let wrong = RoomTests.words(try await host.response())
            #expect(wrong == ServerWords.badCode, "\(wrong)")
        }
    }
}
