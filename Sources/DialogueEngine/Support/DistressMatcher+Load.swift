import Foundation
import Yams

extension DistressMatcher {
    /// The file of check-in words, beside `support.yaml`.
    public static let fileName = "check-in.yaml"

    /// Lines with no words of distress. No signal or topic may match one of them, and no context
    /// pattern may match half of them or more (D026): such a pattern would bring the check-in, or
    /// quiet it, far too often. A file's own `neutral:` lines are added to these.
    public static let neutralLines = [
        "yes", "no", "ok", "1", "Sam", "I like walks", "Tea with my sister", "The bus was late",
        "I am fine, thank you", "We went to the park", "My son is starting school", "Music and a hot bath",
        "Dw i'n hoffi cerdded",
    ]

    /// Reads `check-in.yaml`: the matcher (nil when the file has errors) and every problem, with
    /// its line and column.
    public static func load(text: String, file: String) -> (DistressMatcher?, [Diagnostic]) {
        let reader = YAMLReader(source: SourceText(file: file, text: text))
        let keys = ["check-in", "words"] + List.allCases.filter { $0 != .words }.map(\.rawValue) + ["who-reading", "neutral"]
        guard let root = reader.compose(text),
            let top = reader.mapping(root, what: "the check-in file", allowed: keys, required: ["signals"])
        else { return (nil, reader.diagnostics) }
        _ = top["check-in"].flatMap { reader.string($0.value, what: "check-in") }
        var places = Places()

        var rules = Rules()
        rules.words = readGroups(top["words"]?.value, reader: reader, places: &places)
        func list(_ list: List) -> [String] {
            guard let entry = top[list.rawValue] else { return [] }
            return readPatterns(entry.value, list: list, reader: reader, places: &places)
        }
        rules.signals = list(.signals)
        rules.harmFromOthers = list(.harmFromOthers)
        rules.fearOfHarming = list(.fearOfHarming)
        rules.eatingDrinkDrugs = list(.eatingDrinkDrugs)
        rules.topics = list(.topics)
        rules.context = list(.context)
        rules.harmless = list(.harmless)
        rules.someoneElse = list(.someoneElse)
        rules.someoneElseVerbs = list(.someoneElseVerbs)
        rules.me = list(.me)
        rules.whoWords = WhoWords.builtIn.adding(readWhoWords(top["who-reading"]?.value, reader: reader))
        let extraNeutral = (top["neutral"].flatMap { reader.sequence($0.value, what: "neutral") } ?? []).compactMap { reader.string($0, what: "a neutral line") }

        let (matcher, failures) = compile(rules)
        for f in failures {
            let node = f.group.flatMap { places.groups[$0]?[f.index] } ?? places.lists[f.list]?[f.index]
            guard let node else { continue }
            var at = reader.textStart(node)
            if let s = node.scalar, s.style != .literal, s.style != .folded, !s.string.contains("\n") { at.column += f.problem.offset }
            reader.report(.checkInPattern, f.problem.message, at: at, length: f.problem.length, help: f.problem.help)
        }
        checkNeutral(matcher, lines: neutralLines + extraNeutral, places: places, reader: reader)
        checkDuplicates(places: places, reader: reader)
        let errors = reader.diagnostics.contains { $0.severity == .error }
        return (errors ? nil : matcher, reader.diagnostics)
    }

    /// Where each pattern was written, to point diagnostics at it.
    struct Places {
        var lists: [List: [Node]] = [:]
        var groups: [String: [Node]] = [:]
        var order: [(list: List, node: Node)] = []
    }

    static func readGroups(_ node: Node?, reader: YAMLReader, places: inout Places) -> [Rules.Group] {
        guard let node else { return [] }
        guard case .mapping(let m) = node else {
            reader.report(.wrongValue, "words: should be word groups, one \"name: [words]\" per line", at: reader.location(node))
            return []
        }
        var groups: [Rules.Group] = []
        var seen: [String: Int] = [:]
        for (k, v) in m {
            guard let name = reader.id(k, what: "a word group name") else { continue }
            if let line = seen[name] {
                reader.report(.duplicateKey, "the word group \"\(name)\" is given twice", at: reader.location(k), length: name.count, help: "the first is on line \(line); keep one")
                continue
            }
            seen[name] = k.mark?.line ?? 0
            let items: [Node]
            if case .scalar = v { items = [v] } else { items = reader.sequence(v, what: "the word group \(name)") ?? [] }
            var texts: [String] = []
            var nodes: [Node] = []
            for item in items {
                guard let text = pattern(item, reader: reader) else { continue }
                texts.append(text)
                nodes.append(item)
                places.order.append((.words, item))
            }
            places.groups[name] = nodes
            groups.append(Rules.Group(name: name, items: texts))
        }
        return groups
    }

    static func readPatterns(_ node: Node, list: List, reader: YAMLReader, places: inout Places) -> [String] {
        guard let items = reader.sequence(node, what: list.rawValue) else { return [] }
        var texts: [String] = []
        var nodes: [Node] = []
        for item in items {
            guard let text = pattern(item, reader: reader) else { continue }
            texts.append(text)
            nodes.append(item)
            places.order.append((list, item))
        }
        places.lists[list] = nodes
        return texts
    }

    /// `who-reading:`: words to add to the built-in lists of ``WhoWords``, by kind. A word that is
    /// not one word as the check-in reads words is reported (D046) and left out.
    static func readWhoWords(_ node: Node?, reader: YAMLReader) -> [WhoWords.Kind: [String]] {
        guard let node, let map = reader.mapping(node, what: "who-reading", allowed: WhoWords.Kind.allCases.map(\.rawValue)) else { return [:] }
        var added: [WhoWords.Kind: [String]] = [:]
        for kind in WhoWords.Kind.allCases {
            guard let entry = map[kind.rawValue] else { continue }
            let items: [Node]
            if case .scalar = entry.value { items = [entry.value] } else { items = reader.sequence(entry.value, what: "who-reading: \(kind.rawValue)") ?? [] }
            for item in items {
                guard let text = reader.string(item, what: "a word", allowEmpty: true) else { continue }
                let words = DistressText.plainWords(text)
                guard words.count == 1, let word = words.first else {
                    reader.report(
                        .checkInWhoWord, words.isEmpty ? "\"\(text)\" has no letters or digits" : "\"\(text)\" is \(words.count) words as the check-in reads them, and these lists hold single words",
                        at: reader.textStart(item), length: max(1, text.count), help: "write one word a line; the reading looks at the single word before a who-word")
                    continue
                }
                added[kind, default: []].append(String(decoding: word, as: UTF8.self))
            }
        }
        return added
    }

    /// A pattern's text; an empty one is reported (D025) and left out.
    static func pattern(_ node: Node, reader: YAMLReader) -> String? {
        guard let text = reader.string(node, what: "a pattern", allowEmpty: true) else { return nil }
        let trimmed = text.trimmedWhitespaceAndNewlines
        guard !trimmed.isEmpty else {
            reader.report(.checkInPattern, "this pattern is empty", at: reader.location(node), help: "write the words to look for, or take the line out")
            return nil
        }
        if let number = manyNumber(in: trimmed) {
            reader.report(
                .checkInNumber, .warning, "the check-in reads \"\(number)\" as \"many\", as it reads every number from 10 to 999 people type, so this matches any such number",
                at: reader.textStart(node), length: trimmed.count, help: "write \"many\" to mean any such number, or the number in words (\"twelve\") to mean that one")
        }
        return trimmed
    }

    /// The first number of 2 or 3 digits (not starting with 0) standing as a word in a pattern: the
    /// check-in reads it, as it reads people's lines, as "many" (a harmless pattern's "he is only
    /// 12", meant for a child, quieted "my husband hits me, he's 52").
    static func manyNumber(in pattern: String) -> Substring? {
        // Most patterns have no digit at all: let go at the bytes.
        guard pattern.utf8.contains(where: { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        let isDigit: (Character) -> Bool = { $0.isASCII && $0.isNumber }
        var rest = pattern[...]
        while let start = rest.firstIndex(where: isDigit) {
            let end = rest[start...].firstIndex(where: { !isDigit($0) }) ?? rest.endIndex
            let number = rest[start..<end]
            let before = start == pattern.startIndex ? nil : pattern[pattern.index(before: start)]
            let after = end == pattern.endIndex ? nil : pattern[end]
            let standsAlone = !(before?.isLetter ?? false) && !(after?.isLetter ?? false)
            if standsAlone, (2...3).contains(number.count), number.first != "0" { return number }
            rest = pattern[end...]
        }
        return nil
    }

    /// D026: a signal or topic that matches a line with no words of distress, or a context pattern
    /// that matches half of them or more.
    static func checkNeutral(_ matcher: DistressMatcher, lines: [String], places: Places, reader: YAMLReader) {
        let c = matcher.compiled
        var reported = Set<String>()
        var contextLines: [Int: [String]] = [:]
        for line in lines {
            let text = DistressText(line)
            guard !text.words.isEmpty else { continue }
            for found in c.raising.hits(in: text) {
                let source = c.raising.sources[found.index]
                guard reported.insert(source).inserted, let node = node(for: source, in: [.signals, .harmFromOthers, .fearOfHarming, .eatingDrinkDrugs, .topics], places) else { continue }
                reader.report(
                    .checkInTooBroad, "this pattern matches \"\(line)\", a line with no words of distress, so the check-in would come far too often",
                    at: reader.textStart(node), length: source.count, help: "make it longer or more exact")
            }
            for index in Set(c.context.hits(in: text).map(\.index)) { contextLines[index, default: []].append(line) }
        }
        for (index, matched) in contextLines.sorted(by: { $0.key < $1.key }) where matched.count * 2 >= lines.count {
            let source = c.context.sources[index]
            guard let node = node(for: source, in: [.context], places) else { continue }
            reader.report(
                .checkInTooBroad, "this context pattern matches \(matched.count) of \(lines.count) everyday lines (\"\(matched[0])\"...), so it would quiet words of distress far too often",
                at: reader.textStart(node), length: source.count, help: "make it longer or more exact")
        }
    }

    static func node(for source: String, in lists: [List], _ places: Places) -> Node? {
        for list in lists {
            if let node = places.lists[list]?.first(where: { $0.scalar.map { $0.string.trimmingCharacters(in: .whitespacesAndNewlines) } == source }) { return node }
        }
        return nil
    }

    /// A pattern as D027 compares it: in small letters, its spaces one space. A pattern of ASCII
    /// is read as bytes (by Character, every pattern cost a start about 140,000 instructions).
    static func duplicateKey(_ text: String) -> String {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else {
            return text.lowercased().split(whereSeparator: DistressPattern.Parser.isSpace).joined(separator: " ")
        }
        var key: [UInt8] = []
        key.reserveCapacity(text.utf8.count)
        var space = false
        for b in text.utf8 {
            if b == 0x20 || (0x09...0x0D).contains(b) {
                space = !key.isEmpty
                continue
            }
            if space { key.append(0x20); space = false }
            key.append((0x41...0x5A).contains(b) ? b | 0x20 : b)
        }
        return String(decoding: key, as: UTF8.self)
    }

    /// D027: the same pattern twice, in one list or in two.
    static func checkDuplicates(places: Places, reader: YAMLReader) {
        var first: [String: (list: List, node: Node)] = [:]
        for (list, node) in places.order where list != .words {
            guard let text = node.scalar?.string else { continue }
            let key = duplicateKey(text)
            if let earlier = first[key] {
                let line = earlier.node.mark?.line ?? 0
                let whereText = earlier.list == list ? "" : " under \(earlier.list.rawValue):"
                reader.report(
                    .checkInDuplicate, .warning, "this pattern is given twice", at: reader.textStart(node), length: key.count,
                    help: "the first is on line \(line)\(whereText); keep one")
            } else {
                first[key] = (list, node)
            }
        }
    }
}
