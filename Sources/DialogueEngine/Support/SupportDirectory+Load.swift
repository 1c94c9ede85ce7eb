import Foundation
import Yams

extension SupportDirectory {
    /// Reads `support.yaml`; returns the directory (nil when it has errors) and any diagnostics.
    ///
    /// - Parameters:
    ///   - today: the date to judge `checked:` by. With a date, a contact checked more than a year
    ///     before it, or with no `checked:` or `source:`, is a warning (D028). Nil skips that: the
    ///     engine never reads the clock itself.
    public static func load(text: String, file: String, today: SimpleDate? = nil) -> (SupportDirectory?, [Diagnostic]) {
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
            let contacts = (a["contacts"].flatMap { reader.sequence($0.value, what: "contacts") } ?? []).compactMap { contact($0, reader: reader, today: today) }
            areas.append(Area(id: id, title: t, contacts: contacts))
        }
        // Judged as `tandem check` judges (with a day): the contacts replace those on every plan,
        // check-in and /urgent, so a file with no way to reach 999 is a warning (D044).
        if today != nil, let a = top["areas"], !areas.flatMap(\.contacts).contains(where: { reaches999($0.reach) }) {
            reader.report(
                .noEmergencyNumber, .warning, "no contact here gives 999, so plans and check-ins would not show it",
                at: reader.location(a.key), length: 5,
                help: "add a contact for 999 first, like: name: Emergency services, reach: Call 999, or go to A&E")
        }
        var words = CheckInWords.fallback
        if let c = top["check-in"],
            let m = reader.mapping(c.value, what: "check-in", allowed: checkInKeys)
        {
            func text(_ key: String) -> String? {
                m[key].flatMap { reader.string($0.value, what: key) }?.trimmingCharacters(in: .whitespacesAndNewlines)
            }
            words = CheckInWords(
                person: text("message") ?? words.person, someoneElse: text("someone-else") ?? words.someoneElse,
                reminder: text("reminder") ?? words.reminder, reminderSomeoneElse: text("reminder-someone-else") ?? words.reminderSomeoneElse,
                harmed: text("harmed"), someoneElseHarmed: text("someone-else-harmed"),
                reminderHarmed: text("reminder-harmed"), reminderSomeoneElseHarmed: text("reminder-someone-else-harmed"),
                fearOfHarming: text("fear-of-harming"), reminderFearOfHarming: text("reminder-fear-of-harming"),
                maybe: text("maybe"), maybeSomeoneElse: text("maybe-someone-else"),
                harmAreas: areaIDs(m["harm-areas"]?.value, key: "harm-areas", areas: areas, reader: reader),
                eatingDrinkDrugs: text("eating-drink-drugs"), someoneElseEatingDrinkDrugs: text("someone-else-eating-drink-drugs"),
                reminderEatingDrinkDrugs: text("reminder-eating-drink-drugs"),
                reminderSomeoneElseEatingDrinkDrugs: text("reminder-someone-else-eating-drink-drugs"),
                eatingDrinkDrugsAreas: areaIDs(m["eating-drink-drugs-areas"]?.value, key: "eating-drink-drugs-areas", areas: areas, reader: reader))
            if let phrases = m["phrases"] {
                reader.report(
                    .unknownKey, .warning, "phrases: is no longer read here; the words of distress are in \(DistressMatcher.fileName)",
                    at: reader.location(phrases.key), length: 7, help: "move any phrases you added to signals: in \(DistressMatcher.fileName), then take this out")
            }
        }
        if today != nil {
            reportNumbersNotListed(words, areas: areas, at: top["check-in"]?.key ?? top["areas"]?.key, ownWords: top["check-in"] != nil, reader: reader)
        }
        let errors = reader.diagnostics.contains { $0.severity == .error }
        return (errors ? nil : SupportDirectory(title: title, intro: intro, areas: areas, checkIn: words), reader.diagnostics)
    }

    static let contactKeys = ["name", "reach", "note", "checked", "source"]
    static let checkInKeys = [
        "message", "someone-else", "reminder", "reminder-someone-else",
        "harmed", "someone-else-harmed", "reminder-harmed", "reminder-someone-else-harmed", "harm-areas",
        "fear-of-harming", "reminder-fear-of-harming", "maybe", "maybe-someone-else", "phrases",
        "eating-drink-drugs", "someone-else-eating-drink-drugs", "reminder-eating-drink-drugs", "reminder-someone-else-eating-drink-drugs",
        "eating-drink-drugs-areas",
    ]

    /// The ids of the areas shown first with one kind of check-in (`key`: `harm-areas:` for harm
    /// from someone else, `eating-drink-drugs-areas:` for eating, drink and drugs); an id that is
    /// no area's is an error, with the ids there are.
    static func areaIDs(_ node: Node?, key: String, areas: [Area], reader: YAMLReader) -> [String] {
        guard let node else { return [] }
        let items: [Node]
        if case .scalar = node { items = [node] } else { items = reader.sequence(node, what: key) ?? [] }
        var ids: [String] = []
        for item in items {
            guard let id = reader.string(item, what: "an area id")?.trimmingCharacters(in: .whitespaces) else { continue }
            guard areas.contains(where: { $0.id == id }) else {
                reader.report(
                    .wrongValue, "\(key): names \"\(id)\", but no area has that id", at: reader.location(item), length: id.count,
                    help: "use the id: of an area above; there are \(areas.map(\.id).joined(separator: ", "))")
                continue
            }
            if !ids.contains(id) { ids.append(id) }
        }
        return ids
    }

    /// Whether a contact's words hold 999 as a number of its own ("Call 999", not "0800 999 123").
    static func reaches999(_ reach: String) -> Bool {
        numbers(in: reach).contains("999")
    }

    /// The numbers written in `text`: digit groups with single spaces between are one number
    /// ("0800 999 123", "116 123").
    static func numbers(in text: String) -> [String] {
        let groups = text.split(whereSeparator: { !$0.isASCII || !$0.isNumber })
        var numbers: [String] = []
        var current: [Substring] = []
        var index = text.startIndex
        for g in groups {
            let gap = text[index..<g.startIndex]
            if !current.isEmpty, gap != " " {
                numbers.append(current.joined(separator: " "))
                current = []
            }
            current.append(g)
            index = g.endIndex
        }
        if !current.isEmpty { numbers.append(current.joined(separator: " ")) }
        return numbers
    }

    static func contact(_ node: Node, reader: YAMLReader, today: SimpleDate?) -> Contact? {
        guard let m = reader.mapping(node, what: "a contact", allowed: contactKeys, required: ["name", "reach"]),
            let name = m["name"].flatMap({ reader.string($0.value, what: "name") }),
            let reach = m["reach"].flatMap({ reader.string($0.value, what: "reach") })
        else { return nil }
        var checked: SimpleDate?
        if let c = m["checked"], let s = reader.string(c.value, what: "checked") {
            checked = SimpleDate(iso: s.trimmingCharacters(in: .whitespaces))
            if checked == nil {
                reader.report(.wrongValue, "checked: should be a date written like 2026-12-03, not \"\(s)\"", at: reader.location(c.value), length: s.count)
            }
        }
        let source = m["source"].flatMap { reader.string($0.value, what: "source") }
        if let today {
            if let checked, checked < today.adding(years: -1) {
                reader.report(
                    .contactNotChecked, .warning, "\"\(name)\" was last checked on \(checked.iso), more than a year ago",
                    at: reader.location(m["checked"]!.value), length: checked.iso.count,
                    help: "check the number and hours on \(source ?? "the service's own website"), then change checked: to today's date")
            } else if m["checked"] == nil || source == nil {
                let missing = m["checked"] == nil ? (source == nil ? "checked: or source:" : "checked:") : "source:"
                reader.report(
                    .contactNotChecked, .warning, "\"\(name)\" has no \(missing)", at: reader.location(m["name"]!.key), length: 4,
                    help: "add checked: (the date you checked it) and source: (the service's own page you checked it on)")
            }
        }
        return Contact(name: name, reach: reach, note: m["note"].flatMap { reader.string($0.value, what: "note") }, checked: checked, source: source)
    }
}
