import DialogueEngine
import Foundation

/// `tandem lsp`: the Language Server Protocol for dialogue files, so an editor shows the checker's
/// problems as the author types, completes keys, answer types and step ids, shows a step's question
/// on hover and jumps to a step's definition.
///
/// Pure apart from `run`: `handle` takes one message and returns the messages to send, so tests
/// drive it without pipes. Documents are synced whole (`TextDocumentSyncKind.Full`).
public final class LanguageServer {
    /// The text of each open document, by URI.
    private(set) var documents: [String: String] = [:]
    /// The last version of each document that loaded without errors: ids stay known while the
    /// author is halfway through typing something that does not parse yet.
    private(set) var lastGood: [String: Script] = [:]
    private var shuttingDown = false
    /// Set by `exit`: the process ends with this code.
    public private(set) var exitCode: Int32?

    public init() {}

    /// Reads messages from `input` and writes replies to `output` until `exit` or the end of input.
    public static func run(input: FileHandle = .standardInput, output: FileHandle = .standardOutput) -> Int32 {
        let server = LanguageServer()
        var reader = JSONRPC.Reader()
        while true {
            let data = input.availableData
            if data.isEmpty { return server.shuttingDown ? 0 : 1 }
            reader.feed(data)
            while true {
                switch reader.next() {
                case .needMore:
                    break
                case .unreadable(let why):
                    output.write(JSONRPC.frame(errorReply(id: NSNull(), code: -32700, message: "I could not read \(why).")))
                    continue
                case .message(let message):
                    for reply in server.handle(message) { output.write(JSONRPC.frame(reply)) }
                    if let code = server.exitCode { return code }
                    continue
                }
                break
            }
        }
    }

    /// One message in, the messages to send back out (replies and notifications).
    public func handle(_ message: [String: Any]) -> [[String: Any]] {
        guard let method = message["method"] as? String else { return [] }  // a reply to us: nothing to do
        let id = message["id"]
        let params = message["params"] as? [String: Any] ?? [:]
        switch method {
        case "initialize":
            return [reply(id, Self.capabilities)]
        case "initialized", "$/cancelRequest", "$/setTrace", "workspace/didChangeConfiguration":
            return []
        case "shutdown":
            shuttingDown = true
            return [reply(id, NSNull())]
        case "exit":
            exitCode = shuttingDown ? 0 : 1
            return []
        case "textDocument/didOpen":
            guard let doc = params["textDocument"] as? [String: Any], let uri = doc["uri"] as? String, let text = doc["text"] as? String else { return [] }
            return [update(uri, text)]
        case "textDocument/didChange":
            guard let doc = params["textDocument"] as? [String: Any], let uri = doc["uri"] as? String,
                  let changes = params["contentChanges"] as? [[String: Any]], let text = changes.last?["text"] as? String else { return [] }
            return [update(uri, text)]
        case "textDocument/didSave":
            guard let doc = params["textDocument"] as? [String: Any], let uri = doc["uri"] as? String, let text = documents[uri] else { return [] }
            return [update(uri, text)]
        case "textDocument/didClose":
            guard let doc = params["textDocument"] as? [String: Any], let uri = doc["uri"] as? String else { return [] }
            documents[uri] = nil
            lastGood[uri] = nil
            return [Self.notification("textDocument/publishDiagnostics", ["uri": uri, "diagnostics": [Any]()])]
        case "textDocument/completion":
            guard let (uri, position) = Self.place(params), let text = documents[uri] else { return [reply(id, [Any]())] }
            let index = DocumentIndex(text: text, script: lastGood[uri], common: CommonLibrary.load(nextTo: Self.path(of: uri)))
            return [reply(id, ["isIncomplete": false, "items": index.completions(at: position).map(\.json)])]
        case "textDocument/hover":
            guard let (uri, position) = Self.place(params), let text = documents[uri],
                  let hover = DocumentIndex(text: text, script: lastGood[uri], common: CommonLibrary.load(nextTo: Self.path(of: uri))).hover(at: position) else { return [reply(id, NSNull())] }
            return [reply(id, ["contents": ["kind": "markdown", "value": hover]])]
        case "textDocument/definition":
            guard let (uri, position) = Self.place(params), let text = documents[uri],
                  let target = DocumentIndex(text: text, script: lastGood[uri], common: CommonLibrary.load(nextTo: Self.path(of: uri))).definition(at: position) else { return [reply(id, NSNull())] }
            return [reply(id, ["uri": uri, "range": Self.range(target.line, target.character, length: target.length)])]
        default:
            // An unknown request gets "method not found"; an unknown notification, nothing.
            return id == nil ? [] : [Self.errorReply(id: id!, code: -32601, message: "Tandem does not handle \(method).")]
        }
    }

    static var capabilities: [String: Any] { [
        "capabilities": [
            "textDocumentSync": ["openClose": true, "change": 1, "save": ["includeText": false]],
            "completionProvider": ["triggerCharacters": [":", " ", "{", "\"", "-"]],
            "hoverProvider": true,
            "definitionProvider": true,
        ] as [String: Any],
        "serverInfo": ["name": "tandem", "version": "0.1.0"],
    ] }

    /// Keeps the new text and checks it: the diagnostics to publish.
    private func update(_ uri: String, _ text: String) -> [String: Any] {
        documents[uri] = text
        let path = Self.path(of: uri)
        // Checked as `tandem check` checks the file on disk, contacts' dates by today's (D028).
        let (diagnostics, script) = FileCheck.check(text: text, file: path, today: SimpleDate(Date()))
        if let script, !diagnostics.contains(where: { $0.severity == .error }) { lastGood[uri] = script }
        // The lines as the checker counted them (a byte-order mark it did not see moves line 0).
        let index = DocumentIndex(text: text, script: nil)
        let items: [[String: Any]] = diagnostics.compactMap { found -> Diagnostic? in
            if found.location.file == path { return found }
            // A mistake in a shared text this dialogue puts in: shown where shared texts are put
            // in, naming the place in common.yaml (`tandem check` shows it there).
            guard (found.location.file as NSString).lastPathComponent == CommonLibrary.fileName else { return nil }
            var d = found
            let line = index.lines.firstIndex { $0.contains("{common.") } ?? 0
            let column = index.lines.isEmpty ? 0 : index.lines[line].distance(from: index.lines[line].startIndex, to: index.lines[line].range(of: "{common.")?.lowerBound ?? index.lines[line].startIndex)
            d.message = "in \(CommonLibrary.fileName), line \(found.location.line): \(found.message)"
            d.location = SourceLocation(file: path, line: line + 1, column: column + 1)
            d.length = "{common.".count
            return d
        }.map { d in
            let line = min(max(0, d.location.line - 1), max(0, index.lines.count - 1))
            let start = index.editorColumn(line: line, characters: max(0, d.location.column - 1))
            let end = index.editorColumn(line: line, characters: max(0, d.location.column - 1) + max(1, d.length))
            var message = d.message
            if let help = d.help { message += "\n" + help }
            return [
                "range": ["start": ["line": line, "character": start], "end": ["line": line, "character": max(end, start + 1)]],
                "severity": d.severity == .error ? 1 : 2,
                "code": d.code.rawValue,
                "source": "tandem",
                "message": message,
            ]
        }
        return Self.notification("textDocument/publishDiagnostics", ["uri": uri, "diagnostics": items])
    }

    static func path(of uri: String) -> String {
        if let url = URL(string: uri), url.isFileURL { return url.path }
        return uri
    }

    static func place(_ params: [String: Any]) -> (String, DocumentIndex.Position)? {
        guard let doc = params["textDocument"] as? [String: Any], let uri = doc["uri"] as? String,
              let p = params["position"] as? [String: Any], let line = p["line"] as? Int, let character = p["character"] as? Int else { return nil }
        return (uri, DocumentIndex.Position(line: line, character: character))
    }

    static func range(_ line: Int, _ character: Int, length: Int) -> [String: Any] {
        ["start": ["line": line, "character": character], "end": ["line": line, "character": character + length]]
    }

    private func reply(_ id: Any?, _ result: Any) -> [String: Any] {
        ["jsonrpc": "2.0", "id": id ?? NSNull(), "result": result]
    }

    static func errorReply(id: Any, code: Int, message: String) -> [String: Any] {
        ["jsonrpc": "2.0", "id": id, "error": ["code": code, "message": message]]
    }

    static func notification(_ method: String, _ params: [String: Any]) -> [String: Any] {
        ["jsonrpc": "2.0", "method": method, "params": params]
    }
}
