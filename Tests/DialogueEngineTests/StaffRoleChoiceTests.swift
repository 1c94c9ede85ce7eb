import Testing

@testable import DialogueEngine

/// "Are you making this plan on your own, or with someone?" answered "my CPN", "with my care
/// coordinator" or "my nurse": each was told only "Please type the number of your choice, from 1
/// to 4." The staff someone works with are "With a worker I trust", and never "With a peer
/// support worker", which has the word "worker" too.
@Suite struct StaffRoleChoiceTests: ParsesAnswers {
    let parser = AnswerParser(today: TestSupport.today)
    let withWhom = AnswerSpec.pickOne(options: [
        Option(key: "alone", label: "On my own"), Option(key: "supporter", label: "With a friend or family member"),
        Option(key: "worker", label: "With a worker I trust"), Option(key: "peer", label: "With a peer support worker"),
    ])

    @Test(arguments: ["my CPN", "with my care coordinator", "my care co-ordinator", "my nurse", "my psychiatrist", "with my GP", "my therapist"])
    func staffAreAWorker(_ typed: String) {
        #expect(value(typed, withWhom) == .choice("worker"), "\(typed)")
    }

    /// What was read before is read the same.
    @Test func peersAndFamilyAsBefore() {
        #expect(value("with my support worker", withWhom) == .choice("peer"))
        #expect(value("peer worker", withWhom) == .choice("peer"))
        #expect(value("with my mum", withWhom) == .choice("supporter"))
        #expect(value("by myself", withWhom) == .choice("alone"))
    }

    /// A label with the staff word in it is still found by it.
    @Test func aLabelWithTheWord() {
        let spec = AnswerSpec.pickOne(options: [Option(key: "nurse", label: "The ward nurse"), Option(key: "worker", label: "A worker I trust")])
        #expect(value("nurse", spec) == .choice("nurse"))
    }
}

/// "option 3", "number 2", "the first one" were told "Please type the number of your choice":
/// what they had done. A choice is found by its place in the list when no label has the words.
@Suite struct ChoiceByPlaceTests: ParsesAnswers {
    let parser = AnswerParser(today: TestSupport.today)
    let options = [
        Option(key: "alone", label: "On my own"), Option(key: "supporter", label: "With a friend or family member"),
        Option(key: "worker", label: "With a worker I trust"), Option(key: "peer", label: "With a peer support worker"),
    ]

    @Test(arguments: [("option 3", "worker"), ("number 2", "supporter"), ("the first one", "alone"), ("the third", "worker"),
                      ("2nd", "supporter"), ("the last one", "peer"), ("I'll take 2", "supporter"), ("go for the second one", "supporter")])
    func byPlace(_ typed: String, _ key: String) {
        #expect(value(typed, .pickOne(options: options)) == .choice(key), "\(typed)")
    }

    @Test func inAPickManyToo() {
        #expect(value("the first and the third", .pickMany(options: options, min: nil, max: nil)) == .choices(["alone", "worker"]))
    }

    /// A place the list does not have, a "not", or a label with the word: as before.
    @Test func asBefore() {
        #expect(value("option 9", .pickOne(options: options)) == nil)
        #expect(value("not the first one", .pickOne(options: options)) == nil)
        #expect(value("no 3", .pickOne(options: options)) == nil)
        let first = [Option(key: "first", label: "My first visit"), Option(key: "again", label: "I have been before")]
        #expect(value("first", .pickOne(options: first)) == .choice("first"))
        #expect(value("the last one", .pickOne(options: first)) == .choice("again"))
    }
}
