import CReadline
import Console
import DialogueEngine

/// SIGTERM, SIGHUP (a closed terminal window) and SIGQUIT (Ctrl-\) pause the plan, as `/pause` would.
///
/// Every answer is already on disk before its next question is shown, so there is nothing to save
/// here: the handler (in C, `tandem_pause_on_signal`) puts the terminal back as it was, prints the
/// pause message, and exits with 0.
enum PauseOnSignal {
    /// Prepares the messages for a plan with `code` and installs the handlers.
    /// - Parameter saved: false once the plan is no longer kept (deleted in another window): then the
    ///   words say it is not being saved, and give no code, which would no longer work.
    /// How to come back to the plan (set by `PlanRunner`: `--store PATH` when it is not the usual store).
    nonisolated(unsafe) static var resumeCommand = Terminal.command + " resume"

    static func arm(code: String?, finished: Bool, saved: Bool = true, width: Int) {
        let renderer = TextRenderer(width: width, resumeCommand: resumeCommand)
        let unfinished = "\n" + renderer.render([.paused(code: saved ? code : nil, saved: saved)]).joined(separator: "\n") + "\n"
        let done = "\n" + renderer.render([.paused(code: nil, saved: saved)]).joined(separator: "\n") + "\n"
        tandem_pause_on_signal(unfinished, done, finished ? 1 : 0)
    }

    /// Whether the plan is finished now (then the handler's words carry no code).
    static func setFinished(_ finished: Bool) {
        tandem_pause_set_finished(finished ? 1 : 0)
    }
}
