import DialogueEngine

/// `/sessions` in text mode: one line per connection, never an answer.
///
///     3 connections:
///       k3fa  Sam: Looking after me too, part 2 of 7, 5 answered, idle 12s, sharing
///       m9xb  choosing a plan, idle 2m
///       q2ad  you: hosting, idle 0s
public enum SessionList {
    public static func lines(_ list: [ConnectionSnapshot], me: String, width: Int) -> [String] {
        var lines = [list.count == 1 ? "1 connection:" : "\(list.count) connections:"]
        for s in list {
            var parts: [String] = []
            if let d = s.dialogue {
                var plan = d
                if s.finished {
                    plan += ", finished"
                } else if let p = s.progress {
                    plan += ", part \(p.part) of \(p.parts), \(p.answered) answered"
                }
                parts.append(plan)
            } else {
                parts.append(s.isHost ? "hosting" : "choosing a plan")
            }
            parts.append("idle \(ServerWords.idle(s.idleSeconds))")
            if s.sharing { parts.append("sharing") }
            // A person using `tandem connect` is a person; only other programs are called programs.
            if s.json { parts.append(s.client == "tandem-connect" ? "tandem connect" : s.client.map { "program (\(Sanitize.line($0)))" } ?? "program") }
            var who = s.name.map { "\(Sanitize.line($0)): " } ?? ""
            if s.id == me { who = "you: " }
            lines += Wrap.lines("\(s.id)  \(who)\(parts.joined(separator: ", "))", width: width, indent: "        ", firstIndent: "  ")
        }
        return lines
    }
}
