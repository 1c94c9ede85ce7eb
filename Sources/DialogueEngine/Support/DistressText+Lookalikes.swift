extension DistressText {
    /// Characters outside ASCII that people use as plain letters and digits, and the letter each
    /// reads as: the "fancy fonts" that phones and websites offer for a name or a post (𝐛𝐨𝐥𝐝,
    /// 𝓼𝓬𝓻𝓲𝓹𝓽, 𝕕𝕠𝕦𝕓𝕝𝕖, ｗｉｄｅ, ⓒⓘⓡⓒⓛⓔⓓ, 🅢🅠🅤🅐🅡🅔🅓, ꜱᴍᴀʟʟ ᴄᴀᴘꜱ, ˢᵘᵖᵉʳˢᶜʳⁱᵖᵗ), and
    /// Cyrillic and Greek letters that look like Latin ones (`kіll` with a Cyrillic `і`).
    ///
    /// Without them a line typed that way had no words the patterns know, and was not heard.
    /// Where Unicode gives a letter a compatibility form (NFKC), the letter here is that form, in
    /// lower case (`DistressLookalikesTests` holds the two to each other); small capitals, the
    /// letters in black circles and squares, and the lookalikes have none and are listed by hand.
    /// Built without Foundation, from the blocks' layout, once.
    static let lookalikes: [UInt32: UInt8] = {
        var map: [UInt32: UInt8] = [:]
        let a: UInt8 = 0x61, zero: UInt8 = 0x30
        /// `count` letters (or digits from `base`) in a row from `first`.
        func run(_ first: UInt32, _ count: UInt32, from base: UInt8 = a) {
            for k in 0..<count { map[first + k] = base + UInt8(k) }
        }
        // Full-width forms.
        run(0xFF10, 10, from: zero)
        run(0xFF21, 26)
        run(0xFF41, 26)
        // Mathematical letters: 13 alphabets of 52 (capitals, then small), bold to monospace, and
        // their dotless i and j. The few places left empty there are letters elsewhere (below).
        for v in UInt32(0x1D400)...0x1D6A3 {
            let k = UInt8((v - 0x1D400) % 52)
            map[v] = a + (k < 26 ? k : k - 26)
        }
        map[0x1D6A4] = 0x69
        map[0x1D6A5] = 0x6A
        // Mathematical digits: 5 styles of 10.
        for v in UInt32(0x1D7CE)...0x1D7FF { map[v] = zero + UInt8((v - 0x1D7CE) % 10) }
        // Letterlike symbols: the mathematical letters that were there first.
        for (v, letter) in [
            (0x2102, "c"), (0x210A, "g"), (0x210B, "h"), (0x210C, "h"), (0x210D, "h"), (0x210E, "h"), (0x2110, "i"),
            (0x2111, "i"), (0x2112, "l"), (0x2113, "l"), (0x2115, "n"), (0x2119, "p"), (0x211A, "q"), (0x211B, "r"),
            (0x211C, "r"), (0x211D, "r"), (0x2124, "z"), (0x2128, "z"), (0x212A, "k"), (0x212C, "b"), (0x212D, "c"),
            (0x212F, "e"), (0x2130, "e"), (0x2131, "f"), (0x2133, "m"), (0x2134, "o"), (0x2145, "d"), (0x2146, "d"),
            (0x2147, "e"), (0x2148, "i"), (0x2149, "j"),
        ] as [(UInt32, Character)] {
            map[v] = letter.asciiValue!
        }
        // Letters and digits in circles and brackets.
        run(0x2460, 9, from: zero + 1)  // ① to ⑨
        run(0x2474, 9, from: zero + 1)  // ⑴ to ⑼
        run(0x2488, 9, from: zero + 1)  // ⒈ to ⒐
        run(0x249C, 26)  // ⒜
        run(0x24B6, 26)  // Ⓐ
        run(0x24D0, 26)  // ⓐ
        map[0x24EA] = zero  // ⓪
        run(0x2776, 9, from: zero + 1)  // ❶
        run(0x2780, 9, from: zero + 1)  // ➀
        run(0x278A, 9, from: zero + 1)  // ➊
        map[0x1F100] = zero  // 🄀
        run(0x1F110, 26)  // 🄐, in brackets
        map[0x1F12B] = 0x63  // 🄫
        map[0x1F12C] = 0x72  // 🄬
        run(0x1F130, 26)  // 🄰, in squares
        run(0x1F150, 26)  // 🅐, in black circles
        run(0x1F170, 26)  // 🅰, in black squares
        // Not the letters that make flags (🇦 to 🇿): two of them are a flag far more often than
        // letters, and the flags would read as words ("🇺🇸" as "us", "🇮🇩" as "id").
        // Small capitals, and small letters written raised or lowered.
        let byHand: [(String, Character)] = [
            ("ᴀₐᵃᴬ", "a"), ("ʙᵇᴮ", "b"), ("ᴄᶜ", "c"), ("ᴅᵈᴰ", "d"), ("ᴇₑᵉᴱ", "e"), ("ꜰᶠ", "f"), ("ɢᵍᴳ", "g"),
            ("ʜₕʰᴴ", "h"), ("ɪⁱᵢᴵ", "i"), ("ᴊʲᴶ", "j"), ("ᴋₖᵏᴷ", "k"), ("ʟₗˡᴸ", "l"), ("ᴍₘᵐᴹ", "m"), ("ɴₙⁿᴺ", "n"),
            ("ᴏₒᵒᴼ", "o"), ("ᴘₚᵖᴾ", "p"), ("ǫ", "q"), ("ʀʳᵣᴿ", "r"), ("ꜱₛˢ", "s"), ("ᴛₜᵗᵀ", "t"), ("ᴜᵘᵤᵁ", "u"),
            ("ᴠᵛᵥ", "v"), ("ᴡʷᵂ", "w"), ("ₓˣ", "x"), ("ʏʸ", "y"), ("ᴢᶻ", "z"),
            ("⁰₀", "0"), ("¹₁", "1"), ("²₂", "2"), ("³₃", "3"), ("⁴₄", "4"), ("⁵₅", "5"), ("⁶₆", "6"),
            ("⁷₇", "7"), ("⁸₈", "8"), ("⁹₉", "9"),
            // Cyrillic and Greek letters that look like Latin ones, capitals and small.
            ("аАαΑ", "a"), ("ВΒ", "b"), ("сСϲ", "c"), ("ԁ", "d"), ("еЕёΕ", "e"), ("һНΗ", "h"),
            ("іІїιΙ", "i"), ("јЈϳ", "j"), ("кКκΚ", "k"), ("ӏӀ", "l"), ("мМΜ", "m"), ("Ν", "n"),
            ("оОοΟ", "o"), ("рРρΡ", "p"), ("ԛ", "q"), ("ѕЅ", "s"), ("тТτΤ", "t"), ("υ", "u"), ("ν", "v"),
            ("ԝ", "w"), ("хХχΧ", "x"), ("уУΥ", "y"), ("Ζ", "z"),
        ]
        for (letters, plain) in byHand {
            for s in letters.unicodeScalars { map[s.value] = plain.asciiValue! }
        }
        return map
    }()
}
