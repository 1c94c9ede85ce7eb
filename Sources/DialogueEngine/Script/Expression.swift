/// A condition in `when:` or `if:`, parsed.
public indirect enum Expression: Sendable, Equatable {
    case number(Double)
    case string(String)
    case bool(Bool)
    /// A step id, or `role`. `offset` is the character offset in the source text.
    case name(String, offset: Int)
    case answered(String, offset: Int)
    case count(String, offset: Int)
    case not(Expression)
    case and(Expression, Expression)
    case or(Expression, Expression)
    case compare(Comparison, Expression, Expression, offset: Int)
    /// `"x" in step`
    case contains(Expression, Expression, offset: Int)

    public enum Comparison: String, Sendable, Equatable {
        case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    }

    /// Every step id the expression reads, with offsets.
    public var names: [(String, Int)] {
        switch self {
        case .number, .string, .bool: []
        case .name(let n, let o), .answered(let n, let o), .count(let n, let o): [(n, o)]
        case .not(let e): e.names
        case .and(let a, let b), .or(let a, let b): a.names + b.names
        case .compare(_, let a, let b, _), .contains(let a, let b, _): a.names + b.names
        }
    }
}

/// A syntax error in an expression, at a character offset.
public struct ExpressionSyntaxError: Error, Equatable {
    public var message: String
    public var offset: Int
}

extension Expression {
    /// Parses `==  !=  <  <=  >  >=  and  or  not  in  ( )`, literals, names, `answered(id)`, `count(id)`.
    public static func parse(_ text: String) throws(ExpressionSyntaxError) -> Expression {
        let tokens = try ExpressionLexer.tokens(text)
        // Bounds found by fuzzing: ever deeper brackets overflowed the stack (reading, checking and
        // evaluating all recurse), so a condition has at most so many parts and levels.
        guard tokens.count <= ExpressionParser.maxTokens else {
            throw ExpressionSyntaxError(message: "this condition is too long (more than \(ExpressionParser.maxTokens) parts); split it across steps", offset: 0)
        }
        var parser = ExpressionParser(tokens: tokens, length: text.count)
        let e = try parser.parseOr()
        if let extra = parser.peek {
            throw ExpressionSyntaxError(message: "I did not expect \(extra.kind.describe) here", offset: extra.offset)
        }
        return e
    }
}

struct Token: Equatable {
    enum Kind: Equatable {
        case number(Double), string(String), word(String), op(String), lparen, rparen

        var describe: String {
            switch self {
            case .number(let n): "the number \(n.formatted)"
            case .string(let s): Diagnostic.shown(s)
            case .word(let w): "\"\(w)\""
            case .op(let o): "\"\(o)\""
            case .lparen: "\"(\""
            case .rparen: "\")\""
            }
        }
    }
    var kind: Kind
    var offset: Int
}

enum ExpressionLexer {
    static func tokens(_ text: String) throws(ExpressionSyntaxError) -> [Token] {
        let chars = Array(text)
        var tokens: [Token] = []
        var i = 0
        func isWordChar(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "-" || c == "_" }
        while i < chars.count {
            let c = chars[i]
            // A condition written as a `|` or `>` block, or over two lines, has line breaks in it.
            if c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\r\n" { i += 1; continue }
            let start = i
            switch c {
            case "(": tokens.append(Token(kind: .lparen, offset: i)); i += 1
            case ")": tokens.append(Token(kind: .rparen, offset: i)); i += 1
            case "\"", "'":
                var j = i + 1
                var s = ""
                while j < chars.count, chars[j] != c { s.append(chars[j]); j += 1 }
                guard j < chars.count else {
                    throw ExpressionSyntaxError(message: "this text in quotes has no closing \(c)", offset: start)
                }
                tokens.append(Token(kind: .string(s), offset: start))
                i = j + 1
            case "=", "!", "<", ">":
                if i + 1 < chars.count, chars[i + 1] == "=" {
                    tokens.append(Token(kind: .op(String([c, "="])), offset: i)); i += 2
                } else if c == "<" || c == ">" {
                    tokens.append(Token(kind: .op(String(c)), offset: i)); i += 1
                } else if c == "=" {
                    throw ExpressionSyntaxError(message: "use == to compare (one = is not allowed)", offset: i)
                } else {
                    throw ExpressionSyntaxError(message: "use != or not", offset: i)
                }
            default:
                if c.isNumber || (c == "-" && i + 1 < chars.count && chars[i + 1].isNumber && !(tokens.last.map(isValueEnd) ?? false)) {
                    var j = i + 1
                    while j < chars.count, chars[j].isNumber || chars[j] == "." { j += 1 }
                    guard let n = Double(String(chars[i..<j])) else {
                        throw ExpressionSyntaxError(message: "\(String(chars[i..<j])) is not a number", offset: i)
                    }
                    tokens.append(Token(kind: .number(n), offset: i))
                    i = j
                } else if c.isLetter {
                    var j = i
                    while j < chars.count, isWordChar(chars[j]) { j += 1 }
                    tokens.append(Token(kind: .word(String(chars[i..<j])), offset: i))
                    i = j
                } else {
                    throw ExpressionSyntaxError(message: "I do not understand \(Diagnostic.shown(String(c))) here", offset: i)
                }
            }
        }
        return tokens
    }

    private static func isValueEnd(_ t: Token) -> Bool {
        switch t.kind {
        case .number, .string, .word, .rparen: true
        default: false
        }
    }
}

struct ExpressionParser {
    var tokens: [Token]
    var length: Int
    var position = 0
    /// Brackets and `not`s open around the part being read.
    var depth = 0
    static let maxTokens = 1000
    static let maxDepth = 32

    mutating func deeper(at offset: Int) throws(ExpressionSyntaxError) {
        depth += 1
        guard depth <= Self.maxDepth else {
            throw ExpressionSyntaxError(message: "this condition has more than \(Self.maxDepth) brackets or nots inside each other", offset: offset)
        }
    }

    var peek: Token? { position < tokens.count ? tokens[position] : nil }

    mutating func take() -> Token? {
        defer { position += 1 }
        return peek
    }

    func isWord(_ w: String) -> Bool { peek?.kind == .word(w) }

    mutating func parseOr() throws(ExpressionSyntaxError) -> Expression {
        var left = try parseAnd()
        while isWord("or") {
            position += 1
            left = .or(left, try parseAnd())
        }
        return left
    }

    mutating func parseAnd() throws(ExpressionSyntaxError) -> Expression {
        var left = try parseNot()
        while isWord("and") {
            position += 1
            left = .and(left, try parseNot())
        }
        return left
    }

    mutating func parseNot() throws(ExpressionSyntaxError) -> Expression {
        if isWord("not"), let t = peek {
            position += 1
            try deeper(at: t.offset)
            defer { depth -= 1 }
            return .not(try parseNot())
        }
        return try parseComparison()
    }

    mutating func parseComparison() throws(ExpressionSyntaxError) -> Expression {
        let left = try parsePrimary()
        if let t = peek, case .op(let op) = t.kind, let cmp = Expression.Comparison(rawValue: op) {
            position += 1
            return .compare(cmp, left, try parsePrimary(), offset: t.offset)
        }
        if let t = peek, t.kind == .word("in") {
            position += 1
            return .contains(left, try parsePrimary(), offset: t.offset)
        }
        return left
    }

    mutating func parsePrimary() throws(ExpressionSyntaxError) -> Expression {
        guard let t = take() else {
            throw ExpressionSyntaxError(message: "the condition ends too soon", offset: length)
        }
        switch t.kind {
        case .number(let n): return .number(n)
        case .string(let s): return .string(s)
        case .lparen:
            try deeper(at: t.offset)
            defer { depth -= 1 }
            let e = try parseOr()
            guard take()?.kind == .rparen else {
                throw ExpressionSyntaxError(message: "a \"(\" is not closed", offset: t.offset)
            }
            return e
        case .word(let w):
            switch w {
            case "true": return .bool(true)
            case "false": return .bool(false)
            case "and", "or", "not", "in":
                throw ExpressionSyntaxError(message: "\"\(w)\" needs something before it", offset: t.offset)
            case "answered", "count":
                guard take()?.kind == .lparen, let arg = take(), case .word(let id) = arg.kind,
                    take()?.kind == .rparen
                else {
                    throw ExpressionSyntaxError(message: "write \(w)(step-id)", offset: t.offset)
                }
                return w == "answered" ? .answered(id, offset: arg.offset) : .count(id, offset: arg.offset)
            default:
                return .name(w, offset: t.offset)
            }
        case .op, .rparen:
            throw ExpressionSyntaxError(message: "I did not expect \(t.kind.describe) here", offset: t.offset)
        }
    }
}

extension Double {
    /// `3` for whole numbers, `2.5` otherwise.
    public var formatted: String {
        if self == rounded(), abs(self) < 1e15 { return String(Int(self)) }
        return String(self)
    }
}
