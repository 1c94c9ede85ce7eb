import DialogueEngine
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SIGTERM and SIGHUP (a closed terminal window) pause the plan, as `/pause` would.
///
/// Every answer is already on disk before its next question is shown, so there is nothing to save
/// here: the handler puts the terminal back as it was, prints the pause message, and exits with 0.
/// It is a plain C signal handler, so it runs at once, even while readline waits for a key, and
/// calls only async-signal-safe functions (`tcsetattr`, `write`, `_exit`) on memory prepared
/// beforehand.
enum PauseOnSignal {
    // Written only by the main thread: once before the handlers are installed, and then only the
    // `finished` flag (a single aligned byte). Read by the signal handler.
    nonisolated(unsafe) private static var unfinishedMessage: UnsafeMutablePointer<CChar>?
    nonisolated(unsafe) private static var finishedMessage: UnsafeMutablePointer<CChar>?
    nonisolated(unsafe) private static var savedTerminal = termios()
    nonisolated(unsafe) private static var hasSavedTerminal = false
    nonisolated(unsafe) static var finished = false

    /// Prepares the messages for a plan with `code` and installs the handlers.
    static func arm(code: String?, finished isFinished: Bool, width: Int) {
        let renderer = TextRenderer(width: width)
        let unfinished = "\n" + renderer.render([.paused(code: code, saved: true)]).joined(separator: "\n") + "\n"
        let done = "\n" + renderer.render([.paused(code: nil, saved: true)]).joined(separator: "\n") + "\n"
        unfinishedMessage = strdup(unfinished)
        finishedMessage = strdup(done)
        finished = isFinished
        hasSavedTerminal = isatty(0) == 1 && tcgetattr(0, &savedTerminal) == 0
        signal(SIGTERM, handler)
        signal(SIGHUP, handler)
    }

    private static let handler: @convention(c) (Int32) -> Void = { _ in
        if PauseOnSignal.hasSavedTerminal { _ = tcsetattr(0, TCSANOW, &PauseOnSignal.savedTerminal) }
        if let message = PauseOnSignal.finished ? PauseOnSignal.finishedMessage : PauseOnSignal.unfinishedMessage {
            #if canImport(Glibc)
            _ = Glibc.write(1, message, strlen(message))
            #else
            _ = Darwin.write(1, message, strlen(message))
            #endif
        }
        _exit(0)
    }
}
