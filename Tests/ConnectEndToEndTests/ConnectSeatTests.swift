import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `tandem connect` in a group room: it shows the seat code each person is given when they join,
/// in the very words text mode shows, and the seat code takes a person back to their seat.
@Suite("tandem connect: seat codes in a group room")
struct ConnectSeatTests {
    /// From "Welcome, NAME." to the end, with line ends as LF and the seat code as SEAT.
    static func welcome(_ text: String, name: String, seat: String) -> String {
        let text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: seat, with: "SEAT")
        guard let start = text.range(of: "Welcome, \(name).") else { return "" }
        return String(text[start.lowerBound...])
    }

    static func seat(_ text: String, code: String) throws -> String {
        let found = text.replacingOccurrences(of: "\r\n", with: "\n").firstMatch(of: /\n  \/join ([0-9A-Z]{4}-[0-9A-Z]{4}) ([0-9A-Z]{3}-[0-9A-Z]{3})\n/)
        let match = try #require(found, "a seat line in:\n\(text)")
        #expect(String(match.1) == code)
        return String(match.2)
    }

    @Test("the seat code shows as in text mode, and a new tandem connect comes back to the seat and the answer held with it")
    func seatShownAndUsed() throws {
        let server = try RunningServer(store: false)
        let (host, code) = try RawClient.hostingRoom(server)

        // Text mode first: what a person with nc sees when they join as Cal.
        let raw = try RawClient(port: server.port)
        try raw.output.expect("> ")
        raw.send("/join \(code) Cal")
        let textMode = try raw.output.expect("group's answer.\r\n> ")
        let rawSeat = try Self.seat(textMode, code: code)
        raw.send("/quit")
        try raw.output.readToEnd()
        try host.output.expect("Cal has left the group.")

        // tandem connect, joining as Cal too: the same words, with its own seat code.
        let client = try server.connect()
        try client.stdout.expect("> ")
        try client.send("/join \(code) Cal")
        let joined = try client.stdout.expect("group's answer.\n> ")
        let seat = try Self.seat(joined, code: code)
        #expect(seat != rawSeat)
        #expect(joined.contains("Your seat code is \(seat). It is just for you"))
        #expect(Self.welcome(joined, name: "Cal", seat: seat) == Self.welcome(textMode, name: "Cal", seat: rawSeat))
        try host.output.expect("Cal has joined the group.")
        #expect(!host.output.text.contains(seat) && !host.output.text.contains(rawSeat), "the host never sees a seat code")

        host.send("Better buses")
        try client.stdout.expect("Everyone answers this one.")
        try client.stdout.expect("> ")
        try client.send("3")
        try client.stdout.expect("Thank you. Everyone's answers will show together")
        try client.stdout.expect("> ")
        try host.output.expect("Cal has answered (1 of 2).")
        // The program ends at once (its window closed): its answer is held.
        kill(client.process.processIdentifier, SIGKILL)
        client.process.waitUntilExit()
        try host.output.expect("Cal has left the group.")

        let again = try server.connect()
        try again.stdout.expect("> ")
        try again.send("/join \(code) \(seat)")
        let back = try again.stdout.expect("Welcome, Cal.") + again.stdout.expect("\n> ")
        #expect(back.split(whereSeparator: \.isWhitespace).joined(separator: " ").contains("(1 of 2 so far)"), "told the answer is still held: \(back)")
        try again.send("/quit")
        try again.stdout.readToEnd()
        #expect(try again.finish() == 0)
    }
}
