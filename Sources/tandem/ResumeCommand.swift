import ArgumentParser
import Console
import DialogueEngine
import Foundation
import PlanStore
import TandemStore

/// `tandem resume [<id-or-code>]`
struct ResumeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume",
        abstract: "Carry on with a plan you stopped.",
        discussion: """
            With no code, lists your unfinished plans and asks which one to carry on with: type its number, \
            or its code (with no unfinished plans, it still asks for a code). Typing the code there keeps it out of your shell's history and out of the list \
            of running programs (ps), where a code given on the command line can be seen. Through a pipe, \
            the first line read is taken the same way (printf '%s\\n' "$CODE" | tandem resume).
            """)

    @Argument(help: ArgumentHelp("The plan's resume code (like K7QM-3XRT-9PAE, or K7QM 3XRT 9PAE) or its id (see tandem sessions).", valueName: "id-or-code"))
    var codeParts: [String] = []

    /// A code written down in groups can be typed with spaces, without quotes.
    var idOrCode: String? { codeParts.isEmpty ? nil : codeParts.joined(separator: " ") }

    @OptionGroup var dialogueOptions: DialogueOptions
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let library = try dialogueOptions.library()
        guard let store = try storeOptions.openExisting() else {
            if idOrCode != nil { throw storeOptions.noStore() }
            Output.line("You have no unfinished plans to carry on with. To start one, run: \(Terminal.command)")
            return
        }
        let reader = Terminal.reader()
        let repl = REPL.forTerminal(reader: reader)
        let plan: StoredPlan
        if let idOrCode {
            plan = try StoreFailure.guarding { try StoreBridge.wait { try await store.open(idOrCode: idOrCode) } }
        } else {
            guard let chosen = try choose(from: store, reader: reader, lobby: Lobby(library: library), repl: repl) else { return }
            plan = chosen
        }
        try PlanRunner(library: library, repl: repl, store: store).resume(plan)
    }

    /// Lists the unfinished plans, numbered, and asks for one (or a plan's code). With none, says so
    /// and still asks for a code: a finished plan's, or one that was never listed, is given here,
    /// kept out of the shell's history, as when there are plans. Nil when the person leaves.
    /// `/urgent` shows the contacts here too, and every other line is heard for words of distress
    /// (`lobby`'s check-in, shown through `repl`).
    func choose(from store: any PlanStorage, reader: any LineReader, lobby: Lobby, repl: REPL) throws -> StoredPlan? {
        let plans = try StoreFailure.guarding { try StoreBridge.wait { try await store.list() } }.filter { !$0.finished }
        let words = ChoiceWords(count: plans.count)
        /// Wrapped to the window, as the conversation's words are.
        let say = { (text: String) in Wrap.lines(text, width: Terminal.width).forEach(Output.line) }
        if plans.isEmpty {
            say("You have no unfinished plans to carry on with. To start one, run: \(Terminal.command)")
        } else {
            Output.line(plans.count == 1 ? "You have one unfinished plan:" : "You have \(plans.count) unfinished plans:")
            for (n, plan) in plans.enumerated() {
                Output.line("")
                Output.line("  \(n + 1). \(Sanitize.line(plan.dialogueTitle))")
                Output.line("     Started \(PlanDates.day(plan.started)).")
                Output.line("     Last changed \(PlanDates.moment(plan.updated)).")
                Output.line("     \(PlanDates.progress(plan))")
            }
        }
        Output.line("")
        say(words.ask)
        reader.setCompletions(["/urgent"])
        var checkIns = CheckInState()
        // What is typed here may be a resume code: it is not kept for the up arrow to bring back.
        while let line = reader.readLineForgetting(prompt: REPL.prompt) {
            let word = line.trimmingCharacters(in: .whitespaces)
            if word.isEmpty || ["/quit", "/pause", "quit"].contains(word.lowercased()) { return nil }
            if word.lowercased() == "/urgent" {
                repl.show([.support(lobby.library.support)])
                say(words.ask)
                continue
            }
            repl.checkInsBeforePlan = checkIns
            if let n = Conversation.answerNumber(word), plans.indices.contains(n - 1) {
                let id = plans[n - 1].id
                return try StoreFailure.guarding { try StoreBridge.wait { try await store.open(id: id) } }
            }
            if let plan = try? StoreBridge.wait({ try await store.open(idOrCode: word) }) { return plan }
            // One plan, and "yes", "ok" or "no" to "Type 1 to carry on with it"; with none, "no" leaves.
            if plans.count <= 1, let yes = AnswerParser.yesOrNo(word) {
                guard yes else { return nil }
                if plans.count == 1 {
                    let id = plans[0].id
                    return try StoreFailure.guarding { try StoreBridge.wait { try await store.open(id: id) } }
                }
            }
            if let heard = lobby.hear(word, checkIns: &checkIns) {
                repl.show(heard)
                say(words.whenReady)
                continue
            }
            // Something shaped like a code (twelve letters and numbers, with a number or a dash in them).
            if ResumeCode.canonical(word)?.count == ResumeCode.length, word.contains(where: { $0.isNumber || $0 == "-" }) {
                say(StoreError.notFound.message)
                say(words.ask)
                continue
            }
            say(words.again)
        }
        return nil
    }
}

/// What `tandem resume` asks, for `count` unfinished plans (none, one or several).
struct ChoiceWords {
    var count: Int

    var ask: String {
        switch count {
        case 0: "If you have a code for a plan, type it to open that plan, or press Enter to leave."
        case 1: "Type 1 to carry on with it (or type its code), or press Enter to leave."
        default: "Which one would you like to carry on with? Type its number (or its code), or press Enter to leave."
        }
    }

    /// After the check-in.
    var whenReady: String {
        switch count {
        case 0: "When you are ready, type a plan's code to open it, or press Enter to leave."
        case 1: "When you are ready, type 1 to carry on with your plan, or press Enter to leave."
        default: "When you are ready, type the number of the plan to carry on with, or press Enter to leave."
        }
    }

    /// After a line that is none of these.
    var again: String {
        switch count {
        case 0: "Please type a plan's code (like K7QM-3XRT-9PAE), or press Enter to leave."
        case 1: "Please type 1 to carry on with your plan, or press Enter to leave."
        default: "Please type a number from 1 to \(count), or press Enter to leave."
        }
    }
}

/// How the plan commands show dates and progress.
enum PlanDates {
    /// `Friday 27 November 2026`.
    static func day(_ date: Date) -> String { SimpleDate(date).spoken }

    /// `Friday 27 November 2026 at 18:54`.
    static func moment(_ date: Date) -> String {
        let parts = Calendar.current.dateComponents([.hour, .minute], from: date)
        return day(date) + String(format: " at %02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
    }

    /// `Part 2 of 4. 5 questions answered, 1 skipped.` or `Finished. ...`
    static func progress(_ plan: PlanSummary) -> String {
        let answered = "\(plan.answered) \(plan.answered == 1 ? "question" : "questions") answered"
        let skipped = plan.skipped > 0 ? ", \(plan.skipped) skipped" : ""
        let lead = plan.finished ? "Finished" : "Part \(plan.part) of \(plan.parts)"
        return "\(lead). \(answered)\(skipped)."
    }
}
