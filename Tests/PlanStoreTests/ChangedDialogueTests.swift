import DialogueEngine
import Foundation
import TandemStore
import Testing
@testable import PlanStore

@Suite("Resuming under a changed dialogue")
struct ChangedDialogueTests {
    /// A full plan made under version 1, reopened from the store.
    func planUnderV1() async throws -> (PlanStore, StoredPlan) {
        let store = try PlanStore.inMemory()
        var session = try await TestData.begin(store)
        try await TestData.play(TestData.fullPlan, into: &session, store: store)
        #expect(session.conversation.isFinished)
        return (store, try await store.open(id: session.plan!.id!))
    }

    @Test("Answers are kept by step id; a changed question is asked again; removed steps are earlier answers")
    func resumeUnderV2() async throws {
        let (store, plan) = try await planUnderV1()
        #expect(plan.dialogueChanged(TestData.v2))
        var session = plan.session(TestData.v2, support: TestData.support, today: TestData.today)
        let opening = session.resume(dialogueChanged: true)
        #expect(opening.contains(.notice("The questions in this plan have been updated since you last used it. Your answers are kept. If a question has changed, I will ask it again.")))
        // `mood` was a scale and is now pick-one: asked again.
        let asked = opening.compactMap { if case .asked(let p) = $0 { p.step } else { nil } }
        #expect(asked == ["mood"])
        #expect(session.conversation.state.answers["name"] == .text("Robin Zebrafinch"))
        #expect(session.conversation.state.answers["mood"] == nil)
        #expect(session.conversation.earlierAnswers.map(\.step) == ["best-time"])

        // Answering it carries on to the end: everything after it was kept.
        try await TestData.play(["2"], into: &session, store: store)
        #expect(session.conversation.isFinished)
        #expect(session.conversation.state.answers["helps"] == .list(["A walk by the river", "Tea with Sam Quillfeather"]))

        let text = PlanExporter(conversation: session.conversation, info: plan.info).render(.text)
        #expect(text.contains("Earlier answers"))
        #expect(text.contains("best-time: morning"))
        #expect(text.contains("Okay"))
        let json = PlanExporter(conversation: session.conversation, info: plan.info).render(.json)
        #expect(json.contains(#""earlierAnswers""#))

        // The plan is now kept under version 2, so the next resume has nothing to say about it.
        let summary = try #require(try await store.list().first)
        #expect(summary.dialogueVersion == 2)
        #expect(summary.finished)
        let again = try await store.open(id: plan.id)
        #expect(!again.dialogueChanged(TestData.v2))
        #expect(again.progress.contentHash == TestData.v2.contentHash)
        // The journal still holds the first answer: nothing was rewritten.
        #expect(again.changes.contains(.answered(step: "mood", value: .number(7))))
    }

    @Test("Opening and exporting under a changed dialogue writes nothing")
    func exportDoesNotWrite() async throws {
        let (store, plan) = try await planUnderV1()
        let conversation = plan.conversation(TestData.v2, today: TestData.today)
        _ = PlanExporter(conversation: conversation, info: plan.info).render(.markdown)
        let again = try await store.open(id: plan.id)
        #expect(again.changes == plan.changes)
        #expect(again.progress.dialogueVersion == 1)
    }

    @Test("Answers that no longer fit are left out", arguments: [
        (Change.answered(step: "mood", value: .number(7)), Change.cleared(step: "mood")),
        (.answered(step: "mood", value: .choice("okay")), .answered(step: "mood", value: .choice("okay"))),
        (.answered(step: "activities", value: .choices(["walking", "dancing"])), .cleared(step: "activities")),
        (.answered(step: "name", value: .number(3)), .cleared(step: "name")),
        (.answered(step: "gone", value: .text("kept")), .answered(step: "gone", value: .text("kept"))),
        (.draft(step: "helps", value: Draft(items: ["a"])), .draft(step: "helps", value: Draft(items: ["a"]))),
        (.draft(step: "people", value: Draft(items: ["a"])), .draft(step: "people", value: nil)),
        (.draft(step: "name", value: Draft(items: ["a"])), .draft(step: "name", value: nil)),
        (.answered(step: "people", value: .records([["who": .text("Sam"), "how": .bool(true)]])), .cleared(step: "people")),
    ])
    func fitting(change: Change, expected: Change) {
        #expect(PlanReplay.fitted(change, to: TestData.v2) == expected)
    }

    @Test("A number far outside a scale does not crash (it is asked again)")
    func hugeNumberOnScale() {
        #expect(PlanReplay.fitted(.answered(step: "mood", value: .number(1e300)), to: TestData.v1) == .cleared(step: "mood"))
        #expect(PlanReplay.fitted(.answered(step: "mood", value: .number(.nan)), to: TestData.v1) == .cleared(step: "mood"))
    }

    @Test("A dialogue whose steps are all different still opens, with every answer kept as earlier answers")
    func everythingChanged() async throws {
        let (_, plan) = try await planUnderV1()
        let source = """
            dialogue: store-test
            version: 3
            title: Something else
            summary: All new.
            audience: [person]
            sections:
              - id: only
                title: Only
                steps:
                  - id: brand-new
                    ask: A new question?
                    answer: text
            """
        let script = try #require(ScriptLoader.load(text: source, file: "v3.yaml").script)
        let session = plan.session(script, support: TestData.support, today: TestData.today)
        let opening = session.resume(dialogueChanged: plan.dialogueChanged(script))
        #expect(opening.contains { if case .asked(let p) = $0 { p.step == "brand-new" } else { false } })
        #expect(session.conversation.earlierAnswers.count == 9)
        _ = PlanExporter(conversation: session.conversation, info: plan.info).render(.text)
    }

    /// `v1` with `edit` applied to its text, as a dialogue author might change it.
    static func v1(_ edit: (String) -> String) throws -> Script {
        let text = try String(contentsOfFile: TestData.v1Folder + "/store-test.yaml", encoding: .utf8)
        let changed = edit(text)
        #expect(changed != text, "the edit changed something")
        return try #require(ScriptLoader.load(text: changed, file: "store-test.yaml").script)
    }

    /// A plan of `v1` with the first `answers` lines of the full plan given, reopened from the store.
    func plan(answering answers: Int) async throws -> StoredPlan {
        let store = try PlanStore.inMemory()
        var session = try await TestData.begin(store)
        try await TestData.play(Array(TestData.fullPlan.prefix(answers)), into: &session, store: store)
        return try await store.open(id: session.plan!.id!)
    }

    static let notice = Event.notice("The questions in this plan have been updated since you last used it. Your answers are kept. If a question has changed, I will ask it again.")

    @Test("a change the person cannot meet brings no notice; one they meet does")
    func theNoticeOnlyForChangesMet() async throws {
        let finished = try await plan(answering: TestData.fullPlan.count)
        let halfway = try await plan(answering: 3)   // stopped at `helps`, in part 2
        let cases: [(what: String, plan: StoredPlan, script: Script, met: Bool)] = [
            ("new words for a question already answered", finished,
             try Self.v1 { $0.replacingOccurrences(of: "How are you feeling today?", with: "How do you feel today?") }, false),
            ("a new choice at a question already answered", finished,
             try Self.v1 { $0.replacingOccurrences(of: "          evening: In the evening\n", with: "          evening: In the evening\n          night: At night\n") }, false),
            ("a new question after where an unfinished plan stopped", halfway,
             try Self.v1 { $0 + "      - id: extra\n        ask: Anything else?\n        answer: text\n" }, false),
            ("new words for the question it stopped at", halfway,
             try Self.v1 { $0.replacingOccurrences(of: "What helps you feel better?", with: "What helps you to feel better?") }, false),
            ("a new question at the end of a finished plan", finished,
             try Self.v1 { $0 + "      - id: extra\n        ask: Anything else?\n        answer: text\n" }, true),
            ("a new question before where it stopped", halfway,
             try Self.v1 { $0.replacingOccurrences(of: "      - id: mood\n", with: "      - id: pronouns\n        ask: Which pronouns do you use?\n        answer: text\n      - id: mood\n") }, true),
            ("an answered question taken out", finished,
             try Self.v1 { $0.replacingOccurrences(of: "      - id: sleep-hours\n        ask: How many hours do you sleep most nights?\n        answer: number\n        range: [0, 24]\n", with: "") }, true),
            ("the choice that was picked taken out", finished,
             try Self.v1 { $0.replacingOccurrences(of: "          morning: In the morning\n", with: "") }, true),
            ("another kind of answer at an answered question (v2)", finished, TestData.v2, true),
        ]
        for c in cases {
            #expect(c.plan.progress.contentHash != c.script.contentHash, "\(c.what): the dialogue changed")
            #expect(c.plan.dialogueChanged(c.script) == c.met, "\(c.what)")
            let opening = c.plan.session(c.script, support: TestData.support, today: TestData.today).resume(dialogueChanged: c.plan.dialogueChanged(c.script))
            #expect(opening.contains(Self.notice) == c.met, "\(c.what)")
        }
        #expect(!finished.dialogueChanged(TestData.v1), "the same dialogue")
    }
}
