import Foundation

/// A key given twice in one mapping. Yams refuses the file and names the key, with the place
/// where the mapping begins; the second copy is the place to point at, and the first is named.
extension YAMLReader {
    func reportDuplicateKeys(_ keys: [String], near: SourceLocation) {
        for key in keys {
            guard let places = duplicatePlaces(key, near: near) else {
                report(.duplicateKey, "\"\(key)\" is given twice", at: near, length: key.count, help: "keep one")
                continue
            }
            var help = "the first is on line \(places.first.line); keep one"
            if let dash = missingDash(first: places.first, second: places.second) {
                help = "the first is on line \(places.first.line). If line \(places.second.line) starts a new item (a new step), "
                    + "it needs \"- \" before \"\(key)\", lined up with the \"- \" on line \(places.first.line) (column \(dash))"
            }
            report(.duplicateKey, "\"\(key)\" is given twice", at: places.second, length: key.count, help: help)
        }
    }

    /// The column of the `- ` that starts the first copy's line, when the second copy's line has
    /// none: a `- ` left off makes a new item's keys join the item above.
    private func missingDash(first: SourceLocation, second: SourceLocation) -> Int? {
        guard let a = source.line(first.line).map({ Array($0) }), let b = source.line(second.line).map({ Array($0) }),
            let dash = a.firstIndex(where: { $0 != " " }), a[dash] == "-",
            let start = b.firstIndex(where: { $0 != " " }), b[start] != "-"
        else { return nil }
        return dash + 1
    }

    /// Where a key given twice first appears and appears again, in the mapping that holds `near`
    /// (Yams only tells where one of the duplicated keys first appears).
    func duplicatePlaces(_ key: String, near: SourceLocation) -> (first: SourceLocation, second: SourceLocation)? {
        let keyPattern = NSRegularExpression.escapedPattern(for: key) + #"\s*:"#
        guard let text = source.line(near.line) else { return nil }
        // A { } mapping on one line: find the key twice on that line.
        if text.prefix(max(0, near.column - 1)).contains("{") {
            let regex = try? NSRegularExpression(pattern: #"[{,]\s*("# + keyPattern + ")")
            let ns = text as NSString
            let hits = regex?.matches(in: text, range: NSRange(location: 0, length: ns.length)) ?? []
            let columns = hits.map { ns.substring(to: $0.range(at: 1).location).count + 1 }
            guard columns.count >= 2 else { return nil }
            return (SourceLocation(file: file, line: near.line, column: columns[0]), SourceLocation(file: file, line: near.line, column: columns[1]))
        }
        // A block mapping: the lines whose key starts at the same column, up to where the mapping begins and ends.
        let column = near.column
        func content(_ n: Int) -> (start: Int, chars: [Character])? {
            guard let t = source.line(n) else { return nil }
            let chars = Array(t)
            guard let start = chars.firstIndex(where: { $0 != " " }), chars[start] != "#" else { return (-1, chars) }
            return (start, chars)
        }
        // The key, spaces, then `:`. Matched by hand: a regular expression made from the key (any text
        // a file holds) would be compiled and cached anew for every key, and Foundation's cache of
        // them leaks (found by fuzzing the check-in file's reader).
        let keyChars = Array(key)
        func isKey(_ chars: [Character], at i: Int) -> Bool {
            guard i >= 0, chars.count - i >= keyChars.count, chars[i..<(i + keyChars.count)].elementsEqual(keyChars) else { return false }
            var j = i + keyChars.count
            while j < chars.count, chars[j].isWhitespace { j += 1 }
            return j < chars.count && chars[j] == ":"
        }
        var top = near.line
        // The mapping may begin on the line Yams points at (`- id: hi`, whose `id` comes again
        // below it): then nothing above belongs to it.
        var n = near.line - 1
        if let (start, chars) = content(near.line), start >= 0, chars[start] == "-",
            chars.firstIndex(where: { $0 != " " && $0 != "-" }) == column - 1
        {
            n = 0
        }
        while n >= 1, let (start, chars) = content(n) {
            defer { n -= 1 }
            if start < 0 || start + 1 > column { continue }
            if start + 1 == column { top = n; continue }
            // `- key:` starts the mapping when its key sits at the column; anything else to the left ends it.
            if chars[start] == "-", chars.firstIndex(where: { $0 != " " && $0 != "-" }) == column - 1 { top = n }
            break
        }
        var lines: [Int] = []
        n = top
        while let (start, chars) = content(n) {
            defer { n += 1 }
            if start < 0 { continue }
            if n == top, chars[start] == "-" {
                if isKey(chars, at: column - 1) { lines.append(n) }
                continue
            }
            if start + 1 < column { break }
            if start + 1 == column, isKey(chars, at: start) { lines.append(n) }
        }
        guard lines.count >= 2 else { return nil }
        return (SourceLocation(file: file, line: lines[0], column: column), SourceLocation(file: file, line: lines[1], column: column))
    }
}
