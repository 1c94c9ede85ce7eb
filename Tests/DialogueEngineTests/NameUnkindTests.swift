import Testing

@testable import DialogueEngine

/// "my name is sam but everyone calls me fat" greeted "Hello fat.": the last "calls me" was taken
/// as the name they go by. Being called names is not a name: their name is Sam. A line with only
/// what they are called unkindly keeps no name, and the question is asked again, kindly.
@Suite struct NameUnkindTests {
    @Test(arguments: [
        ("my name is sam but everyone calls me fat", "sam"), ("sam but people call me names", "sam"),
        ("Sam. People at school call me names.", "Sam"), ("sam everyone at school calls me fatty", "sam"),
        ("my names sam and people call me names", "sam"), ("sam, they used to call me fatty", "sam"),
        ("my brother calls me stupid but my name is jo", "jo"), ("everyone calls me fat but my name is Sam", "Sam"),
        ("i get called fat but my name is jo", "jo"), ("Hi, my name is sam but everyone calls me fat", "sam"),
        ("my name is Sandra but people call me Sandy and I hate it", "Sandra"),
        ("they call me fat and the kids call me stupid, call me Jo", "Jo"), ("sam but call me stupid lol", "sam"),
        ("my name is sam my brother calls me a fat pig", "sam"), ("jo and people call me all sorts", "jo"),
    ])
    func theirNameIsKept(_ typed: String, _ name: String) {
        #expect(NameAnswer.read(typed) == .name(name), "\(typed)")
    }

    @Test(arguments: [
        ("everyone calls me fat", true), ("they call me names", true), ("people call me Sandy but I hate it", true),
        ("i get called names", true), ("my mum calls me stupid", true), ("they call me fat and ugly", true),
        ("the kids call me a freak", true), ("just call me stupid", false), ("im fat", false), ("fat", false),
    ])
    func noNameInIt(_ typed: String, _ told: Bool) {
        #expect(NameAnswer.read(typed) == .unkind(told: told), "\(typed)")
    }

    /// The name they go by, and names that hold such a word, are still names.
    @Test(arguments: [
        ("my name is sandra but everyone calls me sand", "sand"), ("people call me Mad Max", "Mad Max"), ("call me Big Dave", "Big Dave"),
        ("Sue, but don't call me Susan", "Sue"), ("my friends call me Sandy but my name is Sandra", "Sandy"),
    ])
    func namesStayNames(_ typed: String, _ name: String) {
        #expect(NameAnswer.read(typed) == .name(name), "\(typed)")
    }

    /// Enter on an empty line, at a name being changed, keeps it (it was taken as no name at all).
    @Test func anEmptyLineIsNotUnkind() {
        #expect(NameAnswer.read("") == .name(""))
    }

    @Test func theGreetingIsTheirName() throws {
        var s = Session(conversation: Conversation(script: try TestSupport.script(NameAnswerTests.steps), today: TestSupport.today), support: .fallback)
        _ = s.start()
        let events = s.take("my name is sam but everyone calls me fat")
        #expect(events.said.contains("Hello sam."), "\(events)")
        #expect(s.conversation.state.answers["name"] == .text("sam"))
    }

    @Test func onlyAnUnkindNameIsAskedAgainKindly() throws {
        var s = Session(conversation: Conversation(script: try TestSupport.script(NameAnswerTests.steps), today: TestSupport.today), support: .fallback)
        _ = s.start()
        let events = s.take("everyone calls me fat")
        #expect(events.notices == [Session.calledUnkindly], "\(events)")
        #expect(events.askedSteps == ["name"], "asked again: \(events)")
        #expect(s.conversation.state.answers["name"] == nil)
        #expect(s.take("im stupid").notices == [Session.unkindName])
        #expect(s.take("Sam").said.contains("Hello Sam."))
    }
}
