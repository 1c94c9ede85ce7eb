/// For each step, the questions some path may have answered before reaching it.
///
/// Kept as one bit per question for each step (words of 64 bits, in one flat array), because a
/// set of ids per step grows as the square of the dialogue: 10,000 steps took 1.2 GB and 30 s that
/// way. Here 10,000 steps with 7,500 questions take about 9 MB and a few million word operations.
/// Jumps only go forward (a backward `go:` is its own error), so one pass in step order is enough.
struct AnswerReach {
    /// Words of 64 bits per step.
    private let width: Int
    private var bits: [UInt64]
    /// For each step, its number among the questions, or -1 for a message.
    private let question: [Int]

    init(script: Script, successors: (Int) -> [Int]) {
        var numbers: [Int] = []
        numbers.reserveCapacity(script.steps.count)
        var count = 0
        for step in script.steps {
            numbers.append(step.question == nil ? -1 : count)
            if step.question != nil { count += 1 }
        }
        question = numbers
        let width = max(1, (count + 63) / 64)
        self.width = width
        var bits = [UInt64](repeating: 0, count: width * script.steps.count)
        var out = [UInt64](repeating: 0, count: width)
        for i in script.steps.indices {
            let next = successors(i)
            if next.isEmpty { continue }
            for w in 0..<width { out[w] = bits[i * width + w] }
            if numbers[i] >= 0 { out[numbers[i] / 64] |= 1 << UInt64(numbers[i] % 64) }
            for j in next {
                for w in 0..<width { bits[j * width + w] |= out[w] }
            }
        }
        self.bits = bits
    }

    /// Whether the question at step `j` may have been answered on some path to step `i`.
    func mayBeAnswered(_ j: Int, before i: Int) -> Bool {
        let q = question[j]
        guard q >= 0 else { return false }
        return bits[i * width + q / 64] & (1 << UInt64(q % 64)) != 0
    }
}
