import CReadline
import Foundation

/// Where the REPL reads lines from: readline on a terminal, plain lines otherwise.
public protocol LineReader: AnyObject {
    /// Shows the prompt and reads one line, without its line end; nil at end of input.
    func readLine(prompt: String) -> String?
    /// The words Tab completes for the next line.
    func setCompletions(_ words: [String])
    /// As `readLine(prompt:)`, but the line is not kept in the history the up arrow brings back
    /// (for a resume code, which no one else at the keyboard should find there).
    func readLineForgetting(prompt: String) -> String?
}

extension LineReader {
    public func readLineForgetting(prompt: String) -> String? { readLine(prompt: prompt) }
}

/// Plain lines from standard input, for pipes and scripts. Every prompt is flushed, so a program
/// driving Tandem through a pipe never waits for output stuck in a buffer.
public final class PlainLineReader: LineReader {
    public init() {}

    public func readLine(prompt: String) -> String? {
        StandardStreams.out(prompt)
        fflush(nil)
        guard var line = Swift.readLine(strippingNewline: true) else { return nil }
        if line.hasSuffix("\r") { line.removeLast() }
        return line
    }

    public func setCompletions(_ words: [String]) {}
}

/// GNU readline: line editing, in-memory history of this conversation only, Tab completion.
/// Answers are never written to a history file.
public final class ReadlineLineReader: LineReader {
    public init() {
        tandem_rl_init("tandem")
    }

    public func readLine(prompt: String) -> String? {
        guard let line = readLineForgetting(prompt: prompt) else { return nil }
        if !line.trimmingCharacters(in: .whitespaces).isEmpty { tandem_rl_add_history(line) }
        return line
    }

    public func readLineForgetting(prompt: String) -> String? {
        fflush(nil)
        guard let raw = tandem_rl_readline(prompt) else { return nil }
        defer { tandem_rl_free(raw) }
        return String(cString: raw)
    }

    public func setCompletions(_ words: [String]) {
        var pointers = words.map { strdup($0) }
        pointers.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: buffer.count) {
                tandem_rl_set_completions($0, Int32(buffer.count))
            }
        }
        pointers.forEach { free($0) }
    }

    deinit { tandem_rl_clear_history() }
}

/// Facts about the terminal.
public enum Terminal {
    /// How people start Tandem here, for hints like "tandem resume CODE": `scripts/run` sets
    /// `TANDEM_COMMAND` to itself, so someone who never installed `tandem` is shown what works.
    public static var command: String {
        let env = ProcessInfo.processInfo.environment["TANDEM_COMMAND"] ?? ""
        return env.isEmpty ? "tandem" : env
    }

    /// Both standard input and output are terminals: use readline.
    public static var isInteractive: Bool { isatty(0) == 1 && isatty(1) == 1 }

    /// The width to wrap at: the terminal's columns, else `COLUMNS`, else 80.
    public static var width: Int {
        let cols = Int(tandem_terminal_width(1))
        if cols > 0 { return cols }
        if let env = ProcessInfo.processInfo.environment["COLUMNS"], let n = Int(env), n > 0 { return n }
        return 80
    }

    /// Undoes a signal mask a parent process may have left (swift-corelibs-foundation#4772).
    public static func unblockSignals() { tandem_unblock_signals() }

    /// The reader that fits how Tandem was started.
    public static func reader() -> any LineReader {
        isInteractive ? ReadlineLineReader() : PlainLineReader()
    }
}
