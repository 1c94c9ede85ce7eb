import Foundation
import Yams

/// Reads a Yams node tree under the format's strict rules, collecting diagnostics as it goes.
final class YAMLReader {
    let source: SourceText
    private(set) var diagnostics: [Diagnostic] = []

    init(source: SourceText) { self.source = source }

    var file: String { source.file }

    func report(_ d: Diagnostic) { diagnostics.append(d) }

    func report(
        _ code: Diagnostic.Code, _ severity: Diagnostic.Severity, _ message: String,
        at location: SourceLocation, length: Int = 1, help: String? = nil
    ) {
        diagnostics.append(source.diagnostic(code, severity, message, at: location, length: length, help: help))
    }

    func report(_ code: Diagnostic.Code, _ message: String, at location: SourceLocation, length: Int = 1, help: String? = nil) {
        report(code, .error, message, at: location, length: length, help: help)
    }

    func location(_ node: Node) -> SourceLocation {
        SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    /// Parses the text into a node tree and refuses anchors, aliases, tags and multi-line flow.
    func compose(_ text: String) -> Node? {
        guard !reportOddLineBreaks(), !reportControlCharacters() else { return nil }
        do {
            // Keep the parser alive while reading: Yams holds anchors weakly.
            // Every value is read as text (`string`, `int`, `bool` here), so Yams need not guess
            // types: its default resolver ran regular expressions on every scalar, a fifth of
            // loading a long dialogue (scripts/bench-turn-cost).
            let parser = try Parser(yaml: text, resolver: .basic)
            let root = try parser.singleRoot()
            if let root { checkFeatures(root, parser: parser) }
            return root
        } catch let error as YamlError {
            reportYAMLError(error)
        } catch {
            report(.yamlSyntax, "this file could not be read as YAML: \(error)", at: SourceLocation(file: file, line: 1, column: 1))
        }
        return nil
    }

    private func reportYAMLError(_ error: YamlError) {
        // Yams refuses duplicate keys itself, pointing at the first one: report the second, as D003.
        if case .duplicatedKeysInMapping(let keys, let context) = error {
            reportDuplicateKeys(keys, near: SourceLocation(file: file, line: context.mark.line, column: context.mark.column))
            return
        }
        let mark: Mark?
        var problem: String
        var contextText: String?
        var opened: Mark?
        switch error {
        case .scanner(let context, let p, let m, _), .parser(let context, let p, let m, _), .composer(let context, let p, let m, _):
            mark = m
            problem = p
            contextText = context?.text
            opened = context?.mark
        case .reader(let p, _, _, _):
            mark = nil
            problem = p
        default:
            mark = nil
            problem = "\(error)"
        }
        let line = mark?.line ?? 1
        let column = mark?.column ?? 1
        // `{a: x # note, b: y}`: the # starts a comment, which hides the closing } and makes the
        // parser stop on a later line. Point at the #.
        if let hash = commentInsideBrackets(near: line) {
            report(.yamlSyntax, "a # inside { } or [ ] starts a comment, so the rest of the line, with its closing \(hash.close), is not read",
                   at: SourceLocation(file: file, line: hash.line, column: hash.column), help: "take the # out, or put that text in quotes")
            return
        }
        if let opened, let unclosed = neverClosed(contextText, problem, opened: opened, stopped: line) {
            report(.yamlSyntax, unclosed.message, at: SourceLocation(file: file, line: opened.line, column: opened.column), help: unclosed.help)
            return
        }
        if mark != nil, let quote = runOnQuote(before: line) {
            report(.yamlSyntax, "this \(quote.mark) is not closed on its line, so the text ran on into the lines below it",
                   at: SourceLocation(file: file, line: quote.line, column: quote.column), help: "put a closing \(quote.mark) at the end of the text, on the same line")
            return
        }
        // `ask What?`: the parser stops on the line after it; the key on this line needs a colon.
        if let missing = missingColon(contextText, problem, opened: opened) {
            report(.yamlSyntax, missing.message, at: SourceLocation(file: file, line: missing.line, column: missing.column), length: missing.key.count, help: missing.help)
            return
        }
        // A line that lines up with nothing above it: say so, whatever words the parser used.
        if mark != nil, let indent = indentationProblem(atLine: line) {
            report(.yamlSyntax, indent.message, at: SourceLocation(file: file, line: line, column: indent.column), help: indent.help)
            return
        }
        if mark != nil, let plain = plainMistake(contextText, problem, line: line, column: column) {
            report(plain.code, plain.message, at: SourceLocation(file: file, line: line, column: plain.column), length: plain.length, help: plain.help)
            return
        }
        var help: String?
        let lineText = source.line(line) ?? ""
        // The common trap: a value that starts with `{` or a quote is read as YAML syntax.
        let context = [line - 1, line].compactMap { source.line($0) }
        if context.contains(where: { $0.range(of: #":\s+\{[a-z]"#, options: .regularExpression) != nil })
            || lineText.range(of: #":\s+\{[a-z]"#, options: .regularExpression) != nil
        {
            help = "a text that starts with { must be in quotes, for example: say: \"{name}, welcome\""
        } else if context.contains(where: { $0.range(of: #"^\s*(when|if):\s*""#, options: .regularExpression) != nil }) {
            help = "a condition that starts with a quote must itself be quoted, for example: when: '\"music\" in calm-ways'"
        } else if problem.contains("mapping values are not allowed") {
            help = "a text that contains \": \" must be in quotes"
        } else if problem.contains("tab") || lineText.prefix(while: { $0 == " " || $0 == "\t" }).contains("\t") {
            help = "indent with spaces, not tabs"
        }
        let message = [contextText, problem].compactMap { $0 }.joined(separator: " ")
        report(.yamlSyntax, "this is not valid YAML: \(message)", at: SourceLocation(file: file, line: line, column: column), help: help)
    }

    /// A line at or just above `line` that opens `{` or `[` and has a ` #` after it (outside quotes)
    /// before the bracket closes: where the #, and which bracket it hid.
    func commentInsideBrackets(near line: Int) -> (line: Int, column: Int, close: Character)? {
        for n in stride(from: line, through: max(1, line - 3), by: -1) {
            guard let text = source.line(n) else { continue }
            var depth: [Character] = []
            var quote: Character?
            var previous: Character = " "
            for (i, c) in text.enumerated() {
                if let q = quote {
                    if c == q { quote = nil }
                } else if c == "\"" || c == "'" {
                    quote = c
                } else if c == "{" || c == "[" {
                    depth.append(c == "{" ? "}" : "]")
                } else if c == "}" || c == "]" {
                    _ = depth.popLast()
                } else if c == "#", previous == " " || previous == "\t" {
                    if let close = depth.last { return (n, i + 1, close) }
                    break
                }
                previous = c
            }
        }
        return nil
    }

    /// Anchors already seen, with the place last reported (Yams hands an alias back as the node it names).
    private var anchorsSeen: [String: SourceLocation] = [:]

    private func checkFeatures(_ node: Node, parser: Parser) {
        if let anchor = node.anchor?.rawValue {
            if let last = anchorsSeen[anchor] {
                var from = last
                from.column += 1
                let at = source.find("*" + anchor, from: from) ?? location(node)
                anchorsSeen[anchor] = at
                report(.unsupportedYAML, "aliases (*name) are not allowed", at: at, length: anchor.count + 1, help: "write the text out in full where it is needed")
                return
            }
            anchorsSeen[anchor] = location(node)
            report(
                .unsupportedYAML, "anchors (&name) and aliases (*name) are not allowed here",
                at: location(node), length: anchor.count + 1, help: "write the text out in full where it is needed")
        }
        // A node's mark points at its first token, so a tag (`!name`, `!!bool`) sits right there.
        if startsWithTag(node) {
            report(.unsupportedYAML, "tags (like !!bool or !name) are not allowed; every value is read as text", at: location(node), help: "remove the tag; write the value on its own")
        }
        switch node {
        case .scalar:
            break
        case .mapping(let m):
            if m.style == .flow || startsWith(node, "{") { checkFlowOnOneLine(node) }
            for (k, v) in m {
                checkFeatures(k, parser: parser)
                checkFeatures(v, parser: parser)
            }
        case .sequence(let s):
            if s.style == .flow || startsWith(node, "[") { checkFlowOnOneLine(node) }
            for item in s { checkFeatures(item, parser: parser) }
        case .alias:
            report(.unsupportedYAML, "aliases (*name) are not allowed", at: location(node))
        }
    }

    private func startsWithTag(_ node: Node) -> Bool { startsWith(node, "!") }

    /// Whether the node's first character in the source is `c`. Yams loses a collection's flow
    /// style (it reads it from the closing event), so `{` and `[` are looked up here.
    private func startsWith(_ node: Node, _ c: Unicode.Scalar) -> Bool {
        guard let mark = node.mark, mark.line >= 1, mark.line <= source.lines.count, mark.column >= 1 else { return false }
        let scalars = source.lines[mark.line - 1].unicodeScalars
        guard let i = scalars.index(scalars.startIndex, offsetBy: mark.column - 1, limitedBy: scalars.endIndex), i < scalars.endIndex else { return false }
        return scalars[i] == c
    }

    private func checkFlowOnOneLine(_ node: Node) {
        let line = node.mark?.line ?? 0
        var lines: [Int] = []
        func collect(_ n: Node) {
            if let l = n.mark?.line { lines.append(l) }
            switch n {
            case .mapping(let m): for (k, v) in m { collect(k); collect(v) }
            case .sequence(let s): s.forEach(collect)
            default: break
            }
        }
        collect(node)
        if lines.contains(where: { $0 != line }) {
            report(
                .unsupportedYAML, "a list in [ ] or a mapping in { } must stay on one line",
                at: location(node), help: "write it as an indented block, one item per line, each starting with \"- \"")
        }
    }

    // MARK: Typed access

    /// The pairs of a mapping, refusing duplicate and unknown keys and reporting missing ones.
    func mapping(
        _ node: Node, what: String, allowed: [String], required: [String] = []
    ) -> [String: (key: Node, value: Node)]? {
        guard case .mapping(let m) = node else {
            report(.wrongValue, "\(what) should be a set of \"key: value\" lines", at: location(node))
            return nil
        }
        var out: [String: (key: Node, value: Node)] = [:]
        for (k, v) in m {
            guard let key = k.scalar?.string else {
                report(.wrongValue, "a key in \(what) should be a plain word", at: location(k))
                continue
            }
            if let earlier = out[key] {
                report(
                    .duplicateKey, "\"\(key)\" is given twice in \(what)", at: location(k), length: key.count,
                    help: "the first is on line \(earlier.key.mark?.line ?? 0); keep one")
                continue
            }
            if !allowed.contains(key) {
                let hint = Suggest.closest(to: key, in: allowed).map { "did you mean \"\($0)\"?" }
                report(
                    .unknownKey, "\(what) has a key \"\(key)\" that I do not know", at: location(k), length: key.count,
                    help: hint ?? "the keys allowed here are: \(allowed.joined(separator: ", "))")
                continue
            }
            out[key] = (k, v)
        }
        for key in required where out[key] == nil {
            let article = key.first.map { "aeiou".contains($0) } == true ? "an" : "a"
            report(.missingKey, "\(what) needs \(article) \"\(key):\"", at: location(node))
        }
        return out
    }

    func string(_ node: Node, what: String, allowEmpty: Bool = false) -> String? {
        guard case .scalar(let s) = node else {
            report(.wrongValue, "\(what) should be text, not a list or a mapping", at: location(node))
            return nil
        }
        if !allowEmpty && s.string.trimmedWhitespaceAndNewlines.isEmpty {
            report(.wrongValue, "\(what) is empty", at: location(node))
            return nil
        }
        return s.string
    }

    func int(_ node: Node, what: String) -> Int? {
        guard let s = string(node, what: what) else { return nil }
        guard let n = Int(s.trimmingCharacters(in: .whitespaces)) else {
            report(.wrongValue, "\(what) should be a whole number, not \"\(s)\"", at: location(node), length: s.count)
            return nil
        }
        return n
    }

    func double(_ node: Node, what: String) -> Double? {
        guard let s = string(node, what: what) else { return nil }
        guard let n = Double(s.trimmingCharacters(in: .whitespaces)), n.isFinite else {
            report(.wrongValue, "\(what) should be a number, not \"\(s)\"", at: location(node), length: s.count)
            return nil
        }
        return n
    }

    func bool(_ node: Node, what: String) -> Bool? {
        guard let s = string(node, what: what) else { return nil }
        switch s.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            report(.wrongValue, "\(what) should be true or false, not \"\(s)\"", at: location(node), length: s.count)
            return nil
        }
    }

    func sequence(_ node: Node, what: String) -> [Node]? {
        guard case .sequence(let s) = node else {
            report(.wrongValue, "\(what) should be a list (lines starting with \"- \", or [a, b] on one line)", at: location(node))
            return nil
        }
        return Array(s)
    }

    func id(_ node: Node, what: String) -> String? {
        guard let s = string(node, what: what) else { return nil }
        guard Identifier.isValid(s) else {
            report(
                .invalidID, "\"\(s)\" cannot be used as \(what)", at: location(node), length: s.count,
                help: "use lower-case letters, digits, - and _, starting with a letter, for example \"\(Identifier.suggest(s))\"")
            return nil
        }
        return s
    }

    /// Where the scalar's text starts (after an opening quote).
    func textStart(_ node: Node) -> SourceLocation {
        var loc = location(node)
        if let s = node.scalar, s.style == .singleQuoted || s.style == .doubleQuoted { loc.column += 1 }
        return loc
    }
}

extension Identifier {
    /// A valid id made from any text: "Calm Ways" -> "calm-ways".
    static func suggest(_ s: String) -> String {
        var out = ""
        for c in s.lowercased() {
            if c.isLetter && c.isASCII || c.isNumber && c.isASCII { out.append(c) } else if out.last != "-" { out.append("-") }
        }
        out = out.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        if out.first.map({ !$0.isLetter }) ?? true { out = "step-" + out }
        return out
    }
}
