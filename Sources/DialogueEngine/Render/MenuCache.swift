import Synchronization

/// The menu of dialogues as shown at each width, for a server that greets everyone with it:
/// rendering it wraps every dialogue's summary, which costs more than a turn of a plan, and the
/// lines are the same for everyone at one width (see ``TextRenderer/menus``).
public final class MenuCache: Sendable {
    private let kept = Mutex<[(width: Int, entries: [DialogueEntry], lines: [String])]>([])
    /// How many are kept: a few widths (people's terminals differ), each for the list of dialogues
    /// shown at it.
    static let capacity = 8

    public init() {}

    /// The lines for `entries` at `width`: kept ones when the same entries were shown at that width
    /// before, else `render()`'s (then kept).
    func lines(_ entries: [DialogueEntry], width: Int, render: () -> [String]) -> [String] {
        if let known = kept.withLock({ kept in kept.first { $0.width == width && $0.entries == entries }?.lines }) {
            return known
        }
        let lines = render()
        kept.withLock { kept in
            if kept.count >= Self.capacity { kept.removeFirst() }
            kept.append((width, entries, lines))
        }
        return lines
    }
}
