/// A picture of a dialogue's flow in Graphviz DOT: one box per question, notes for messages,
/// solid arrows for the way on, dashed arrows for `when:` skips, labels for `next:` conditions.
///
///     tandem graph looking-after-me-too | dot -Tsvg > flow.svg
public enum FlowGraph {
    public static func dot(_ script: Script) -> String {
        var lines = [
            "digraph \"\(escape(script.id))\" {",
            "  rankdir=TB;",
            "  node [fontname=\"Helvetica\", fontsize=10];",
            "  edge [fontname=\"Helvetica\", fontsize=9];",
            "  start [shape=circle, label=\"start\", width=0.5];",
            "  end [shape=doublecircle, label=\"end\", width=0.5];",
        ]
        for (n, section) in script.sections.enumerated() {
            lines.append("  subgraph \"cluster_\(escape(section.id))\" {")
            lines.append("    label=\"Part \(n + 1): \(escape(section.title))\"; style=rounded; color=gray;")
            for step in section.steps {
                let text = short(step.question.map(\.prompt.source) ?? sayText(step))
                switch step.content {
                case .say:
                    lines.append("    \"\(escape(step.id))\" [shape=note, label=\"\(escape(step.id))\\n\(escape(text))\"];")
                case .ask(let q):
                    // In a group, a question everyone answers is drawn doubled.
                    let who = q.who == .everyone ? ", everyone" : ""
                    let style = q.who == .everyone ? "rounded,bold\", peripheries=\"2" : "rounded"
                    lines.append("    \"\(escape(step.id))\" [shape=box, style=\"\(style)\", label=\"\(escape(step.id)) (\(q.answer.kind.rawValue)\(who))\\n\(escape(text))\"];")
                }
            }
            lines.append("  }")
        }
        if let first = script.steps.first { lines.append("  start -> \"\(escape(first.id))\";") }
        for (i, step) in script.steps.enumerated() {
            let following = i + 1 < script.steps.count ? "\"\(escape(script.steps[i + 1].id))\"" : "end"
            let from = "\"\(escape(step.id))\""
            if step.next.isEmpty {
                lines.append("  \(from) -> \(following);")
            } else {
                for branch in step.next {
                    let to = branch.target.value == Branch.endTarget ? "end" : "\"\(escape(branch.target.value))\""
                    let label = branch.condition.map { " [label=\"if \(escape($0.text))\"]" } ?? ""
                    lines.append("  \(from) -> \(to)\(label);")
                }
            }
            if let when = step.when {
                lines.append("  \(from) -> \(following) [style=dashed, label=\"skipped unless \(escape(when.text))\"];")
            }
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    static func sayText(_ step: Step) -> String {
        if case .say(let t) = step.content { return t.source }
        return ""
    }

    static func short(_ s: String) -> String {
        let flat = s.split(whereSeparator: { $0.isNewline }).joined(separator: " ")
        return flat.count > 48 ? String(flat.prefix(45)) + "..." : flat
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }
}
