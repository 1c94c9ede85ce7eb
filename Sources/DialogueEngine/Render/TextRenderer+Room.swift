extension TextRenderer {
    /// The words for what happens in a group room.
    func room(_ note: RoomNote) -> [String] {
        switch note {
        case .opened(let code, let title):
            return [""] + wrap("Your group room for \"\(Sanitize.line(title))\" is open. People join by typing:")
                + ["  /join \(code) their-name"]
                + wrap("You type the group's answers. Type /help to see what you can do here.")
        case .welcome(let name, let title, let others, let seat, let code):
            let with = others.isEmpty ? "No one else is here yet." : "Also here: \(others.map(Sanitize.line).joined(separator: ", "))."
            var lines = [""] + wrap("Welcome, \(Sanitize.line(name)). You have joined the group for \"\(Sanitize.line(title))\". \(with)")
                + wrap("Everyone's answers count the same here. Type /help to see what you can do.")
            if let seat, let code {
                lines += [""] + wrap("Your seat code is \(Sanitize.line(seat)). It is just for you, so please keep it to yourself. If your connection drops, you can come back to your seat, and to any answer you gave, by typing:")
                    + ["  /join \(Sanitize.line(code)) \(Sanitize.line(seat))"]
            }
            return lines
        case .joined(let name):
            return wrap("\(Sanitize.line(name)) has joined the group.", indent: "  ", first: "  ")
        case .back(let name):
            return wrap("\(Sanitize.line(name)) is back.", indent: "  ", first: "  ")
        case .left(let name):
            return wrap("\(Sanitize.line(name)) has left the group.", indent: "  ", first: "  ")
        case .dropped(let name):
            return wrap("\(Sanitize.line(name))'s connection has dropped. They can join again with the same code.", indent: "  ", first: "  ")
        case .renamed(let from, let to):
            return wrap("\(Sanitize.line(from)) is now called \(Sanitize.line(to)).", indent: "  ", first: "  ")
        case .answered(let name, let count, let of):
            return wrap("\(Sanitize.line(name)) has answered (\(count) of \(of)).", indent: "  ", first: "  ")
        case .kept(let count, let of, let changed, let back):
            // Back at their seat, nothing was just given: no thanks, but where their answer is.
            let first = back ? "Your answer from before is kept." : changed ? "Changed your answer." : "Thank you."
            let rest = count < of ? "Everyone's answers will show together once all have answered (\(count) of \(of) so far)." : "That is everyone."
            return wrap("\(first) \(rest)", indent: "  ", first: "  ")
        case .views(let question, let lines):
            return [""] + wrap("Everyone's answers to \"\(Tidy.question(question))\":") + lines.flatMap { wrap($0, indent: "    ", first: "  - ") }
        case .recorded(let question, let answer):
            guard let answer else { return wrap("The group left \"\(Tidy.question(question))\" for now.", indent: "  ", first: "  ") }
            return wrap("The group's answer to \"\(Tidy.question(question))\": \(answer)", indent: "  ", first: "  ")
        case .remark(let name, let text):
            return wrap("\(Sanitize.line(name)) says: \(text)", indent: "    ", first: "  ")
        case .turn(let everyone, let host):
            if everyone {
                return wrap(host ? "Everyone answers this one, you too. Answers show together, with names, once all have answered. Type /next to go on without waiting."
                    : "Everyone answers this one. Answers show together, with names, once all have answered. Type /skip to pass.", indent: "  ", first: "  ")
            }
            return wrap(host ? "Talk it over together, then type the group's answer."
                : "The group answers this one together. Share your thoughts by typing them: everyone here sees them. The host types the group's answer.", indent: "  ", first: "  ")
        case .people(let names, let waiting):
            var lines = [""] + wrap("In the group: \(names.map(Sanitize.line).joined(separator: ", ")).")
            if !waiting.isEmpty { lines += wrap("Still to answer: \(waiting.map(Sanitize.line).joined(separator: ", ")).") }
            return lines
        case .hostOnly(let what):
            return wrap("In a group, only the host can \(what). You can ask them to.")
        case .help(let host):
            let rows = CommandCatalogue.roomHelp(host: host)
            var lines = ["", host ? "In your group room you can type:" : "In the group you can type:"]
            for (command, what) in rows { lines += commandRow(command, what) }
            return lines
        case .youLeft:
            return [""] + wrap("You have left the group. Thank you for taking part.")
        case .savedAs(let code):
            return wrap("The group's answers are saved as you go. To open this room again another time, type /room resume \(code)")
        case .hostAway(let minutes):
            return [""] + wrap("The host's connection has dropped. Please wait a little: when they come back, the group carries on. If they are not back within \(Self.minutesPlain(minutes)), the group will end, and everything is saved.")
        case .waitingForHost:
            return wrap("The host's connection has dropped, so the group is waiting for them to come back. If they do not come back soon, the group will end, and everything is saved.")
        case .hostBack(let name):
            return [""] + wrap("\(Sanitize.line(name)) is back. The group carries on.")
        case .closed(let code, let saved, let host, let finished):
            if !host, saved, let code {
                return [""] + wrap("The host did not come back, so the group has ended. Thank you for taking part. The group's plan is saved with the code \(code). A host can open the room again with /room resume \(code), or you can look over the plan on your own with \(resumeCommand) \(code).")
            }
            guard host else { return [""] + wrap("The group has ended. Thank you for taking part.") }
            guard saved, let code else { return [""] + wrap("The group room is closed.") }
            if finished {
                return [""] + wrap("The group room is closed. The group's plan is finished, and saved with the code \(code). To see it again, or to make a copy: \(resumeCommand) \(code), then /export.")
            }
            return [""] + wrap("The group room is closed. The group's plan is saved with the code \(code). To open the room again for the group: /room resume \(code)") + wrap("(To carry it on alone: \(resumeCommand) \(code))")
        }
    }
}

extension TextRenderer {
    /// "1 minute", "10 minutes".
    static func minutesPlain(_ m: Int) -> String { m == 1 ? "1 minute" : "\(m) minutes" }
}

/// Question text shown inside other words: on one line, without controls.
public enum Tidy {
    public static func question(_ text: String) -> String {
        Sanitize.line(text.replacingOccurrences(of: "\n", with: " "))
    }
}
