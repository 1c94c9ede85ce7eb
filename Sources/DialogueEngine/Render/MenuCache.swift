/// Lines that are the same for everyone at one width, rendered once and kept: the menu of
/// dialogues a server greets everyone with (``MenuCache``, see ``TextRenderer/menus``), and the
/// contacts at the end of every plan shown as text (``PlanExporter``). Rendering either wraps many
/// lines, which costs more than a turn of a plan.
///
/// Kept by what they were rendered from (`Key`), compared in full, so a changed list or directory
/// is rendered again; the same one compares at once (it shares its storage).
public final class KeptLines<Key: Equatable & Sendable>: Sendable {
    private let kept = Locked<[(width: Int, key: Key, lines: [String])]>([])
    /// How many are kept: a few widths (people's terminals differ), each for what was shown at it.
    static var capacity: Int { 8 }

    public init() {}

    /// The lines for `key` at `width`: kept ones when the same was shown at that width before,
    /// else `render()`'s (then kept).
    func lines(_ key: Key, width: Int, render: () -> [String]) -> [String] {
        if let known = kept.withLock({ kept in kept.first { $0.width == width && $0.key == key }?.lines }) {
            return known
        }
        let lines = render()
        kept.withLock { kept in
            if kept.count >= Self.capacity { kept.removeFirst() }
            kept.append((width, key, lines))
        }
        return lines
    }
}

/// The menu of dialogues as shown at each width, for a server that greets everyone with it.
public typealias MenuCache = KeptLines<[DialogueEntry]>
