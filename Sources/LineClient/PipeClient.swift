import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `tandem connect` when standard input or output is not a terminal: plain lines in and out, as
/// the local REPL does through a pipe. The prompt `> ` is written when the server waits for the
/// next line, and a line is read from standard input only then, so a script can answer one
/// question at a time, and lines piped in all at once still go one turn at a time.
final class PipeClient {
    let socket: LineSocket
    var session: ConnectSession
    var pacer: SendPacer?

    /// Lines read from standard input and not yet sent.
    var typed: [String] = []
    var inputBuffer: [UInt8] = []
    var inputEnded = false

    /// The server waits for our next line and the prompt is showing.
    var ready = false
    /// A line has gone and its turn has not ended: when it went, and when quiet ends it.
    var sentAt: TimeInterval?
    var quietUntil: TimeInterval?
    var quitAt: TimeInterval?
    var problem: ConnectFailure?
    var stopped = false

    init(socket: LineSocket) {
        self.socket = socket
        session = ConnectSession(width: 80)
    }

    func run() -> Int32 {
        let started = ConnectClient.now
        sentAt = started
        while !stopped {
            let now = ConnectClient.now
            if !session.greeted && now - started > ConnectClient.helloTimeout { return fail(.notTandem(socket.address)) }
            if let quitAt, now - quitAt > ConnectClient.closeTimeout { break }
            // Only a server that does not send `ready` leaves the client to guess when a turn is over.
            if let sentAt, now - sentAt > ConnectClient.answerTimeout, session.greeted, !session.marksTurns { endTurn() }
            if let quietUntil, now >= quietUntil { endTurn() }
            sendWaitingLine()

            let wantInput = ready && typed.isEmpty && !inputEnded
            var fds = [pollfd(fd: socket.fd, events: Int16(POLLIN), revents: 0), pollfd(fd: wantInput ? 0 : -1, events: Int16(POLLIN), revents: 0)]
            let count = poll(&fds, 2, ConnectClient.milliseconds(until: nextDeadline(started: started)))
            if count < 0 && errno != EINTR { return fail(.system(socket.address, String(cString: strerror(errno)))) }
            if fds[0].revents != 0 {
                if !readServer() { break }
            }
            if fds[1].revents != 0 { readInput() }
        }
        if problem == nil && !session.saidGoodbye { problem = socket.endingFailure }
        if let problem = problem ?? session.endingProblem(socket.address) { return fail(problem) }
        return 0
    }

    private func fail(_ failure: ConnectFailure) -> Int32 {
        ConnectClient.report(failure)
        return 1
    }

    /// The soonest moment something must happen without input.
    private func nextDeadline(started: TimeInterval) -> TimeInterval? {
        var soonest: [TimeInterval] = []
        if !session.greeted { soonest.append(started + ConnectClient.helloTimeout) }
        if let quitAt { soonest.append(quitAt + ConnectClient.closeTimeout) }
        if let quietUntil { soonest.append(quietUntil) }
        if let sentAt, !session.marksTurns { soonest.append(sentAt + ConnectClient.answerTimeout) }
        if ready, !typed.isEmpty, var pacer { soonest.append(ConnectClient.now + pacer.wait(now: ConnectClient.now)) }
        return soonest.min()
    }

    /// Reads from the server and shows it; false once the connection has ended.
    private func readServer() -> Bool {
        switch socket.readAvailable() {
        case .failed(let failure):
            if !session.saidGoodbye { problem = socket.endingFailure ?? failure }
            return false
        case .lines(let lines, let ended):
            var shown: [String] = []
            var endsTurn = false
            for line in lines {
                let s = session.receive(line)
                shown += s.lines
                endsTurn = endsTurn || s.endsTurn
            }
            if session.greeted && pacer == nil { pacer = SendPacer(rate: session.linesPerSecond, burst: session.burst, now: ConnectClient.now) }
            show(shown)
            // After goodbye the server closes; wait for that only so long.
            if session.saidGoodbye && quitAt == nil { quitAt = ConnectClient.now }
            if sentAt != nil {
                if endsTurn {
                    endTurn()
                } else if !shown.isEmpty && !session.marksTurns {
                    quietUntil = ConnectClient.now + ConnectClient.quietTime
                }
            }
            return !ended
        }
    }

    private func show(_ lines: [String]) {
        guard !lines.isEmpty else { return }
        if ready {
            // Words between turns (a facilitator's message): on a fresh line, then the prompt again.
            writeOut("\n" + lines.joined(separator: "\n") + "\n> ")
        } else {
            writeOut(lines.joined(separator: "\n") + "\n")
        }
    }

    private func endTurn() {
        sentAt = nil
        quietUntil = nil
        guard !ready, quitAt == nil, session.greeted, !session.saidGoodbye else { return }
        ready = true
        writeOut("> ")
    }

    private func readInput() {
        var chunk = [UInt8](repeating: 0, count: 16_384)
        let n = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
        if n < 0 {
            if errno == EINTR || errno == EAGAIN { return }
            inputEnded = true
        } else if n == 0 {
            inputEnded = true
        } else {
            inputBuffer += chunk[0..<n]
        }
        while let newline = inputBuffer.firstIndex(of: 0x0A) {
            var line = Array(inputBuffer[..<newline])
            if line.last == 0x0D { line.removeLast() }
            typed.append(String(decoding: line, as: UTF8.self))
            inputBuffer.removeFirst(newline + 1)
        }
        if inputEnded && !inputBuffer.isEmpty {
            typed.append(String(decoding: inputBuffer, as: UTF8.self))
            inputBuffer.removeAll()
        }
    }

    /// Sends the next typed line when the server waits for it; at the end of input, `/quit`.
    private func sendWaitingLine() {
        guard ready, quitAt == nil else { return }
        if typed.isEmpty {
            guard inputEnded else { return }
            // The end of input: leave as /quit does, so the server says goodbye with the code.
            if case .send(let json) = session.outgoing("/quit") { send(json) }
            quitAt = ConnectClient.now
            return
        }
        // Optional chaining updates the stored pacer in place.
        if (pacer?.wait(now: ConnectClient.now) ?? 0) > 0 { return }
        let line = typed.removeFirst()
        switch session.outgoing(line) {
        case .local(let lines):
            writeOut(lines.joined(separator: "\n") + "\n> ")
        case .send(let json):
            send(json)
            pacer?.sent()
        case .localThenSend(let lines, let json):
            // The prompt comes with the server's `ready`, after whatever the words brought.
            ready = false
            writeOut(lines.joined(separator: "\n") + "\n")
            send(json)
            pacer?.sent()
        }
    }

    private func send(_ json: String) {
        do {
            try socket.send(json)
            ready = false
            sentAt = ConnectClient.now
        } catch {
            if !session.saidGoodbye { problem = error }
            stopped = true
        }
    }
}
