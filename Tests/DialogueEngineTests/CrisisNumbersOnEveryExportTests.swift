import Foundation
import Testing

@testable import DialogueEngine

/// Every plan carries the crisis numbers: for every dialogue in `dialogues/`, in text, Markdown
/// and JSON, whether the plan was just started, is part-way, or is finished, and for a group's
/// plan in a room (from the facilitator and from someone in the group). Every number in
/// `support.yaml` (999, 111, 116 123 and the rest) must be there whole: in text, on one line, never
/// broken across two by the wrapping.
@Suite struct CrisisNumbersOnEveryExportTests {
    typealias T = TestSupport

    static let library: DialogueLibrary = {
        guard let l = try? DialogueLibrary.load(directory: T.packageRoot.appendingPathComponent("dialogues").path) else {
            fatalError("dialogues/ does not load")
        }
        return l
    }()

    /// The numbers a contact's words hold: "Call 0800 068 4141, or text 88247" gives
    /// "0800 068 4141" and "88247".
    static func numbers(_ text: String) -> [String] {
        guard let re = try? NSRegularExpression(pattern: "[0-9]+(?: [0-9]+)*") else { return [] }
        let ns = text as NSString
        return re.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range) }
    }

    static var contacts: [SupportDirectory.Contact] { library.support.areas.flatMap(\.contacts) }

    /// The numbers of every contact, at least 999, 111 and 116 123.
    static var allNumbers: [String] { Array(Set(contacts.flatMap { numbers($0.reach) })).sorted() }

    /// Checks one exported plan for every number and every contact.
    static func expectNumbers(in text: String, format: ExportFormat, what: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        switch format {
        case .text:
            let lines = text.split(separator: "\n").map(String.init)
            for n in allNumbers {
                #expect(lines.contains { $0.contains(n) }, "\(what), text: \(n) is not whole on one line", sourceLocation: sourceLocation)
            }
        case .markdown:
            for c in contacts {
                #expect(text.contains(c.reach), "\(what), Markdown: \(c.reach)", sourceLocation: sourceLocation)
            }
        case .json:
            let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
            let support = object?["support"] as? [String: Any]
            let areas = support?["areas"] as? [[String: Any]] ?? []
            let reaches = areas.flatMap { ($0["contacts"] as? [[String: Any]] ?? []).compactMap { $0["reach"] as? String } }
            #expect(reaches == contacts.map(\.reach), "\(what), JSON: \(reaches)", sourceLocation: sourceLocation)
        }
    }

    static func exported(_ events: [Event]) -> String? {
        events.lazy.compactMap { if case .export(_, let text) = $0 { text } else { nil } }.first
    }

    @Test func theSupportFileHasTheNumbersThatMatterMost() {
        for n in ["999", "111", "116 123", "85258"] {
            #expect(Self.allNumbers.contains(n), "\(n) is not in support.yaml")
        }
    }

    @Test("a plan on its own: started, part-way and finished, every format", arguments: library.scripts.map(\.id))
    func ownPlan(_ id: String) throws {
        let script = try #require(Self.library.scripts.first { $0.id == id })
        var session = Session(conversation: Conversation(script: script, today: T.today), support: Self.library.support, plan: PlanInfo())
        session = session.start().next
        var stages: [(String, Session)] = [("just started", session)]
        for _ in 0..<3 { session = session.handle("/skip").next }
        stages.append(("part-way", session))
        var guardCount = 0
        while !session.conversation.isFinished, guardCount < 500 {
            session = session.handle("/skip").next
            guardCount += 1
        }
        #expect(session.conversation.isFinished, "\(id) cannot be skipped to its end")
        stages.append(("finished", session))
        for (stage, s) in stages {
            for format in ExportFormat.allCases {
                var copy = s
                let text = try #require(Self.exported(copy.run(.export(format, path: nil))), "\(id) \(stage): no export")
                Self.expectNumbers(in: text, format: format, what: "\(id) \(stage)")
            }
        }
    }

    @Test("a group's plan in a room, from the facilitator and from someone in the group", arguments: ExportFormat.allCases)
    func groupPlan(_ format: ExportFormat) throws {
        let script = try #require(Self.library.scripts.first { $0.id == "coproduction-conversation" })
        let session = Session(conversation: Conversation(script: script, today: T.today), support: Self.library.support, plan: PlanInfo(id: "groupplan"))
        var room = Room(code: "K7QM-4TZD", session: session, host: .init(id: "h", name: "Sam"))
        _ = room.open()
        _ = room.join(id: "a", name: "Asha")
        for line in ["We want a peer support group", "/skip", "/next", "/skip", "/next"] { _ = room.handle(line, from: "h") }
        let word = format == .text ? "" : " \(format.rawValue)"
        for who in ["h", "a"] {
            let events = room.handle("/export\(word)", from: who).filter { $0.to == who }.flatMap(\.events)
            let text = try #require(Self.exported(events), "no export for \(who)")
            Self.expectNumbers(in: text, format: format, what: "group plan, \(who)")
        }
    }
}
