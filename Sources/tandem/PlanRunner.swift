import Console
import DialogueEngine
import Foundation
import PlanStore

/// Runs one plan in the terminal, journaled in the store: every answer is saved before the next
/// question shows, and `/pause`, end of input, SIGTERM and SIGHUP all leave it ready to resume.
struct PlanRunner {
    var library: DialogueLibrary
    var repl: REPL
    var store: PlanStore

    /// Starts a new plan for `script`.
    func start(_ script: Script) throws {
        let plan = try StoreFailure.guarding { try store.begin(script: script) }
        let journal = TerminalJournal(plan)
        var session = Session(conversation: Conversation(script: script, today: SimpleDate(Date())), support: library.support, journal: journal, exportSink: FileExportSink())
        session.privacy = .thisComputer(store: store.displayPath)
        PauseOnSignal.arm(plan, width: Terminal.width)
        let opening = session.start()
        repl.run(&session, opening: opening)
    }

    /// Carries on a saved plan from the question where it stopped.
    func resume(_ plan: PlanHandle) throws {
        let script = try StoreFailure.script(for: plan, in: library)
        var (session, opening) = plan.resume(script: script, support: library.support, today: SimpleDate(Date()))
        session.journal = TerminalJournal(plan)
        session.exportSink = FileExportSink()
        session.privacy = .thisComputer(store: store.displayPath)
        PauseOnSignal.arm(plan, width: Terminal.width)
        repl.run(&session, opening: Session.withPrivacy(session.privacy, opening))
    }
}
