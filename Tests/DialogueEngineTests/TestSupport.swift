import Foundation
import Testing

@testable import DialogueEngine

/// Shared helpers: inline dialogues, paths next to this file, and a driver for conversations.
enum TestSupport {
    /// Strings made of `pieces`: every one, two and three of them in a row, then `random` more of
    /// 2 to 2 + 2^(64 - `lengthShift`) - 1 pieces each, from a fixed seed (the same strings every run).
    static func strings(of pieces: [String], random: Int, lengthShift: UInt64 = 60, seed: UInt64) -> [String] {
        var out = [""]
        for a in pieces {
            out.append(a)
            for b in pieces { out.append(a + b); for c in pieces { out.append(a + b + c) } }
        }
        var seed = seed
        for _ in 0..<random {
            var s = ""
            for _ in 0..<(Int(seed >> lengthShift) + 2) {
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                s += pieces[Int(seed >> 33) % pieces.count]
            }
            out.append(s)
        }
        return out
    }

    /// Monday 4 January 2027, the date transcripts use.
    static let today = SimpleDate(year: 2027, month: 1, day: 4)!

    /// This tests folder, found from this file's path (works on Linux without resource bundles).
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let fixtures = testsDirectory.appendingPathComponent("Fixtures")
    /// The package root (two levels above this folder).
    static let packageRoot = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()

    /// A whole dialogue with one section around `steps`, written as they sit under `steps:` but
    /// starting at column 1 (each line is indented by six spaces here).
    static func yaml(_ steps: String, id: String = "test", title: String = "Test") -> String {
        let body = steps.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : "      " + $0 }.joined(separator: "\n")
        return """
            dialogue: \(id)
            version: 1
            title: \(title)
            sections:
              - id: part
                title: Part one
                steps:
            \(body)
            """
    }

    /// The line a step text starts on in `yaml(_:)`: step line `n` (1-based) sits on line `n + 7`.
    static let stepsLineOffset = 7

    /// Loads dialogue text; the name has no `.yaml` so the file-name check stays quiet.
    static func load(_ text: String, file: String = "inline") -> ScriptLoader.Result {
        ScriptLoader.load(text: text, file: file)
    }

    /// Loads a one-section dialogue and requires it to be free of errors and warnings.
    static func script(_ steps: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Script {
        try script(text: yaml(steps), sourceLocation: sourceLocation)
    }

    static func script(text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Script {
        let result = load(text)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(DiagnosticRenderer.text))", sourceLocation: sourceLocation)
        return try #require(result.script, sourceLocation: sourceLocation)
    }

    /// The diagnostics of one-section dialogue steps.
    static func diagnostics(_ steps: String) -> [Diagnostic] { load(yaml(steps)).diagnostics }

    /// A conversation over a one-section dialogue, started.
    static func conversation(_ steps: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Conversation {
        var c = Conversation(script: try script(steps, sourceLocation: sourceLocation), today: today)
        _ = c.start()
        return c
    }
}

extension Conversation {
    /// Types several lines; returns every change made.
    @discardableResult
    mutating func type(_ lines: String...) -> [Change] {
        lines.flatMap { answer($0).changes }
    }

    /// The id of the question waiting now.
    var currentID: String? { currentStep?.id }

    /// The answers on the path, by step id.
    var planAnswers: [String: AnswerValue] {
        Dictionary(uniqueKeysWithValues: plan.compactMap { e in e.value.map { (e.step.id, $0) } })
    }
}

extension [Event] {
    var invalidMessages: [String] {
        compactMap { if case .invalid(let s) = $0 { s } else { nil } }
    }
    var notices: [String] {
        compactMap { if case .notice(let s) = $0 { s } else { nil } }
    }
    var askedSteps: [String] {
        compactMap { if case .asked(let p) = $0 { p.step } else { nil } }
    }
    var said: [String] {
        compactMap { if case .said(let s) = $0 { s } else { nil } }
    }
    var isFinished: Bool {
        contains { if case .finished = $0 { true } else { false } }
    }
}

/// Where engine tests keep a plan's changes, as a store would.
final class MemoryJournal {
    var changes: [Change] = []
    /// When set, keeping fails (a full disk).
    var failing = false
    static let code = "ABCD-1234"
    struct Broken: Error, CustomStringConvertible { var description: String { "disk full" } }
}

/// A door for engine tests: takes each turn as every door does (keep its changes, then accept it),
/// keeping changes in a `MemoryJournal`; when keeping fails, shows the door's words and stays put.
struct TestDoor {
    var session: Session
    let journal: MemoryJournal?

    init(_ session: Session, journal: MemoryJournal? = nil) {
        var s = session
        if journal != nil { s.plan = PlanInfo(id: "testplan", code: MemoryJournal.code) }
        self.session = s
        self.journal = journal
    }

    var conversation: Conversation { session.conversation }
    var isClosed: Bool { session.isClosed }
    var checkInShown: Bool { session.checkInShown }

    @discardableResult
    mutating func start() -> [Event] { take(session.start()) }

    @discardableResult
    mutating func handle(_ line: String) -> [Event] { take(session.handle(line)) }

    /// A typed answer from a program (JSON mode).
    @discardableResult
    mutating func handle(answer input: AnswerInput) -> [Event] { take(session.handle(answer: input)) }

    mutating func endOfInput() -> [Event] { take(session.endOfInput()) }

    func resume() -> [Event] { session.resume() }

    private mutating func take(_ turn: Session.Turn) -> [Event] {
        if let journal, !turn.changes.isEmpty {
            if journal.failing { return session.unsaved(MemoryJournal.Broken()) }
            journal.changes += turn.changes
        }
        session.accept(turn)
        return turn.events
    }
}

/// A suite that tries answers on a parser: the value it takes, or what its refusal says.
protocol ParsesAnswers {
    var parser: AnswerParser { get }
}

extension ParsesAnswers {
    func value(_ input: String, _ spec: AnswerSpec) -> AnswerValue? {
        if case .value(let v) = parser.parse(input, as: spec) { return v }
        return nil
    }

    func refusal(_ input: String, _ spec: AnswerSpec) -> String? {
        if case .rejected(let why) = parser.parse(input, as: spec) { return why }
        return nil
    }
}
