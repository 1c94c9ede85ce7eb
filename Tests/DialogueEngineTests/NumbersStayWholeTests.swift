import Testing

@testable import DialogueEngine

/// A phone number is never broken across two lines, whatever a service calls its contacts and
/// however narrow the screen: "0800 068" on one line and "4141" on the next reads as two numbers,
/// on a printed plan and on a small screen alike.
@Suite struct NumbersStayWholeTests {
    typealias T = TestSupport

    /// A support file whose contact has a name of `length` letters (in short words), so that for
    /// some length its number reaches the end of a line.
    static func support(nameLength length: Int) -> SupportDirectory {
        let name = String(String(repeating: "Our local line ", count: 10).prefix(length)).trimmingCharacters(in: .whitespaces)
        return SupportDirectory(title: "Support you can reach now", intro: "Tandem cannot send help.", areas: [
            .init(id: "here", title: "Here", contacts: [
                .init(name: name, reach: "Call 0800 068 4141, or 116 123", note: "Day or night."),
            ]),
        ])
    }

    static func whole(_ lines: [String]) -> Bool {
        lines.contains { $0.contains("0800 068 4141") } && lines.contains { $0.contains("116 123") }
    }

    @Test func inAnExportedPlan() throws {
        let conversation = try T.conversation("""
            - id: helps
              ask: What helps?
              answer: text
            """)
        for length in 1...70 {
            let text = PlanExporter(conversation: conversation, support: Self.support(nameLength: length)).render(.text)
            #expect(Self.whole(text.split(separator: "\n").map(String.init)), "a name of \(length) letters:\n\(text)")
        }
    }

    @Test func onTheScreenAtAnyWidth() {
        for width in [30, 40, 50, 60, 72, 80] {
            for length in 1...70 {
                let lines = TextRenderer(width: width).support(Self.support(nameLength: length))
                #expect(Self.whole(lines), "width \(width), a name of \(length) letters: \(lines)")
            }
        }
    }
}
