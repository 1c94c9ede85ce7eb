import Console
import DialogueEngine
import Foundation

/// `tandem connect`: a person at a terminal (readline, Tab, messages shown above the line being
/// typed) or a script on a pipe (plain lines in and out), talking to `tandem serve`.
///
///     let status = ConnectClient.run(ServerAddress("localhost:7300")!)   // 0 after goodbye
public enum ConnectClient {
    /// Seconds to wait for the server's `hello`, and for it to close after `/quit`.
    static let helloTimeout: TimeInterval = 10
    static let closeTimeout: TimeInterval = 10
    /// A turn with no question in it (help, review, a note) is over once the server is quiet this long.
    static let quietTime: TimeInterval = 0.1
    /// A line the server does not answer at all: go on after this long.
    static let answerTimeout: TimeInterval = 5

    /// Connects and runs until the server says goodbye, the connection ends, or the person leaves.
    /// Returns the exit status: 0 when the server said goodbye, 1 when anything went wrong (after
    /// one kind message on standard error).
    ///
    /// With `tls`, the connection is encrypted and the server's certificate checked: against the
    /// system's trusted roots, or only against `trusting` (a PEM file) when given.
    public static func run(_ address: ServerAddress, tls: Bool = false, trusting caFile: String? = nil, interactive: Bool = Terminal.isInteractive) -> Int32 {
        let socket: LineSocket
        var bridge: TLSBridge?
        do {
            if tls {
                let b = try TLSBridge.connect(to: address, trusting: caFile)
                bridge = b
                socket = LineSocket(address: address, fd: b.fd)
                socket.endingReason = { b.failure }
            } else {
                socket = try LineSocket.connect(to: address)
            }
        } catch {
            report(error)
            return 1
        }
        defer {
            socket.close()
            bridge?.shutdown()
        }
        // JSON mode underneath, whichever client runs (see docs/protocol.md, "tandem connect").
        do {
            try socket.send(ConnectSession.modeLine)
        } catch {
            report(error)
            return 1
        }
        if interactive {
            return TerminalClient(socket: socket).run()
        }
        return PipeClient(socket: socket).run()
    }

    /// Tells the person what went wrong, on standard error.
    static func report(_ failure: ConnectFailure) {
        if case .closedByServer(_, let reason) = failure, reason.isEmpty { return } // the server's own words were shown
        let lines = Wrap.lines(failure.description, width: max(TextRenderer.narrowest, min(Terminal.width, 100)))
        StandardStreams.error(lines.joined(separator: "\n") + "\n")
    }

    /// The time now, for deadlines (never goes back).
    static var now: TimeInterval { ProcessInfo.processInfo.systemUptime }

    /// Milliseconds until `deadline` for poll(), at least 0; -1 for no deadline.
    static func milliseconds(until deadline: TimeInterval?) -> Int32 {
        guard let deadline else { return -1 }
        return Int32(max(0, min(60_000, (deadline - now) * 1_000)).rounded(.up))
    }
}

/// Writes text to standard output at once (no buffering: a script waits on every prompt).
func writeOut(_ text: String) {
    guard !text.isEmpty else { return }
    StandardStreams.out(text)
}
