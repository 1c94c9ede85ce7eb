import DialogueEngine
import Foundation
import PlanStore

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

    /// Prepares the messages for `plan` and installs the handlers.
    static func arm(_ plan: PlanHandle, width: Int) {
        let renderer = TextRenderer(width: width)
        let code = plan.resumeCode
        let unfinished = "\n" + renderer.render([.paused(code: code, saved: true)]).joined(separator: "\n") + "\n"
        let done = "\n" + renderer.render([.paused(code: nil, saved: true)]).joined(separator: "\n") + "\n"
        unfinishedMessage = strdup(unfinished)
        finishedMessage = strdup(done)
        finished = plan.isFinished
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

/// The journal a terminal session writes through: the plan itself, plus keeping the signal
/// handler's "finished" flag current so its message matches what `/pause` would say.
final class TerminalJournal: Journal {
    let plan: PlanHandle

    init(_ plan: PlanHandle) { self.plan = plan }

    func record(_ changes: [Change]) throws {
        try plan.record(changes)
        PauseOnSignal.finished = plan.isFinished
    }

    var resumeCode: String? { plan.resumeCode }
    var planInfo: PlanInfo { plan.planInfo }
}
