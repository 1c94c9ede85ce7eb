extension DistressPattern {
    /// Reads a pattern's text into its parts. Offsets in problems count characters from the start.
    struct Parser {
        enum Token: Equatable {
            case word(String, prefix: Bool)
            case open, close, openOptional, closeOptional, bar, gap, question, end
            case group(String)
        }

        let chars: [Character]
        var tokens: [(token: Token, offset: Int, length: Int)] = []
        var index = 0

        init(_ source: String) { chars = Array(source) }

        mutating func parse() throws(Problem) -> Node {
            try lex()
            guard !tokens.isEmpty else { throw Problem(offset: 0, message: "this pattern is empty", help: "write the words to look for, or take the line out") }
            let node = try alternatives()
            if index < tokens.count {
                let t = tokens[index]
                throw Problem(offset: t.offset, message: "\"\(String(chars[t.offset..<(t.offset + t.length)]))\" has nothing to close", help: "every ( needs a ) and every [ needs a ]")
            }
            return node
        }

        // MARK: Words and signs

        mutating func lex() throws(Problem) {
            var i = 0
            while i < chars.count {
                let c = chars[i]
                if Self.isSpace(c) {
                    i += 1
                    continue
                }
                switch c {
                case "(": tokens.append((.open, i, 1)); i += 1
                case ")": tokens.append((.close, i, 1)); i += 1
                case "[": tokens.append((.openOptional, i, 1)); i += 1
                case "]": tokens.append((.closeOptional, i, 1)); i += 1
                case "|": tokens.append((.bar, i, 1)); i += 1
                case "?": tokens.append((.question, i, 1)); i += 1
                case "$": tokens.append((.end, i, 1)); i += 1
                case "…": tokens.append((.gap, i, 1)); i += 1
                case "<":
                    guard let end = chars[i...].firstIndex(of: ">") else {
                        throw Problem(offset: i, message: "\"<\" starts a word group but there is no \">\"", help: "write a group as <name>")
                    }
                    let name = String(chars[(i + 1)..<end])
                    guard Identifier.isValid(name) else {
                        throw Problem(offset: i, length: end - i + 1, message: "\"<\(name)>\" is not a word group name", help: "use lower-case letters, digits, - and _, like <self>")
                    }
                    tokens.append((.group(name), i, end - i + 1))
                    i = end + 1
                case ">":
                    throw Problem(offset: i, message: "\">\" with no \"<\" before it", help: "write a group as <name>")
                default:
                    if isGap(at: i) {
                        tokens.append((.gap, i, 3))
                        i += 3
                        continue
                    }
                    let start = i
                    while i < chars.count, !Self.isSpace(chars[i]), !Self.isSign(chars[i]), !isGap(at: i) { i += 1 }
                    var text = Self.word(chars[start..<i])
                    let prefix = text.hasSuffix("*")
                    if prefix { text.removeLast() }
                    tokens.append((.word(text, prefix: prefix), start, i - start))
                }
            }
        }

        /// `Character.isWhitespace`, at a byte's cost for ASCII (every pattern is lexed at start-up:
        /// by Unicode's properties, and with a String searched for the signs, lexing cost a start
        /// about 800 million instructions).
        static func isSpace(_ c: Character) -> Bool {
            if let a = c.asciiValue { return a == 0x20 || (0x09...0x0D).contains(a) }
            return c.isWhitespace
        }

        /// A word's text: as bytes when it is ASCII (a word holds no line break, so no CRLF).
        static func word(_ chars: ArraySlice<Character>) -> String {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(chars.count)
            for c in chars {
                guard let a = c.asciiValue, a != 0x0A else { return String(chars) }
                bytes.append(a)
            }
            return String(decoding: bytes, as: UTF8.self)
        }

        /// One of `()[]|<>…?$`, the signs that end a word.
        static func isSign(_ c: Character) -> Bool {
            switch c.asciiValue {
            case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "|"), UInt8(ascii: "<"),
                 UInt8(ascii: ">"), UInt8(ascii: "?"), UInt8(ascii: "$"): true
            case nil: c == "…"
            default: false
            }
        }

        func isGap(at i: Int) -> Bool {
            i + 2 < chars.count && chars[i] == "." && chars[i + 1] == "." && chars[i + 2] == "."
        }

        // MARK: Grammar

        /// `seq ('|' seq)*`
        mutating func alternatives() throws(Problem) -> Node {
            var branches = [try sequence()]
            while index < tokens.count, tokens[index].token == .bar {
                index += 1
                branches.append(try sequence())
            }
            return branches.count == 1 ? branches[0] : .alt(branches)
        }

        mutating func sequence() throws(Problem) -> Node {
            var items: [Node] = []
            let startOffset = index < tokens.count ? tokens[index].offset : max(0, chars.count - 1)
            while index < tokens.count {
                let (token, offset, length) = tokens[index]
                switch token {
                case .bar, .close, .closeOptional:
                    guard !items.isEmpty else { throw Problem(offset: offset, message: "an empty choice", help: "write words on each side of |, or use [ ] for words that may be left out") }
                    return items.count == 1 ? items[0] : .seq(items)
                case .open, .openOptional:
                    index += 1
                    let inner = try alternatives()
                    let closer: Token = token == .open ? .close : .closeOptional
                    guard index < tokens.count, tokens[index].token == closer else {
                        throw Problem(offset: offset, message: "\"\(token == .open ? "(" : "[")\" is not closed", help: "add \"\(token == .open ? ")" : "]")\" after the words it holds")
                    }
                    index += 1
                    // `( )?` is another way to write `[ ]`.
                    if token == .open, index < tokens.count, tokens[index].token == .question {
                        index += 1
                        items.append(.opt(inner))
                    } else {
                        items.append(token == .open ? inner : .opt(inner))
                    }
                case .question:
                    throw Problem(offset: offset, message: "\"?\" can only follow \")\"", help: "write (words)? or [words] for words that may be left out")
                case .gap:
                    index += 1
                    items.append(.gap)
                case .end:
                    index += 1
                    items.append(.end)
                case .group(let name):
                    index += 1
                    items.append(.group(name, offset: offset, length: length))
                case .word(let text, let prefix):
                    index += 1
                    let words = DistressText.plainWords(text)
                    guard !words.isEmpty else {
                        throw Problem(offset: offset, length: length, message: "\"\(text)\" has no letters or digits", help: "write a word, or take this out")
                    }
                    if prefix {
                        guard words.count == 1, let word = words.first, word.count >= 4 else {
                            throw Problem(offset: offset, length: length, message: "\"\(text)*\" is too short to match the start of words", help: "a word ending in * needs at least 4 letters, so it does not match too many words")
                        }
                        items.append(.word(Literal(word, prefix: true)))
                    } else {
                        items += words.map { .word(Literal($0, prefix: false)) }
                    }
                }
            }
            guard !items.isEmpty else { throw Problem(offset: startOffset, message: "an empty choice", help: "write words on each side of |") }
            return items.count == 1 ? items[0] : .seq(items)
        }
    }
}
