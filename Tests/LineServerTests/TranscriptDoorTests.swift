import DialogueEngine
import Foundation
import NIOCore
import Testing

@testable import LineServer

/// The network door shows what the terminal shows: every transcript in `dialogues/tests`, run
/// through a real TCP connection and through the in-process `Session` (as `tandem test` and the
/// REPL do), gives the same lines. Only line ends (CRLF) and the `> ` prompt differ.
@Suite("Every transcript through both doors")
struct TranscriptDoorTests {
    static let files: [String] = {
        let folder = Fixtures.packageRoot.appendingPathComponent("dialogues/tests").path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".transcript") }.sorted().map { folder + "/" + $0 }
    }()

    @Test("there are transcripts to run")
    func found() {
        #expect(!Self.files.isEmpty)
    }

    @Test("the same lines over TCP as in process", arguments: files)
    func sameLines(_ file: String) async throws {
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let transcript = try Transcript.parse(text, file: (file as NSString).lastPathComponent)
        let local = TranscriptRunner(library: Fixtures.library).run(transcript)
        var config = Fixtures.configuration { $0.linesPerSecond = 0 }
        let today = transcript.today
        config.today = { today }
        try await withServer(config) { _, address in
            let network = try await Self.run(transcript, at: address)
            #expect(network.count == local.outputs.count)
            for (i, (got, want)) in zip(network, local.outputs).enumerated() where got != want {
                let after = i == 0 ? "the opening" : "input \(i): \"\(transcript.inputs[i - 1])\""
                let diff = TranscriptRunner.diff(expected: want, actual: got).joined(separator: "\n")
                Issue.record(Comment(rawValue: "\(transcript.file): the doors differ after \(after)\n\(diff)"))
                break
            }
        }
    }

    /// The opening, then the lines shown after each input, as a person on `nc -C` would see them.
    static func run(_ transcript: Transcript, at address: NIOCore.SocketAddress) async throws -> [[String]] {
        let client = try await TestClient.connect(address)
        defer { Task { await client.close() } }
        _ = try await client.response()  // the greeting and the menu
        if transcript.width != 80 {
            // Telnet's window size (NAWS), as a client that knows its width sends it.
            try await client.send(bytes: [0xFF, 0xFA, 0x1F, 0x00, UInt8(transcript.width), 0x00, 24, 0xFF, 0xF0])
        }
        try await client.line("/start \(transcript.dialogue)")
        // The door says where answers go (its own words, tested apart); a transcript has no door.
        var outputs = [withoutDoorWords(trim(try await client.response()))]
        for input in transcript.inputs {
            if client.isClosed {
                outputs.append([])
                continue
            }
            try await client.line(input)
            outputs.append(withoutDoorWords(trim(try await client.response())))
        }
        return outputs
    }

    /// The lines without what only a hosted door says (a transcript has no door): where answers go,
    /// and the offer of the host after the check-in. Each is a paragraph after a blank line.
    static func withoutDoorWords(_ lines: [String]) -> [String] {
        var lines = lines
        for opening in ["Where your answers go:", "Would you like the host of this session"] {
            guard let start = lines.firstIndex(where: { $0.hasPrefix(opening) }) else { continue }
            var end = start
            while end < lines.count, !lines[end].isEmpty { end += 1 }
            let from = start > 0 && lines[start - 1].isEmpty ? start - 1 : start
            lines = Array(lines[..<from] + lines[end...])
        }
        return lines
    }

    static func trim(_ lines: [String]) -> [String] {
        lines.map { line in
            var s = line
            while s.last == " " { s.removeLast() }
            return s
        }
    }
}
