/// "dont work", "i'm retired", "i don't study" to "How are things with work or study?" (whose hint
/// says /skip leaves it): the question is not theirs. They were told only "Please type a whole number
/// from 1 to 10."
extension AnswerParser {
    /// A short line with no figure in it that says the question's thing is not in their life.
    /// Asked only of an answer that was not taken, so other answers pay nothing.
    static func saysNotMine(_ input: String) -> Bool {
        // "dont work, gave up my job to care for him": a reason may follow (up to a short sentence).
        guard input.utf8.count <= 120, !input.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        let words = Self.words(input)
        guard words.count <= 20 else { return false }
        return notMineStarts.contains { words.starts(with: $0) }
    }

    static let notMineStarts: [[String]] = [
        ["i", "dont"], ["i", "don't"], ["dont"], ["don't"], ["i", "do", "not"], ["not", "working"], ["not", "in", "work"],
        ["im", "not"], ["i'm", "not"], ["i", "am", "not"], ["im", "retired"], ["i'm", "retired"], ["i", "am", "retired"], ["retired"],
        ["unemployed"], ["im", "unemployed"], ["i'm", "unemployed"], ["no", "job"], ["havent", "got"], ["haven't", "got"],
        ["i", "havent", "got"], ["i", "haven't", "got"], ["i", "have", "no"], ["i", "dont", "have"], ["on", "benefits"], ["off", "sick"],
        ["im", "off", "sick"], ["i'm", "off", "sick"],
        ["gave", "up", "work"], ["gave", "up", "my", "job"], ["i", "gave", "up", "work"], ["i", "gave", "up", "my", "job"],
        ["left", "my", "job"], ["i", "left", "my", "job"], ["stopped", "working"], ["i", "stopped", "working"],
        ["cant", "work"], ["can't", "work"], ["i", "cant", "work"], ["i", "can't", "work"], ["full", "time", "carer"], ["im", "a", "full", "time", "carer"],
    ]
}
