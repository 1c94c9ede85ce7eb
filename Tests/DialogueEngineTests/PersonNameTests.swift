import Testing

@testable import DialogueEngine

/// Names people give themselves are shown to others: they must not hide, copy or swamp anything.
@Suite struct PersonNameTests {
    @Test(arguments: [
        ("Sam", "Sam"),
        ("  Asha   Patel ", "Asha Patel"),
        ("Fa\u{200B}cilitator", "Facilitator"),
        ("Jo\u{202E}nhoj", "Jonhoj"),
        ("O'Neill-Smith Jr.", "O'Neill-Smith Jr."),
        ("Zoë", "Zoë"),
        ("Zoe\u{0308}", "Zoë"),
        ("Siân\u{2028}Evans", "Siân Evans"),
        ("Sam 🌻", "Sam"),
        ("<b>Sam</b>", "bSamb"),
        ("李小龍", "李小龍"),
        ("مريم", "مريم"),
    ])
    func kept(raw: String, shown: String) throws {
        #expect(try #require(PersonName(raw)).text == shown)
    }

    @Test(arguments: ["", "   ", "\u{3164}", "\u{115F}\u{1160}", "\u{200B}\u{200D}", "123", "🌻🌻", "\u{0301}\u{0301}", "---", "\u{2800}"])
    func refused(raw: String) {
        #expect(PersonName(raw) == nil, "\(raw.unicodeScalars.map { String($0.value, radix: 16) })")
    }

    @Test func longNamesAndStacksOfMarksAreCut() throws {
        let stacked = try #require(PersonName("a" + String(repeating: "\u{0301}", count: 900)))
        #expect(stacked.text.unicodeScalars.count == 1 + PersonName.maxMarks)
        let long = try #require(PersonName(String(repeating: "ab ", count: 100)))
        #expect(long.text.count <= PersonName.maxCharacters)
        let wide = try #require(PersonName(String(repeating: "龍", count: 100)))
        #expect(wide.text.utf8.count <= PersonName.maxBytes)
        #expect(!wide.text.unicodeScalars.contains { $0.properties.generalCategory == .nonspacingMark })
    }

    @Test func namesThatLookTheSameHaveTheSameKey() throws {
        #expect(PersonName("Sam")?.key == PersonName("sAM")?.key)
        #expect(PersonName("S\u{200B}am")?.key == PersonName("Sam")?.key)
        #expect(PersonName("Ｓａｍ")?.key == PersonName("Sam")?.key, "full-width letters are compatibility forms")
        #expect(PersonName("Sam")?.key != PersonName("Sim")?.key)
    }

    @Test func aMarkNeverStartsANameOrAWord() throws {
        #expect(PersonName("\u{0301}Sam")?.text == "Sam")
        #expect(PersonName("Sam \u{0301}Lee")?.text == "Sam Lee")
    }
}

/// A name that ends a sentence itself, put before the text's own full stop.
@Suite struct TemplateStopTests {
    @Test(arguments: [
        ("Dr. J.", "Hello Dr. J."), ("Sam!", "Hello Sam!"), ("Jo", "Hello Jo."), ("", "Hello there."),
    ])
    func oneStopAfterAName(name: String, shown: String) {
        let t = Template("Hello {name|there}.")
        #expect(t.render { $0 == "name" ? name : nil } == shown)
    }

    @Test func onlyAStopRightAfterTheHoleGoes() {
        let t = Template("{name}... are you there?")
        #expect(t.render { _ in "Sam." } == "Sam... are you there?")
        #expect(Template("{a}, then {b}.").render { $0 == "a" ? "Tea." : "a walk" } == "Tea., then a walk.")
    }
}
