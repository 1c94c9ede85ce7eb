import DialogueEngine
import TandemProtocol

/// Who a host means in `/say`, `/watch` and `/unwatch`: the id `/sessions` shows, or the name the
/// person gave with `/name`, in any case ("/say Sam Take your time", "/watch big dave").
extension ConnectionLogic {
    /// Someone a host named.
    enum Someone: Sendable {
        /// One person: their id, the name they go by, and the words typed after the name (`/say`).
        case found(id: String, name: String?, rest: String)
        case noOne
        /// More than one person goes by that name: their ids.
        case several([String])
    }

    /// Finds whom `typed` begins with (the whole of it, when `withWords` is false). An id wins; then
    /// the longest name that fits. Names are read from the connections as `/sessions` reads them.
    func findSomeone(_ typed: String, withWords: Bool, then: @escaping (Someone) -> Void) {
        let typed = typed.trimmedSpaces
        let parts = typed.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        let first = parts.first.map { String($0).lowercased() } ?? ""
        if services.hub.link(first) != nil, withWords || parts.count == 1 {
            return then(.found(id: first, name: nil, rest: parts.count > 1 ? String(parts[1]).trimmedSpaces : ""))
        }
        let others = services.hub.all().filter { $0.id != id }.map(\.link)
        work({
            var named: [(id: String, name: String)] = []
            for link in others {
                if let snap = await link.snapshot(), let name = snap.name { named.append((snap.id, name)) }
            }
            return named.map { [$0.id, $0.name] }
        }) { result in
            guard case .success(let named) = result else { return then(.noOne) }
            then(Self.match(typed, among: named.map { ($0[0], $0[1]) }, withWords: withWords))
        }
    }

    /// The people whose name `typed` is (or begins with, then a space, when `withWords`): the
    /// longest such name only, so "Sam" does not take a line meant for "Sam Jones".
    static func match(_ typed: String, among named: [(id: String, name: String)], withWords: Bool) -> Someone {
        let lower = typed.lowercased()
        let fits = named.filter { person in
            let name = person.name.lowercased()
            return withWords ? lower.hasPrefix(name + " ") && lower.count > name.count + 1 : lower == name
        }
        guard let longest = fits.map(\.name.count).max() else { return .noOne }
        let chosen = fits.filter { $0.name.count == longest }
        guard chosen.count == 1, let person = chosen.first else { return .several(chosen.map(\.id).sorted()) }
        return .found(id: person.id, name: person.name, rest: String(typed.dropFirst(person.name.count)).trimmedSpaces)
    }

    /// How a host sees someone in a note: "k3fa (Sam)", or the id alone.
    static func shown(_ id: String, _ name: String?) -> String {
        name.map { "\(id) (\(Sanitize.line($0)))" } ?? id
    }
}
