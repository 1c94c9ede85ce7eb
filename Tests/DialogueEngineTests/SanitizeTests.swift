import Foundation
import Testing

@testable import DialogueEngine

/// `Sanitize`: every C0 and C1 control but tab and newline goes, terminal escape sequences go
/// whole (nothing of them is left to read), and everything else people wrote stays exactly.
@Suite struct SanitizeTests {
    /// What no cleaned text may hold: C0 and C1 controls other than tab and newline, DEL, and
    /// text-direction overrides.
    static func unsafe(_ s: String) -> [String] {
        s.unicodeScalars.filter { u in
            (u.value < 0x20 && u != "\n" && u != "\t") || (0x7F...0x9F).contains(u.value)
                || (0x202A...0x202E).contains(u.value) || (0x2066...0x2069).contains(u.value) || [0x200E, 0x200F, 0x061C].contains(u.value)
        }.map { "U+" + String($0.value, radix: 16, uppercase: true) }
    }

    @Test("Each control character alone is taken out; NEL becomes a newline; tab and newline stay")
    func everyControl() {
        for value in Array(0x00...0x1F) + Array(0x7F...0x9F) {
            let c = String(Unicode.Scalar(UInt32(value))!)
            // "é" after it: not a byte that could end an escape sequence, so only the control goes.
            let expected = value == 0x09 ? "a\té" : value == 0x0A || value == 0x85 ? "a\né" : "aé"
            #expect(Sanitize.text("a" + c + "é") == expected, "U+\(String(value, radix: 16))")
            #expect(Self.unsafe(Sanitize.line("a" + c + "é")).isEmpty, "U+\(String(value, radix: 16))")
        }
    }

    static let sequences: [(String, String, String)] = [
        ("the tester's line", "hope \u{1B}[31mRED\u{1B}[0m \u{1B}]0;TITLE\u{07} bell\u{07}\u{01}\u{08}", "hope RED  bell"),
        ("SGR colour", "a\u{1B}[1;38;5;196mb\u{1B}[mc", "abc"),
        ("clear screen and home", "\u{1B}[2J\u{1B}[Hplan", "plan"),
        ("private mode (alternate screen)", "x\u{1B}[?1049hy\u{1B}[?1049lz", "xyz"),
        ("a CSI with an intermediate byte (cursor shape)", "x\u{1B}[2 qy", "xy"),
        ("arrow keys (CSI)", "left\u{1B}[D\u{1B}[Cright", "leftright"),
        ("arrow keys (SS3)", "up\u{1B}OAdown\u{1B}OB", "updown"),
        ("bracketed paste", "\u{1B}[200~pasted\u{1B}[201~", "pasted"),
        ("C1 CSI", "a\u{9B}2Jb", "ab"),
        ("OSC title ended by BEL", "\u{1B}]0;TITLE\u{07}after", "after"),
        ("OSC hyperlink ended by ST", "\u{1B}]8;;https://example.com\u{1B}\\link\u{1B}]8;;\u{1B}\\", "link"),
        ("OSC ended by C1 ST", "a\u{1B}]2;t\u{9C}b", "ab"),
        ("C1 OSC", "a\u{9D}0;title\u{07}b", "ab"),
        ("OSC 52 clipboard", "a\u{1B}]52;c;aGVsbG8=\u{07}b", "ab"),
        ("DCS", "a\u{1B}Pq#0;2;0;0;0\u{1B}\\b", "ab"),
        ("C1 DCS", "a\u{90}1$r\u{9C}b", "ab"),
        ("APC, PM and SOS", "a\u{1B}_apc\u{1B}\\b\u{1B}^pm\u{1B}\\c\u{1B}Xsos\u{1B}\\d", "abcd"),
        ("an OSC cut short by another sequence", "\u{1B}]0;t\u{1B}[1mx", "x"),
        ("an OSC never ended keeps the words after its opening", "a \u{1B}]0;b c", "a 0;b c"),
        ("an OSC not ended on its line", "a\u{1B}]0;b\nc\u{07}", "a0;b\nc"),
        ("charset designation", "\u{1B}(Bplain\u{1B})0", "plain"),
        ("DEC line size and screen test", "\u{1B}#8\u{1B}#3big", "big"),
        ("save, restore, reset, keypad", "\u{1B}7a\u{1B}8b\u{1B}cc\u{1B}=d\u{1B}>e", "abcde"),
        ("index and reverse index", "a\u{1B}Db\u{1B}Mc\u{1B}Ed", "abcd"),
        ("a lone ESC at the end", "end\u{1B}", "end"),
        ("ESC ESC", "a\u{1B}\u{1B}[1mb", "ab"),
        ("ESC before a letter of another script", "a\u{1B}éb", "aéb"),
        ("a CSI cut short by a letter of another script", "a\u{1B}[31éb", "aéb"),
        ("backspace, bell, NUL, DEL", "a\u{08}b\u{07}c\u{00}d\u{7F}e", "abcde"),
        ("text-direction overrides", "\u{202E}abc\u{202C} \u{2066}d\u{2069}\u{200F}", "abc d"),
        ("line separators", "a\u{2028}b\u{2029}c\u{85}d", "a\nb\nc\nd"),
    ]

    @Test("Escape sequences go whole", arguments: Self.sequences)
    func wholeSequences(_ name: String, _ input: String, _ expected: String) {
        let clean = Sanitize.text(input)
        #expect(clean == expected, "\(name)")
        #expect(Self.unsafe(clean).isEmpty, "\(name)")
        #expect(Sanitize.text(clean) == clean, "cleaning twice changes nothing: \(name)")
        #expect(Sanitize.line(input) == expected.replacingOccurrences(of: "\n", with: " "), "\(name)")
    }

    static let kept = [
        "Bore da! Sut wyt ti? Dw i'n hoffi ŵyn a'r ŷd yng Nghaerdydd.",
        "Siân, Llŷr, Dafydd ap Gruffydd",
        "👩🏽‍🦰 🏳️‍🌈 👨‍👩‍👧 🇬🇧 🏴󠁧󠁢󠁷󠁬󠁳󠁿 ❤️",
        "e\u{301} a\u{308}\u{323} n\u{303} Z\u{335}\u{34F}\u{489}",
        "مرحبا بك، كيف حالك؟",
        "שלום, מה שלומך?",
        "नमस्ते, आप कैसे हैं?",
        "你好，今天好吗？ こんにちは 안녕하세요",
        "Привет, как дела?",
        "zero\u{200B}width\u{200C}non\u{200D}joiners and a soft\u{AD}hyphen",
        "tab\there, and\nnew lines\n",
        "brackets [31m] and ]0; typed on their own",
    ]

    @Test("What people wrote stays exactly: emoji, Welsh, other scripts, combining marks", arguments: Self.kept)
    func keepsWhatWasTyped(_ words: String) {
        #expect(Sanitize.text(words) == words)
        #expect(Sanitize.text("\u{1B}[1m" + words + "\u{1B}]0;x\u{07}") == words, "with sequences around it")
        let single = words.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\t", with: " ")
        #expect(Sanitize.line(words) == single)
    }

    @Test("No mix of controls, sequences and words leaves a control behind")
    func mixtures() {
        let pieces = ["\u{1B}", "[", "]", "0", ";", "m", "\u{07}", "\\", "P", "O", "(", " ", "é", "👩🏽‍🦰", "\u{9B}", "\u{9D}", "\u{9C}", "\u{08}", "\n", "a", "\u{202E}", "\u{2028}"]
        var generator = SplitMix(seed: 2026)
        for _ in 0..<5000 {
            let count = Int(generator.next() % 12) + 1
            let text = (0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            let clean = Sanitize.text(text)
            #expect(Self.unsafe(clean).isEmpty, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(Sanitize.text(clean) == clean)
        }
    }

    struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
