import Foundation
import GRDB
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The real program, stopped in every way a plan can stop, then resumed: nothing acknowledged is lost.
@Suite("Crash safety with the real tandem program", .serialized)
struct CrashSafetyTests {
    /// The questions of the test dialogue, in order, as they appear on screen.
    static let questions = [
        "What would you like us to call you?", "How are you feeling today?", "How many hours do you sleep most nights?",
        "What helps you feel better?",
    ]

    enum Stop: String, CaseIterable, Sendable {
        case sigkill, sigterm, sighup, sigquit, closedInput
    }

    /// Starts a plan, answers `n` questions (waiting each time for the next question, which is shown
    /// only once the answer is saved), stops it, and returns the code and what the program did.
    func answer(_ n: Int, thenStop stop: Stop, home: TempFolder) throws -> (code: String, status: Int32, output: String) {
        let child = try TandemProcess(["plan", "store-test"], home: home)
        let opening = try child.expect(Self.questions[0])
        let code = try #require(resumeCode(in: opening), "no code in the opening:\n\(opening)")
        for i in 0..<n {
            try child.send(TestData.fullPlan[i])
            try child.expect(Self.questions[i + 1])
        }
        switch stop {
        case .sigkill: child.send(signal: SIGKILL)
        case .sigterm: child.send(signal: SIGTERM)
        case .sighup: child.send(signal: SIGHUP)
        case .sigquit: child.send(signal: SIGQUIT)
        case .closedInput: child.closeInput()
        }
        let status = try child.finish()
        return (code, status, child.text)
    }

    @Test("Stopped after N answers, resumed by code: all N answers are there and the next question is asked", arguments: Stop.allCases, [1, 3])
    func stopAndResume(stop: Stop, n: Int) throws {
        let home = try TempFolder("tandem-crash")
        let (code, status, output) = try answer(n, thenStop: stop, home: home)
        switch stop {
        case .sigkill:
            #expect(status == -SIGKILL)
        case .sigterm, .sighup, .sigquit, .closedInput:
            #expect(status == 0, "\(output)")
            #expect(output.contains("Your plan is saved. To carry on later, use this code: \(code)"))
        }

        let resumed = try TandemProcess.run(["resume", code.lowercased()], home: home)
        #expect(resumed.status == 0, "\(resumed.err)")
        #expect(resumed.out.contains("Welcome back. Your answers are all here."))
        let after = try #require(resumed.out.range(of: "Welcome back")).upperBound
        #expect(resumed.out[after...].contains(Self.questions[n]), "the next question is asked:\n\(resumed.out)")

        let json = try TandemProcess.run(["export", code, "--format", "json"], home: home)
        #expect(json.status == 0)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        let answers = try #require(root["answers"] as? [String: [String: Any]])
        #expect(answers.count == n)
        #expect(answers["name"]?["value"] as? String == "Robin Zebrafinch")
        if n >= 3 {
            #expect(answers["mood"]?["value"] as? Int == 7)
            #expect(answers["sleep-hours"]?["value"] as? Int == 8)
        }
    }

    @Test("tandem resume lists unfinished plans, numbered, and carries on with the one chosen")
    func resumeFromList() throws {
        let home = try TempFolder("tandem-list")
        _ = try answer(1, thenStop: .closedInput, home: home)
        _ = try answer(3, thenStop: .sigkill, home: home)
        let listed = try TandemProcess.run(["resume"], home: home, input: ["2"])
        #expect(listed.status == 0, "\(listed.err)")
        #expect(listed.out.contains("You have 2 unfinished plans:"))
        #expect(listed.out.contains("  1. A plan for testing the store"))
        #expect(listed.out.contains("  2. A plan for testing the store"))
        let after = try #require(listed.out.range(of: "Welcome back")).upperBound
        // The most recently changed plan is first; the second is the one with one answer.
        #expect(listed.out[after...].contains(Self.questions[1]), "\(listed.out)")
    }

    @Test("Choosing a saved plan: /urgent shows the contacts, and words of distress bring the check-in")
    func resumeChooserHears() throws {
        let home = try TempFolder("tandem-list-hears")
        _ = try answer(1, thenStop: .closedInput, home: home)
        let chosen = try TandemProcess.run(["resume"], home: home, input: ["/urgent", "i want to kill myself", "im going to end it tonight", "1"])
        #expect(chosen.status == 0, "\(chosen.err)")
        let out = chosen.out
        #expect(out.contains("116 123"), "the contacts: \(out)")
        #expect(out.contains("999"))
        #expect(!out.contains("Please type a number from 1 to 1"), "distress is not a wrong number: \(out)")
        #expect(out.contains("When you are ready, type 1 to carry on with your plan"))
        #expect(out.contains("Welcome back"), "then carries on: \(out)")
    }

    @Test("One saved plan: 'yes' to 'Type 1 to carry on with it' carries on, 'no' leaves, and anything else is not told 'from 1 to 1'")
    func resumeOneWithYes() throws {
        let home = try TempFolder("tandem-list-yes")
        _ = try answer(1, thenStop: .closedInput, home: home)
        let yes = try TandemProcess.run(["resume"], home: home, input: ["the first one", "yes please"])
        #expect(yes.status == 0, "\(yes.err)")
        #expect(!yes.out.contains("from 1 to 1,"), "\(yes.out)")
        #expect(yes.out.contains("Please type 1 to carry on with your plan, or press Enter to leave."), "\(yes.out)")
        #expect(yes.out.contains("Welcome back"), "\(yes.out)")
        let no = try TandemProcess.run(["resume"], home: home, input: ["no"])
        #expect(no.status == 0, "\(no.err)")
        #expect(!no.out.contains("Welcome back"), "\(no.out)")
    }

    @Test("A plan deleted in another window: the next answer is still taken, the person is told it is no longer saved, /quit asks once how to keep a copy, and does not say it is saved")
    func deletedElsewhere() throws {
        let home = try TempFolder("tandem-deleted")
        let child = try TandemProcess(["plan", "store-test"], home: home)
        try child.expect(Self.questions[0])
        try child.send("Robin")
        try child.expect(Self.questions[1])
        let sessions = try TandemProcess.run(["sessions", "--format", "json"], home: home)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(sessions.out.utf8)) as? [String: Any])
        let id = try #require((root["plans"] as? [[String: Any]])?.first?["id"] as? String)
        let deleted = try TandemProcess.run(["delete", id, "--yes"], home: home)
        #expect(deleted.status == 0, "\(deleted.err)")
        try child.send(TestData.fullPlan[1])
        try child.expect("This plan is no longer saved")
        try child.expect(Self.questions[2])
        // The answers are only in this window now: leaving asks once, and says how to keep a copy.
        try child.send("/quit")
        try child.expect("type /quit again.")
        try child.send("/quit")
        #expect(try child.finish() == 0)
        #expect(child.text.contains("/export"), "\(child.text)")
        #expect(!child.text.contains("Your plan is saved"), "\(child.text)")
        #expect(!child.text.contains("Please try again"), "trying again could never work")
    }

    @Test("A plan deleted in another window, then the window closed (SIGHUP) or stopped (SIGTERM): it does not say the plan is saved", arguments: [SIGHUP, SIGTERM])
    func deletedElsewhereThenStopped(_ signal: Int32) throws {
        let home = try TempFolder("tandem-deleted-stopped")
        let child = try TandemProcess(["plan", "store-test"], home: home)
        try child.expect(Self.questions[0])
        try child.send("Robin")
        try child.expect(Self.questions[1])
        let sessions = try TandemProcess.run(["sessions", "--format", "json"], home: home)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(sessions.out.utf8)) as? [String: Any])
        let id = try #require((root["plans"] as? [[String: Any]])?.first?["id"] as? String)
        #expect(try TandemProcess.run(["delete", id, "--yes"], home: home).status == 0)
        try child.send(TestData.fullPlan[1])
        try child.expect("This plan is no longer saved")
        try child.expect(Self.questions[2])
        child.send(signal: signal)
        #expect(try child.finish() == 0)
        let after = String(child.text.suffix(from: child.text.range(of: "This plan is no longer saved")!.lowerBound))
        #expect(!after.contains("Your plan is saved"), "its code no longer works: \(after)")
        #expect(after.contains("This plan is not being saved"), "\(after)")
    }

    @Test("The same plan in two windows: the second is told it is open in the first, and nothing is written over")
    func oneWindowAtATime() throws {
        let home = try TempFolder("tandem-two-windows")
        let (code, _, _) = try answer(1, thenStop: .closedInput, home: home)
        let first = try TandemProcess(["resume", code], home: home)
        try first.expect(Self.questions[1])
        let second = try TandemProcess.run(["resume", code], home: home, input: ["/quit"])
        #expect(second.status == 1)
        #expect(second.err.contains("This plan is open somewhere else just now: in another window"), "\(second.err)")
        #expect(!second.out.contains(Self.questions[1]))
        try first.send("/pause")
        #expect(try first.finish() == 0)
        // Let go: it opens again.
        let third = try TandemProcess.run(["resume", code], home: home, input: ["/pause"])
        #expect(third.status == 0, "\(third.err)")
        #expect(third.out.contains(Self.questions[1]))
    }

    @Test("A second window refused a plan (by its id, or from the list) writes nothing: no new code is made for it")
    func refusedWindowMakesNoCode() throws {
        let home = try TempFolder("tandem-refused-code")
        let (code, _, _) = try answer(1, thenStop: .closedInput, home: home)
        let store = home.file(".local/share/tandem/plans.sqlite")
        let codes = { try TestData.rawQueue(store).read { try Int.fetchOne($0, sql: "SELECT count(*) FROM resumeCode") ?? -1 } }
        let first = try TandemProcess(["resume", code], home: home)
        try first.expect(Self.questions[1])
        let before = try codes()
        let sessions = try TandemProcess.run(["sessions", "--format", "json"], home: home)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(sessions.out.utf8)) as? [String: Any])
        let id = try #require((root["plans"] as? [[String: Any]])?.first?["id"] as? String)
        let byID = try TandemProcess.run(["resume", id], home: home, input: ["/quit"])
        #expect(byID.status == 1 && byID.err.contains("open somewhere else"), "\(byID.err)")
        let fromList = try TandemProcess.run(["resume"], home: home, input: ["1", "/quit"])
        #expect(fromList.status == 1 && fromList.err.contains("open somewhere else"), "\(fromList.err)")
        #expect(try codes() == before, "a code no one was shown, that would work for 180 days")
        try first.send("/pause")
        #expect(try first.finish() == 0)
    }

    @Test("Ctrl-\\ (SIGQUIT) outside a plan, at the list of plans to carry on: it quits, with no crash report")
    func quitKeyAtTheList() throws {
        let home = try TempFolder("tandem-quit-key")
        _ = try answer(1, thenStop: .closedInput, home: home)
        let child = try TandemProcess(["resume"], home: home)
        _ = try child.expect("Type 1 to carry on with it")
        child.send(signal: SIGQUIT)
        #expect(try child.finish() == -SIGQUIT)
        #expect(!child.text.contains("crashed") && !child.errorText.contains("crashed"), "\(child.errorText)")
    }

    @Test("A plan finished in one sitting, paused in the middle of another")
    func pauseShowsCode() throws {
        let home = try TempFolder("tandem-pause")
        let child = try TandemProcess(["plan", "store-test"], home: home)
        try child.expect(Self.questions[0])
        try child.send("Robin")
        try child.expect(Self.questions[1])
        try child.send("/pause")
        #expect(try child.finish() == 0)
        let code = try #require(resumeCode(in: child.text))
        #expect(child.text.contains("Your plan is saved. To carry on later, use this code: \(code)"))

        let rest = Array(TestData.fullPlan.dropFirst())
        let finished = try TandemProcess.run(["resume", code], home: home, input: rest + ["/quit"])
        #expect(finished.status == 0)
        #expect(finished.out.contains("That is the end of"), "\(finished.out)")
        let sessions = try TandemProcess.run(["sessions", "--format", "json"], home: home)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(sessions.out.utf8)) as? [String: Any])
        let plans = try #require(root["plans"] as? [[String: Any]])
        #expect(plans.count == 1)
        #expect(plans.first?["finished"] as? Bool == true)
        #expect(plans.first?["answered"] as? Int == 9)
    }
}

@Suite("Closing the terminal window")
struct TerminalWindowTests {
    @Test("Closing the window in the middle of a plan (SIGHUP, with readline) loses nothing")
    func closeWindow() throws {
        let home = try TempFolder("tandem-window")
        let window = try TerminalProcess(["plan", "store-test"], home: home)
        try window.expect(CrashSafetyTests.questions[0])
        let code = try #require(resumeCode(in: window.text))
        window.type("Robin Zebrafinch")
        try window.expect(CrashSafetyTests.questions[1])
        window.type("7")
        try window.expect(CrashSafetyTests.questions[2])
        window.closeWindow()
        let status = try window.finish()
        #expect(status == 0, "ended with \(status): SIGHUP should pause, as /pause does")

        let resumed = try TandemProcess.run(["resume", code], home: home)
        let after = try #require(resumed.out.range(of: "Welcome back")).upperBound
        #expect(resumed.out[after...].contains(CrashSafetyTests.questions[2]), "\(resumed.out)")
        let json = try TandemProcess.run(["export", code, "--format", "json"], home: home)
        #expect(json.out.contains("Robin Zebrafinch"))
        #expect(json.out.contains(#""value" : 7"#))
    }
}
