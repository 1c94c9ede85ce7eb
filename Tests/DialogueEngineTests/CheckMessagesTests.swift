import Foundation
import Testing

@testable import DialogueEngine

/// Where `tandem check` points, and what it says, for mistakes made by hand in a small dialogue:
/// a colon or a `- ` left out, an invisible character, a limit that leaves nothing to answer,
/// braces that look like a hole.
@Suite struct CheckMessagesTests {
    typealias B = BrokenBase

    // MARK: A colon left out

    @Test(arguments: [
        ("        ask: What should I call you?", "        ask What should I call you?", 9, 9, "ask", "ask: What should I call you?"),
        ("title: Break me", "title Break me", 3, 1, "title", "title: Break me"),
        ("        answer: list", "        answer list", 25, 9, "answer", "answer: list"),
    ])
    func aMissingColonIsPointedAtItsKey(_ old: String, _ new: String, _ line: Int, _ column: Int, _ key: String, _ fixed: String) throws {
        let ds = B.diagnostics(replacing: old, with: new)
        let d = try #require(ds.first, "\(B.rendered(ds))")
        #expect(d.code == .yamlSyntax)
        #expect(d.location.line == line, "\(B.rendered(ds))")
        #expect(d.location.column == column)
        #expect(d.length == key.count)
        #expect(d.message == "this line needs a \":\" after \"\(key)\"")
        #expect(d.help?.contains(fixed) == true, "\(d.help ?? "")")
        #expect(!d.message.contains("simple key"))
    }

    // MARK: A `- ` left out

    @Test func aMissingDashPointsAtTheSecondID() throws {
        let ds = B.diagnostics(replacing: "      - id: help\n", with: "        id: help\n")
        let d = try #require(ds.first { $0.code == .duplicateKey }, "\(B.rendered(ds))")
        #expect(d.location.line == 23)
        #expect(d.location.column == 9)
        #expect(d.help?.contains("line 17") == true, "\(d.help ?? "")")
        #expect(d.help?.contains("\"- \"") == true, "\(d.help ?? "")")
    }

    @Test func aKeyTwiceInAStepThatStartsWithADashIsFoundInThatStep() throws {
        let ds = B.diagnostics(replacing: "        say: Hello {name|there}.\n", with: "        say: Hello {name|there}.\n        say: Hi.\n")
        let d = try #require(ds.first { $0.code == .duplicateKey }, "\(B.rendered(ds))")
        #expect(d.location.line == 19)
        #expect(d.help == "the first is on line 18; keep one")
    }

    // MARK: Invisible characters and bytes that are not UTF-8

    @Test(arguments: ["\u{07}", "\u{1B}", "\u{00}", "\u{7F}"])
    func aControlCharacterIsPointedAt(_ c: String) throws {
        let ds = B.diagnostics(replacing: "How are you?", with: "How are\(c) you?")
        let d = try #require(ds.first, "\(B.rendered(ds))")
        #expect(ds.count == 1)
        #expect(d.code == .yamlSyntax)
        #expect(d.location.line == 12)
        #expect(d.location.column == 21)
        #expect(d.message.contains("U+00"), "\(d.message)")
    }

    @Test func aByteThatIsNotUTF8IsPointedAt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("check-utf8-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var data = Data(B.text.replacingOccurrences(of: "call you?", with: "call yXu?").utf8)
        let at = try #require(data.firstIndex(of: UInt8(ascii: "X")))
        data[at] = 0xFF
        let file = folder.appendingPathComponent("brk.yaml")
        try data.write(to: file)
        let ds = ScriptLoader.load(path: file.path).diagnostics
        let d = try #require(ds.first)
        #expect(d.location.line == 9)
        #expect(d.location.column == B.column(of: "yXu", line: 9, in: B.text.replacingOccurrences(of: "call you?", with: "call yXu?"))! + 1)
        #expect(d.message.contains("UTF-8"))
        #expect(d.sourceLine?.contains("call y") == true)
    }

    // MARK: Limits that leave nothing to answer

    @Test(arguments: [("list", "0"), ("text", "0"), ("list", "-3"), ("text", "-1")])
    func aMaxBelowOneIsAnError(_ answer: String, _ max: String) throws {
        let ds = B.diagnostics(replacing: "        answer: list\n", with: "        answer: \(answer)\n        max: \(max)\n")
        let d = try #require(ds.first { $0.code == .badAnswerOptions }, "\(B.rendered(ds))")
        #expect(d.severity == .error)
        #expect(d.location.line == 26)
        #expect(ds.filter { $0.severity == .error }.count == 1, "\(B.rendered(ds))")
    }

    @Test(arguments: [("minutes: -5", 4), ("minutes: 0", 4)])
    func minutesBelowOneIsAnError(_ line: String, _ at: Int) throws {
        let ds = B.diagnostics(replacing: "title: Break me\n", with: "title: Break me\n\(line)\n")
        let d = try #require(ds.first, "\(B.rendered(ds))")
        #expect(d.code == .wrongValue)
        #expect(d.location.line == at)
        #expect(d.location.column == 10)
    }

    @Test func aVersionBelowZeroIsAnError() throws {
        let ds = B.diagnostics(replacing: "version: 1", with: "version: -2")
        let d = try #require(ds.first, "\(B.rendered(ds))")
        #expect(d.code == .wrongValue)
        #expect(d.location.line == 2)
        #expect(ScriptLoader.load(text: B.text.replacingOccurrences(of: "version: 1", with: "version: -2"), file: "brk.yaml").script == nil)
    }

    // MARK: Braces that look like a hole

    @Test(arguments: [
        ("Hello {Name|there}.", "{Name|there}", "did you mean {name|there}?"),
        ("Hello {NAME|x}.", "{NAME|x}", "did you mean {name|x}?"),
        ("Hello {{name}}.", "{{name}}", "did you mean {name}?"),
        ("Hello {}.", "{}", "put the id of an earlier question inside, such as {name}, or take the braces out"),
    ])
    func aHoleThatIsNotOneIsReported(_ say: String, _ written: String, _ help: String) throws {
        let text = B.text(replacing: "Hello {name|there}.", with: say)
        let ds = ScriptLoader.load(text: text, file: "brk.yaml").diagnostics
        let d = try #require(ds.first { $0.code == .unknownTextReference }, "\(B.rendered(ds))")
        #expect(d.location.line == 18)
        #expect(d.location.column == B.column(of: written, line: 18, in: text))
        #expect(d.length == written.count)
        #expect(d.help == help)
        #expect(ds.count == 1, "\(B.rendered(ds))")
    }

    @Test(arguments: ["Hello { see below }.", "Hello {Xyz}.", "Hello {Sam}.", "Hello {name}, {not a hole}."])
    func bracesAroundOtherTextAreLeftAlone(_ say: String) {
        let ds = B.diagnostics(replacing: "Hello {name|there}.", with: say)
        #expect(ds.isEmpty, "\(B.rendered(ds))")
    }
}
