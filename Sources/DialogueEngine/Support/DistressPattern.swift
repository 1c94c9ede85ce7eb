/// One pattern of the check-in words (`dialogues/check-in.yaml`), compiled once at load into a small
/// program over words. The language, as authors write it:
///
/// | write | means |
/// |---|---|
/// | `kill myself` | these words, in order (each word also matches a close misspelling, see below) |
/// | `(tablets\|pills\|meds)` | one of these (each choice can be several words) |
/// | `[all]` or `(all)?` | these words, or nothing |
/// | `<self>` | any item of the word group `self` under `words:` |
/// | `overdos*` | a word that starts with this (at least 4 letters) |
/// | `...` | up to 8 other words, in the same sentence |
/// | `$` | the end of the sentence (or of the line) |
///
/// Words are read as people's lines are (see ``DistressText``), so `can't` and `self-harm` in a
/// pattern match "cant" and "self harm" in a line. A word in a pattern also matches:
/// the same word with its letters doubled or not ("kil" for "kill"); with one letter missing, added
/// or swapped, when it has 5 or more letters, or one wrong from 7 (two edits from 9 letters; only
/// two letters swapped side by side for 4 letters), keeping its first letter, but not another form
/// of it ("wants");
/// joined to the next word ("selfharm", "killmyself"); and split across two words ("my self").
struct DistressPattern: Sendable {
    /// The pattern as written.
    let source: String
    let program: [Op]
    let sets: [WordSet]
    /// Whether words also match close misspellings (not for who-words: "want" is not "wants").
    let fuzzy: Bool
    /// The first bytes a match can begin with (a match always begins at the start of a word).
    let firstBytes: [UInt8]
    /// Each choice of several branches (`(a b|c|d ...)`): where its tree of splits begins, and where
    /// each branch begins, in the order the tree tries them (see ``DistressCode/Choice``).
    let choices: [Choice]

    struct Choice: Sendable, Equatable {
        var root: Int
        var branches: [Int]
    }

    enum Op: Sendable, Equatable {
        /// One word of a ``WordSet``.
        case words(Int)
        /// Up to ``DistressPattern/maxGap`` words of anything, in the same sentence.
        case gap
        /// The end of the sentence.
        case end
        case split(Int, Int)
        case jump(Int)
        case done
    }

    /// A word of a pattern, as bytes to compare. Misspellings are told from other forms of a word
    /// (see ``DistressCode``).
    struct Literal: Sendable, Hashable {
        var bytes: [UInt8]
        var squeezed: [UInt8]
        /// Written with `*`: any word that starts with `bytes`.
        var prefix: Bool
        /// How many letters may be wrong (0, 1 or 2).
        var fuzz: Int

        init(_ bytes: [UInt8], prefix: Bool) {
            self.bytes = bytes
            self.squeezed = DistressText.squeeze(bytes)
            self.prefix = prefix
            let letters = bytes.allSatisfy { $0 >= 0x61 && $0 <= 0x7A }
            // 4 letters: only two letters swapped ("hram", "wnat"); see DistressCode.near.
            self.fuzz = !letters ? 0 : bytes.count >= 9 ? 2 : bytes.count >= 4 ? 1 : 0
        }
    }

    /// The most words `...` stands for.
    static let maxGap = 8

    /// A pattern that cannot be used: where in its text (in characters), and why.
    struct Problem: Error, Sendable, Equatable {
        var offset: Int
        var length: Int = 1
        var message: String
        var help: String?
    }

    indirect enum Node: Sendable {
        case word(Literal)
        case seq([Node])
        case alt([Node])
        case opt(Node)
        case gap
        case end
        case group(String, offset: Int, length: Int)
        /// A compiled ``WordSet`` (made while compiling, never parsed).
        case set(Int)
    }

    // MARK: Compiling

    /// Compiles a pattern; `groups` are the parsed word groups it may name.
    init(_ source: String, groups: [String: Node], fuzzy: Bool = true) throws(Problem) {
        var parser = Parser(source)
        let node = try parser.parse()
        var builder = Builder(groups: groups)
        try builder.emit(node, stack: [])
        builder.ops.append(.done)
        self.source = source
        self.program = builder.ops
        self.sets = builder.sets
        self.fuzzy = fuzzy
        self.choices = builder.choices
        self.firstBytes = try Self.firstBytes(builder.ops, builder.sets)
        try Self.checkGapAtEnd(builder.ops)
    }

    /// Parses a pattern without compiling it (word groups are parsed before the patterns that use them).
    static func parse(_ source: String) throws(Problem) -> Node {
        var parser = Parser(source)
        return try parser.parse()
    }

    /// Every word a match can begin with, by first byte; refuses a pattern that can begin with
    /// nothing or with `...` (it would match far too much).
    static func firstBytes(_ ops: [Op], _ sets: [WordSet]) throws(Problem) -> [UInt8] {
        var bytes = Set<UInt8>()
        for pc in closure(ops, from: 0) {
            switch ops[pc] {
            case .words(let i): bytes.formUnion(sets[i].firstBytes)
            case .gap: throw Problem(offset: 0, message: "a pattern cannot begin with \"...\"", help: "begin with a word")
            case .done, .end: throw Problem(offset: 0, message: "this pattern can match no words at all", help: "begin with a word that is not inside [ ]")
            default: break
            }
        }
        return bytes.sorted()
    }

    static func checkGapAtEnd(_ ops: [Op]) throws(Problem) {
        for (pc, op) in ops.enumerated() where op == .gap {
            if closure(ops, from: pc + 1).contains(where: { ops[$0] == .done }) {
                throw Problem(offset: 0, message: "a pattern cannot end with \"...\"", help: "end with a word")
            }
        }
    }

    /// The ops reached from `pc` without reading a word.
    static func closure(_ ops: [Op], from pc: Int) -> [Int] {
        var seen = Set<Int>(), stack = [pc], out: [Int] = []
        while let p = stack.popLast() {
            guard p < ops.count, seen.insert(p).inserted else { continue }
            switch ops[p] {
            case .split(let a, let b): stack += [b, a]
            case .jump(let t): stack.append(t)
            default: out.append(p)
            }
        }
        return out
    }

    struct Builder {
        let groups: [String: Node]
        var ops: [Op] = []
        var sets: [WordSet] = []
        var choices: [Choice] = []

        mutating func emit(_ node: Node, stack: [String]) throws(Problem) {
            switch node {
            case .word(let literal):
                sets.append(WordSet([literal]))
                ops.append(.words(sets.count - 1))
            case .seq(let items):
                for item in items { try emit(item, stack: stack) }
            case .alt(let choices):
                // Single words among the choices (groups opened up) are read as one set; the rest
                // (several words, `...`, brackets) are tried one by one.
                var singles: [Literal] = []
                var branches: [Node] = []
                try collect(choices, stack: stack, singles: &singles, others: &branches)
                if !singles.isEmpty {
                    sets.append(WordSet(singles))
                    branches.insert(.set(sets.count - 1), at: 0)
                }
                // A balanced tree of choices, sorted by first letter, so that the branches that
                // cannot begin with the next letter are passed over in a few steps.
                let sorted = branches.map { (node: $0, first: firstByte($0, stack: stack)) }.sorted { $0.first < $1.first }.map(\.node)
                let root = ops.count
                var starts: [Int] = []
                try emitChoices(sorted[...], stack: stack, starts: &starts)
                if starts.count > 1 { self.choices.append(Choice(root: root, branches: starts)) }
            case .opt(let inner):
                let split = ops.count
                ops.append(.split(split + 1, -1))
                try emit(inner, stack: stack)
                ops[split] = .split(split + 1, ops.count)
            case .gap:
                ops.append(.gap)
            case .end:
                ops.append(.end)
            case .set(let index):
                ops.append(.words(index))
            case .group(let name, let offset, let length):
                guard let group = groups[name] else {
                    let hint = Suggest.closest(to: name, in: groups.keys).map { "did you mean <\($0)>?" } ?? "add it under words:, or check its spelling"
                    throw Problem(offset: offset, length: length, message: "there is no word group called <\(name)>", help: hint)
                }
                guard !stack.contains(name) else {
                    throw Problem(offset: offset, length: length, message: "the word group <\(name)> uses itself", help: "a group cannot name itself, even through another group")
                }
                try emit(group, stack: stack + [name])
            }
        }

        mutating func emitChoices(_ branches: ArraySlice<Node>, stack: [String], starts: inout [Int]) throws(Problem) {
            guard branches.count > 1 else {
                if let only = branches.first {
                    starts.append(ops.count)
                    try emit(only, stack: stack)
                }
                return
            }
            let middle = branches.startIndex + branches.count / 2
            let split = ops.count
            ops.append(.split(split + 1, -1))
            try emitChoices(branches[..<middle], stack: stack, starts: &starts)
            let jump = ops.count
            ops.append(.jump(-1))
            ops[split] = .split(split + 1, ops.count)
            try emitChoices(branches[middle...], stack: stack, starts: &starts)
            ops[jump] = .jump(ops.count)
        }

        /// The first byte a branch can begin with, to sort choices by (the smallest when several).
        func firstByte(_ node: Node, stack: [String]) -> Int {
            switch node {
            case .word(let literal): return Int(literal.bytes[0])
            case .set(let i): return Int(sets[i].members.lazy.map { $0.bytes[0] }.min() ?? 0)  // (a key path with a subscript was built on every call)
            case .seq(let items): return items.first.map { firstByte($0, stack: stack) } ?? 0
            case .alt(let choices): return choices.map { firstByte($0, stack: stack) }.min() ?? 0
            case .opt, .gap, .end: return 0
            case .group(let name, _, _):
                guard let group = groups[name], !stack.contains(name) else { return 0 }
                return firstByte(group, stack: stack + [name])
            }
        }

        /// Sorts choices into single words and the rest, opening up groups and nested choices.
        func collect(_ choices: [Node], stack: [String], singles: inout [Literal], others: inout [Node]) throws(Problem) {
            for choice in choices {
                switch choice {
                case .word(let literal):
                    singles.append(literal)
                case .alt(let inner):
                    try collect(inner, stack: stack, singles: &singles, others: &others)
                case .group(let name, _, _):
                    guard let group = groups[name], !stack.contains(name) else {
                        // Unknown, or naming itself: emit() says so.
                        others.append(choice)
                        continue
                    }
                    try collect([group], stack: stack + [name], singles: &singles, others: &others)
                default:
                    others.append(choice)
                }
            }
        }
    }
}
