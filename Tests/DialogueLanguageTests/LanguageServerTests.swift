import Foundation
import Testing

@testable import DialogueLanguage
import DialogueEngine

/// The language server driven message by message, as an editor would drive it.
@Suite struct LanguageServerTests {
    static let uri = "file:///tmp/dialogues/sleep.yaml"

    static let good = """
        dialogue: sleep
        version: 1
        title: Sleep
        choices:
          helps:
            bath: A warm bath
            walk: A walk
        sections:
          - id: part
            title: Part
            steps:
              - id: hours
                ask: How many hours do you sleep?
                answer: number
              - id: what-helps
                ask: What helps you sleep?
                answer: pick-many
                options: helps
              - id: best
                ask: Which helps most, {what-helps}?
                answer: pick-one
                options: {from: what-helps}
                when: hours <= 6
                next:
                  - go: end

        """

    static func open(_ server: LanguageServer, _ text: String, uri: String = uri) -> [[String: Any]] {
        server.handle(["jsonrpc": "2.0", "method": "textDocument/didOpen",
                       "params": ["textDocument": ["uri": uri, "languageId": "yaml", "version": 1, "text": text]]])
    }

    static func diagnostics(_ messages: [[String: Any]]) -> [[String: Any]] {
        let params = messages.first { $0["method"] as? String == "textDocument/publishDiagnostics" }?["params"] as? [String: Any]
        return params?["diagnostics"] as? [[String: Any]] ?? []
    }

    static func request(_ server: LanguageServer, _ method: String, line: Int, character: Int) -> Any? {
        let replies = server.handle(["jsonrpc": "2.0", "id": 7, "method": method,
                                     "params": ["textDocument": ["uri": uri], "position": ["line": line, "character": character]]])
        return replies.first?["result"]
    }

    static func labels(_ server: LanguageServer, line: Int, character: Int) -> [String] {
        let result = request(server, "textDocument/completion", line: line, character: character) as? [String: Any]
        return (result?["items"] as? [[String: Any]] ?? []).compactMap { $0["label"] as? String }
    }

    @Test func initializeNamesWhatItCanDo() throws {
        let server = LanguageServer()
        let reply = try #require(server.handle(["jsonrpc": "2.0", "id": 1, "method": "initialize", "params": [:]]).first)
        #expect(reply["id"] as? Int == 1)
        let caps = try #require((reply["result"] as? [String: Any])?["capabilities"] as? [String: Any])
        #expect(caps["hoverProvider"] as? Bool == true)
        #expect(caps["definitionProvider"] as? Bool == true)
        #expect(caps["completionProvider"] != nil)
    }

    @Test func aCleanFileHasNoDiagnostics() {
        let server = LanguageServer()
        #expect(Self.diagnostics(Self.open(server, Self.good)).isEmpty)
    }

    @Test func theCheckersProblemsComeWithTheirPlace() throws {
        let server = LanguageServer()
        let broken = Self.good.replacingOccurrences(of: "answer: number", with: "answer: nunber")
        let found = Self.diagnostics(Self.open(server, broken))
        let first = try #require(found.first)
        #expect(first["severity"] as? Int == 1)
        #expect((first["message"] as? String)?.contains("nunber") == true)
        let start = try #require((first["range"] as? [String: Any])?["start"] as? [String: Int])
        #expect(start["line"] == 13)  // "        answer: nunber" is the 14th line
        #expect(start["character"] == 16)
    }

    @Test func changesAreCheckedAgainAndClosingClearsThem() {
        let server = LanguageServer()
        _ = Self.open(server, Self.good)
        let changed = server.handle(["jsonrpc": "2.0", "method": "textDocument/didChange",
                                     "params": ["textDocument": ["uri": Self.uri, "version": 2],
                                                "contentChanges": [["text": Self.good.replacingOccurrences(of: "go: end", with: "go: nowhere")]]]])
        #expect(Self.diagnostics(changed).contains { ($0["message"] as? String)?.contains("nowhere") == true })
        let closed = server.handle(["jsonrpc": "2.0", "method": "textDocument/didClose", "params": ["textDocument": ["uri": Self.uri]]])
        #expect(Self.diagnostics(closed).isEmpty)
        #expect(server.documents[Self.uri] == nil)
    }

    @Test func answerTypesAreOffered() {
        let server = LanguageServer()
        _ = Self.open(server, Self.good)
        let labels = Self.labels(server, line: 13, character: 16)
        #expect(labels.contains("number") && labels.contains("pick-many") && labels.contains("records"))
    }

    @Test func goOffersLaterStepsAndEnd() {
        let server = LanguageServer()
        _ = Self.open(server, Self.good)
        // "best" is the last step: a go: can only go forward (D013).
        #expect(Self.labels(server, line: 24, character: 18) == ["end"])
    }

    @Test func optionsFromOffersOnlyPickManyAndLists() {
        let server = LanguageServer()
        _ = Self.open(server, Self.good)
        let labels = Self.labels(server, line: 21, character: 29)
        #expect(labels == ["what-helps"])
    }

    @Test func optionsOffersTheNamedChoices() {
        let server = LanguageServer()
        _ = Self.open(server, Self.good)
        #expect(Self.labels(server, line: 17, character: 17) == ["helps"])
    }

    @Test func conditionsOfferQuestionsAndOptionKeys() {
        let server = LanguageServer()
        _ = Self.open(server, Self.good)
        let labels = Self.labels(server, line: 22, character: 14)
        #expect(labels.contains("hours") && labels.contains("\"bath\""))
    }

    @Test func holesInTextOfferQuestions() {
        let server = LanguageServer()
        _ = Self.open(server, Self.good)
        #expect(Self.labels(server, line: 19, character: 35).contains("what-helps"))
    }

    @Test func keysDependOnWhereTheCursorIs() {
        let server = LanguageServer()
        let text = Self.good.replacingOccurrences(of: "        answer: number\n", with: "        answer: number\n        \n")
        _ = Self.open(server, text)
        let stepKeys = Self.labels(server, line: 14, character: 8)
        #expect(stepKeys.contains("ask") && stepKeys.contains("when") && !stepKeys.contains("dialogue"))
        let top = LanguageServer()
        _ = Self.open(top, Self.good + "ti")
        #expect(Self.labels(top, line: 25, character: 2).contains("title"))
        let field = DocumentIndex(text: "steps:\n  - id: people\n    fields:\n      - id: name\n        ", script: nil)
        let keys = field.completions(at: .init(line: 4, character: 8)).map(\.label)
        #expect(keys.contains("ask") && !keys.contains("fields") && !keys.contains("who"))
    }

    @Test func idsStayKnownWhileTheFileIsBroken() {
        let server = LanguageServer()
        _ = Self.open(server, Self.good)
        let half = Self.good.replacingOccurrences(of: "answer: number", with: "answer: [")
        _ = server.handle(["jsonrpc": "2.0", "method": "textDocument/didChange",
                           "params": ["textDocument": ["uri": Self.uri], "contentChanges": [["text": half]]]])
        #expect(Self.labels(server, line: 21, character: 29) == ["what-helps"])
    }

    @Test func hoverShowsTheQuestionAndKeys() throws {
        let server = LanguageServer()
        _ = Self.open(server, Self.good)
        let step = try #require((Self.request(server, "textDocument/hover", line: 21, character: 28) as? [String: Any])?["contents"] as? [String: Any])
        #expect((step["value"] as? String)?.contains("What helps you sleep?") == true)
        #expect((step["value"] as? String)?.contains("A warm bath") == true)
        let key = try #require((Self.request(server, "textDocument/hover", line: 22, character: 9) as? [String: Any])?["contents"] as? [String: Any])
        #expect((key["value"] as? String)?.hasPrefix("`when:`") == true)
        #expect(Self.request(server, "textDocument/hover", line: 0, character: 0) is NSNull == false)
    }

    @Test func definitionJumpsToTheStepID() throws {
        let server = LanguageServer()
        _ = Self.open(server, Self.good)
        let target = try #require(Self.request(server, "textDocument/definition", line: 21, character: 28) as? [String: Any])
        let start = try #require((target["range"] as? [String: Any])?["start"] as? [String: Int])
        #expect(start == ["line": 14, "character": 12])
        let choice = try #require(Self.request(server, "textDocument/definition", line: 17, character: 18) as? [String: Any])
        #expect(((choice["range"] as? [String: Any])?["start"] as? [String: Int]) == ["line": 4, "character": 2])
    }

    @Test func supportAndCheckInFilesAreCheckedByTheirOwnRules() {
        let server = LanguageServer()
        let support = Self.diagnostics(Self.open(server, "not: a support file\n", uri: "file:///tmp/dialogues/support.yaml"))
        #expect(!support.isEmpty)
    }

    @Test func unknownRequestsAreRefusedAndShutdownEndsCleanly() {
        let server = LanguageServer()
        let refused = server.handle(["jsonrpc": "2.0", "id": 3, "method": "textDocument/rename", "params": [:]])
        #expect((refused.first?["error"] as? [String: Any])?["code"] as? Int == -32601)
        #expect(server.handle(["jsonrpc": "2.0", "method": "unknown/notification"]).isEmpty)
        _ = server.handle(["jsonrpc": "2.0", "id": 4, "method": "shutdown"])
        _ = server.handle(["jsonrpc": "2.0", "method": "exit"])
        #expect(server.exitCode == 0)
    }

    @Test func framesArriveInPiecesAndBadOnesAreReported() {
        var reader = JSONRPC.Reader()
        let framed = JSONRPC.frame(["jsonrpc": "2.0", "id": 1, "method": "initialize"])
        reader.feed(framed.prefix(10))
        guard case .needMore = reader.next() else { Issue.record("a half frame is not a message"); return }
        reader.feed(framed.dropFirst(10) + Data("Content-Length: 3\r\n\r\n{x}".utf8))
        guard case .message(let m) = reader.next() else { Issue.record("the frame is whole"); return }
        #expect(m["method"] as? String == "initialize")
        guard case .unreadable = reader.next() else { Issue.record("{x} is not JSON"); return }
    }

    @Test func utf16OffsetsCountWideLetters() {
        #expect(DocumentIndex.utf16("ask: 😀 hi", characters: 7) == 8)
        #expect(DocumentIndex.prefix("ask: 😀 hi", utf16: 7) == "ask: 😀")
    }
}

/// Completion of the folder's shared words (common.yaml).
@Suite struct SharedWordsCompletionTests {
    @Test func sharedTextsAndListsAreOffered() throws {
        let common = try #require(CommonLibrary.load(text: "texts:\n  how-it-works: You can skip.\nchoices:\n  areas:\n    a: A\n    b: B\n", file: "common.yaml").0)
        let text = "intro: |\n  Hello {\nsections:\n  - id: s\n    title: S\n    steps:\n      - id: q\n        ask: Q?\n        answer: pick-one\n        options: \n"
        let index = DocumentIndex(text: text, script: nil, common: common)
        #expect(index.completions(at: .init(line: 1, character: 9)).map(\.label).contains("common.how-it-works"))
        #expect(index.completions(at: .init(line: 9, character: 17)).map(\.label) == ["areas"])
    }
}

/// A mistake in a shared text (common.yaml) that a dialogue puts in.
@Suite struct SharedTextDiagnosticTests {
    @Test func isShownWhereTheDialoguePutsSharedTextsInNamingCommonYAML() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lsp-common-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "texts:\n  hello: Hello {nmae}.\n".write(to: folder.appendingPathComponent("common.yaml"), atomically: true, encoding: .utf8)
        let text = """
            dialogue: one
            version: 1
            title: One
            intro: |
              Hi. {common.hello}
            sections:
              - id: a
                title: A
                steps:
                  - id: name
                    ask: Your name?
                    answer: text

            """
        let server = LanguageServer()
        let found = LanguageServerTests.diagnostics(LanguageServerTests.open(server, text, uri: "file://" + folder.path + "/one.yaml"))
        let d = try #require(found.first)
        #expect((d["message"] as? String)?.hasPrefix("in common.yaml, line 2: the text uses {nmae}") == true, "\(found)")
        let start = (d["range"] as? [String: Any])?["start"] as? [String: Int]
        #expect(start?["line"] == 4 && start?["character"] == 6)
    }
}
