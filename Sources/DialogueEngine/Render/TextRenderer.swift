/// Turns events into the lines people read. Every door uses it, so the terminal and the network
/// show the same words for the same inputs.
public struct TextRenderer: Sendable {
    public var width: Int
    /// How a door tells people to come back to a plan: `tandem resume` in a terminal, `/resume` on the network.
    public var resumeCommand: String
    /// Where a server keeps the menu once rendered, shared by every connection's renderer (nil: the
    /// menu is rendered each time it is shown).
    public var menus: MenuCache?
    /// Where a server keeps the questions of its dialogues once rendered, shared by every
    /// connection's renderer (nil: each question is rendered each time it is asked).
    public var questions: QuestionLines?

    /// The narrowest width words are wrapped to. A narrower window (a phone held upright, a split
    /// screen) is given lines this wide, which it breaks again itself.
    public static let narrowest = 20

    public init(width: Int = 80, resumeCommand: String = "tandem resume") {
        self.width = max(Self.narrowest, width)
        self.resumeCommand = resumeCommand
    }

    /// How to come back to a plan with `code`. Inside a session on the network, the command and the
    /// code (`/resume K7QM-3XRT-9PAE`). In a terminal, the command on its own, which then asks for the
    /// code: a code typed on a command line shows in `ps` and stays in the shell's history.
    public func resumeHow(_ code: String) -> String {
        resumeCommand.hasPrefix("/") ? "\(resumeCommand) \(code)" : "type \(resumeCommand), then the code"
    }

    public func render(_ events: [Event]) -> [String] {
        var lines: [String] = []
        for (i, event) in events.enumerated() {
            // A record's later field shown again after something else (support contacts, help) would
            // run on from those lines: set it apart and number it, as the record's first field is.
            if case .field(var f) = event, !f.first, i > 0, !Self.leadsIntoField(events[i - 1]) {
                f.text = "(\(f.record)) \(f.text)"
                lines += [""] + wrap(f.text, indent: "    ", first: "    ")
                lines += fieldOptions(f)
                lines += fieldHow(f)
                continue
            }
            // A plan shown for copying (/export) stays as it is: Markdown and JSON would break.
            if case .export = event { lines += render(event) } else { lines += fitted(render(event)) }
        }
        return lines
    }

    /// Events after which a record's next field follows on directly.
    static func leadsIntoField(_ event: Event) -> Bool {
        switch event {
        case .asked, .field, .invalid, .notice, .itemAdded: true
        default: false
        }
    }

    /// A record field's numbered choices, wrapped under their number.
    func fieldOptions(_ f: FieldPrompt) -> [String] {
        f.options.flatMap { Wrap.lines("\($0.number). \(Sanitize.line($0.label))", width: width, indent: "         ", firstIndent: "      ") }
    }

    func wrap(_ text: String, indent: String = "", first: String? = nil) -> [String] {
        Wrap.lines(Sanitize.text(text), width: width, indent: indent, firstIndent: first)
    }

    public func render(_ event: Event) -> [String] {
        switch event {
        case .intro(let title, let text, let minutes):
            var lines = [""] + wrap("== \(Sanitize.line(title)) ==")
            if let minutes { lines.append("(\(Self.minutes(minutes)))") }
            lines.append("")
            return lines + wrap(text)
        case .section(let n, let of, let title):
            return [""] + wrap("-- Part \(n) of \(of): \(Sanitize.line(title)) --")
        case .said(let text):
            return [""] + wrap(text)
        case .asked(let p):
            return question(p)
        case .field(let f):
            var lines: [String] = []
            if f.first { lines.append("") }
            let label = f.first ? "(\(f.record)) \(f.text)" : "    \(f.text)"
            lines += wrap(label, indent: "    ")
            lines += fieldOptions(f)
            lines += fieldHow(f)
            if f.first, f.hostAnswers != true { lines += wrap("(Press Enter on an empty line when you have finished.)", indent: "    ", first: "    ") }
            return lines
        case .invalid(let why):
            return wrap(why)
        case .itemAdded:
            return []
        case .notice(let text):
            return wrap(text)
        case .why(let text):
            return wrap("Why we ask: \(text)")
        case .progress(let p):
            let group = p.group == true
            var text = "\(group ? "The group is" : "You are") in part \(p.part) of \(p.parts) (\(p.partTitle)), question \(p.question) of \(p.questions)."
            text += " So far \(group ? "the group has" : "you have") answered \(p.answered) \(p.answered == 1 ? "question" : "questions")"
            text += p.skipped > 0 ? " and left \(p.skipped) for later." : "."
            return wrap(text)
        case .review(let items, let canChange, let group):
            return review(items, canChange: canChange, group: group)
        case .finished(let s):
            let who = s.group == nil ? "You" : "The group"
            var text = "That is the end of \"\(s.title)\". \(who) answered \(s.answered) \(s.answered == 1 ? "question" : "questions")"
            text += s.skipped > 0 ? " and left \(s.skipped) for later." : "."
            let next: String
            switch s.group {
            case nil:
                next = "Type /review to look over your answers, /change and a number to change one, /export to see your plan, or /quit when you are done."
            case .host:
                next = "Type /review to look over the group's answers, /change and a number to change one, /export to see the group's plan, or /quit to end the group."
            case .member:
                // Only the host gets the group plan's code when the group ends: this is the time to keep a copy.
                next = "Type /export to see the group's plan, so you can keep a copy. Once the group ends, only the host can open it again. Type /review to look over the group's answers, or /quit to leave the group."
            }
            return [""] + wrap(text) + wrap(next)
        case .help(let finished):
            var lines = [""] + wrap("You can type these at any time:")
            for (command, what) in Command.descriptions {
                if finished && (command == "/skip" || command == "/why") { continue }
                lines += commandRow(command, what)
            }
            return lines
        case .export(_, let text):
            // Cut at newline bytes: splitting by Character would look for grapheme breaks in the whole plan.
            var lines = Sanitize.text(text).newlineSeparated()
            // The exported text ends with a newline; the next event brings its own blank line.
            while lines.last == "" { lines.removeLast() }
            return [""] + lines
        case .exported(let format, let path):
            return wrap("Saved your plan as \(format.rawValue) in \(Sanitize.line(path)). Only you can read this file.")
        case .support(let directory):
            return support(directory)
        case .checkIn(let message, let directory, let about):
            // The list is long: on a small screen its start scrolls away. It ends with the numbers
            // that matter most (the reminder's words), so they are on screen whatever its height.
            let closing = directory.checkIn.reminder(for: about)
            return [""] + wrap(message) + support(directory, heading: false) + (closing.isEmpty ? [] : [""] + wrap(closing))
        case .talkOffer:
            return [""] + wrap("Would you like the host of this session to come and talk with you? If you would, type /talk. The host is told only that you would like to talk.")
        case .checkInReminder(let message, _):
            return [""] + wrap(message)
        case .paused(let code, let saved):
            guard saved else { return [""] + wrap("This plan is not being saved, so it ends here. Take care.") }
            guard let code else { return ["", "Your plan is saved. Take care."] }
            return [""] + wrap("Your plan is saved. To carry on later, use this code: \(code)") + wrap("(\(resumeHow(code)))")
        case .goodbye(let code, let finished, let saved):
            guard saved else { return ["", "Goodbye, and take care."] }
            guard let code, !finished else { return ["", "Your plan is saved. Goodbye, and take care."] }
            return [""] + wrap("Your plan is saved. To carry on later, use this code: \(code)") + wrap("(\(resumeHow(code)))") + ["Goodbye, and take care."]
        case .failure(let text):
            return wrap(text)
        case .privacy(let privacy):
            return [""] + wrap(Self.words(privacy))
        case .keptAs(let code):
            return wrap("Your answers are saved as you go. To come back to this plan another time, use the code \(code) (\(resumeHow(code))).")
        case .menu(let entries):
            return menu(entries)
        case .room(let note):
            return room(note)
        }
    }

    func question(_ p: Prompt) -> [String] {
        guard let questions, QuestionLines.keeps(p) else { return questionLines(p) }
        return questions.lines(p, width: width) { questionLines(p) }
    }

    private func questionLines(_ p: Prompt) -> [String] {
        var lines = [""] + wrap(p.text)
        let groups = p.currentIsTheGroups == true
        if let current = p.current {
            lines += wrap("\(groups ? "The group's answer now" : "Your answer now"): \(current)", indent: "  ", first: "  ")
        }
        if let hint = p.hint { lines += wrap("(\(hint))", indent: "  ", first: "  ") }
        if let soFar = p.soFar, !soFar.isEmpty {
            lines += wrap("Already in your plan:", indent: "  ", first: "  ")
            for item in soFar { lines += wrap(item, indent: "      ", first: "    - ") }
        }
        for o in p.options { lines += wrap("\(o.number). \(o.label)", indent: "     ", first: "  ") }
        var how: String?
        switch p.kind {
        case .list:
            how = "Type one thing on each line. Press Enter on an empty line when you have finished."
            if let n = p.itemsSoFar, n > 0 { how! += " You have \(n) so far." }
        case .pickMany: how = "Type the numbers of all that fit, with commas between them, like 1, 3."
        case .pickOne: how = "Type the number of your choice."
        case .yesNo: how = "Type yes or no."
        case .scale:
            if let r = p.range {
                let lo = Int(r[0]), hi = Int(r[1])
                var text = "Type a number from \(lo) to \(hi)"
                let low = p.labels?[String(lo)], high = p.labels?[String(hi)]
                if let low, let high { text += " (\(lo) = \(low), \(hi) = \(high))" }
                how = text + "."
            }
        case .number:
            if let r = p.range { how = "Type a number from \(r[0].formatted) to \(r[1].formatted)." }
        case .date: how = "Type a date, like 1/3/2027, or words like \"in 2 weeks\"."
        case .records: how = "Add them one at a time."
        case .text: how = nil
        }
        // How to type it is for the one who types it: in a group room, the host (`hostAnswers`).
        if let how, p.hostAnswers != true { lines += wrap(how, indent: "  ", first: "  ") }
        if p.current != nil, !groups {
            // In a record, /back goes into the last entry, a part at a time (see `Conversation.back`).
            let keep = p.kind == .records
                ? "Type more to add to it, /back to change the last one, or press Enter to keep it."
                : p.kind == .list
                ? "Type more to add to it, /back to take out the last one, or press Enter to keep it."
                : "Type a new answer, or press Enter to keep this one."
            lines += wrap(keep, indent: "  ", first: "  ")
        }
        return lines
    }

    func menu(_ entries: [DialogueEntry]) -> [String] {
        guard let menus else { return renderMenu(entries) }
        return menus.lines(entries, width: width) { renderMenu(entries) }
    }

    func renderMenu(_ entries: [DialogueEntry]) -> [String] {
        var lines = [""] + wrap("Welcome to Tandem. Which plan would you like to work on?")
        for e in entries {
            lines.append("")
            var line = "\(e.number). \(e.title)"
            if let m = e.minutes { line += " (\(Self.minutes(m)))" }
            lines += wrap(line, indent: "     ", first: "  ")
            if !e.audience.isEmpty { lines += wrap("For: \(Self.audience(e.audience))", indent: "     ", first: "     ") }
            if !e.summary.isEmpty { lines += wrap(e.summary, indent: "     ", first: "     ") }
        }
        lines += [""] + wrap("Type a number to start. Type /urgent for support contacts, or /quit to leave.")
        return lines
    }

    /// Where answers go, in plain words (every text starts the same way, so people learn to spot it).
    public static func words(_ privacy: Privacy) -> String {
        let start = "Where your answers go:"
        switch privacy {
        case .thisComputer(let store?):
            return "\(start) into a file on this computer that only you can read (\(Sanitize.line(store))). Nothing is sent anywhere, and no one is watching what you write."
        case .thisComputerReadable(let store):
            return "\(start) into a file on this computer (\(Sanitize.line(store))). Other people on this computer may be able to read it: see the warning above for how to fix that. Nothing is sent anywhere, and no one is watching what you write."
        case .thisComputer(nil):
            return "\(start) nowhere. This plan is not being saved, and nothing is sent anywhere. No one is watching what you write."
        case .server(let saved, let encrypted):
            return "\(start) they are sent over the network to the computer that runs this session\(saved ? ", and saved there" : ", and not saved")."
                + (encrypted ? " The connection is encrypted." : " The connection is not encrypted, so someone on the same network could read them.")
                + " The host sees your answers only if you type /share."
        case .room(let saved, let encrypted):
            return "\(start) everyone in this group sees the group's answers, and everything you type here. They are sent to the computer that runs this session\(saved ? ", and saved there" : ", and not saved")."
                + (encrypted ? " The connection is encrypted." : " The connection is not encrypted, so someone on the same network could read them.")
        }
    }

    /// "about 20 minutes", "about 1 minute".
    public static func minutes(_ m: Int) -> String { m == 1 ? "about 1 minute" : "about \(m) minutes" }

    /// "family, friends or carers": who a dialogue is for, in everyday words.
    public static func audience(_ words: [String]) -> String {
        let names = words.map { w -> String in
            switch w {
            case "person": "you"
            case "family": "family"
            case "friend": "friends"
            case "carer": "carers"
            case "staff": "staff and peer workers"
            case "group": "groups and teams"
            default: w
            }
        }
        guard names.count > 1 else { return names.first ?? "" }
        let joiner = names.contains { $0.containsBytes(" and ") } ? ", or " : " or "
        return names.dropLast().joined(separator: ", ") + joiner + names.last!
    }

    /// How to answer a record's field, for the kinds that need saying.
    func fieldHow(_ f: FieldPrompt) -> [String] {
        let how: String? =
            switch f.kind {
            case .pickOne: "Type the number of your choice."
            case .yesNo: "Type yes or no."
            case .date: "Type a date, like 1/3/2027, or words like \"in 2 weeks\"."
            case .text, .list, .pickMany, .number, .scale, .records: nil
            }
        let hint = f.hint.map { wrap("(\($0))", indent: "      ", first: "      ") } ?? []
        guard f.hostAnswers != true else { return hint }
        return hint + (how.map { wrap($0, indent: "      ", first: "      ") } ?? [])
    }

    func review(_ items: [ReviewItem], canChange: Bool = true, group: Bool = false) -> [String] {
        guard !items.isEmpty else { return ["", group ? "The group has not answered any questions yet." : "You have not answered any questions yet."] }
        var lines = ["", group ? "The group's answers so far:" : "Your answers so far:"]
        var part: String?
        let width = String(items.count).count
        for item in items {
            if item.part != part {
                part = item.part
                lines += ["", Sanitize.line(item.part)]
            }
            let number = String(item.number)
            let pad = String.repeating(ascii: UInt8(ascii: " "), count: width - number.count)
            let indent = String.repeating(ascii: UInt8(ascii: " "), count: 4 + width)
            lines += wrap("\(item.question)", indent: indent, first: "  \(pad)\(number). ")
            if let entries = item.entries {
                // One to a line: joined with "; ", entries that hold commas ran together.
                for entry in entries { lines += wrap(entry, indent: indent + "  ", first: indent + "- ") }
            } else {
                lines += wrap(item.answer ?? "(not answered yet)", indent: indent, first: indent)
            }
        }
        if canChange {
            lines += [""] + wrap("To change an answer, type /change and its number, like /change \(items[0].number).")
        } else {
            lines += [""] + wrap("In a group, the host changes the group's answers. You can ask them to.")
        }
        return lines
    }

    /// A command and what it does, in two columns; in a narrow window, the words go under it.
    func commandRow(_ command: String, _ what: String) -> [String] {
        guard width >= 40 else { return ["  \(command)"] + wrap(what, indent: "    ", first: "    ") }
        let pad = String.repeating(ascii: UInt8(ascii: " "), count: max(1, 12 - command.count))
        // The command goes in the first indent, so wrapping (which joins spaces) keeps the column.
        return wrap(what, indent: String.repeating(ascii: UInt8(ascii: " "), count: 14), first: "  \(command)\(pad)")
    }

    func support(_ d: SupportDirectory, heading: Bool = true) -> [String] {
        var lines: [String] = []
        if heading { lines += [""] + wrap("== \(Sanitize.line(d.title)) ==") + wrap(d.intro) }
        for area in d.areas {
            lines += [""] + wrap(Sanitize.line(area.title) + ":")
            for c in area.contacts {
                var text = "\(c.name): \(c.reach)."
                if let note = c.note { text += " \(note)" }
                lines += Wrap.keepingNumbers(Sanitize.text(text), width: width, indent: "    ", firstIndent: "  ")
            }
        }
        return lines
    }
}
