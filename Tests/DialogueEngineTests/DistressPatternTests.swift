import Testing

@testable import DialogueEngine

/// The pattern language of check-in.yaml, on small rules.
@Suite struct DistressPatternTests {
    func matcher(_ signals: [String], words: [DistressMatcher.Rules.Group] = [], harmless: [String] = []) -> DistressMatcher {
        DistressMatcher(rules: .init(words: words, signals: signals, harmless: harmless))
    }

    @Test func wordsChoicesGapsAndEnds() {
        let m = matcher(["want to (die|be dead)", "end it [all]", "pills ... hidden", "overdos*", "jump $"])
        #expect(m.match("I want to die") != nil)
        #expect(m.match("want to be dead") != nil)
        #expect(m.match("want to live") == nil)
        #expect(m.match("I will end it") != nil)
        #expect(m.match("the pills are all hidden") != nil)
        #expect(m.match("I found the pills. They are all hidden") == nil, "not across sentences")
        #expect(m.match("overdosing") != nil)
        #expect(m.match("I am going to jump") != nil)
        #expect(m.match("I am going to jump in the pool") == nil)
    }

    @Test func spellingThatPeopleType() {
        let m = matcher(["kill myself", "self harm", "suicidal"])
        for line in ["killmyself", "kil my self", "KILL MYSELF!!!", "selfharm", "self-harm", "sucidal", "suicidl", "k1ll myself", "kill myslef"] {
            #expect(m.match(line) != nil, "\(line)")
        }
        for line in ["skill myself", "kill my selfie", "self harmony"] {
            #expect(m.match(line) == nil, "\(line)")
        }
    }

    @Test func anotherFormOfAWordIsNotAMisspelling() {
        #expect(matcher(["want"]).match("wants") == nil)
        #expect(matcher(["overdose"]).match("overdoses") == nil)
        #expect(matcher(["overdosed"]).match("overdoses") == nil)
    }

    @Test func wordGroupsAndHarmlessLines() {
        let m = matcher(["<hurt> myself"], words: [.init(name: "hurt", items: ["hurt", "hurting", "harm"])], harmless: ["<hurt> myself (playing|shaving)"])
        #expect(m.match("I keep hurting myself") != nil)
        #expect(m.match("I hurt myself playing football") == nil)
        #expect(m.match("I hurt myself playing football and I harm myself at night") != nil)
    }

    @Test("patterns that cannot be used say where and why", arguments: [
        ("", 0, "empty"), ("(die", 0, "not closed"), ("die)", 3, "nothing to close"), ("... die", 0, "begin"), ("die ...", 0, "end"),
        ("<nope> die", 0, "no word group"), ("ki* me", 0, "too short"), ("(a|) b", 3, "empty choice"), ("[a] [b]", 0, "no words"),
        ("die?", 3, "can only follow"), ("!!!", 0, "no letters"),
    ])
    func problems(_ source: String, _ offset: Int, _ words: String) {
        do {
            _ = try DistressPattern(source, groups: [:])
            Issue.record("\(source) should not compile")
        } catch {
            #expect(error.offset == offset, "\(source): \(error.message)")
            #expect(error.message.contains(words), "\(source): \(error.message)")
        }
    }
}
