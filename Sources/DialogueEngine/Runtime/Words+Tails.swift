extension Array where Element == String {
    /// Leaves out, again and again, any of `tails` (each a run of words) that ends the words, never
    /// all of them: "4 right now tbh" without score tails is "4", "2 weeks or so please" without
    /// date tails is "2 weeks".
    mutating func removeTrailing(_ tails: [[String]]) {
        var trimmed = true
        while trimmed, count > 1 {
            trimmed = false
            for tail in tails where tail.count < count && suffix(tail.count).elementsEqual(tail) {
                removeLast(tail.count)
                trimmed = true
                break
            }
        }
    }
}
