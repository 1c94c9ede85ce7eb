/// A picture of a dialogue's flow in Graphviz DOT: each part (section) a box, one rounded box per
/// question, notes for messages, solid arrows for the way on with `next:` conditions as labels,
/// and dashed arrows where a step with `when:` can be skipped: from each step that leads to it,
/// straight to the step after it. Steps no arrow reaches are greyed and marked.
///
///     tandem graph looking-after-me-too --format svg > flow.svg
public enum FlowGraph {
    /// One arrow.
    struct Edge: Hashable {
        var from: String
        var to: String
        var label: String?
        var dashed = false
    }

    static let start = "_start_"
    static let end = "_end_"

    public static func dot(_ script: Script) -> String {
        let edges = self.edges(script)
        let reached = self.reached(edges)
        var lines = [
            "digraph \"\(escape(script.id))\" {",
            "  rankdir=TB;",
            "  label=\"\(escape(script.title))\"; labelloc=t; fontname=\"Helvetica\"; fontsize=14;",
            "  node [fontname=\"Helvetica\", fontsize=10];",
            "  edge [fontname=\"Helvetica\", fontsize=9];",
            "  \(start) [shape=circle, label=\"start\", width=0.5];",
            "  \(end) [shape=doublecircle, label=\"end\", width=0.5];",
        ]
        for (n, section) in script.sections.enumerated() {
            lines.append("  subgraph \"cluster_\(escape(section.id))\" {")
            lines.append("    label=\"Part \(n + 1): \(escape(section.title))\"; style=rounded; color=gray;")
            for step in section.steps {
                lines.append("    " + node(step, reached: reached.contains(step.id)))
            }
            lines.append("  }")
        }
        for edge in edges {
            var attributes: [String] = []
            if edge.dashed { attributes.append("style=dashed") }
            if let label = edge.label { attributes.append("label=\"\(escape(label))\"") }
            let tail = attributes.isEmpty ? "" : " [\(attributes.joined(separator: ", "))]"
            lines.append("  \(name(edge.from)) -> \(name(edge.to))\(tail);")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    static func node(_ step: Step, reached: Bool) -> String {
        let text = short(step.question.map(\.prompt.source) ?? sayText(step))
        let never = reached ? "" : "\\n(no way reaches this step)"
        let grey = reached ? "" : ", color=gray, fontcolor=gray"
        switch step.content {
        case .say:
            return "\(name(step.id)) [shape=note, label=\"\(escape(step.id))\\n\(escape(text))\(never)\"\(grey)];"
        case .ask(let q):
            // In a group, a question everyone answers is drawn doubled.
            let who = q.who == .everyone ? ", everyone" : ""
            let style = q.who == .everyone ? "rounded,bold\", peripheries=\"2" : "rounded"
            return "\(name(step.id)) [shape=box, style=\"\(style)\", label=\"\(escape(step.id)) (\(q.answer.kind.rawValue)\(who))\\n\(escape(text))\(never)\"\(grey)];"
        }
    }

    /// Every arrow, in the order of the file: the way on from each step, then the skips.
    static func edges(_ script: Script) -> [Edge] {
        let steps = script.steps
        func following(_ i: Int) -> String { i + 1 < steps.count ? steps[i + 1].id : end }
        var edges: [Edge] = []
        if let first = steps.first { edges.append(Edge(from: start, to: first.id)) }
        for (i, step) in steps.enumerated() {
            if step.next.isEmpty {
                edges.append(Edge(from: step.id, to: following(i)))
            } else {
                for branch in step.next {
                    let to = branch.target.value == Branch.endTarget ? end : branch.target.value
                    edges.append(Edge(from: step.id, to: to, label: branch.condition.map { "if \($0.text)" }))
                }
            }
        }
        // A step that can be passed over: every arrow into it also goes, dashed, to the step after
        // it (and on, when that one can be passed over too).
        var seen = Set(edges)
        var work = edges
        while let edge = work.popLast() {
            guard let i = script.index(of: edge.to), let skip = skipReason(steps[i]) else { continue }
            let jump = Edge(from: edge.from, to: following(i), label: "skips \(steps[i].id) \(skip)", dashed: true)
            if seen.insert(jump).inserted {
                edges.append(jump)
                work.append(jump)
            }
        }
        return edges
    }

    /// Why a step can be passed over, or nil when it never is.
    static func skipReason(_ step: Step) -> String? {
        if let when = step.when { return "unless \(when.text)" }
        if let source = step.question?.optionsFrom { return "when \(source) offers nothing" }
        return nil
    }

    /// The steps some arrow from the start reaches.
    static func reached(_ edges: [Edge]) -> Set<String> {
        var out: [String: [String]] = [:]
        for edge in edges { out[edge.from, default: []].append(edge.to) }
        var seen: Set<String> = [start]
        var work = [start]
        while let next = work.popLast() {
            for to in out[next] ?? [] where seen.insert(to).inserted { work.append(to) }
        }
        return seen
    }

    static func name(_ id: String) -> String {
        id == start || id == end ? id : "\"\(escape(id))\""
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
