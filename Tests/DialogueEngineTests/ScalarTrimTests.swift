import Foundation
import Testing

@testable import DialogueEngine

/// The answer parsers trim without Foundation now: the results must be Foundation's, for every
/// kind of space and every place it can be.
@Suite struct ScalarTrimTests {
    /// Pieces a typed answer is made of: letters, dots and bangs, the spaces Foundation counts as
    /// whitespace (tab, no-break, ideographic, thin), ones it does not (newline, zero-width), and
    /// text outside ASCII, a combining mark among it.
    static let pieces = ["a", "Yes", "é", "e\u{301}", "日本", "😀", ".", "!", ",", " ", "  ", "\t", "\u{A0}", "\u{3000}", "\u{2009}", "\n", "\u{200B}", "1", "3"]

    /// Every string of up to three pieces, and some longer ones made at random (seeded).
    static func samples() -> [String] {
        var out = [""]
        for a in pieces {
            out.append(a)
            for b in pieces {
                out.append(a + b)
                for c in pieces { out.append(a + b + c) }
            }
        }
        var seed: UInt64 = 0x7A4D
        for _ in 0..<2_000 {
            var s = ""
            for _ in 0..<8 {
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                s += pieces[Int(seed >> 33) % pieces.count]
            }
            out.append(s)
        }
        return out
    }

    @Test func whitespaceAndDotsAsFoundation() {
        let set = CharacterSet.whitespaces.union(CharacterSet(charactersIn: "."))
        for s in Self.samples() {
            #expect(s.trimmingScalars(where: { $0 == "." || String.isWhitespace($0) }) == s.trimmingCharacters(in: set), "\(s.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func punctuationAsFoundation() {
        let set = CharacterSet(charactersIn: ".!")
        for s in Self.samples() {
            #expect(s.trimmingScalars(where: { $0 == "." || $0 == "!" }) == s.trimmingCharacters(in: set), "\(s.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    /// A date's words as the parser used to make them: full-width forms as plain ones (`halfWidth`),
    /// trimmed, spaces around a slash closed up, commas as spaces, one space between words.
    @Test func dateWordsAsBefore() {
        for s in Self.samples() + ["March 1, 2027", " in  2 weeks ", "1 march,2027", ",,", " , ", "1 / 3 / 2027", "１/３/2027　"] {
            let before = DateParser.closedUpSlashes(DateParser.halfWidth(s).lowercased().trimmingCharacters(in: .whitespaces))
                .replacingOccurrences(of: ",", with: " ")
                .split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
            #expect(DateParser.normalized(s) == before, "\(s.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}

/// `containsBytes` finds an ASCII word as Foundation's `range(of:)` does (what `contains` called
/// before), in text of every kind around it.
@Suite struct ContainsBytesTests {
    @Test func sameAsFoundation() {
        let needles = [" and ", "review", "a", "  ", "es", "Yes", "aab"]
        for s in ScalarTrimTests.samples() + ["staff and peer workers", "review-date", "next_review", "Review", "reviewe\u{301}", "aaab", "aab", "aa", "revie", "rrevieww", ""] {
            for n in needles {
                #expect(s.containsBytes(n) == (s.range(of: n) != nil), "\(Array(s.utf8)) \(n)")
            }
        }
    }
}

/// Cutting text at newlines in place gives what the standard library's split gives.
@Suite struct NewlineSeparatedTests {
    @Test func sameAsSplit() {
        let samples = ScalarTrimTests.samples() + ["", "\n", "\n\n", "a\nb", "a\nb\n", "\na", "café\n\nnaïve 😀\n", "line\u{2028}sep\r\nnext"]
        #expect(samples.count > 1000)
        for s in samples {
            let split = s.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(Substring($0)) }
            #expect(s.newlineSeparated() == split, "\(Array(s.utf8))")
        }
    }
}

/// `isPrintableASCII` reads eight bytes at a time: it must answer as the byte-by-byte test does,
/// whatever byte is where, in strings of every length.
@Suite struct PrintableASCIITests {
    static func slow(_ s: String) -> Bool { s.utf8.allSatisfy { ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x0A || $0 == 0x09 } }

    @Test func eachByteAtEachPlace() {
        for length in 1...20 {
            for place in 0..<length {
                for byte in UInt8(0)...UInt8(0x7F) {
                    var bytes = Array(repeating: UInt8(ascii: "a"), count: length)
                    bytes[place] = byte
                    let s = String(decoding: bytes, as: UTF8.self)
                    #expect(s.isPrintableASCII == Self.slow(s), "\(bytes)")
                }
            }
        }
        for s in ["", "é", "plain words", "tab\there", "a\u{7F}b", "\u{1B}[31mred", "12345678\u{202E}", "emoji 🙂 here", "line\r\n"] {
            #expect(s.isPrintableASCII == Self.slow(s), "\(s)")
        }
    }

    @Test func randomText() {
        var generator = SystemRandomNumberGenerator()
        let pool: [UInt8] = [0x09, 0x0A, 0x0D, 0x1B, 0x1F, 0x20, 0x41, 0x7E, 0x7F, 0x80, 0xC3, 0xA9]
        for _ in 0..<5000 {
            let length = Int.random(in: 0...40, using: &generator)
            var bytes = (0..<length).map { _ in UInt8.random(in: 0x20...0x7E, using: &generator) }
            if length > 0, Bool.random(using: &generator) { bytes[Int.random(in: 0..<length, using: &generator)] = pool.randomElement(using: &generator)! }
            let s = String(decoding: bytes, as: UTF8.self)
            #expect(s.isPrintableASCII == Self.slow(s))
        }
    }
}
