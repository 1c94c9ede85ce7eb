import Foundation

/// One whole dialogue as typed lines: `/start <dialogue>`, every answer of a golden transcript
/// (which answers every question with a valid answer), then `/quit`.
struct Walk {
    var dialogue: String
    var lines: [[UInt8]]
    /// Index in `lines` of the last answer: its reply should say the plan is finished.
    var lastAnswer: Int

    /// The `*-main.transcript` files in `folder` (each walks its dialogue from start to end).
    static func load(folder: String) throws -> [Walk] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix("-main.transcript") }.sorted()
        var walks: [Walk] = []
        for name in names {
            let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            var dialogue: String?
            var typed: [String] = []
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix("dialogue:") {
                    dialogue = line.dropFirst("dialogue:".count).trimmingCharacters(in: .whitespaces)
                } else if line == ">" {
                    typed.append("")
                } else if line.hasPrefix("> ") {
                    typed.append(String(line.dropFirst(2)))
                }
            }
            guard let dialogue, !typed.isEmpty else { continue }
            let all = ["/start \(dialogue)"] + typed + ["/quit"]
            walks.append(Walk(dialogue: dialogue, lines: all.map { Array(($0 + "\n").utf8) }, lastAnswer: all.count - 2))
        }
        if walks.isEmpty { throw BenchError("no *-main.transcript files in \(folder)") }
        return walks
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ text: String) { description = text }
}
