import Foundation
import Testing

@testable import DialogueEngine

/// A support file for one nation or service replaces every contact, but the check-in's short
/// lines name numbers of their own ("call 999, Samaritans on 116 123, or NHS 111 and choose option
/// 2"). A file with no `check-in:` gets Tandem's built-in words: for a Northern Ireland service
/// (Lifeline, 999) they named NHS 111, which is no number there, and nothing said so. `tandem
/// check` now warns (D049) for each number the words name that no contact gives.
@Suite struct SupportCheckInNumbersTests {
    static let today = SimpleDate(year: 2027, month: 1, day: 4)!

    static func file(contacts: [String], checkIn: String? = nil) -> String {
        var text = """
            title: Support
            areas:
              - id: here
                title: Here
                contacts:

            """
        for (i, reach) in contacts.enumerated() {
            text += "      - name: Line \(i)\n        reach: \(reach)\n        checked: 2026-12-03\n        source: example.org\n"
        }
        if let checkIn { text += "check-in:\n  reminder: \(checkIn)\n" }
        return text
    }

    static func d049(_ text: String) -> [Diagnostic] {
        SupportDirectory.load(text: text, file: "s.yaml", today: today).1.filter { $0.code == .checkInNumberNotListed }
    }

    @Test("Northern Ireland's contacts with Tandem's own check-in words: 116 123 and 111 are named but not listed")
    func northernIreland() throws {
        let problems = Self.d049(Self.file(contacts: ["Call 999, or go to A&E", "Call 0808 808 8000"]))
        let d = try #require(problems.first)
        #expect(problems.count == 1, "one warning, naming every number")
        #expect(d.severity == .warning)
        #expect(d.message.contains("116 123") && d.message.contains("111"), "\(d.message)")
        #expect(d.message.contains("no check-in:"))
        #expect(d.location.line == 2 && d.location.column == 1, "at areas:")
        #expect(SupportDirectory.load(text: Self.file(contacts: ["Call 999", "Call 0808 808 8000"]), file: "s.yaml", today: Self.today).0 != nil, "still used")
    }

    @Test("Own words that name a number no contact gives: a warning at check-in:")
    func ownWords() throws {
        let text = Self.file(contacts: ["Call 999", "Call 0808 808 8000"], checkIn: "Call 999 or Lifeline on 0808 808 8001.")
        let d = try #require(Self.d049(text).first)
        #expect(d.message.contains("0808 808 8001") && !d.message.contains("0808 808 8000 "), "\(d.message)")
        #expect(d.location.line == 14, "at check-in:")
    }

    @Test("Quiet when every number is a contact's, however it is spaced; 'option 2' and 'press 55' are not numbers to call")
    func quiet() {
        #expect(Self.d049(Self.file(contacts: ["Call 999", "Call 116 123", "Call 111 and choose option 2"])).isEmpty)
        // The words a file leaves out are Tandem's own, and name 116 123 and 111 too.
        let own = Self.file(contacts: ["Call 999", "Call 0808 808 8000", "Call 116 123", "Call 111"], checkIn: "Call 999 (press 55 if you cannot speak), or Lifeline on 0808 8088000.")
        #expect(Self.d049(own).isEmpty)
    }

    @Test func theFolderSupportFileNamesOnlyItsOwnNumbers() throws {
        let path = TestSupport.packageRoot.appendingPathComponent("dialogues/support.yaml").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(Self.d049(text).isEmpty)
    }

    @Test func onlyWhenChecking() {
        let text = Self.file(contacts: ["Call 999", "Call 0808 808 8000"])
        #expect(!SupportDirectory.load(text: text, file: "s.yaml").1.contains { $0.code == .checkInNumberNotListed })
    }
}
