extension Session {
    /// What others call someone unkindly, typed as their name ("they call me fat").
    static let calledUnkindly = "I am sorry people call you that. I will not use it. Type the name you would like, or type /skip to leave this for now."
    /// An unkind word typed as their own name ("im stupid").
    static let unkindName = "I would like to call you by a name that is kind to you. Type the name you would like, or type /skip to leave this for now."

    /// What others call them that is no name ("people call me a legend", "im a carer").
    static let whichNameToUse = "Thank you for telling me. What name would you like me to use for you? Type just the name, or type /skip to leave this for now."
    /// A hello or an "ok" at the name question: no name in it yet.
    static let nameToUse = "What name would you like me to use for you? Type just the name, like Sam, or type /skip to leave this for now."
    /// A name spoken of, not typed ("call me by my middle name").
    static let whatIsThatName = "Of course. What is that name? Type it here and I will use it, or type /skip to leave this for now."

    /// A line typed at the name question (`isNameQuestion`): a name to keep, no name, or words
    /// that are not one (unkind, a kind of person, a name not typed yet, a hello), asked again kindly.
    mutating func nameTurn(_ line: String) -> [Event] {
        // Words of distress are not what to call someone: heard, not kept, and the question is
        // asked again (it would greet them and head their plan). Heard once either way. A name
        // only the weighed words heard is kept, as the network's /name keeps one: they are less
        // sure, and a real name must never be refused for good ("my name is Sue but everyone
        // calls me Suzy" was asked for again and again, the second time with no word why).
        // A hello is taken as a name only when typed straight after the one asked about.
        let helloAskedJustNow = helloAsked
        helloAsked = false
        let match = supportBox.read({ $0.distress(in: line) })
        if let match, !match.weighed { return checkIn(line, conversation.repeatQuestion(), heard: match) }
        var c = conversation
        let events: [Event]
        switch NameAnswer.read(line) {
        case .declined:
            // "no", "rather not say": no name, as /skip gives ("Hello there"), not "Hello no."
            events = commit(c.skip(clearing: true), next: c)
        case .name(let name):
            events = commit(c.answer(name), next: c)
        case .unkind(let told):
            // "everyone calls me fat": not a name to greet them with. Nothing is kept, and the
            // question is asked again, kindly.
            events = [.notice(told ? Self.calledUnkindly : Self.unkindName)] + conversation.repeatQuestion()
        case .notAName(.hello) where helloAskedJustNow:
            events = commit(c.answer(line), next: c)
        case .notAName(let kind):
            // "people call me a legend", "call me by my middle name": no name yet; ask which, warmly.
            let words: String
            switch kind {
            case .description: words = Self.whichNameToUse
            case .unsaid: words = Self.whatIsThatName
            case .hello(let greeted):
                helloAsked = true
                words = (greeted ? "Hello! " : "") + Self.nameToUse
            }
            events = [.notice(words)] + conversation.repeatQuestion()
        }
        guard let match else { return events }
        return checkIn(line, events, heard: match)
    }

    /// The open question is the person's name: a text question with the id `name` (see
    /// `PlanExporter.personName`).
    var isNameQuestion: Bool {
        guard let step = conversation.currentStep, step.id == "name", case .text? = step.question?.answer else { return false }
        return true
    }
}
