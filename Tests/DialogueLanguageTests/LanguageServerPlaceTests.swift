import Foundation
import Testing

@testable import DialogueLanguage
import DialogueEngine

/// Positions the editor may send that are not in the text, and texts whose lines end in CRLF or
/// begin with a byte-order mark: the server answers and keeps running.
@Suite struct LanguageServerPlaceTests {
    typealias T = LanguageServerTests

    @Test(arguments: ["textDocument/completion", "textDocument/hover", "textDocument/definition"])
    func positionsOutsideTheTextAnswerNothing(method: String) {
        let server = LanguageServer()
        _ = T.open(server, T.good)
        for (line, character) in [(-1, 0), (0, -1), (-5, -5), (400, 0), (Int.min, 3), (21, Int.min)] {
            let result = T.request(server, method, line: line, character: character)
            if method == "textDocument/completion" {
                #expect(((result as? [String: Any])?["items"] as? [Any])?.isEmpty == true, "\(line):\(character)")
            } else {
                #expect(result is NSNull, "\(line):\(character)")
            }
        }
        // Still running: the next request is answered.
        #expect(T.labels(server, line: 13, character: 16).contains("number"))
    }

    @Test func theIndexRefusesPlacesOutsideTheText() {
        let index = DocumentIndex(text: T.good, script: nil)
        #expect(index.word(at: .init(line: -1, character: 0)) == nil)
        #expect(index.word(at: .init(line: 0, character: -2)) == nil)
        #expect(index.completions(at: .init(line: -1, character: 4)).isEmpty)
        #expect(index.completions(at: .init(line: 3, character: -1)).isEmpty)
        #expect(index.hover(at: .init(line: -2, character: 1)) == nil)
        #expect(index.definition(at: .init(line: -2, character: 1)) == nil)
        // Past the line's end is its end, as the protocol says.
        #expect(index.word(at: .init(line: 0, character: 99))?.0 == "sleep")
    }

    @Test func anOffsetInsideALetterCountsFromItsStart() {
        // 6 is between the two UTF-16 halves of 😀: the line up to the letter, not the whole line.
        #expect(DocumentIndex.prefix("ask: 😀 hi", utf16: 6) == "ask: ")
        #expect(DocumentIndex.prefix("ask: 😀 hi", utf16: -3) == "")
        #expect(DocumentIndex.prefix("ask: 😀 hi", utf16: 99) == "ask: 😀 hi")
    }

    @Test func aStepFromAnEarlierLongerVersionDoesNotLeadPastTheEnd() throws {
        let server = LanguageServer()
        _ = T.open(server, T.good)
        // Does not load, so the ids are still those of the version above, whose lines run further.
        _ = server.handle(["jsonrpc": "2.0", "method": "textDocument/didChange",
                           "params": ["textDocument": ["uri": T.uri], "contentChanges": [["text": "go: best\n"]]]])
        let target = try #require(T.request(server, "textDocument/definition", line: 0, character: 5) as? [String: Any])
        let start = try #require((target["range"] as? [String: Any])?["start"] as? [String: Int])
        #expect(start["line"]! < 2)
    }

    // MARK: Line ends

    @Test func linesEndAsTheCheckerEndsThem() {
        #expect(TextLines.split("a\r\nb\rc\nd") == ["a", "b", "c", "d"])
        #expect(TextLines.split("a\n\u{301}b\r\n") == ["a", "\u{301}b", ""])
        #expect(TextLines.split("") == [""])
    }

    @Test func aFileWithCRLFLineEndsIsReadLineByLine() throws {
        let server = LanguageServer()
        let crlf = T.good.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(T.diagnostics(T.open(server, crlf)).isEmpty)
        #expect(T.labels(server, line: 13, character: 16).contains("number"))
        let hover = try #require((T.request(server, "textDocument/hover", line: 21, character: 28) as? [String: Any])?["contents"] as? [String: Any])
        #expect((hover["value"] as? String)?.contains("What helps you sleep?") == true)
        let target = try #require(T.request(server, "textDocument/definition", line: 21, character: 28) as? [String: Any])
        #expect(((target["range"] as? [String: Any])?["start"] as? [String: Int]) == ["line": 14, "character": 12])
    }

    @Test func aProblemAfterAWideLetterOnACRLFLineIsWhereItIs() throws {
        let server = LanguageServer()
        let line = "        ask: Which 😀 helps most, {what-helsp}?"
        let text = T.good.replacingOccurrences(of: "        ask: Which helps most, {what-helps}?", with: line)
            .replacingOccurrences(of: "\n", with: "\r\n")
        let found = T.diagnostics(T.open(server, text))
        let hole = try #require(found.first { $0["code"] as? String == "D018" })
        let start = try #require((hole["range"] as? [String: Any])?["start"] as? [String: Int])
        #expect(start["line"] == 19)
        #expect(start["character"] == line.utf16.distance(from: line.utf16.startIndex, to: line.range(of: "{")!.lowerBound))
    }

    // MARK: Byte-order mark

    @Test func aByteOrderMarkIsNotPartOfTheText() throws {
        let server = LanguageServer()
        #expect(T.diagnostics(T.open(server, "\u{FEFF}" + T.good)).isEmpty)
        #expect(FileCheck.check(text: "\u{FEFF}" + T.good, file: "/tmp/dialogues/sleep.yaml", today: nil).diagnostics.isEmpty)
        // Columns on the first line count the mark, as the editor does.
        let hover = try #require((T.request(server, "textDocument/hover", line: 0, character: 2) as? [String: Any])?["contents"] as? [String: Any])
        #expect((hover["value"] as? String)?.hasPrefix("`dialogue:`") == true)
        let renamed = T.diagnostics(T.open(server, "\u{FEFF}" + T.good.replacingOccurrences(of: "dialogue: sleep", with: "dialogue: sleeep")))
        let d022 = try #require(renamed.first { $0["code"] as? String == "D022" })
        #expect(((d022["range"] as? [String: Any])?["start"] as? [String: Int]) == ["line": 0, "character": 11])
        let top = DocumentIndex(text: "\u{FEFF}ti", script: nil)
        #expect(top.completions(at: .init(line: 0, character: 3)).map(\.label).contains("title"))
    }
}
