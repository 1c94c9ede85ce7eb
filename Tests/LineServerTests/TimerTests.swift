import DialogueEngine
import NIOCore
import Testing

@testable import LineServer
import TandemProtocol
import TandemStore
import TandemDoors

@Suite("Deadlines, idle time and the rate limit, on a clock the test moves")
struct TimerTests {
    @Test("slowloris at the menu: a line must end within the short deadline from its first byte")
    func lobbyDeadline() throws {
        let h = try Harness()
        _ = try h.output()
        try h.send("/sta")
        h.wait(.seconds(20))
        try h.send("r")  // a byte now and then does not help
        h.wait(.seconds(9))
        #expect(h.isOpen)
        h.wait(.seconds(2))
        #expect(try h.output() == "That line took too long to arrive, so I am closing this connection.\r\n")
        #expect(!h.isOpen)
    }

    @Test("in a plan the deadline is longer, counts from each line's first byte, and pauses the plan")
    func planDeadline() throws {
        let h = try Harness()
        try h.send("/start 1\nJ")
        _ = try h.output()
        h.wait(.seconds(100))
        try h.send("o\nma")  // that line ended in time; a new one began just now
        h.wait(.seconds(100))
        #expect(h.isOpen)
        h.wait(.seconds(21))
        let said = try h.output()
        #expect(said.contains("Hello Jo."))
        #expect(said.hasSuffix("That line took too long to arrive, so I am closing this connection.\r\n\r\nThis plan is not being saved, so it ends here. Take care.\r\n"))
        #expect(!h.isOpen)
    }

    @Test("idle: a warning first (408 in JSON), then closed after the grace time")
    func idle() throws {
        let h = try Harness()
        try h.send("/start 1\n")
        _ = try h.output()
        h.wait(.minutes(24))
        #expect(try h.output() == "")
        h.wait(.minutes(2))
        #expect(try h.output() == "\r\nAre you still there? If nothing is typed in the next 5 minutes, I will close\r\nthis connection.\r\n> ")
        try h.send("Jo\n")  // typing again clears the warning
        _ = try h.output()
        h.wait(.minutes(26))
        _ = try h.output()
        h.wait(.minutes(4))
        #expect(h.isOpen)
        h.wait(.minutes(2))
        #expect(try h.output().hasPrefix("Nothing has been typed for a while, so I am closing this connection.\r\n"))
        #expect(!h.isOpen)

        let j = try Harness()
        try j.send("/mode json\n")
        _ = try j.output()
        j.wait(.minutes(5))
        let warning = try JSONValue.parse(try j.output().trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(warning["code"]?.int == 408 && warning["close"] == .bool(false))
    }

    @Test("the rate limit: a burst goes through, then one 429 and the rest waits its turn")
    func rateLimit() throws {
        let h = try Harness { $0.linesPerSecond = 2; $0.lineBurst = 3 }
        _ = try h.output()
        try h.send(String(repeating: "/help\n", count: 6))
        let first = try h.output()
        #expect(first.components(separatedBy: "Type the number of a plan to start it.").count - 1 == 3)
        #expect(first.contains("Lines are coming faster than I can take them, so I will slow down for a moment."))
        #expect(first.contains("> \r\nLines are coming faster"), "the warning starts on a new line, not after the prompt: \(first.debugDescription)")
        #expect(h.isOpen)
        h.wait(.milliseconds(600))
        let later = try h.output()
        #expect(later.components(separatedBy: "Type the number of a plan to start it.").count - 1 == 1)
        #expect(!later.contains("faster"), "one warning for one burst")
        h.wait(.seconds(1))
        #expect(try h.output().components(separatedBy: "Type the number of a plan to start it.").count - 1 == 2)
    }

    @Test("too many lines waiting: 429, then closed")
    func flood() throws {
        let h = try Harness { $0.linesPerSecond = 1; $0.lineBurst = 1; $0.maxQueuedLines = 8 }
        _ = try h.output()
        try h.send(String(repeating: "x\n", count: 50))
        let said = try h.output()
        #expect(said.contains("Too many lines arrived at once, so I am closing this connection."))
        #expect(!h.isOpen)
    }

    @Test("too many waiting is a flood whatever comes last: a line that is not UTF-8, or one too long, gets 429 and the close, never a quiet loss", arguments: [
        [UInt8](repeating: 0x78, count: 3_000), [0xC3, 0x28, 0x0A],
    ])
    func floodEndingInABadLine(_ last: [UInt8]) throws {
        let h = try Harness { $0.linesPerSecond = 1; $0.lineBurst = 1; $0.maxQueuedLines = 8 }
        _ = try h.output()
        try h.send(bytes: Array(String(repeating: "x\n", count: 8).utf8) + last)
        #expect(try h.output().contains("Too many lines arrived at once, so I am closing this connection."))
        #expect(!h.isOpen)
    }

    @Test("a line that is not UTF-8 among many: 400 for it, and every other line is still handled")
    func badLineAmongMany() throws {
        let h = try Harness { $0.linesPerSecond = 0; $0.maxQueuedLines = 12 }
        _ = try h.output()
        try h.send(bytes: Array(String(repeating: "/help\n", count: 10).utf8) + [0xC3, 0x28, 0x0A] + Array("/help\n".utf8))
        let said = try h.output()
        #expect(said.components(separatedBy: "Type the number of a plan to start it.").count - 1 == 11)
        #expect(said.components(separatedBy: "I could not read that line.").count - 1 == 1)
        #expect(h.isOpen)
    }

    @Test("hosts are not closed for being quiet")
    func hostsStay() throws {
        let h = try Harness()
        try h.send("/host \(Fixtures.token)\n")
        _ = try h.output()
        h.wait(.hours(3))
        #expect(h.isOpen)
    }
}
