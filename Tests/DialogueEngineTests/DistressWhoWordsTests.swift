import Foundation
import Testing

@testable import DialogueEngine

/// `who-reading:` in `check-in.yaml`: the little words the reading of who a line is about leans on,
/// English ones built in and a file's own added, so a service can teach it words without a change
/// to the code.
@Suite struct DistressWhoWordsTests {
    static let shipped: String = {
        let path = TestSupport.packageRoot.appendingPathComponent("dialogues/check-in.yaml").path
        return (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }()

    /// The shipped words with `section` added. A `who-reading:` section takes the place of the
    /// shipped file's own (its Welsh words), as a key may be given only once.
    static func load(adding section: String) -> (DistressMatcher?, [Diagnostic]) {
        var text = shipped
        if section.hasPrefix("who-reading:"), let start = text.range(of: "\nwho-reading:\n") {
            let end = text.range(of: "\n\n", range: start.upperBound..<text.endIndex)?.lowerBound ?? text.endIndex
            text.removeSubrange(start.lowerBound..<end)
        }
        return DistressMatcher.load(text: text + "\n" + section, file: "check-in.yaml")
    }

    @Test func theShippedFileTeachesTheReadingWelshWords() {
        let words = DistressMatcherTests.matcher.rules.whoWords
        #expect(words.doerBefore.contains("ofn") && words.possessives.contains("fy"))
        #expect(words.doerBefore.starts(with: DistressMatcher.WhoWords.builtIn.doerBefore), "added after the built-in ones")
    }

    @Test func aFilesWordsAreAddedToTheBuiltInOnes() throws {
        let (matcher, problems) = Self.load(adding: "who-reading:\n  sent-to: [voicenoted, Anfonodd]\n  subjects: [\"Fe's\"]\n")
        let m = try #require(matcher, "\(problems)")
        #expect(problems.filter { $0.severity == .error }.isEmpty)
        // Read as the check-in reads words: lower case, apostrophes dropped.
        #expect(m.rules.whoWords.sentTo.suffix(2) == ["voicenoted", "anfonodd"])
        #expect(m.rules.whoWords.subjects.last == "fes")
        // Every built-in word is still there.
        for kind in DistressMatcher.WhoWords.Kind.allCases {
            #expect(Set(DistressMatcher.WhoWords.builtIn[kind]).isSubset(of: Set(m.rules.whoWords[kind])), "\(kind)")
        }
    }

    @Test func anAddedWordChangesWhoALineIsAbout() throws {
        let line = "my friend voicenoted me goodbye forever"
        // Without it, "me" reads as the person typing.
        #expect(DistressMatcherTests.matcher.match(line)?.concern == .person)
        let m = try #require(Self.load(adding: "who-reading:\n  sent-to: [voicenoted]\n").0)
        // With it, "me" is the one the goodbye went to, and the friend is the one at risk.
        #expect(m.match(line)?.concern == .someoneElse)
        // The built-in words still count.
        #expect(m.match("my friend texted me goodbye forever")?.concern == .someoneElse)
        // "to" after a thing written: the one it is for says nothing about who is at risk.
        let letters = try #require(Self.load(adding: "who-reading:\n  sent-things: [postcards]\n").0)
        #expect(DistressMatcherTests.matcher.match("i wrote postcards to my kids saying goodbye forever")?.concern == .someoneElse)
        #expect(letters.match("i wrote postcards to my kids saying goodbye forever")?.concern == .person)
    }

    @Test func messagesPeopleSendByAppAreKnownWithoutAFile() {
        for verb in ["whatsapped", "whatsappd", "inboxed", "pmd"] {
            #expect(DistressMatcherTests.matcher.match("my friend \(verb) me goodbye forever")?.concern == .someoneElse, "\(verb)")
        }
    }

    @Test func moreThanOneWordIsD046AtItsPlace() {
        let text = "signals:\n  - kill myself\nwho-reading:\n  doer-before: [\"\", by, next to]\n  owners: his\n"
        let (matcher, problems) = DistressMatcher.load(text: text, file: "check-in.yaml")
        #expect(matcher == nil)
        let who = problems.filter { $0.code == .checkInWhoWord }
        #expect(who.map(\.location.line) == [4, 4])
        // Inside the quotes for the empty one: where its text would begin.
        #expect(who.map(\.location.column) == [18, 25])
        #expect(who[0].message.contains("no letters or digits"))
        #expect(who[1].message.contains("2 words"))
    }

    @Test func anUnknownKindIsSaid() {
        let (matcher, problems) = DistressMatcher.load(text: "signals:\n  - kill myself\nwho-reading:\n  sent-too: [inboxed]\n", file: "check-in.yaml")
        #expect(matcher == nil)
        #expect(problems.contains { $0.location.line == 4 && $0.message.contains("sent-too") })
    }
}
