import CReadline
import Console
import DialogueEngine
import Foundation

/// `tandem connect` at a terminal: readline's callback interface, so the keyboard and the server
/// are watched together (poll), and whatever the server sends between turns (a facilitator's
/// message) is printed above the line being typed, which is then shown again as it was.
///
/// Ctrl-C clears the line, Ctrl-D on an empty line leaves as `/quit` does (the server's goodbye
/// shows the code to carry on), Ctrl-Z stops and `fg` carries on, and the text follows the
/// window's width. History is kept in memory only.
final class TerminalClient {
    let socket: LineSocket
    var session: ConnectSession
    var pacer: SendPacer?
    var waiting: [String] = []
    var keyboardOpen = true
    var installed = false
    var quitAt: TimeInterval?
    var problem: ConnectFailure?

    init(socket: LineSocket) {
        self.socket = socket
        session = ConnectSession(width: Terminal.width)
    }

    func run() -> Int32 {
        let started = ConnectClient.now
        var open = true
        while open {
            let now = ConnectClient.now
            if !session.greeted && now - started > ConnectClient.helloTimeout {
                problem = .notTandem(socket.address)
                break
            }
            if let quitAt, now - quitAt > ConnectClient.closeTimeout { break }
            sendWaiting()
            var deadline: TimeInterval? = session.greeted ? nil : started + ConnectClient.helloTimeout
            if let quitAt { deadline = quitAt + ConnectClient.closeTimeout }
            if !waiting.isEmpty, var p = pacer { deadline = min(deadline ?? .infinity, now + p.wait(now: now)) }
            let flags = Int(tandem_rlcb_wait(installed && keyboardOpen ? 0 : -1, socket.fd, ConnectClient.milliseconds(until: deadline)))
            if flags & Int(TANDEM_RLCB_TERMINATE) != 0 {
                // SIGTERM or a closed window: put the terminal back and stop. Nothing is sent: the
                // connection just ends, as a closed telnet window's does, so the server pauses a plan
                // (a host's group waits for them to come back) rather than take it as /quit, which
                // closes a host's room for everyone.
                remove()
                return 1
            }
            if flags & Int(TANDEM_RLCB_INTERRUPT) != 0 { tandem_rlcb_clear_line() }
            if flags & Int(TANDEM_RLCB_RESIZE) != 0 { tandem_rlcb_resize() }
            if flags & Int(TANDEM_RLCB_STOP) != 0 { tandem_rlcb_suspend() }
            if flags & Int(TANDEM_RLCB_SOCKET) != 0 { open = readServer() }
            if open && flags & Int(TANDEM_RLCB_KEYBOARD) != 0 {
                // A closed window hangs the terminal up, often before its SIGHUP comes: readline would
                // read that as Ctrl-D and send /quit. It is the same closed window: stop, sending nothing.
                if Self.terminalHungUp() {
                    remove()
                    return 1
                }
                readKey()
            }
        }
        remove()
        if problem == nil && !session.saidGoodbye { problem = socket.endingFailure }
        if let problem = problem ?? session.endingProblem(socket.address) {
            ConnectClient.report(problem)
            return 1
        }
        return 0
    }

    /// Whether the terminal has hung up (its window closed): poll says so on standard input, where
    /// a Ctrl-D typed is only something to read.
    static func terminalHungUp() -> Bool {
        var keyboard = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        guard poll(&keyboard, 1, 0) > 0 else { return false }
        return keyboard.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }

    private func remove() {
        guard installed else { return }
        installed = false
        tandem_rlcb_remove()
    }

    /// Reads from the server and shows it above the prompt; false once the connection has ended.
    private func readServer() -> Bool {
        switch socket.readAvailable() {
        case .failed(let failure):
            if !session.saidGoodbye { problem = socket.endingFailure ?? failure }
            return false
        case .lines(let lines, let ended):
            session.renderer.width = max(TextRenderer.narrowest, Terminal.width)
            var shown: [String] = []
            for line in lines { shown += session.receive(line).lines }
            if !shown.isEmpty {
                let text = shown.joined(separator: "\n") + "\n"
                if installed { tandem_rlcb_print_above(text) } else { writeOut(text) }
            }
            if session.greeted && pacer == nil { pacer = SendPacer(rate: session.linesPerSecond, burst: session.burst, now: ConnectClient.now) }
            if session.saidGoodbye && quitAt == nil { quitAt = ConnectClient.now }
            setCompletions(session.completions)
            // The prompt appears once the menu has arrived (or at once, if something else came first).
            if !installed && session.greeted && !ended && !session.saidGoodbye {
                tandem_rlcb_install(REPL.prompt)
                installed = true
            }
            return !ended
        }
    }

    private func readKey() {
        switch Int(tandem_rlcb_read_char()) {
        case Int(TANDEM_RLCB_LINE):
            guard let raw = tandem_rlcb_take_line() else { return }
            let line = String(cString: raw)
            tandem_rl_free(raw)
            if !line.trimmingCharacters(in: .whitespaces).isEmpty { tandem_rl_add_history(line) }
            waiting.append(line)
            sendWaiting()
        case Int(TANDEM_RLCB_ENDED):
            // Ctrl-D: leave as /quit does; the goodbye (with the code) comes from the server.
            keyboardOpen = false
            waiting.append("/quit")
            sendWaiting()
            quitAt = ConnectClient.now
        default:
            break
        }
    }

    /// Sends typed lines, no faster than the server takes them.
    private func sendWaiting() {
        while !waiting.isEmpty {
            // Optional chaining updates the stored pacer in place.
            if (pacer?.wait(now: ConnectClient.now) ?? 0) > 0 { return }
            let line = waiting.removeFirst()
            let outgoing = session.outgoing(line)
            switch outgoing {
            case .local(let lines), .localThenSend(let lines, _):
                tandem_rlcb_print_above(lines.joined(separator: "\n") + "\n")
            case .send:
                break
            }
            switch outgoing {
            case .local:
                break
            case .send(let json), .localThenSend(_, let json):
                do {
                    try socket.send(json)
                    pacer?.sent()
                } catch {
                    if !session.saidGoodbye { problem = error }
                    quitAt = ConnectClient.now - ConnectClient.closeTimeout - 1
                    return
                }
            }
        }
    }

    private func setCompletions(_ words: [String]) {
        var pointers = words.map { strdup($0) }
        pointers.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: buffer.count) {
                    tandem_rl_set_completions($0, Int32(buffer.count))
                }
            }
        }
        pointers.forEach { free($0) }
    }
}
