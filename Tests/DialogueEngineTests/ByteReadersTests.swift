import Testing

@testable import DialogueEngine

/// The readers every answer goes through read a line of ASCII as bytes, for speed (a turn's cost,
/// docs/performance.md), and any other line by Character. The byte path must give exactly what the
/// Character path gives: each is checked against the Character reading it replaced, on lines as
/// people type them and on thousands of random ones.
@Suite struct ByteReadersTests {
    /// `AnswerParser.words` as it read every line before.
    static func wordsByCharacter(_ input: String) -> [String] {
        let letters: [Character] = input.lowercased().map { c in
            c == "\u{2019}" ? "'" : (c.isLetter || c == "'" ? c : " ")
        }
        return letters.split(separator: " ").map { String($0) }
    }

    /// `ClosedAnswer.words` as it read every line before.
    static func closedWordsByCharacter(_ input: String) -> [String] {
        let text = input.lowercased().replacingOccurrences(of: "\u{2019}", with: "'")
        return text.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "'") })
            .map { String($0.drop { $0 == "'" }.reversed().drop { $0 == "'" }.reversed()) }
            .filter { !$0.isEmpty }
    }

    /// `Command.bareWord` as it read every short line before.
    static func bareWordByCharacter(_ line: String) -> String? {
        guard line.utf8.count <= 16 else { return nil }
        let word = line.trimmingCharacters(in: .whitespaces).lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".!?"))
        return Command.bareWords.contains(word) ? word : nil
    }

    /// The plain-marks test of a closed answer, as it read every line before.
    static func plainByCharacter(_ input: String) -> Bool {
        input.allSatisfy { $0.isLetter || $0.isNumber || $0.isWhitespace || ClosedAnswer.punctuation.contains($0) }
    }

    static let typed = [
        "", " ", "yes", "No!", "I'm fine, thanks", "dont know", "'quoted'", "it's 7/10", "  HELP  ", "help!", "?help?",
        "Walks by the river with my sister, number 12", "1 and 3", "in 2 weeks", "7 out of 10", "n/a", "idk tbh",
        "can't say", "'''", "a'b'c", "MUM & dad", "tab\there", "line\r\nbreak", "skip.", " progress?!", "Quit", "quit ",
        "back\t", "why??", "re view", "#5 @home", "100%", "~so-so~", "[brackets]", "{x}", "a_b", "x+y=z", "\"quoted\"",
    ]

    /// Random ASCII lines, the same every run.
    static func randomLines(_ count: Int) -> [String] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return state
        }
        let alphabet = Array("abcXYZ019 '\t\r\n.,!?/-:;()&@#%\"_~helpskipquitbackwhy")
        return (0..<count).map { _ in
            String((0..<Int(next() % 24)).map { _ in alphabet[Int(next() % UInt64(alphabet.count))] })
        }
    }

    static var lines: [String] { typed + randomLines(4000) }

    @Test func wordsAreTheSameAsByCharacter() {
        for line in Self.lines {
            #expect(AnswerParser.words(line) == Self.wordsByCharacter(line), "\(line.debugDescription)")
            #expect(ClosedAnswer.words(line) == Self.closedWordsByCharacter(line), "\(line.debugDescription)")
        }
    }

    @Test func bareWordsAreTheSameAsByCharacter() {
        let commands = ["help", "Skip", " URGENT ", "back.", "why?", "review!", "progress", "pause", "quit", "!quit!", "\tquit"]
        for line in Self.lines + commands {
            #expect(Command.bareWord(line) == Self.bareWordByCharacter(line), "\(line.debugDescription)")
        }
        #expect(Command.bareWord(" Help! ") == "help")
    }

    @Test func plainMarksAreTheSameAsByCharacter() {
        for line in Self.lines {
            let byBytes = line.utf8.allSatisfy(ClosedAnswer.isPlainByte)
            #expect(byBytes == Self.plainByCharacter(line), "\(line.debugDescription)")
        }
    }

    /// Lines with letters from beyond ASCII still take the Character path, and read as before.
    @Test func otherLettersReadAsBefore() {
        for line in ["caf\u{E9} au lait", "I\u{2019}m Sue", "Zo\u{EB}", "\u{FF11}/\u{FF13}", "ni\u{F1}o 3", "\u{1F600} happy", "don\u{2019}t know"] {
            #expect(AnswerParser.words(line) == Self.wordsByCharacter(line))
            #expect(ClosedAnswer.words(line) == Self.closedWordsByCharacter(line))
            #expect(Command.bareWord(line) == Self.bareWordByCharacter(line))
        }
        #expect(AnswerParser.words("I\u{2019}m Sue") == ["i'm", "sue"])
    }

    /// A line that begins with a letter has no list marker; the markers are still read.
    @Test func listMarkersStillRead() {
        #expect(ListMarker.rest("walking") == nil)
        #expect(ListMarker.rest("- walking") == "walking")
        #expect(ListMarker.rest("\u{2022} music") == "music")
        #expect(ListMarker.rest("2) my dog") == "my dog")
        #expect(ListMarker.rest("Zumba") == nil)
    }
}

import Foundation

extension ByteReadersTests {
    /// `NameAnswer.plain` as it read every word before.
    static func plainNameByCharacter(_ word: String) -> String {
        var chars = Array(word.lowercased())
        for i in chars.indices where chars[i] == "\u{2019}" { chars[i] = "'" }
        let isMark = { (c: Character) in c.unicodeScalars.allSatisfy { CharacterSet.punctuationCharacters.contains($0) } }
        guard let start = chars.firstIndex(where: { !isMark($0) }), let end = chars.lastIndex(where: { !isMark($0) }) else { return "" }
        return String(chars[start...end])
    }

    @Test func nameWordsAreTheSameAsByCharacter() {
        let words = Self.lines.flatMap { $0.split(separator: " ").map(String.init) } + ["Sue,", "(Sue)", "Dr.", "I\u{2019}m", "\u{201C}Zo\u{EB}\u{201D}", "$5", "+44", "<b>", "~x~", "^^"]
        for word in words {
            #expect(NameAnswer.plain(word) == Self.plainNameByCharacter(word), "\(word.debugDescription)")
        }
    }
}

extension ByteReadersTests {
    /// `SourceText.find` as it searched every line before, by Character.
    static func findByCharacter(_ source: SourceText, _ needle: String, from location: DialogueEngine.SourceLocation) -> DialogueEngine.SourceLocation? {
        guard location.line >= 1 else { return nil }
        for n in location.line...max(location.line, source.lines.count) {
            guard let text = source.line(n) else { break }
            let startColumn = n == location.line ? location.column - 1 : 0
            let chars = Array(text)
            guard startColumn <= chars.count else { continue }
            let hay = String(chars[startColumn...])
            if let r = hay.range(of: needle) {
                return DialogueEngine.SourceLocation(file: source.file, line: n, column: startColumn + hay.distance(from: hay.startIndex, to: r.lowerBound) + 1)
            }
        }
        return nil
    }

    /// Where `tandem check` places a word in a file is the same, searched as bytes on lines of
    /// ASCII and by Character on any other.
    @Test func placesInAFileAreTheSameAsByCharacter() {
        let text = """
            dialogue: caf\u{E9}
            steps:
              - id: q1
                ask: "Zo\u{EB} asks: how are you?"   # ask: in a comment
                hint: ask: again, ask:
              - id: q2\r
                ask: Plain ask here
            \u{1F600} ask: after an emoji
            last line with ask: at its end ask:
            """
        let source = SourceText(file: "x.yaml", text: text)
        let needles = ["ask:", "q1", "q2", "id:", "hint:", "emoji", "ask", ":", "nothing", "Zo\u{EB}", "caf\u{E9}", "end ask:"]
        for needle in needles {
            for line in 1...source.lines.count + 1 {
                for column in 1...12 {
                    let from = DialogueEngine.SourceLocation(file: "x.yaml", line: line, column: column)
                    #expect(source.find(needle, from: from) == Self.findByCharacter(source, needle, from: from), "\(needle) from \(line):\(column)")
                }
            }
        }
    }
}

extension ByteReadersTests {
    @Test func trimmedTextsAreTheSameAsFoundations() {
        for text in Self.lines + ["\u{A0}hi\u{A0}", "\u{2028}x", "x\u{85}", "\u{7F}a\u{7F}", "\u{200B}a", "\n\n", "caf\u{E9}"] {
            #expect(text.trimmedWhitespaceAndNewlines == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(text.debugDescription)")
        }
    }
}

extension ByteReadersTests {
    /// The check-in's pattern lexer tells spaces and signs by byte for ASCII, as Character did.
    @Test func patternSpacesAndSignsAreTheSameAsByCharacter() {
        let others: [Character] = ["\r\n", "\u{85}", "\u{A0}", "\u{2028}", "\u{3000}", "…", "é", "\u{1F600}", "ｘ"]
        for c in (0..<128).map({ Character(Unicode.Scalar(UInt8($0))) }) + others {
            #expect(DistressPattern.Parser.isSpace(c) == c.isWhitespace, "\(String(c).debugDescription)")
            #expect(DistressPattern.Parser.isSign(c) == "()[]|<>…?$".contains(c), "\(String(c).debugDescription)")
        }
        #expect(DistressMatcher.manyNumber(in: "he is only 12") == "12")
        #expect(DistressMatcher.manyNumber(in: "no number here") == nil)
    }
}

extension ByteReadersTests {
    @Test func duplicatePatternKeysAreTheSameAsByCharacter() {
        for text in Self.lines + ["  I  Want\tTO die ", "caf\u{E9}  au LAIT", "x\u{A0}y"] {
            let byCharacter = text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            #expect(DistressMatcher.duplicateKey(text) == byCharacter, "\(text.debugDescription)")
        }
    }

    @Test func patternWordsAreTheSameAsByCharacter() {
        for text in Self.lines + ["caf\u{E9}", "a\r\nb", "x*"] {
            let chars = Array(text)
            #expect(DistressPattern.Parser.word(chars[...]) == String(chars), "\(text.debugDescription)")
        }
    }
}
