/// Questions as the dialogue has them, rendered once for each width and kept: everyone who
/// reaches a question on a server is shown the same lines, and wrapping them again for each
/// person was about a tenth of a server's turn. See ``TextRenderer/questions``.
///
/// Only a question that holds nothing of anyone's answers is kept (``Prompt/asWritten``, and no
/// answer shown with it): a text with an answer in it (`{name}`), choices made from an earlier
/// answer, or the answer given so far are rendered each time and never kept.
public final class QuestionLines: Sendable {
    /// Where kept lines are looked for: the question's id and the width (short to hash).
    struct Key: Hashable, Sendable {
        var step: String
        var width: Int
    }

    /// Everything ``TextRenderer`` shows of a question as written, compared in full before kept
    /// lines are used (two dialogues may have questions with the same id), and its lines.
    struct Entry: Sendable {
        var text: String
        var hint: String?
        var kind: AnswerKind
        var options: [OptionView]
        var range: [Double]?
        var labels: [String: String]?
        var hostAnswers: Bool?
        var lines: [String]

        init(_ p: Prompt, lines: [String]) {
            (text, hint, kind, options, range, labels, hostAnswers) = (p.text, p.hint, p.kind, p.options, p.range, p.labels, p.hostAnswers)
            self.lines = lines
        }

        /// A question's text comes from its dialogue, so it shares its storage with the kept one
        /// and compares at once.
        func shows(_ p: Prompt) -> Bool {
            text == p.text && hint == p.hint && kind == p.kind && options == p.options && range == p.range && labels == p.labels && hostAnswers == p.hostAnswers
        }
    }

    struct Kept {
        var entries: [Key: [Entry]] = [:]
        var count = 0
    }

    private let kept = Locked(Kept())
    /// More than the questions of many dialogues at a few widths; when full it starts again, so a
    /// client that tries every width holds no more than this.
    static var capacity: Int { 2048 }

    public init() {}

    /// Whether `p` is shown the same to everyone who reaches it, so its lines may be kept.
    static func keeps(_ p: Prompt) -> Bool {
        p.asWritten && p.current == nil && p.soFar == nil && (p.itemsSoFar ?? 0) == 0
    }

    /// The lines of `p` at `width`: kept ones when it was shown before, else `render()`'s (then
    /// kept). `p` must be one that ``keeps(_:)``.
    func lines(_ p: Prompt, width: Int, render: () -> [String]) -> [String] {
        let key = Key(step: p.step, width: width)
        if let known = kept.withLock({ $0.entries[key]?.first { $0.shows(p) }?.lines }) { return known }
        let lines = render()
        kept.withLock { kept in
            // Another connection may have kept it meanwhile.
            guard kept.entries[key]?.contains(where: { $0.shows(p) }) != true else { return }
            if kept.count >= Self.capacity { kept = Kept() }
            kept.entries[key, default: []].append(Entry(p, lines: lines))
            kept.count += 1
        }
        return lines
    }

    /// How many are kept (for tests).
    var count: Int { kept.withLock { $0.count } }
}
