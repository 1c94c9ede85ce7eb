import DialogueEngine
import Foundation
import Testing
@testable import PlanStore

/// The journal's rows are written directly for the usual changes; they must read back exactly as
/// `JSONEncoder`'s did, so old and new rows mix in one store.
@Suite("Writing a change down")
struct ChangeCodingTests {
    static let texts = [
        "Walks by the river", "", "quotes \" and \\ back", "tab\tnew\nline\r", "slash / and <b>", "café, naïve, 😀",
        "\u{202E}reversed\u{202C}", "\u{0}\u{1F}\u{7F}\u{85}", "line\u{2028}sep", "emoji 👩🏽‍🦰 joined",
    ]
    static let numbers: [Double] = [0, 3, -2, 2.5, -0.125, 1e-7, 123_456.789, 999_999_999_999_999, 1e15, 1e20, 0.1 + 0.2, .leastNonzeroMagnitude, -.greatestFiniteMagnitude]

    static var changes: [Change] {
        var all: [Change] = [.skipped(step: "sleep"), .cleared(step: "who-helps")]
        for t in texts {
            all += [.answered(step: "q", value: .text(t)), .answered(step: t, value: .choice(t)), .skipped(step: t), .cleared(step: t)]
        }
        all += [
            .answered(step: "list", value: .list(texts)), .answered(step: "list", value: .list([])),
            .answered(step: "many", value: .choices(["walk", "music"])), .answered(step: "many", value: .choices([])),
            .answered(step: "yes", value: .bool(true)), .answered(step: "no", value: .bool(false)),
            .draft(step: "d", value: nil), .draft(step: "d", value: Draft()), .draft(step: "d", value: Draft(items: texts)),
            .draft(step: "d", value: Draft(items: ["a"], partial: ["f": .date(SimpleDate(year: 2027, month: 1, day: 1)!)], fieldIndex: 1)),
            .draft(step: "r", value: Draft(records: [["name": .text("Sam"), "phone": .text("0123"), "ok": .bool(true)], [:]], partial: ["when": .choice("often"), "z": .number(2.5)], fieldIndex: 2)),
        ]
        all += numbers.map { .answered(step: "n", value: .number($0)) }
        all += [SimpleDate(year: 2027, month: 2, day: 3)!, SimpleDate(year: 999, month: 12, day: 31)!].map { .answered(step: "d", value: .date($0)) }
        all += [.answered(step: "r", value: .records([["name": .text("Sam"), "when": .date(SimpleDate(year: 2027, month: 1, day: 1)!)], [:]])), .answered(step: "r", value: .records([]))]
        return all
    }

    @Test("every change of a plain kind reads back the same")
    func roundTrip() throws {
        for change in Self.changes {
            #expect(ChangeCoding.direct(change) != nil, "\(change) is written directly")
            let row = try ChangeCoding.encode(change)
            #expect(try ChangeCoding.decode(row, path: "test") == change, "\(row)")
        }
    }

    @Test("plain text is written byte for byte as JSONEncoder writes it")
    func sameBytes() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let plain: [Change] = [
            .answered(step: "q", value: .text("Walks by the river, with my sister")), .answered(step: "c", value: .choice("often")),
            .answered(step: "l", value: .list(["one", "two"])), .answered(step: "m", value: .choices(["a", "b"])),
            .answered(step: "b", value: .bool(true)), .answered(step: "n", value: .number(7)), .answered(step: "x", value: .number(2.5)),
            .answered(step: "d", value: .date(SimpleDate(year: 2027, month: 2, day: 3)!)),
            .answered(step: "r", value: .records([["name": .text("Sam"), "phone": .text("0123")]])),
            .skipped(step: "s"), .cleared(step: "c"), .draft(step: "d", value: nil), .draft(step: "d", value: Draft(items: ["walks", "tea"])),
            .draft(step: "r", value: Draft(records: [["name": .text("Sam"), "phone": .text("0123")]], partial: ["b": .choice("x"), "a": .number(1)], fieldIndex: 1)),
        ]
        for change in plain {
            #expect(try ChangeCoding.encode(change) == String(decoding: try encoder.encode(change), as: UTF8.self))
        }
    }

    @Test("a group's answers (views) still go through JSONEncoder, and read back")
    func others() throws {
        let others: [Change] = [
            .answered(step: "v", value: .views([AnswerValue.View(name: "Asha", value: .text("yes"))])),
        ]
        for change in others {
            #expect(ChangeCoding.direct(change) == nil)
            #expect(try ChangeCoding.decode(try ChangeCoding.encode(change), path: "test") == change)
        }
    }

    @Test("a held answer (a group's own answer to an open everyone question) is kept and read back, and is never one of the plan's answers")
    func heldAnswers() async throws {
        let held: [Change] = [
            .held(step: "helps", name: "Asha", seat: "KQ7-4MT", host: false, value: .text("A walk")),
            .held(step: "helps", name: "Sam", seat: nil, host: true, value: nil),
        ]
        // Read back with the seat code as the store keeps it, a hash (`SeatHashTests`).
        for change in held {
            #expect(try ChangeCoding.decode(try ChangeCoding.encode(change), path: "test") == SeatHash.kept(change))
        }
        let folder = try TempFolder()
        let store = try PlanStore(path: folder.file("plans.sqlite"), options: TestData.options())
        let session = try await TestData.begin(store)
        let id = try #require(session.plan?.id)
        try await store.append(held, to: id, progress: PlanProgress(session.conversation))
        let again = try await PlanStore(path: folder.file("plans.sqlite"), options: TestData.options()).open(id: id)
        #expect(again.changes.suffix(2) == held.map(SeatHash.kept))
        let replayed = again.conversation(TestData.v1, today: TestData.today)
        #expect(replayed.state.answers.isEmpty)
        #expect(replayed.state.held.map(\.name) == ["Asha", "Sam"])
        #expect(!PlanExporter(conversation: replayed).text().contains("A walk"))
    }
}
