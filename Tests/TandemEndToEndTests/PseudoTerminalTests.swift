import Foundation
import Testing

/// The `tandem` executable in a pseudo-terminal, as a person at a terminal runs it: readline line
/// editing, Tab completion, Ctrl-C, Ctrl-D, wrapping to the terminal's width, no history file.
@Suite("tandem in a terminal")
struct PseudoTerminalTests {
    static let carers = "looking-after-me-too"
    static let plan = ["plan", carers, "--dialogues", TandemExecutable.dialogues]

    /// Starts the carers' plan and waits for its first prompt.
    static func startPlan(home: TemporaryFolder, columns: UInt16 = 80, environment: [String: String] = [:]) throws -> TerminalTandem {
        let tandem = try TerminalTandem(plan, home: home, columns: columns, environment: environment)
        try tandem.expect("What would you like me to call you?")
        try tandem.expect("> ")
        return tandem
    }

    /// Answers the name question and waits for the relationship question's prompt.
    static func answerName(_ tandem: TerminalTandem, _ name: String = "Sam") throws {
        try tandem.type(name + "\r")
        try tandem.expect("How are you linked to the person you help?")
        try tandem.expect("> ")
    }

    @Test("readline is in charge: the prompt appears, and typed text can be edited")
    func readlineEditsTheLine() throws {
        let home = try TemporaryFolder()
        let tandem = try Self.startPlan(home: home)
        // Type "Sxm", go back two characters (Ctrl-B), delete the x under the cursor (Ctrl-D on a
        // line with text is delete, not quit), and press Enter.
        try tandem.type("Sxm")
        try tandem.expect("Sxm")
        try tandem.type("\u{02}\u{02}\u{04}\r")
        try tandem.expect("Hello Sm.")
        try tandem.expect("> ")
        // Ctrl-P brings back the earlier line from this conversation's history.
        try tandem.type("\u{10}")
        try tandem.expect("Sm")
        try tandem.type("\u{15}2\r") // Ctrl-U clears it; then answer 2
        try tandem.expect("What do you do to help them, day to day?")
        try tandem.expect("> ")
        try tandem.type("/quit\r")
        #expect(try tandem.finish() == 0)
    }

    @Test("Tab completes a /command and the question's option words")
    func tabCompletion() throws {
        let home = try TemporaryFolder()
        let tandem = try Self.startPlan(home: home)
        try tandem.type("/urg\t")
        try tandem.expect("/urgent ")
        try tandem.type("\r")
        try tandem.expect("116 123")
        try tandem.expect("What would you like me to call you?")
        try tandem.expect("> ")
        try Self.answerName(tandem)
        // Two options start with "pa": one Tab fills in the part they share and lists both.
        try tandem.type("pa\t")
        let listed = try tandem.expect("partner")
        #expect(listed.contains("parent"))
        try tandem.expect("> par")
        try tandem.type("tn\t")
        try tandem.expect("tn")
        try tandem.expect("er ") // "partn" completed to "partner "
        try tandem.type("\r")
        try tandem.expect("What do you do to help them, day to day?")
        try tandem.expect("> ")
        try tandem.type("/review\r")
        try tandem.expect("I am their partner")
        try tandem.expect("> ")
        try tandem.type("/qu\t\r")
        try tandem.expect("Goodbye")
        #expect(try tandem.finish() == 0)
    }

    @Test("Tab completes a dialogue id at the menu")
    func menuCompletion() throws {
        let home = try TemporaryFolder()
        let tandem = try TerminalTandem(["--dialogues", TandemExecutable.dialogues], home: home)
        try tandem.expect("Which plan would you like")
        try tandem.expect("> ")
        try tandem.type("looking-a\t")
        try tandem.expect("looking-after-me-too ")
        try tandem.type("\r")
        try tandem.expect("What would you like me to call you?")
        try tandem.expect("> ")
        try tandem.type("\u{04}")
        #expect(try tandem.finish() == 0)
    }

    @Test("Ctrl-C clears the line and keeps the plan going")
    func controlC() throws {
        let home = try TemporaryFolder()
        let tandem = try Self.startPlan(home: home)
        try Self.answerName(tandem)
        try tandem.type("abc")
        try tandem.expect("abc")
        try tandem.type("\u{03}")
        try tandem.expect("> ")
        #expect(tandem.poll() == nil, "Ctrl-C must not end tandem")
        // Ctrl-C on an empty line is harmless too.
        try tandem.type("\u{03}")
        try tandem.expect("> ")
        // If "abc" were still there, this would be "abc2" and be asked again.
        try tandem.type("2\r")
        try tandem.expect("What do you do to help them, day to day?")
        try tandem.expect("> ")
        try tandem.type("/quit\r")
        #expect(try tandem.finish() == 0)
    }

    @Test("Ctrl-D on an empty line ends the plan cleanly")
    func controlD() throws {
        let home = try TemporaryFolder()
        let tandem = try Self.startPlan(home: home)
        try Self.answerName(tandem)
        try tandem.type("\u{04}")
        #expect(try tandem.finish() == 0)
        let goodbye = tandem.output.unread
        #expect(goodbye.contains("Take care") || goodbye.contains("Your plan is saved"), "a kind last word: \(goodbye)")
    }

    /// Lines as a person sees them: escape sequences and carriage returns removed.
    static func visibleLines(_ text: String) -> [String] {
        text.withoutTerminalControls.components(separatedBy: "\n")
    }

    @Test("text wraps to the terminal's width, and follows it when the window changes")
    func wrapsToWidth() throws {
        let home = try TemporaryFolder()
        let tandem = try Self.startPlan(home: home, columns: 50)
        try Self.answerName(tandem)
        for command in ["/help", "/urgent", "/why", "/progress", "/review"] {
            try tandem.type(command + "\r")
            try tandem.expect("> ")
        }
        try tandem.type("\u{04}")
        #expect(try tandem.finish() == 0)
        let lines = Self.visibleLines(tandem.output.text)
        #expect(lines.count > 60)
        let long = lines.filter { $0.count > 50 }
        #expect(long.isEmpty, "lines over 50 columns: \(long)")
        #expect(lines.contains { $0.count > 40 }, "the text uses the width it has")
    }

    @Test("a window 20 columns wide: every line Tandem writes fits it, but for a path too long for any line")
    func twentyColumns() throws {
        let home = try TemporaryFolder()
        let tandem = try TerminalTandem(Self.plan, home: home, columns: 20)
        try tandem.expect("call you?")
        try tandem.expect("> ")
        try tandem.type("Sam\r")
        try tandem.expect("linked")
        try tandem.expect("> ")
        for command in ["/help", "/urgent", "/review"] {
            try tandem.type(command + "\r")
            try tandem.expect("> ")
        }
        try tandem.type("/quit\r")
        #expect(try tandem.finish() == 0)
        let lines = Self.visibleLines(tandem.output.text)
        #expect(lines.contains { $0.contains("116 123") })
        // A path with no space in it is left whole for the terminal to cut, so it can be copied.
        let long = lines.filter { $0.count > 20 && $0.trimmingCharacters(in: .whitespaces).contains(" ") }
        #expect(long.isEmpty, "lines over 20 columns: \(long)")
    }

    @Test("after the window shrinks, new text wraps to the new width")
    func followsResize() throws {
        let home = try TemporaryFolder()
        let tandem = try Self.startPlan(home: home, columns: 80)
        try tandem.type("/urgent\r")
        let wide = try tandem.expect("> ")
        #expect(Self.visibleLines(wide).contains { $0.count > 60 })
        tandem.resize(columns: 40)
        try tandem.type("/urgent\r")
        let narrow = try tandem.expect("> ")
        #expect(narrow.contains("116 123"))
        let long = Self.visibleLines(narrow).filter { $0.count > 40 }
        #expect(long.isEmpty, "lines over 40 columns after resizing: \(long)")
        try tandem.type("/quit\r")
        #expect(try tandem.finish() == 0)
    }

    /// Select Graphic Rendition (colour, bold, underline) is ESC [ ... m.
    static func colourCodes(_ text: String) -> Range<String.Index>? {
        text.range(of: "\u{1B}\\[[0-9;]*m", options: .regularExpression)
    }

    /// Runs the carers' plan through a Tab listing and some long outputs; returns all it showed.
    static func showSomeOfEverything(home: TemporaryFolder, environment: [String: String]) throws -> String {
        let tandem = try Self.startPlan(home: home, environment: environment)
        try Self.answerName(tandem)
        try tandem.type("pa\t")
        try tandem.expect("tner") // the list of completions ("par" may be coloured apart from "tner")
        try tandem.expect("> par")
        try tandem.type("\u{15}")
        for command in ["/help", "/urgent", "/review", "/export"] {
            try tandem.type(command + "\r")
            try tandem.expect("> ")
        }
        try tandem.type("/quit\r")
        #expect(try tandem.finish() == 0)
        return tandem.output.text
    }

    @Test("no colour: nothing but readline's own line editing writes escape sequences")
    func noColour() throws {
        let home = try TemporaryFolder()
        let plain = try Self.showSomeOfEverything(home: home, environment: ["TERM": "xterm-256color", "NO_COLOR": ""])
        #expect(Self.colourCodes(plain) == nil, "colour or bold codes: \(OutputBuffer.visible(plain))")
    }

    @Test("NO_COLOR overrules an inputrc that asks readline for coloured completion lists")
    func noColourOverInputrc() throws {
        let home = try TemporaryFolder()
        let inputrc = try home.write("colours.inputrc", "set colored-completion-prefix on\nset colored-stats on\n")
        let asked = try Self.showSomeOfEverything(home: home, environment: ["TERM": "xterm-256color", "INPUTRC": inputrc, "NO_COLOR": ""])
        #expect(Self.colourCodes(asked) != nil, "without NO_COLOR the inputrc's colours show (so this test can see them)")
        let refused = try Self.showSomeOfEverything(home: home, environment: ["TERM": "xterm-256color", "INPUTRC": inputrc, "NO_COLOR": "1"])
        #expect(Self.colourCodes(refused) == nil, "colour despite NO_COLOR: \(OutputBuffer.visible(refused))")
    }

    @Test("no history file: typed answers are written nowhere under HOME")
    func noHistoryFile() throws {
        let home = try TemporaryFolder()
        let elsewhere = try TemporaryFolder("tandem-e2e-store")
        // A plan store (when there is one) keeps answers by design; keep it outside HOME here.
        let env = ["TANDEM_STORE": elsewhere.path + "/plans.sqlite", "XDG_DATA_HOME": elsewhere.path]
        let tandem = try Self.startPlan(home: home, environment: env)
        let secrets = ["Zebrafish7731", "Quokka lifts to clinic 4409"]
        try Self.answerName(tandem, secrets[0])
        try tandem.type("2\r")
        try tandem.expect("What do you do to help them, day to day?")
        try tandem.expect("> ")
        try tandem.type(secrets[1] + "\r")
        try tandem.expect("Part 2 of 7")
        try tandem.expect("> ")
        try tandem.type("\u{04}")
        #expect(try tandem.finish() == 0)
        #expect(tandem.output.text.contains(secrets[0]), "the answers were typed")
        for file in home.allFiles() {
            let data = (try? Data(contentsOf: URL(fileURLWithPath: file))) ?? Data()
            let text = String(decoding: data, as: UTF8.self)
            for secret in secrets {
                #expect(!text.contains(secret), "\(file) holds a typed answer")
            }
        }
        #expect(!home.allFiles().contains { $0.lowercased().contains("history") })
    }

    @Test("standard input a terminal but output a pipe: plain lines, no readline")
    func outputNotATerminal() throws {
        let home = try TemporaryFolder()
        let tandem = try TerminalTandem(Self.plan, home: home, streams: .inputOnly)
        try tandem.expect("What would you like me to call you?")
        try tandem.expect("> ")
        try tandem.type("Sam\r")
        try tandem.expect("Hello Sam.")
        try tandem.expect("> ")
        try tandem.type("/quit\r")
        #expect(try tandem.finish() == 0)
        #expect(!tandem.output.text.contains("\u{1B}"), "readline's sequences must not reach a pipe")
    }

    @Test("output a terminal but input a pipe: plain lines, end of input ends cleanly")
    func inputNotATerminal() throws {
        let home = try TemporaryFolder()
        let tandem = try TerminalTandem(Self.plan, home: home, streams: .outputOnly)
        try tandem.expect("What would you like me to call you?")
        try tandem.expect("> ")
        try tandem.type("Sam\n")
        try tandem.expect("Hello Sam.")
        try tandem.expect("> ")
        tandem.closeInput()
        #expect(try tandem.finish() == 0)
        let goodbye = tandem.output.unread
        #expect(goodbye.contains("Take care") || goodbye.contains("Your plan is saved"), "a kind last word: \(goodbye)")
        #expect(!tandem.output.text.contains("\u{1B}"), "no readline when input is not a terminal")
    }
}
