import Testing

@testable import DialogueEngine

/// "What would you like me to call you?": "call me sue" was kept whole ("Hello call me sue.",
/// "A plan for: call me sue"), and "no" or "rather not say" were kept as a name ("Hello no.").
@Suite struct NameAnswerTests {
    @Test(arguments: [
        ("call me sue", "sue"), ("Call me Sue.", "Sue"), ("im Sue", "Sue"), ("I'm Sue", "Sue"), ("I\u{2019}m Sue", "Sue"),
        ("it's Jo please", "Jo"), ("my name is Mary-Jane", "Mary-Jane"), ("you can call me Big Dave", "Big Dave"),
        ("just Sam", "Sam"), ("Sam thanks", "Sam"), ("Sue", "Sue"), ("Sue 🙂", "Sue 🙂"), ("Justin", "Justin"),
        ("Jo Anne", "Jo Anne"), ("call me", "call me"), ("Im", "Im"),
    ])
    func theNameInTheirWords(_ typed: String, _ name: String) {
        #expect(NameAnswer.read(typed) == .name(name), "\(typed)")
    }

    /// "call me sandra pls" was "Hello sandra pls.", and "sandra x" (a kiss) "Hello sandra x.".
    @Test(arguments: [
        ("call me sandra pls", "sandra"), ("sandra x", "sandra"), ("its sandra xx", "sandra"), ("Sandra cheers", "Sandra"),
        ("call me sandra x", "sandra"), ("Malcolm X", "Malcolm X"), ("x", "x"), ("sandra pls x", "sandra"),
    ])
    func aKissAndPlsAreNotTheName(_ typed: String, _ name: String) {
        #expect(NameAnswer.read(typed) == .name(name), "\(typed)")
    }

    /// "my name is sandra but everyone calls me sand" greeted the whole line, and "Sue, Tom's mum"
    /// headed the plan "A plan for: Sue Tom's mum".
    @Test(arguments: [
        ("my name is sandra but everyone calls me sand", "sand"), ("Sandra, but call me Sandy", "Sandy"),
        ("my friends call me Sandy but my name is Sandra", "Sandy"), ("Its Sandra but I go by Sandy", "Sandy"),
        ("Sue, but don't call me Susan", "Sue"), ("Hi, I'm Sue", "Sue"), ("hello! call me sue", "sue"), ("hiya im jo x", "jo"),
        ("Sue and I look after my son", "Sue"), ("Sue, Tom's mum", "Sue"), ("I'm Sue. I care for my mum", "Sue"),
        ("It's Sue, thanks", "Sue"), ("I'm known as Bob", "Bob"), ("people call me Jo", "Jo"), ("I'd like to be called Sam", "Sam"),
        ("Dr. Patel", "Dr. Patel"), ("J. Smith", "J. Smith"), ("Sue and Bob", "Sue and Bob"), ("Mary Ann", "Mary Ann"),
        ("Sue as in Susan", "Sue"), ("call me whatever you like", nil),
    ] as [(String, String?)])
    func theNameTheyGoBy(_ typed: String, _ name: String?) {
        #expect(NameAnswer.read(typed) == (name.map { .name($0) } ?? .declined), "\(typed)")
    }

    /// "hi im linda i look after my son" greeted "Hello linda i look after my son." and headed her plan so.
    @Test(arguments: [
        ("hi im linda i look after my son", "linda"), ("Sue my son has autism", "Sue"), ("im jo i care for my dad", "jo"),
        ("Sam I'm his mum", "Sam"), ("call me Kath we live with my mum", "Kath"), ("Mary Ann", "Mary Ann"),
    ])
    func theirOwnWordsAfterTheName(_ typed: String, _ name: String) {
        #expect(NameAnswer.read(typed) == .name(name), "\(typed)")
    }

    @Test(arguments: ["no", "No thanks", "rather not say", "I'd rather not", "prefer not to say", "dunno", "not sure", "n/a", "pass", "doesn't matter"])
    func noName(_ typed: String) { #expect(NameAnswer.read(typed) == .declined, "\(typed)") }

    static let steps = "- id: name\n  ask: What would you like me to call you?\n  answer: text\n  optional: true\n- id: hello\n  say: Hello {name|there}.\n- id: more\n  ask: More?\n  answer: text\n"

    @Test func theGreetingAndThePlan() throws {
        var s = Session(conversation: Conversation(script: try TestSupport.script(Self.steps), today: TestSupport.today), support: .fallback)
        _ = s.start()
        #expect(s.take("call me Sue").said.contains("Hello Sue."))
        #expect(s.conversation.state.answers["name"] == .text("Sue"))
        var t = Session(conversation: Conversation(script: try TestSupport.script(Self.steps), today: TestSupport.today), support: .fallback)
        _ = t.start()
        #expect(t.take("rather not say").said.contains("Hello there."))
        #expect(t.conversation.state.answers["name"] == nil)
        #expect(t.conversation.state.skipped.contains("name"))
    }

    /// A name changed to "rather not say" goes, where /skip would keep it.
    @Test func aNameTakenBack() throws {
        var s = Session(conversation: Conversation(script: try TestSupport.script(Self.steps), today: TestSupport.today), support: .fallback)
        _ = s.start()
        _ = s.take("Sue")
        _ = s.take("/change 1")
        _ = s.take("rather not say")
        #expect(s.conversation.state.answers["name"] == nil)
        #expect(s.conversation.currentStep?.id == "more")
    }
}
