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
    public var phrases: [String]

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
        let normal = Self.normalise(text)
        return phrases.contains { normal.contains(Self.normalise($0)) }
    }

    static func normalise(_ s: String) -> String {
        var out = s.lowercased()
        for (curly, straight) in [("\u{2019}", "'"), ("\u{2018}", "'"), ("\u{2010}", "-"), ("\u{2011}", "-"), ("\u{2013}", "-")] {
            out = out.replacingOccurrences(of: curly, with: straight)
        }
        // Punctuation counts as a space, so "I want to die." still holds " want to die ".
        let words = out.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "'" || $0 == "-") })
        return " " + words.joined(separator: " ") + " "
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
