import Foundation
import Testing

@testable import DialogueEngine

/// Loading the check-in words and the support contacts: diagnostics, the built-in fallback, the
/// library, and contacts judged by an injected "today".
@Suite struct CheckInLoadTests {
    typealias T = TestSupport

    @Test func theWordsInUseLoadCleanly() throws {
        let path = T.packageRoot.appendingPathComponent("dialogues/check-in.yaml").path
        let (matcher, problems) = DistressMatcher.load(text: try String(contentsOfFile: path, encoding: .utf8), file: path)
        #expect(problems.isEmpty, "\(problems.map(DiagnosticRenderer.text))")
        #expect(matcher != nil)
    }

    @Test func problemsPointAtTheirPlace() throws {
        let text = """
            check-in: test
            signals:
              - "want to (die"
              - ""
              - kill myself
            """
        let (matcher, problems) = DistressMatcher.load(text: text, file: "check-in.yaml")
        #expect(matcher == nil)
        let first = try #require(problems.first { $0.message.contains("not closed") })
        #expect(first.code == .checkInPattern)
        #expect(first.location.line == 3 && first.location.column == 14, "at the bracket, inside the quotes")
        #expect(problems.contains { $0.code == .checkInPattern && $0.message.contains("empty") && $0.location.line == 4 })
    }

    @Test func everyLineOfTheFileIsCheckedForBreadth() {
        let (_, problems) = DistressMatcher.load(text: "signals:\n  - kill myself\nneutral:\n  - I kill myself laughing at this show\n", file: "c.yaml")
        #expect(problems.contains { $0.code == .checkInTooBroad }, "a file's own neutral lines count too")
    }

    @Test func theLibraryUsesTheWordsAndLeavesTheFileOutOfTheMenu() throws {
        let folder = T.packageRoot.appendingPathComponent("dialogues").path
        #expect(!DialogueLibrary.files(in: folder).contains { $0.hasSuffix(DialogueLibrary.checkInFile) })
        let library = try DialogueLibrary.load(directory: folder)
        #expect(library.support.matcher == DistressMatcherTests.withWeights, "the words and the weighed words beside them")
        #expect(library.support.matcher != DistressMatcher.builtIn)
    }

    @Test func aMissingOrBrokenFileLeavesTheBuiltInWords() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-check-in-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let library = try DialogueLibrary.load(directory: dir.path)
        #expect(library.support.matcher == DistressMatcher.builtIn)
        try "signals:\n  - (oops\n".write(to: dir.appendingPathComponent("check-in.yaml"), atomically: true, encoding: .utf8)
        let broken = try DialogueLibrary.load(directory: dir.path)
        #expect(broken.support.matcher == DistressMatcher.builtIn)
        #expect(broken.diagnostics.contains { $0.code == .checkInPattern })
        #expect(broken.support.mentionsRisk("I want to kill myself"))
    }

    /// The built-in words, used when the file is missing or broken, still hear each family that
    /// brings words of its own, and say which it is, so the right words and helplines come first.
    @Test func theBuiltInWordsHearEachFamily() throws {
        let m = DistressMatcher.builtIn
        let eating = ["i havent eaten in four days", "ive started drinking again", "i relapsed on the gear", "i make myself sick after every meal", "i cant get through the day without a drink"]
        for line in eating {
            let match = m.match(line)
            #expect(match?.eatingDrinkDrugs == true, "\(line): \(match?.patterns ?? [])")
        }
        for line in ["im scared i might hurt my baby", "i keep having thoughts of harming my children"] {
            let match = m.match(line)
            #expect(match?.fearOfHarming == true, "\(line): \(match?.patterns ?? [])")
        }
        let harm = m.match("my partner hits me")
        #expect(harm?.harmFromOthers == true)
        for line in ["i want to kill myself at work", "he hit me up and said he wants to kill himself", "i want to end it all"] {
            let match = m.match(line)
            #expect(match != nil && match?.eatingDrinkDrugs == false && match?.harmFromOthers == false, "\(line): \(match?.patterns ?? [])")
        }
        for line in ["i killed myself laughing at work", "i started running again", "we lost my uncle to suicide"] {
            #expect(m.match(line) == nil, "\(line)")
        }
    }

    @Test func aSupportFileCanReplaceTheFoldersOwn() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-support-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("scotland.yaml")
        try """
            support: scotland
            title: Support in Scotland
            areas:
              - id: now
                title: Now
                contacts:
                  - name: Breathing Space
                    reach: Call 0800 83 85 87
            """.write(to: file, atomically: true, encoding: .utf8)
        let folder = T.packageRoot.appendingPathComponent("dialogues").path
        let library = try DialogueLibrary.load(directory: folder, supportFile: file.path)
        #expect(library.support.title == "Support in Scotland")
        #expect(library.support.matcher == DistressMatcherTests.withWeights, "the words still come from the folder")
        #expect(throws: LibraryError.self) { try DialogueLibrary.load(directory: folder, supportFile: dir.appendingPathComponent("none.yaml").path) }
    }

    @Test func contactsAreJudgedByTheDayGivenNeverTheClock() throws {
        let text = """
            title: Support
            areas:
              - id: uk
                title: UK
                contacts:
                  - name: Fresh
                    reach: Call 1
                    checked: 2026-12-01
                    source: fresh.org
                  - name: Stale
                    reach: Call 2
                    checked: 2025-12-01
                    source: stale.org
                  - name: Unknown
                    reach: Call 3
            """
        // (This file has no 999, 116 123 or 111 either: that is D044 and D049, judged on the same day, and left out here.)
        let warnings = SupportDirectory.load(text: text, file: "s.yaml", today: SimpleDate(year: 2027, month: 1, day: 4)!).1.filter { $0.code != .noEmergencyNumber && $0.code != .checkInNumberNotListed }
        #expect(warnings.map(\.code) == [.contactNotChecked, .contactNotChecked])
        #expect(warnings.allSatisfy { $0.severity == .warning })
        #expect(warnings[0].message.contains("Stale") && warnings[1].message.contains("Unknown"))
        #expect(SupportDirectory.load(text: text, file: "s.yaml").1.isEmpty, "no day, no judging")
        let aYearLater = SupportDirectory.load(text: text, file: "s.yaml", today: SimpleDate(year: 2027, month: 12, day: 2)!).1.filter { $0.code != .noEmergencyNumber && $0.code != .checkInNumberNotListed }
        #expect(aYearLater.count == 3)
    }

    @Test func theContactsInUseAreCheckedAndNamed() throws {
        let path = T.packageRoot.appendingPathComponent("dialogues/support.yaml").path
        let (support, problems) = SupportDirectory.load(text: try String(contentsOfFile: path, encoding: .utf8), file: path, today: SimpleDate(year: 2026, month: 12, day: 3)!)
        #expect(problems.isEmpty, "\(problems.map(DiagnosticRenderer.text))")
        let contacts = try #require(support).contacts
        #expect(contacts.allSatisfy { $0.checked != nil && $0.source != nil })
        let all = contacts.map { "\($0.name): \($0.reach). \($0.note ?? "")" }.joined(separator: "\n") + "\n" + (support?.areas.map(\.title).joined(separator: "\n") ?? "")
        for must in ["999", "116 123", "0800 068 4141", "88247", "register", "999 BSL", "0808 808 7777", "England and Wales", "6pm to 2am", "Shout", "Lifeline"] {
            #expect(all.contains(must), "\(must) is missing")
        }
        let words = try #require(support).checkIn
        #expect(words.reminder.contains("999") && words.reminder.contains("116 123") && words.reminder.contains("111") && words.reminder.contains("/urgent"))
        #expect(words.someoneElse.contains("someone"))
    }

    @Test func oldPhrasesAreAWarningNotAnError() {
        let text = "title: T\nareas:\n  - id: a\n    title: A\n    contacts:\n      - {name: N, reach: R}\ncheck-in:\n  message: Hello.\n  phrases:\n    - want to die\n"
        let (support, problems) = SupportDirectory.load(text: text, file: "s.yaml")
        #expect(support?.checkIn.person == "Hello.")
        #expect(problems.map(\.severity) == [.warning])
    }
}
