import DialogueEngine
import Testing

@testable import LineServer

/// A turn is worked out on the event loop and written afterwards: nothing is shown before the
/// write, and a failed write puts the session back as it was.
@Suite("SessionBox: prepare, save, undo")
struct SessionBoxTests {
    final class Journal: DialogueEngine.Journal {
        var written: [Change] = []
        var failing = false
        struct Full: Error, CustomStringConvertible { var description: String { "disk full" } }
        var resumeCode: String? { "ABCD-EFGH-JKMN" }
        func record(_ changes: [Change]) throws {
            if failing { throw Full() }
            written += changes
        }
    }

    func box(_ journal: Journal) throws -> SessionBox {
        let script = Fixtures.library.scripts[0]   // its first question is a name (text)
        var session = Session(conversation: Conversation(script: script, today: Transcript.defaultToday), support: Fixtures.library.support, journal: journal)
        _ = session.start()
        journal.written = []
        return SessionBox(session: session)
    }

    @Test func theWriteHappensOnlyWhenSaved() throws {
        let journal = Journal()
        let box = try box(journal)
        let question = box.session.conversation.currentStep?.id
        let prepared = box.prepare("Sam")
        #expect(!prepared.changes.isEmpty)
        #expect(journal.written.isEmpty, "nothing is written while the turn is worked out")
        try box.save(prepared.changes)
        #expect(journal.written == prepared.changes)
        #expect(box.session.conversation.currentStep?.id != question)
    }

    @Test func aFailedWriteGoesBack() throws {
        let journal = Journal()
        let box = try box(journal)
        let question = box.session.conversation.currentStep?.id
        let prepared = box.prepare("Sam")
        journal.failing = true
        #expect(throws: Journal.Full.self) { try box.save(prepared.changes) }
        let shown = box.undo(prepared, Journal.Full())
        #expect(shown.first == .failure("I could not save that, so I have not moved on. Please try again. (disk full)"))
        #expect(box.session.conversation.currentStep?.id == question, "the same question, asked again")
        #expect(box.session.conversation.state.answers.isEmpty)
    }

    @Test func commandsThatChangeNothingWriteNothing() throws {
        let journal = Journal()
        let box = try box(journal)
        #expect(box.prepare("/review").changes.isEmpty)
        #expect(box.prepare("/help").changes.isEmpty)
    }
}
