import Foundation

/// The answer to "What would you like me to call you?" as people type it: "call me Sue", "I'm
/// Sue", "it's Sue please" are Sue; "no", "rather not say", "dunno" are no name (the question is
/// skipped, and the plan greets them as "there"), not "Hello no." and "A plan for: rather not say".
enum NameAnswer {
    enum Reading: Equatable {
        case name(String)
        case declined
    }

    static func read(_ line: String) -> Reading {
        let words = AnswerParser.words(line)
        if declines.contains(words) || AnswerParser.soundsUnsure(line) && words.count <= 4 { return .declined }
        // The words as typed (capitals and all), and plain, to find the words around the name.
        let typed = line.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        let plain = typed.map { $0.lowercased().replacingOccurrences(of: "\u{2019}", with: "'").trimmingCharacters(in: .punctuationCharacters) }
        var start = 0
        if let lead = leadIns.first(where: { plain.starts(with: $0) && $0.count < plain.count }) { start = lead.count }
        var end = typed.count
        // "sandra x": a kiss, typed small ("Malcolm X" keeps his capital X).
        if end - 1 > start, ["x", "xx", "xxx"].contains(typed[end - 1]) { end -= 1 }
        if let tail = tails.first(where: { plain[start..<end].reversed().starts(with: $0.reversed()) && end - $0.count > start }) { end -= tail.count }
        guard start > 0 || end < typed.count else { return .name(line) }
        let name = typed[start..<end].joined(separator: " ").trimmingCharacters(in: .punctuationCharacters.union(.whitespaces))
        return name.isEmpty ? .name(line) : .name(name)
    }

    /// Words before a name ("call me", "my name is"), longest first.
    static let leadIns: [[String]] = [
        ["you", "can", "call", "me"], ["please", "call", "me"], ["my", "name", "is"], ["my", "name's"], ["my", "names"],
        ["call", "me"], ["i", "go", "by"], ["name", "is"], ["it", "is"], ["i", "am"], ["i'm"], ["im"], ["it's"], ["its"], ["just"],
    ]

    /// Words after a name that are not part of it.
    static let tails: [[String]] = [
        ["thank", "you"], ["please"], ["pls"], ["plz"], ["thanks"], ["thx"], ["ty"], ["ta"], ["cheers"], ["is", "fine"], ["will", "do"],
    ]

    /// Lines that give no name.
    static let declines: Set<[String]> = [
        ["no"], ["nope"], ["no", "thanks"], ["no", "thank", "you"], ["none"], ["nothing"], ["n", "a"], ["na"], ["pass"],
        ["rather", "not"], ["rather", "not", "say"], ["i'd", "rather", "not"], ["id", "rather", "not"], ["i'd", "rather", "not", "say"],
        ["id", "rather", "not", "say"], ["prefer", "not", "to", "say"], ["i", "prefer", "not", "to", "say"], ["not", "telling"],
        ["anything"], ["whatever"], ["doesn't", "matter"], ["doesnt", "matter"], ["don't", "mind"], ["dont", "mind"], ["no", "name"],
    ]
}
