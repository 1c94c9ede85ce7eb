/// Braces that look like a hole meant for an answer but are not one: `{Name}`, `{NAME|you}`, `{}`,
/// `{{name}}`. A hole's id is lower-case (the id rule), so these are shown as written, braces and
/// all. Braces around anything else (`{ see below }`, `{x}` where no question is called `x`) are
/// text, as the format allows, and are left alone.
extension Checker {
    struct OddHole: Equatable {
        /// The braces as written.
        var written: String
        /// The hole that was likely meant, when one is.
        var meant: String?
        var message: String
    }

    /// The odd holes of a text, given the ids of the dialogue's questions.
    static func oddHoles(_ text: String, questions: Set<String>) -> [OddHole] {
        guard text.utf8.contains(UInt8(ascii: "{")) else { return [] }
        var found: [OddHole] = []
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            guard chars[i] == "{" else { i += 1; continue }
            // `{{name}}`: the inner braces make a hole, the outer ones are shown around the answer.
            if i + 1 < chars.count, chars[i + 1] == "{", let close = closing(chars, from: i + 2),
                close + 1 < chars.count, chars[close + 1] == "}"
            {
                let inner = String(chars[(i + 2)..<close])
                let id = idPart(inner)
                if questions.contains(id.lowercased()) {
                    let meant = "{" + inner.replacingOccurrences(of: id, with: id.lowercased()) + "}"
                    found.append(OddHole(written: "{{" + inner + "}}", meant: meant,
                                         message: "{{\(inner)}} has two braces on each side, so people would see the answer with braces round it"))
                    i = close + 2
                    continue
                }
            }
            guard let close = closing(chars, from: i + 1) else { i += 1; continue }
            let inner = String(chars[(i + 1)..<close])
            let id = idPart(inner)
            // `{}` only: `{ }` with a space is text, as written.
            if inner.isEmpty {
                found.append(OddHole(written: "{" + inner + "}", meant: nil, message: "this {} has no id inside, so people would see it just as it is written"))
            } else if !Identifier.isValid(id), questions.contains(id.lowercased()) {
                let meant = "{" + inner.replacingOccurrences(of: id, with: id.lowercased()) + "}"
                found.append(OddHole(written: "{" + inner + "}", meant: meant,
                                     message: "{\(inner)} is not a hole for an answer (ids are lower-case), so people would see it just as it is written"))
            }
            i = close + 1
        }
        return found
    }

    /// The `}` that closes a `{` before `from`, on the same line, with no `{` before it.
    private static func closing(_ chars: [Character], from: Int) -> Int? {
        var j = from
        while j < chars.count {
            if chars[j] == "}" { return j }
            if chars[j] == "{" || chars[j] == "\n" { return nil }
            j += 1
        }
        return nil
    }

    /// The id of a hole: before any `|`, without the spaces around it.
    private static func idPart(_ inner: String) -> String {
        String(inner.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false).first ?? "").trimmingCharacters(in: .whitespaces)
    }
}

import Foundation
