extension DistressPattern {
    /// A choice of single words (`(tablets|pills|meds)`), or one word: read in one step.
    struct WordSet: Sendable {
        let members: [Literal]

        init(_ members: [Literal]) { self.members = members }

        var firstBytes: [UInt8] { Array(Set(members.map { $0.bytes[0] })) }
    }
}
