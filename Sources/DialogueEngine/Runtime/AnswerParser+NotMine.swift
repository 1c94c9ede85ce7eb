/// "dont work", "i'm retired", "i don't study" to "How are things with work or study?" (whose hint
/// says /skip leaves it): the question is not theirs. They were told only "Please type a whole number
/// from 1 to 10."
extension AnswerParser {
    /// A short line with no figure in it that says the question's thing is not in their life.
    /// Asked only of an answer that was not taken, so other answers pay nothing.
    static func saysNotMine(_ input: String) -> Bool {
        guard input.utf8.count <= 48, !input.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        let words = Self.words(input)
        guard words.count <= 8 else { return false }
        return notMineStarts.contains { words.starts(with: $0) }
    }

    static let notMineStarts: [[String]] = [
        ["i", "dont"], ["i", "don't"], ["dont"], ["don't"], ["i", "do", "not"], ["not", "working"], ["not", "in", "work"],
        ["im", "not"], ["i'm", "not"], ["i", "am", "not"], ["im", "retired"], ["i'm", "retired"], ["i", "am", "retired"], ["retired"],
        ["unemployed"], ["im", "unemployed"], ["i'm", "unemployed"], ["no", "job"], ["havent", "got"], ["haven't", "got"],
        ["i", "havent", "got"], ["i", "haven't", "got"], ["i", "have", "no"], ["i", "dont", "have"], ["on", "benefits"], ["off", "sick"],
        ["im", "off", "sick"], ["i'm", "off", "sick"],
    ]
}
