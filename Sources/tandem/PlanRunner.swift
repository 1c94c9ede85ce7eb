import ArgumentParser
import Console
import DialogueEngine
import Foundation
import PlanStore
import TandemStore

/// Runs one plan in the terminal, kept in the store: every answer is saved before the next
/// question shows, and `/pause`, end of input, SIGTERM and SIGHUP all leave it ready to resume.
struct PlanRunner {
    var library: DialogueLibrary
    var repl: REPL
    var store: any PlanStorage

    /// Starts a new plan for `script`.
    func start(_ script: Script) throws {
        let conversation = Conversation(script: script, today: SimpleDate(Date()))
        let store = store
        let progress = PlanProgress(conversation)
        let plan: StoredPlan
        do {
            plan = try StoreBridge.wait { try await store.begin(progress) }
        } catch let error as StoreError {
            // A store made just now for this plan, where not even its start fitted (a full disk):
            // what was made is taken away again, so no empty store is left behind.
            if let made = store as? PlanStore, made.discardIfNothingSaved(after: error) {
                Output.error(error.kind == .full ? StoreError.fullBeforeAnythingSaved(made.path).message : error.message)
            } else {
                Output.error(error.message)
            }
            throw ExitCode(1)
        }
        var session = Session(conversation: conversation, support: library.support, plan: plan.info)
        prepare(&session)
        let hold = try holdOrRefuse(plan.id)
        let opening = session.start()
        try keep(opening)
        session.accept(opening)
        try run(&session, opening: opening.events, hold: hold)
    }

    /// Carries on a saved plan from the question where it stopped.
    func resume(_ plan: StoredPlan) throws {
        let script = try StoreFailure.script(for: plan, in: library)
        // A store that can only be read would refuse every answer, one by one: say so before the first.
        if let kept = store as? PlanStore, !kept.canSave {
            Output.error(StoreError.readOnly(kept.path).message + " Your plan is still there: to see it, run: \(Terminal.command) export \(plan.id)")
            throw ExitCode(1)
        }
        // Held before anything is written for it (a window that is refused makes no code), and
        // read again once held: another window may have answered since it was first read.
        let hold = try holdOrRefuse(plan.id)
        let store = store, id = plan.id
        var stored = try StoreFailure.guarding { try StoreBridge.wait { try await store.open(id: id) } }
        stored.code = plan.code
        // A plan opened by its id gets a fresh code, so the person has one to come back with.
        if stored.code == nil {
            stored.code = try StoreFailure.guarding { try StoreBridge.wait { try await store.newCode(for: id) } }
        }
        var session = stored.session(script, support: library.support, today: SimpleDate(Date()))
        prepare(&session)
        let opening = session.resume(dialogueChanged: stored.dialogueChanged(script))
        try run(&session, opening: opening, hold: hold)
    }

    /// One window at a time on a plan: two would each write their answers over the other's. Holds
    /// plan `id`, or says it is open elsewhere and stops with exit status 1.
    private func holdOrRefuse(_ id: String) throws -> PlanHold {
        guard let hold = store.hold(plan: id) else {
            Output.error("This plan is open somewhere else just now: in another window, or on a Tandem server on this computer. So that your answers do not overwrite each other, carry on there, or type /pause there first and then try again here.")
            throw ExitCode(1)
        }
        return hold
    }

    /// What only the terminal knows: where answers go, and that it can write files.
    private func prepare(_ session: inout Session) {
        // Only say "only you can read" when it is so (otherwise Tandem has just warned about it).
        session.privacy = (store as? PlanStore)?.warnings.isEmpty == false ? .thisComputerReadable(store: store.location) : .thisComputer(store: store.location)
        session.savesFiles = true
        session.carry(repl.checkInsBeforePlan)
    }

    /// How to come back: `tandem resume`, with `--store PATH` when the plans are not in the usual
    /// place (without it, `tandem resume` would look in the usual place and not find this plan).
    var resumeCommand: String {
        Terminal.command + " resume" + ((store as? PlanStore).map { StoreOptions.flag(for: $0.path) } ?? "")
    }

    /// Runs the conversation, holding the plan (`hold`) until it ends.
    private func run(_ session: inout Session, opening: [Event], hold: PlanHold) throws {
        repl.renderer.resumeCommand = resumeCommand
        PauseOnSignal.resumeCommand = resumeCommand
        PauseOnSignal.arm(code: session.plan?.code, finished: session.conversation.isFinished, width: Terminal.width)
        withExtendedLifetime(hold) {
            repl.run(&session, opening: opening, keep: keep, write: { try PlanFile.write($0.text, to: $0.path) })
        }
    }

    /// Makes a turn's changes durable, and keeps the signal handler's words in step with the plan.
    private func keep(_ turn: Session.Turn) throws {
        if !turn.changes.isEmpty, let id = turn.next.plan?.id {
            let store = store, changes = turn.changes, progress = turn.progress
            do {
                try StoreBridge.wait { try await store.append(changes, to: id, progress: progress) }
            } catch let error as StoreError where error.kind == .notFound {
                // From now on nothing is kept: closing the window must not say it is saved.
                PauseOnSignal.arm(code: nil, finished: turn.next.conversation.isFinished, saved: false, width: Terminal.width)
                throw Session.PlanGone()
            }
        }
        PauseOnSignal.setFinished(turn.next.conversation.isFinished)
    }
}
