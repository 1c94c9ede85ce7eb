import Foundation
import Testing

@testable import DialogueEngine

/// The plan as text, Markdown and JSON: only answers on the path, skipped ones marked, nothing unsafe.
@Suite struct ExporterTests {
    typealias T = TestSupport

    static let steps = """
        - id: name
          ask: What shall I call you?
          answer: text
        - id: calm
          ask: What helps *you*?
          answer: pick-many
          options:
            music: Music
            walk: A walk
        - id: people
          ask: Who can help?
          answer: records
          fields:
            - {id: who, ask: Name, answer: text}
            - {id: how, ask: How to reach them, answer: text}
        - id: review-date
          ask: When shall we look again?
          answer: date
        - id: mood
          ask: How are you?
          answer: text
        """

    func conversation(_ inputs: String...) throws -> Conversation {
        var c = try T.conversation(Self.steps)
        for input in inputs {
            if input == "/skip" { _ = c.skip() } else { _ = c.answer(input) }
        }
        return c
    }

    @Test func textExport() throws {
        let c = try conversation("Sam", "1, 2", "Jo", "07700 900123", "", "in 2 weeks", "/skip")
        let text = PlanExporter(conversation: c).text()
        #expect(text.hasPrefix("Test\n====\n"))
        #expect(text.contains("A plan for: Sam"))
        #expect(text.contains("Look at it again by: Monday 18 January 2027"))
        #expect(text.contains("  - Music\n  - A walk"))
        #expect(text.contains("Who can help?\n  1. Jo"))
        #expect(text.contains("07700 900123"))
        #expect(text.contains("How are you?\n  (not answered yet)"))
        #expect(!text.contains("not finished"))
    }

    @Test func unfinishedPlansSaySo() throws {
        let c = try conversation("Sam")
        #expect(PlanExporter(conversation: c).text().contains("This plan is not finished yet."))
        #expect(PlanExporter(conversation: c).markdown().contains("*This plan is not finished yet.*"))
    }

    @Test func markdownEscapesAndTables() throws {
        let c = try conversation("Sam *bold*", "1", "Jo", "a|b", "", "1/3/2027", "Fine")
        let md = PlanExporter(conversation: c).markdown()
        #expect(md.hasPrefix("# Test\n"))
        #expect(md.contains("- **A plan for:** Sam \\*bold\\*"))
        #expect(md.contains("**What helps \\*you\\*?**"))
        #expect(md.contains("| Name | How to reach them |"))
        #expect(md.contains("| Jo | a\\|b |"))
    }

    /// What people type that Markdown would otherwise read as a block or as formatting: each comes
    /// out escaped, so it shows as typed and never swallows what follows it (a `~~~` opened a code
    /// block that held the rest of the plan, the support contacts too).
    @Test("Markdown shows an answer as typed", arguments: [
        ("~~~", "\\~\\~\\~"),
        ("```", "\\`\\`\\`"),
        ("---", "\\---"),
        ("===", "\\==="),
        ("- dash item", "\\- dash item"),
        ("+ plus", "\\+ plus"),
        ("1. Sam", "1\\. Sam"),
        ("12) first thing", "12\\) first thing"),
        ("> quoted", "\\> quoted"),
        ("   indented code", "indented code"),
        ("~~strike~~", "\\~\\~strike\\~\\~"),
        ("&lt;b&gt; &amp; &copy;", "\\&lt;b\\&gt; \\&amp; \\&copy;"),
        ("![pic](x) [link](y)", "!\\[pic\\](x) \\[link\\](y)"),
        ("well-being at 3.30, 1-2 times", "well-being at 3.30, 1-2 times"),
        ("A&E, or R&R & rest", "A&E, or R&R & rest"),
        ("&#169; &#xA9;", "\\&\\#169; \\&\\#xA9;"),
        ("line one\nline two", "line one line two"),
    ])
    func markdownShowsAnAnswerAsTyped(typed: String, escaped: String) throws {
        #expect(PlanExporter.markdownEscaped(typed) == escaped)
        let c = try conversation("Sam", "1", "Jo", "07700 900123", "", "1/3/2027", typed)
        let md = PlanExporter(conversation: c).markdown()
        #expect(md.contains("**How are you?**\n\n\(escaped)\n"))
    }

    /// Words written without spaces (Japanese), or a long web address, are cut at the export's
    /// 72 columns: a 226-column line ran off the printed page. Nothing of them is lost.
    @Test func textExportCutsWordsLongerThanALine() throws {
        let japanese = String(repeating: "気持ちを話せる人がいます", count: 8)
        let address = "https://example.org/" + String(repeating: "a-very-long-path/", count: 8)
        let c = try conversation("Sam", "1", "Jo", "07700 900123", "", "1/3/2027", japanese + " " + address)
        let text = PlanExporter(conversation: c).text()
        for line in text.split(separator: "\n") {
            #expect(Wrap.columns(line) <= 72, "too wide: \(line)")
        }
        let answer = text.components(separatedBy: "How are you?\n").last!.components(separatedBy: "\n\n").first!
        let joined = answer.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined()
        #expect(joined == japanese + address)
    }

    @Test func jsonExport() throws {
        let c = try conversation("Sam", "2", "Jo", "", "", "1/3/2027", "/skip")
        let json = PlanExporter(conversation: c, info: PlanInfo(id: "plan-1")).json()
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(root["format"] as? String == "tandem-plan")
        #expect(root["formatVersion"] as? Int == 1)
        #expect(root["plan"] as? String == "plan-1")
        #expect(root["finished"] as? Bool == true)
        #expect(root["order"] as? [String] == ["name", "calm", "people", "review-date", "mood"])
        #expect(root["skipped"] as? [String] == ["mood"])
        let answers = try #require(root["answers"] as? [String: [String: Any]])
        #expect(answers["calm"]?["value"] as? [String] == ["walk"])
        #expect(answers["calm"]?["labels"] as? [String] == ["A walk"])
        #expect(answers["review-date"]?["value"] as? String == "2027-03-01")
        #expect(answers["people"]?["value"] as? [[String: String]] == [["who": "Jo"]])
        #expect(answers["mood"]?["value"] is NSNull)
        let dialogue = try #require(root["dialogue"] as? [String: Any])
        #expect(dialogue["id"] as? String == "test")
    }

    @Test func onlyAnswersOnThePathAreExported() throws {
        var c = try T.conversation("""
            - id: pet
              ask: Cats or dogs?
              answer: pick-one
              options:
                cats: Cats
                dogs: Dogs
            - id: cat-name
              when: pet == "cats"
              ask: Your cat's name?
              answer: text
            """)
        c.type("cats", "Tibbles")
        _ = c.change("pet")
        c.type("dogs")
        let text = PlanExporter(conversation: c).text()
        #expect(!text.contains("Tibbles"))
        #expect(text.contains("Dogs"))
    }

    @Test func answersFromAnOlderVersionAreKeptApart() throws {
        var state = PlanState()
        state.apply(.answered(step: "name", value: .text("Sam")))
        state.apply(.answered(step: "old-question", value: .text("kept")))
        let c = Conversation(script: try T.script(Self.steps), state: state, today: T.today)
        let text = PlanExporter(conversation: c).text()
        #expect(text.contains("Earlier answers"))
        #expect(text.contains("old-question: kept"))
    }

    /// The tester's answer: colour, an OSC title, bells, ^A and a backspace.
    static let typed = "hope \u{1B}[31mRED\u{1B}[0m \u{1B}]0;TITLE\u{07} bell\u{07}\u{01}\u{08}"

    /// Every string a JSON export holds, keys too.
    static func strings(_ value: Any) -> [String] {
        switch value {
        case let s as String: [s]
        case let a as [Any]: a.flatMap(strings)
        case let o as [String: Any]: o.keys.map { $0 } + o.values.flatMap(strings)
        default: []
        }
    }

    /// A plan whose answers hold escape sequences (one saved before answers were cleaned as they
    /// came in, or made without a `Session`): every format takes them out whole, in the file and
    /// in JSON's strings once read, and keeps the words.
    @Test("Escape sequences leave nothing behind in any format", arguments: ExportFormat.allCases)
    func escapeSequencesGoWhole(format: ExportFormat) throws {
        let c = try conversation("Siân 👩🏽‍🦰\u{1B}[1m e\u{301}\u{1B}]8;;http://x\u{1B}\\", "1", "Sam\u{9B}2J", "0770\u{1B}OA0", "", "/skip", Self.typed)
        let out = PlanExporter(conversation: c).render(format)
        #expect(SanitizeTests.unsafe(out).isEmpty, "\(format): \(SanitizeTests.unsafe(out))")
        for left in ["[31m", "[0m", "]0;", "TITLE", "[1m", "]8;", "http", "2J", "OA", "\\u001b", "\\u0007", "\\u0001", "\\b"] {
            #expect(!out.contains(left), "\(format) keeps \(left)")
        }
        switch format {
        case .text:
            #expect(out.contains("\n  hope RED bell\n"))
            #expect(out.contains("\n  Siân 👩🏽‍🦰 e\u{301}\n"))
            #expect(out.contains("1. Sam\n     How to reach them: 07700\n"), "each field after its question")
        case .markdown:
            #expect(out.contains("\nhope RED  bell\n"))
            #expect(out.contains("Siân 👩🏽‍🦰 e\u{301}"))
            #expect(out.contains("| Sam | 07700 |"))
        case .json:
            let root = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
            for string in Self.strings(root) { #expect(SanitizeTests.unsafe(string).isEmpty, "\(string.debugDescription)") }
            let answers = try #require(root["answers"] as? [String: [String: Any]])
            #expect(answers["mood"]?["value"] as? String == "hope RED  bell")
            #expect(answers["name"]?["value"] as? String == "Siân 👩🏽‍🦰 e\u{301}")
            #expect(answers["people"]?["value"] as? [[String: String]] == [["who": "Sam", "how": "07700"]])
        }
    }

    @Test func exportsAreSanitised() throws {
        let c = try conversation("Sam\u{1B}[2J\u{202E}")
        for format in ExportFormat.allCases {
            let out = PlanExporter(conversation: c).render(format)
            #expect(!out.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" }, "\(format)")
        }
    }
}
