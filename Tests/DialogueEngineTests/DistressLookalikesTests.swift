import Foundation
import Testing

@testable import DialogueEngine

/// Lines typed in "fancy fonts" or with letters that only look Latin are heard as the plain line
/// (``DistressText/lookalikes``).
@Suite struct DistressLookalikesTests {
    /// The blocks where Unicode keeps letters and digits in other styles.
    static let blocks: [ClosedRange<UInt32>] = [
        0xFF00...0xFFEF, 0x1D400...0x1D7FF, 0x2100...0x214F, 0x2460...0x24FF, 0x2776...0x2793,
        0x1F100...0x1F1FF, 0x2070...0x209F, 0x1D2C...0x1DBF, 0x02B0...0x02FF, 0x00B2...0x00B9,
    ]

    /// The single ASCII letter or digit Unicode's compatibility form (NFKC) makes of a scalar, if any,
    /// in lower case, with brackets and a full stop around it left out ("⒜", "⒈").
    static func compatibilityForm(_ v: UInt32) -> UInt8? {
        guard let scalar = Unicode.Scalar(v), scalar.properties.generalCategory != .unassigned else { return nil }
        let form = String(scalar).precomposedStringWithCompatibilityMapping.lowercased()
            .trimmingCharacters(in: CharacterSet(charactersIn: "()."))
        guard form.utf8.count == 1, let byte = form.utf8.first, (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) else { return nil }
        return byte
    }

    /// Where Unicode says what a character is, the table says the same.
    @Test func theTableAgreesWithUnicode() {
        var checked = 0
        for (v, letter) in DistressText.lookalikes {
            guard let form = Self.compatibilityForm(v) else { continue }
            checked += 1
            #expect(form == letter, "U+\(String(v, radix: 16, uppercase: true)) reads as \(Character(Unicode.Scalar(letter))), Unicode says \(Character(Unicode.Scalar(form)))")
        }
        #expect(checked > 1_000)
    }

    /// Every letter and digit of those blocks that Unicode makes a plain one is in the table, but
    /// for "ℹ", which is typed as the information sign, not as a letter.
    @Test func everyStyledLetterOfTheBlocksIsThere() {
        var missing: [String] = []
        for block in Self.blocks {
            for v in block where v != 0x2139 && Self.compatibilityForm(v) != nil && DistressText.lookalikes[v] == nil {
                missing.append("U+" + String(v, radix: 16, uppercase: true))
            }
        }
        #expect(missing.isEmpty, "not read as letters: \(missing)")
    }

    @Test(arguments: [
        ("𝐢 𝐰𝐚𝐧𝐭 𝐭𝐨 𝐤𝐢𝐥𝐥 𝐦𝐲𝐬𝐞𝐥𝐟", "bold"),
        ("𝑖 𝑤𝑎𝑛𝑡 𝑡𝑜 𝑘𝑖𝑙𝑙 𝑚𝑦𝑠𝑒𝑙𝑓", "italic"),
        ("𝓲 𝔀𝓪𝓷𝓽 𝓽𝓸 𝓴𝓲𝓵𝓵 𝓶𝔂𝓼𝓮𝓵𝓯", "bold script"),
        ("𝔦 𝔴𝔞𝔫𝔱 𝔱𝔬 𝔨𝔦𝔩𝔩 𝔪𝔶𝔰𝔢𝔩𝔣", "fraktur"),
        ("𝕚 𝕨𝕒𝕟𝕥 𝕥𝕠 𝕜𝕚𝕝𝕝 𝕞𝕪𝕤𝕖𝕝𝕗", "double-struck"),
        ("𝗶 𝘄𝗮𝗻𝘁 𝘁𝗼 𝗸𝗶𝗹𝗹 𝗺𝘆𝘀𝗲𝗹𝗳", "sans bold"),
        ("𝚒 𝚠𝚊𝚗𝚝 𝚝𝚘 𝚔𝚒𝚕𝚕 𝚖𝚢𝚜𝚎𝚕𝚏", "monospace"),
        ("ｉ\u{3000}ｗａｎｔ\u{3000}ｔｏ\u{3000}ｋｉｌｌ\u{3000}ｍｙｓｅｌｆ", "full-width"),
        ("ⓘ ⓦⓐⓝⓣ ⓣⓞ ⓚⓘⓛⓛ ⓜⓨⓢⓔⓛⓕ", "circled"),
        ("🄸 🅆🄰🄽🅃 🅃🄾 🄺🄸🄻🄻 🄼🅈🅂🄴🄻🄵", "squared"),
        ("🅸 🆆🅰🅽🆃 🆃🅾 🅺🅸🅻🅻 🅼🆈🆂🅴🅻🅵", "black squares"),
        ("ɪ ᴡᴀɴᴛ ᴛᴏ ᴋɪʟʟ ᴍʏꜱᴇʟꜰ", "small capitals"),
        ("ⁱ ʷᵃⁿᵗ ᵗᵒ ᵏⁱˡˡ ᵐʸˢᵉˡᶠ", "raised"),
        ("i want to k\u{0456}ll mys\u{0435}lf", "Cyrillic i and e"),
        ("\u{0456} w\u{0430}nt t\u{03BF} kill myself", "Cyrillic and Greek"),
    ])
    func aStyledLineIsHeardAsThePlainOne(line: String, style: String) throws {
        let plain = try #require(DistressMatcherTests.matcher.match("i want to kill myself"))
        let heard = try #require(DistressMatcherTests.matcher.match(line), "\(style) not heard")
        #expect(heard == plain, "\(style)")
        #expect(DistressText(line).words.count == 5, "\(style)")
    }

    @Test func harmAndHarmlessLinesReadTheSameStyled() {
        let m = DistressMatcherTests.matcher
        #expect(m.match("𝐡𝐞 𝐡𝐢𝐭𝐬 𝐦𝐞 𝐰𝐡𝐞𝐧 𝐡𝐞 𝐝𝐫𝐢𝐧𝐤𝐬") == m.match("he hits me when he drinks"))
        #expect(m.match("𝐡𝐞 𝐡𝐢𝐭𝐬 𝐦𝐞 𝐰𝐡𝐞𝐧 𝐡𝐞 𝐝𝐫𝐢𝐧𝐤𝐬")?.harmFromOthers == true)
        #expect(m.match("𝕓𝕖𝕥𝕥𝕖𝕣 𝕠𝕗𝕗 𝕕𝕖𝕒𝕕") == m.match("better off dead"))
        // Script letters, with the three that Unicode keeps among the letterlike symbols (ℯ ℊ ℴ).
        let walks = "𝓌𝒶𝓁𝓀𝓈 𝒷𝓎 𝓉𝒽ℯ 𝓇𝒾𝓋ℯ𝓇 𝓌𝒾𝓉𝒽 𝓂𝓎 𝓈𝒾𝓈𝓉ℯ𝓇"
        let t = DistressText(walks)
        #expect(t.wordStrings == ["walks", "by", "the", "river", "with", "my", "sister"])
        #expect(m.match(walks) == nil)
        #expect(DistressMatcherTests.withWeights.match(walks) == nil)
    }

    /// Emoji and symbols still separate words, and real Cyrillic or Greek words are left as they are
    /// but for the letters that look Latin: nothing in them is heard.
    @Test func otherCharactersAreLeftAlone() {
        let t = DistressText("😭💔 die ★ ok 🇺🇸 🇬🇧")
        #expect(t.wordStrings == ["die", "ok"], "flags are not letters")
        #expect(DistressMatcherTests.withWeights.match("Привет, как дела? Всё хорошо, спасибо") == nil)
        #expect(DistressMatcherTests.withWeights.match("Καλημέρα, είμαι καλά σήμερα") == nil)
    }
}
