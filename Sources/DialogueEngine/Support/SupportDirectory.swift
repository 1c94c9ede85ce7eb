import Foundation
import Yams

/// The support contacts `/urgent` shows, and the phrases that prompt a kind check-in.
public struct SupportDirectory: Sendable, Equatable, Codable {
    public struct Contact: Sendable, Equatable, Codable {
        public var name: String
        public var reach: String
        public var note: String?
    }

    public struct Area: Sendable, Equatable, Codable {
        public var id: String
        public var title: String
        public var contacts: [Contact]
    }

    public var title: String
    public var intro: String
    public var areas: [Area]
    public var checkInMessage: String
    public var phrases: [String] {
        didSet { phraseBytes = Self.bytes(phrases) }
    }
    /// The phrases normalised once, not again for every line people type.
    private var phraseBytes: [[UInt8]]

    private enum CodingKeys: String, CodingKey { case title, intro, areas, checkInMessage, phrases }

    public init(title: String, intro: String, areas: [Area], checkInMessage: String, phrases: [String]) {
        self.title = title
        self.intro = intro
        self.areas = areas
        self.checkInMessage = checkInMessage
        self.phrases = phrases
        self.phraseBytes = Self.bytes(phrases)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            title: try c.decode(String.self, forKey: .title), intro: try c.decode(String.self, forKey: .intro),
            areas: try c.decode([Area].self, forKey: .areas), checkInMessage: try c.decode(String.self, forKey: .checkInMessage),
            phrases: try c.decode([String].self, forKey: .phrases))
    }

    static func bytes(_ phrases: [String]) -> [[UInt8]] { phrases.map { Array(normalise($0).utf8) } }

    /// Contacts used when no support file can be read: the lines that must never be missing.
    public static let fallback = SupportDirectory(
        title: "Support you can reach now",
        intro: "Tandem does not watch what you write, and it cannot send help.",
        areas: [
            Area(id: "now", title: "If a life is in danger now", contacts: [Contact(name: "Emergency services", reach: "Call 999, or go to A&E", note: nil)]),
            Area(id: "uk", title: "Anywhere in the UK", contacts: [Contact(name: "Samaritans", reach: "Call 116 123", note: "Free, day or night.")]),
        ],
        checkInMessage: "Some words you wrote sound like you might be thinking about hurting yourself. You are not alone. The people below can help you now.",
        phrases: ["kill myself", "end my life", "suicide", "want to die", "hurt myself", "self-harm", "self harm"])

    /// Whether free text holds one of the check-in phrases.
    public func mentionsRisk(_ text: String) -> Bool {
        let normal = Array(Self.normalise(text).utf8)
        return phraseBytes.contains { Self.contains(normal, $0) }
    }

    /// Whether `needle` occurs in `haystack`, byte for byte. Both are normalised (words between
    /// single spaces), so bytes match where words do; no Foundation on every answer.
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard needle.count <= haystack.count else { return false }
        let first = needle[0]
        var i = 0
        while i <= haystack.count - needle.count {
            if haystack[i] == first, haystack[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }

    /// Lower case, curly quotes and dashes made straight, and words joined by single spaces with a
    /// space at each end. One pass over the scalars: this runs on every answer, so it avoids
    /// Foundation and character-by-character comparisons.
    static func normalise(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        out.append(" ")
        var gap = false, started = false
        for scalar in s.lowercased().unicodeScalars {
            var u = scalar
            switch u.value {
            case 0x2018, 0x2019: u = "'"
            case 0x2010, 0x2011, 0x2013: u = "-"
            default: break
            }
            // Punctuation counts as a space, so "I want to die." still holds " want to die ".
            if isWordScalar(u) {
                if gap { out.append(" ") }
                gap = false
                started = true
                out.append(u)
            } else if started {
                gap = true
            }
        }
        out.append(" ")
        return String(out)
    }

    /// Letters, numbers (and the marks that belong to them), `'` and `-`.
    private static func isWordScalar(_ u: Unicode.Scalar) -> Bool {
        if u.isASCII {
            switch u.value {
            case 0x30...0x39, 0x61...0x7A, 0x41...0x5A, 0x27, 0x2D: return true
            default: return false
            }
        }
        switch u.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark:
            return true
        default: return false
        }
    }

    /// Reads `support.yaml`; returns the directory and any diagnostics.
    public static func load(text: String, file: String) -> (SupportDirectory?, [Diagnostic]) {
        let reader = YAMLReader(source: SourceText(file: file, text: text))
        guard let root = reader.compose(text),
            let top = reader.mapping(root, what: "the support file", allowed: ["support", "title", "intro", "areas", "check-in"], required: ["title", "areas"])
        else { return (nil, reader.diagnostics) }
        let title = top["title"].flatMap { reader.string($0.value, what: "title") } ?? ""
        let intro = top["intro"].flatMap { reader.string($0.value, what: "intro") }?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        var areas: [Area] = []
        for node in top["areas"].flatMap({ reader.sequence($0.value, what: "areas") }) ?? [] {
            guard let a = reader.mapping(node, what: "an area", allowed: ["id", "title", "contacts"], required: ["id", "title", "contacts"]),
                let id = a["id"].flatMap({ reader.id($0.value, what: "an area id") }),
                let t = a["title"].flatMap({ reader.string($0.value, what: "an area title") })
            else { continue }
            var contacts: [Contact] = []
            for c in a["contacts"].flatMap({ reader.sequence($0.value, what: "contacts") }) ?? [] {
                guard let m = reader.mapping(c, what: "a contact", allowed: ["name", "reach", "note"], required: ["name", "reach"]),
                    let name = m["name"].flatMap({ reader.string($0.value, what: "name") }),
                    let reach = m["reach"].flatMap({ reader.string($0.value, what: "reach") })
                else { continue }
                contacts.append(Contact(name: name, reach: reach, note: m["note"].flatMap { reader.string($0.value, what: "note") }))
            }
            areas.append(Area(id: id, title: t, contacts: contacts))
        }
        var message = fallback.checkInMessage
        var phrases = fallback.phrases
        if let c = top["check-in"], let m = reader.mapping(c.value, what: "check-in", allowed: ["message", "phrases"], required: ["message", "phrases"]) {
            message = m["message"].flatMap { reader.string($0.value, what: "message") }?.trimmingCharacters(in: .whitespacesAndNewlines) ?? message
            phrases = (m["phrases"].flatMap { reader.sequence($0.value, what: "phrases") } ?? []).compactMap { reader.string($0, what: "a phrase")?.lowercased() }
        }
        let errors = reader.diagnostics.contains { $0.severity == .error }
        return (errors ? nil : SupportDirectory(title: title, intro: intro, areas: areas, checkInMessage: message, phrases: phrases), reader.diagnostics)
    }
}
