import Foundation
import Testing

@testable import DialogueEngine

/// The README's words about where answers go are true for every door: "nothing is sent anywhere"
/// and "no one is watching" hold on one's own computer, not on a session hosted over the network
/// (answers go to the computer that runs it, the host sees them after /share, and a group room
/// sees what each person types). So every paragraph that says so also says where it stops.
@Suite struct PrivacyClaimsTests {
    static let readme: [String] = {
        let url = TestSupport.packageRoot.appendingPathComponent("README.md")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        return text.components(separatedBy: "\n\n")
    }()

    /// The paragraphs of the README and of the documents people who run or write for Tandem read.
    static let paragraphs: [String] = readme + ["docs/safety.md", "docs/dialogue-format.md"].flatMap { name -> [String] in
        let url = TestSupport.packageRoot.appendingPathComponent(name)
        return ((try? String(contentsOf: url, encoding: .utf8)) ?? "").components(separatedBy: "\n\n")
    }

    @Test("every claim that nothing is sent, or no one watches, says where it stops", arguments: [
        "sent anywhere", "no one is watching", "nothing is sent", "sends nothing anywhere", "no one\nwatches", "no one watches",
    ])
    func claimsAreQualified(_ claim: String) {
        let paragraphs = Self.paragraphs.filter { $0.lowercased().contains(claim) }
        for p in paragraphs {
            let lower = p.lowercased()
            #expect(lower.contains("over the network"), "not qualified for a hosted session: \(p)")
        }
    }
}
