import Foundation
import Testing

/// `tandem lsp` through real pipes, framed as an editor frames it.
@Suite("tandem lsp through pipes")
struct LanguageServerPipeTests {
    static func frame(_ json: String) -> String { "Content-Length: \(json.utf8.count)\r\n\r\n\(json)" }

    @Test("an editor opens a shipped dialogue with a typo, is told where, and shuts the server down")
    func aSessionThroughPipes() throws {
        let home = try TemporaryFolder()
        let path = TandemExecutable.dialogues + "/my-goals.yaml"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "answer: scale", with: "answer: scael")
        let open: [String: Any] = [
            "jsonrpc": "2.0", "method": "textDocument/didOpen",
            "params": ["textDocument": ["uri": "file://" + home.path + "/my-goals.yaml", "languageId": "yaml", "version": 1, "text": text]],
        ]
        let openJSON = String(decoding: try JSONSerialization.data(withJSONObject: open), as: UTF8.self)
        let input = Self.frame(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#)
            + Self.frame(#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#)
            + Self.frame(openJSON)
            + Self.frame("not json")
            + Self.frame(#"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#)
            + Self.frame(#"{"jsonrpc":"2.0","method":"exit"}"#)
        let result = try PipedTandem.run(["lsp"], home: home, input: input)
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let out = result.stdout
        #expect(out.hasPrefix("Content-Length: "))
        #expect(out.contains(#""serverInfo":{"name":"tandem""#))
        #expect(out.contains("textDocument/publishDiagnostics"))
        #expect(out.contains("scael"))
        #expect(out.contains(#""code":-32700"#))
        #expect(out.contains(#""id":2,"jsonrpc":"2.0","result":null"#))
        // Every frame's length is true to its body.
        var rest = Substring(out)
        var frames = 0
        while let header = rest.range(of: "\r\n\r\n") {
            let length = try #require(Int(rest[..<header.lowerBound].dropFirst("Content-Length: ".count)))
            let body = rest[header.upperBound...].utf8.prefix(length)
            #expect(body.count == length)
            #expect((try? JSONSerialization.jsonObject(with: Data(body))) != nil)
            rest = Substring(String(decoding: rest[header.upperBound...].utf8.dropFirst(length), as: UTF8.self))
            frames += 1
        }
        #expect(frames == 4)
        #expect(rest.isEmpty)
    }

    @Test("input that ends without shutdown ends the server with status 1")
    func endOfInputWithoutShutdown() throws {
        let home = try TemporaryFolder()
        let result = try PipedTandem.run(["lsp"], home: home, input: "")
        #expect(result.status == 1)
    }
}
