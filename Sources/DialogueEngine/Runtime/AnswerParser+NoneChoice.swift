/// "none yet", "not yet", "no thanks", "nothing for now" at a question with a "None for now" choice:
/// that choice. (They were told "I could not find "none yet" in the list.")
extension AnswerParser {
    /// The choice that says none ("None for now", "Nothing yet"), when the words typed say none of
    /// them and nothing else. Asked only when nothing else matched, so other answers pay nothing.
    static func noneChoice(_ input: String, _ options: [Option]) -> Option? {
        // A cheap test first: a line that says none is short.
        guard input.utf8.count <= 32 else { return nil }
        guard let none = options.first(where: { $0.key == "none" || noneLabelWords.contains(words($0.label).first ?? "") }) else { return nil }
        var said = words(input)
        while let last = said.last, said.count > 1, noneTails.contains(last) { said.removeLast() }
        return saysNone.contains(said) ? none : nil
    }

    static let noneLabelWords: Set<String> = ["none", "nothing", "neither"]

    /// Words after "none" that change nothing: "none thanks", "not yet tbh".
    static let noneTails: Set<String> = ["thanks", "thank", "you", "thx", "ty", "ta", "please", "tbh", "really", "atm", "sorry"]

    static let saysNone: Set<[String]> = [
        ["none"], ["nothing"], ["no"], ["nope"], ["nah"], ["none", "yet"], ["nothing", "yet"], ["not", "yet"], ["none", "for", "now"],
        ["nothing", "for", "now"], ["not", "for", "now"], ["not", "now"], ["not", "right", "now"], ["none", "right", "now"],
        ["not", "at", "the", "moment"], ["none", "at", "the", "moment"], ["nothing", "at", "the", "moment"], ["none", "of", "them"],
        ["none", "of", "these"], ["none", "of", "those"], ["not", "any"], ["not", "any", "of", "them"], ["not", "interested"],
        ["not", "really"], ["not", "today"], ["no", "none"], ["none", "at", "all"], ["not", "any", "yet"], ["not", "started", "yet"],
        ["no", "not", "yet"], ["no", "not", "now"], ["maybe", "later"], ["later"], ["another", "time"], ["not", "this", "time"],
    ]
}
