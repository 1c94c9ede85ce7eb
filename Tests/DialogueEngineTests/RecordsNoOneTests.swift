import Testing

@testable import DialogueEngine

/// "Who could step in if you could not care for a while?" answered "no one really": kept as a
/// person called "no one really", and asked "How can they be reached?". No one is no person: the
/// question is left for now, kindly; after some people, it ends the list, as "no one else" does.
@Suite struct RecordsNoOneTests {
    static let steps = """
        - id: people
          ask: Who could step in?
          answer: records
          fields:
            - {id: who, ask: What is their name?, answer: text}
            - {id: how, ask: How can they be reached?, answer: text}
        - id: more
          ask: More?
          answer: text

        """

    @Test(arguments: ["no one really", "nobody", "No one.", "no-one tbh", "not anyone", "i have no one", "none", "noone atm", "there isn't anyone"])
    func noOneIsNoPerson(_ typed: String) throws {
        var c = try TestSupport.conversation(Self.steps)
        let events = c.answer(typed).events
        #expect(c.currentID == "more", "\(typed)")
        #expect(events.notices.contains("That is OK. I have left this one for now. If someone comes to mind later, type /review, then /change and its number."), "\(typed): \(events.notices)")
        #expect(c.planAnswers["people"] == nil, "\(typed)")
    }

    @Test func afterSomeoneItEndsTheList() throws {
        var c = try TestSupport.conversation(Self.steps)
        c.type("Jo", "07700 900123", "nobody really")
        #expect(c.currentID == "more")
        #expect(c.planAnswers["people"] == .records([["who": .text("Jo"), "how": .text("07700 900123")]]))
    }

    /// A name is still a name: "Noel", "Nobby", "Tina".
    @Test(arguments: ["Noel", "Nobby", "Tina", "nan"])
    func aNameIsKept(_ typed: String) throws {
        var c = try TestSupport.conversation(Self.steps)
        _ = c.answer(typed)
        #expect(c.currentID == "people", "\(typed)")
    }
}
