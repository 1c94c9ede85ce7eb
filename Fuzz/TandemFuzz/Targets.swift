@_spi(Fuzzing) import DialogueEngine
import Foundation
import LineServer
import NIOCore
import TandemProtocol

/// The fuzz targets: each takes any bytes and must not crash, hang or leak, and must keep the
/// property written beside it (a broken property stops the run like a crash, so libFuzzer keeps
/// the input). `scripts/fuzz` runs them under libFuzzer; `tandem-fuzz replay` runs saved inputs.
enum Target: String, CaseIterable {
    /// The JSON mode's parser: what parses, written out and parsed again, is the same value.
    case json
    /// A client's JSON message as the server reads it.
    case client
    /// The YAML loader and the whole checker: every problem points inside the file.
    case dialogue
    /// `when:` and `if:` expressions.
    case expression
    /// Every answer parser: an accepted answer keeps its question's limits.
    case answer
    /// The check-in on a typed line (remembered reads hear what reading every time does), and its
    /// pattern file's loader.
    case checkin
    /// The line framer with the telnet filter: the lines found do not depend on how the bytes
    /// were split into reads, and none is longer than the limit.
    case framer
    /// A dialogue an author could write, checked, then walked through with answers, commands and
    /// junk: the plan kept replays to the plan shown, and exports keep their contacts (`Walk`).
    case walk
    /// The same, worked through by a group in a room, with questions everyone answers: no one's own
    /// answer reaches anyone else before the answers are shown together (`RoomWalk`).
    case room

    func run(_ data: [UInt8]) {
        switch self {
        case .json: Self.json(data)
        case .client: _ = try? ClientMessage(json: String(decoding: data, as: UTF8.self))
        case .dialogue: Self.dialogue(data)
        case .expression: _ = try? Expression.parse(String(decoding: data, as: UTF8.self))
        case .answer: Self.answer(data)
        case .checkin: Self.checkin(data)
        case .framer: Self.framer(data)
        case .walk: Walk.run(data)
        case .room: RoomWalk.run(data)
        }
    }

    static func require(_ condition: Bool, _ what: @autoclosure () -> String) {
        if !condition { fatalError("property broken: \(what())") }
    }

    static func json(_ data: [UInt8]) {
        guard let value = try? JSONValue.parse(data) else { return }
        let written = value.serialized()
        guard let again = try? JSONValue.parse(written) else { fatalError("property broken: written JSON does not parse: \(written)") }
        require(again == value, "JSON changed when written and read again: \(written)")
    }

    static func dialogue(_ data: [UInt8]) {
        let text = String(decoding: data, as: UTF8.self)
        // Lines as YAML and editors count them: LF, CRLF or a lone CR ends one.
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .utf8.split(separator: 0x0A, omittingEmptySubsequences: false).count
        let result = ScriptLoader.load(text: text, file: "fuzz.yaml")
        for d in result.diagnostics where d.location.file == "fuzz.yaml" {
            require(d.location.line >= 1 && d.location.line <= lines + 1, "\(d.code.rawValue) at line \(d.location.line) of \(lines)")
            require(d.location.column >= 1, "\(d.code.rawValue) at column \(d.location.column)")
            // The line quoted under a problem is the line it is on.
            if d.location.line <= lines, d.code != .yamlSyntax { require(d.sourceLine != nil, "\(d.code.rawValue) at line \(d.location.line) quotes no line") }
        }
    }

    /// The first byte picks the question; the rest is the answer typed.
    static func answer(_ data: [UInt8]) {
        guard let first = data.first else { return }
        let input = String(decoding: data.dropFirst(), as: UTF8.self)
        let today = SimpleDate(year: 2026, month: 12, day: 3)!
        let parser = AnswerParser(today: today, asked: "About how many hours a night do you sleep, most weeks?")
        let options = [Option(key: "sleep", label: "Sleep well"), Option(key: "walk", label: "Go for a walk"),
                       Option(key: "friends", label: "See friends"), Option(key: "other", label: "Something else")]
        let specs: [AnswerSpec] = [
            .text(min: 2, max: 40), .list(min: nil, max: nil), .pickOne(options: options),
            .pickMany(options: options, min: 1, max: 2), .yesNo, .number(range: -5...1e6),
            .scale(range: 1...5, labels: [1: "not at all", 5: "very much"]),
            .date(after: .today, before: .fixed(SimpleDate(year: 2030, month: 1, day: 1)!)), .date(after: nil, before: nil),
        ]
        let spec = specs[Int(first) % specs.count]
        guard case .value(let value) = parser.parse(input, as: spec) else { return }
        switch (spec, value) {
        case (.text(let min, let max), .text(let s)):
            require(s.count >= min! && s.count <= max!, "text of \(s.count) characters accepted")
        case (.pickOne(let o), .choice(let key)):
            require(o.contains { $0.key == key }, "unknown option \(key)")
        case (.pickMany(let o, let min, let max), .choices(let keys)):
            require(keys.count >= min! && keys.count <= max!, "\(keys.count) choices accepted")
            require(keys == o.map(\.key).filter(keys.contains), "choices out of order or unknown: \(keys)")
        case (.number(let range), .number(let n)):
            require(n.isFinite && range!.contains(n), "number \(n) accepted")
        case (.scale(let range, _), .number(let n)):
            require(n == n.rounded() && range.contains(Int(n)), "scale \(n) accepted")
        case (.date(let after, let before), .date(let d)):
            require(SimpleDate(year: d.year, month: d.month, day: d.day) == d, "impossible date \(d)")
            if after == .today { require(d > today, "date \(d) not after today") }
            if case .fixed(let limit) = before { require(d < limit, "date \(d) not before \(limit)") }
        case (.yesNo, .bool), (.list, .text):
            break
        default:
            fatalError("property broken: \(spec.kind.rawValue) gave \(value)")
        }
    }

    /// The check-in words in dialogues/check-in.yaml (scripts/fuzz runs from the repository), or the
    /// built-in ones.
    static let words: DistressMatcher = {
        guard let text = try? String(contentsOfFile: "dialogues/check-in.yaml", encoding: .utf8) else { return .builtIn }
        var matcher = DistressMatcher.load(text: text, file: "check-in.yaml").0 ?? .builtIn
        // With the weighed words too, so lines that no pattern hears are weighed as they are served.
        matcher.weights = CheckInWeights.load(folder: "dialogues")?.weights
        return matcher
    }()

    /// Hearing a line with the reads of a word set remembered hears what reading every time does;
    /// and words of a risk to life in a sentence of their own are heard whatever came before them
    /// (no quiet frame, gap, run-on or odd character before them can swallow them).
    static func checkin(_ data: [UInt8]) {
        let text = String(decoding: data, as: UTF8.self)
        let withRisk = text + "\nThat is all for now. I want to kill myself tonight."
        for matcher in [DistressMatcher.builtIn, words] {
            let heard = matcher.match(text)
            require(heard == matcher.match(text, rememberingReads: false), "remembered reads heard \(String(describing: heard)) in \(Array(data))")
            let risk = matcher.match(withRisk)
            require(risk != nil && risk?.weighed == false, "a risk to life in a sentence of its own went unheard after \(Array(data))")
        }
        if data.first == UInt8(ascii: "#") { _ = DistressMatcher.load(text: text, file: "check-in.yaml") }
        if data.first == UInt8(ascii: "t") { weights(text) }
    }

    /// The weights file's reader: every problem points inside the file, and weights it reads are
    /// written out and read back the same.
    static func weights(_ text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
        let (weights, problems) = CheckInWeights.load(text: text, file: "w.tsv")
        for d in problems {
            require(d.location.line >= 1 && d.location.line <= lines && d.location.column >= 1, "\(d.message) at \(d.location.line):\(d.location.column) of \(lines) lines")
        }
        guard let weights else { return }
        let written = weights.fileText(comments: [])
        guard let again = CheckInWeights.load(text: written, file: "w.tsv").0 else { fatalError("property broken: written weights do not read: \(written)") }
        require(again.fileText(comments: []) == written, "weights changed when written and read again: \(written)")
        _ = again.likelihood(of: text)
    }

    /// Bytes fed whole, then one at a time and in pieces cut where the first byte says: the same
    /// lines come out.
    static func framer(_ data: [UInt8]) {
        guard let first = data.first else { return }
        let bytes = Array(data.dropFirst())
        let limit = 64
        func frame(_ cut: Int) -> [FramedInput] {
            var framer = LineFramer(maxLineLength: limit)
            var out: [FramedInput] = []
            var at = 0
            while at < bytes.count {
                let end = min(bytes.count, at + cut)
                var buffer = ByteBuffer(bytes: bytes[at..<end])
                framer.feed(&buffer) { out.append($0) }
                at = end
            }
            framer.finish { out.append($0) }
            return out
        }
        let whole = frame(max(1, bytes.count))
        for input in whole {
            if case .line(let line) = input { require(line.readableBytes <= limit, "a line of \(line.readableBytes) bytes") }
        }
        require(frame(1) == whole, "one byte at a time framed differently")
        require(frame(Int(first % 16) + 1) == whole, "pieces of \(first % 16 + 1) framed differently")
    }
}
