import Testing

@testable import DialogueEngine

/// A support file replaces the contacts on every plan, every check-in and `/urgent`. One with no way
/// to reach 999 (a service's own file, written in a hurry) would leave every printed plan without
/// it, so `tandem check` warns (D044).
@Suite struct SupportEmergencyNumberTests {
    static func file(_ reach: String) -> String {
        """
        title: Support
        areas:
          - id: here
            title: Here
            contacts:
              - name: A line
                reach: \(reach)
                checked: 2026-12-03
                source: example.org
        """
    }

    static let today = SimpleDate(year: 2027, month: 1, day: 4)!

    @Test("no 999: a warning at areas:", arguments: ["Call 116 123", "Call 9999 9999", "Call 0800 999 123"])
    func warned(_ reach: String) throws {
        let (support, problems) = SupportDirectory.load(text: Self.file(reach), file: "s.yaml", today: Self.today)
        #expect(support != nil, "a warning, not an error: the contacts are still used")
        let d = try #require(problems.first { $0.code == .noEmergencyNumber }, "\(reach)")
        #expect(d.severity == .warning)
        #expect(d.location.line == 2 && d.location.column == 1)
    }

    @Test("999 anywhere in a contact is enough", arguments: ["Call 999, or go to A&E", "Text 999 once you have signed up", "999"])
    func quiet(_ reach: String) {
        let problems = SupportDirectory.load(text: Self.file(reach), file: "s.yaml", today: Self.today).1
        #expect(!problems.contains { $0.code == .noEmergencyNumber }, "\(reach)")
    }

    @Test func theFolderSupportFileReaches999() throws {
        let path = TestSupport.packageRoot.appendingPathComponent("dialogues/support.yaml").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!SupportDirectory.load(text: text, file: path, today: Self.today).1.contains { $0.code == .noEmergencyNumber })
    }

    /// A line only the weighed words heard brings one gentle line, not the full check-in: the numbers
    /// that matter most must still be on the screen then, in the shipped words and the built-in ones.
    @Test func theGentleLinesCarryTheNumbersThatMatterMost() throws {
        let path = TestSupport.packageRoot.appendingPathComponent("dialogues/support.yaml").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let shipped = try #require(SupportDirectory.load(text: text, file: path, today: Self.today).0)
        for words in [shipped.checkIn, SupportDirectory.CheckInWords.fallback] {
            for line in [words.maybe, words.maybeSomeoneElse] {
                for number in ["999", "116 123", "111"] {
                    #expect(line.contains(number), "\(number) is not in: \(line)")
                }
                #expect(line.contains("/urgent"))
            }
        }
    }
}
