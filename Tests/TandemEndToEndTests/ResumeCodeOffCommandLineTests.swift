import Foundation
import Testing

/// A resume code given on the command line (`tandem resume CODE`) shows in `ps` and stays in the
/// shell's history. `tandem resume` on its own asks for it instead: at a terminal, without keeping
/// it for the up arrow; through a pipe, from the first line. The words that show a code point there.
@Suite("tandem resume asks for the code, keeping it off the command line")
struct ResumeCodeOffCommandLineTests {
    static let carers = "looking-after-me-too"

    /// Starts the carers' plan through a pipe and pauses at its first question; returns its code.
    static func pausedPlan(home: TemporaryFolder) throws -> (code: String, said: String) {
        let result = try PipedTandem.run(["plan", carers, "--dialogues", TandemExecutable.dialogues], home: home, input: "/pause\n")
        #expect(result.status == 0, "\(result.stderr)")
        let code = try #require(result.stdout.firstMatch(of: /[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/).map { String($0.output) }, "\(result.stdout)")
        return (code, result.stdout)
    }

    @Test("where a code is shown, the way back is tandem resume on its own, never the code on a command line")
    func hintKeepsTheCodeOffTheCommandLine() throws {
        let home = try TemporaryFolder()
        let (code, said) = try Self.pausedPlan(home: home)
        let flat = said.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(flat.contains("(type tandem resume, then the code)"), "\(said)")
        #expect(!flat.contains("tandem resume \(code)"), "\(said)")
    }

    @Test("plans kept somewhere else (--store): the way back names the store, and works as shown")
    func wayBackNamesTheStore() throws {
        let home = try TemporaryFolder()
        let store = home.path + "/other place/plans.sqlite"
        let made = try PipedTandem.run(["plan", Self.carers, "--dialogues", TandemExecutable.dialogues, "--store", store], home: home, input: "/pause\n")
        #expect(made.status == 0, "\(made.stderr)")
        let flat = made.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(flat.contains("(type tandem resume --store ~/'other place/plans.sqlite', then the code)"), "\(made.stdout)")
        let code = try #require(made.stdout.firstMatch(of: /[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/).map { String($0.output) })
        let resumed = try PipedTandem.run(["resume", "--dialogues", TandemExecutable.dialogues, "--store", store], home: home, input: code + "\n")
        #expect(resumed.stdout.contains("Welcome back"), "\(resumed.stdout)")
        let sessions = try PipedTandem.run(["sessions", "--store", store], home: home)
        #expect(sessions.stdout.contains("To carry on: tandem resume <id> --store ~/'other place/plans.sqlite'"), "\(sessions.stdout)")
        #expect(sessions.stdout.contains("To see one: tandem export <id> --store ~/'other place/plans.sqlite'"), "\(sessions.stdout)")
        // The usual store, named: nothing more to type.
        let usual = try PipedTandem.run(["plan", Self.carers, "--dialogues", TandemExecutable.dialogues, "--store", home.path + "/.local/share/tandem/plans.sqlite"], home: home, input: "/pause\n")
        #expect(usual.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ").contains("(type tandem resume, then the code)"), "\(usual.stdout)")
    }

    @Test("through a pipe, the code on the first line carries on with the plan; the prompt says a code can be typed")
    func codeFromAPipe() throws {
        let home = try TemporaryFolder()
        let (code, _) = try Self.pausedPlan(home: home)
        let resumed = try PipedTandem.run(["resume", "--dialogues", TandemExecutable.dialogues], home: home, input: code.lowercased() + "\nSam\n/pause\n")
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.contains("(or type its code)"), "\(resumed.stdout)")
        #expect(resumed.stdout.contains("Welcome back"), "\(resumed.stdout)")
        #expect(resumed.stdout.contains("Hello Sam."), "\(resumed.stdout)")
    }

    /// With no unfinished plans, `tandem resume` used to stop at once, so a finished plan's code
    /// could only be given on the command line (into the shell's history).
    @Test("with no unfinished plans, it says so and still asks for the code: a finished plan's code opens it")
    func codeAskedWithNoUnfinishedPlans() throws {
        let home = try TemporaryFolder()
        let finished = try PipedTandem.run(["plan", Self.carers, "--dialogues", TandemExecutable.dialogues], home: home, input: String(repeating: "/skip\n", count: 30))
        #expect(finished.status == 0, "\(finished.stderr)")
        let code = try #require(finished.stdout.firstMatch(of: /[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/).map { String($0.output) }, "\(finished.stdout)")
        let resumed = try PipedTandem.run(["resume", "--dialogues", TandemExecutable.dialogues], home: home, input: "3\nZZZZ-9999-ZZZZ\n" + code.lowercased() + "\n/quit\n")
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let flat = resumed.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(flat.contains("You have no unfinished plans to carry on with."), "\(resumed.stdout)")
        #expect(flat.contains("If you have a code for a plan, type it to open that plan, or press Enter to leave."), "\(resumed.stdout)")
        #expect(flat.contains("Please type a plan's code (like K7QM-3XRT-9PAE), or press Enter to leave."), "\(resumed.stdout)")
        #expect(flat.contains("I could not find a plan with that code or id."), "\(resumed.stdout)")
        #expect(flat.contains("Welcome back"), "\(resumed.stdout)")
        #expect(flat.contains("That is the end of \"Looking after me too\"."), "\(resumed.stdout)")
        // Enter on its own leaves, as with plans to choose from.
        let left = try PipedTandem.run(["resume", "--dialogues", TandemExecutable.dialogues], home: home, input: "\n")
        #expect(left.status == 0, "\(left.stderr)")
        #expect(!left.stdout.contains("Welcome back"), "\(left.stdout)")
    }

    @Test("a code that finds no plan is told so, in the same words as anywhere else, and asked again")
    func wrongCode() throws {
        let home = try TemporaryFolder()
        _ = try Self.pausedPlan(home: home)
        let resumed = try PipedTandem.run(["resume", "--dialogues", TandemExecutable.dialogues], home: home, input: "ZZZZ-9999-ZZZZ\n\n")
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let flat = resumed.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(flat.contains("I could not find a plan with that code or id."), "\(resumed.stdout)")
        #expect(!flat.contains("Please type a number from 1 to 1"), "\(resumed.stdout)")
        #expect(!flat.contains("Welcome back"))
    }

    @Test("at a terminal, the code typed at tandem resume is not kept for the up arrow (Ctrl-P) to bring back")
    func codeNotInReadlineHistory() throws {
        let home = try TemporaryFolder()
        let (code, _) = try Self.pausedPlan(home: home)
        let tandem = try TerminalTandem(["resume", "--dialogues", TandemExecutable.dialogues], home: home)
        try tandem.expect("or press Enter to leave.")
        try tandem.expect("> ")
        try tandem.type(code + "\r")
        try tandem.expect("What would you like me to call you?")
        try tandem.expect("> ")
        // Ctrl-P brings back the line before, if there is one; then "zz" and Enter.
        try tandem.type("\u{10}zz\r")
        try tandem.expect("How are you linked to the person you help?")
        try tandem.expect("> ")
        try tandem.type("/pause\r")
        #expect(try tandem.finish() == 0)
        #expect(tandem.output.text.contains("Hello zz."), "\(OutputBuffer.visible(tandem.output.text))")
        #expect(!tandem.output.text.contains(code + "zz"), "the code came back from the history")
    }
}
