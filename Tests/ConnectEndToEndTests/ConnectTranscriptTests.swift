import Foundation
import Testing

/// Every golden transcript's typed lines through `tandem connect` and through a plain TCP
/// connection in text mode: the person sees the same lines either way.
@Suite("tandem connect shows what text mode shows, for every transcript")
struct ConnectTranscriptTests {
    static let transcripts: [String] = {
        let folder = Built.dialogues + "/tests"
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".transcript") }.sorted()
    }()

    /// The dialogue and the typed lines of a transcript.
    static func read(_ name: String) throws -> (dialogue: String, typed: [String]) {
        let text = try String(contentsOfFile: Built.dialogues + "/tests/" + name, encoding: .utf8)
        var dialogue = ""
        var typed: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("dialogue:") { dialogue = line.dropFirst(9).trimmingCharacters(in: .whitespaces) }
            if line == ">" { typed.append("") }
            if line.hasPrefix("> ") { typed.append(String(line.dropFirst(2))) }
        }
        return (dialogue, typed)
    }

    @Test("the same lines as text mode", arguments: transcripts)
    func sameLines(transcript: String) throws {
        let (dialogue, typed) = try Self.read(transcript)
        // Dates in transcripts are fixed; the server's today is not, so those may be refused alike on both doors.
        let lines = ["/start \(dialogue)"] + typed + ["/quit"]
        let server = try RunningServer(store: false, extra: ["--line-rate", "0"])

        let client = try server.connect()
        try client.stdout.expect("> ")
        var open = true
        for line in lines where open {
            try client.send(line)
            // A plan that ends (/quit, /pause) closes the connection: no prompt follows.
            let said = try client.stdout.expectEither("> ", orEnd: true)
            open = said
        }
        client.closeInput()
        try client.stdout.readToEnd()
        _ = try client.finish()

        let raw = try RawClient(port: server.port)
        try raw.output.expect("> ")
        open = true
        for line in lines where open {
            raw.send(line)
            open = try raw.output.expectEither("> ", orEnd: true)
        }
        try raw.output.readToEnd()
        let textMode = raw.output.text.replacingOccurrences(of: "\r\n", with: "\n")
        #expect(client.stdout.text == textMode, "\(transcript): tandem connect and text mode differ")
    }
}

extension Output {
    /// Waits for `needle`; true when it came, false when the output ended first.
    func expectEither(_ needle: String, orEnd: Bool, timeout: TimeInterval = 15) throws -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if unread.contains(needle) {
                try expect(needle)
                return true
            }
            if ended { return false }
            if Date() >= deadline { throw HarnessFailure(description: "Waited for \(name) to show \(needle.debugDescription). It showed:\n\(unread)") }
            pump(milliseconds: 50)
        }
    }
}
