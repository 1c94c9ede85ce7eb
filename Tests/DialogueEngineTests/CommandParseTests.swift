import Testing

@testable import DialogueEngine

/// How a line that starts with `/` is read as one of the engine's commands.
@Suite struct CommandParseTests {
    @Test func commandsParse() {
        #expect(Command(line: "/back") == .back)
        #expect(Command(line: "  /Skip ") == .skip)
        #expect(Command(line: "/change 3") == .change("3"))
        #expect(Command(line: "/export markdown") == .export(.markdown, path: nil))
        #expect(Command(line: "/export json plan.json") == .export(.json, path: "plan.json"))
        #expect(Command(line: "/export") == .export(.text, path: nil))
        // A name with spaces, quoted as people do: the quotes are not part of it.
        #expect(Command(line: "/export \"my plan.md\"") == .export(.markdown, path: "my plan.md"))
        #expect(Command(line: "/export 'my plan.json'") == .export(.json, path: "my plan.json"))
        #expect(Command(line: "/export markdown \u{201C}my plan.md\u{201D}") == .export(.markdown, path: "my plan.md"))
        #expect(Command(line: "/export text \"it's mine.txt") == .export(.text, path: "\"it's mine.txt"))
        if case .bad = Command(line: "/export pdf") {} else { Issue.record("an unknown format is refused") }
        if case .bad = Command(line: "/export myplan") {} else { Issue.record("a word that is not a format or a file name is refused") }
        #expect(Command(line: "back") == nil)
        #expect(Command(line: "/") == nil)
        #expect(Command(line: "1/3/2027") == nil)
    }

    @Test func exportToAFileNameAlone() {
        #expect(Command(line: "/export plan.txt") == .export(.text, path: "plan.txt"))
        #expect(Command(line: "/export My Plan.MD") == .export(.markdown, path: "My Plan.MD"))
        #expect(Command(line: "/export ~/plans/mine.json") == .export(.json, path: "~/plans/mine.json"))
        #expect(Command(line: "/export ~/plans/mine") == .export(.text, path: "~/plans/mine"))
        #expect(Command(line: "/export notes.doc") == .export(.text, path: "notes.doc"))
        #expect(Command(line: "/export pdf") == .bad("I can show your plan as text, markdown or json, like /export markdown. To save it in a file, add the file's name, like /export text my-plan.txt."))
    }

    /// "/export plan.pdf" wrote plain text into a file called plan.pdf, which no PDF reader opens.
    @Test func exportToAKindOfFileTandemCannotMake() {
        let words = "I cannot make a PDF file. I can save your plan as text (like my-plan.txt, which any word processor opens and prints), Markdown (my-plan.md) or JSON (my-plan.json)."
        #expect(Command(line: "/export plan.pdf") == .bad(words))
        #expect(Command(line: "/export ~/My Plan.PDF") == .bad(words))
        if case .bad(let w) = Command(line: "/export plan.docx") { #expect(w.hasPrefix("I cannot make a Word file.")) } else { Issue.record("docx") }
        #expect(Command(line: "/export text plan.pdf") == .export(.text, path: "plan.pdf"), "asked for text by name: written")
        // Where no file is ever written (over the network), the kind does not matter: it is an export
        // to a file, and the person hears that files cannot be saved there.
        #expect(Command(line: "/export plan.pdf", writesFiles: false) == .export(.text, path: "plan.pdf"))
    }
}
