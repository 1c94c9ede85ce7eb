import DialogueEngine
import Foundation

/// The `walk` target: a dialogue an author could write (`DialogueMaker`), and when the checker
/// passes it, a person working through it: answers that fit and answers that do not, every
/// command, empty lines, pasted lines and raw bytes. After every line these must hold:
///
/// - a line gets a reply, and the plan waits at a question or is finished;
/// - the changes kept so far, replayed as the store replays them, give the same answers, skips and
///   drafts, and (when the person is not revisiting an answer) the same question: a plan picked up
///   after a crash is the plan that was left;
/// - every kept answer fits its question;
/// - what is shown holds no control character (nothing typed can move a terminal's cursor);
/// - an export, in every format, ends with support contacts, and the JSON one parses.
enum Walk {
    /// The shared words the made dialogues can use (`DialogueMaker.commonText`).
    static let common = CommonLibrary.load(text: DialogueMaker.commonText, file: "common.yaml").0

    static let support: SupportDirectory = {
        if let library = try? DialogueLibrary.load(directory: "dialogues") { return library.support }
        let contact = SupportDirectory.Contact(name: "Samaritans", reach: "call 116 123")
        return SupportDirectory(title: "Support", intro: "People who can help now.", areas: [.init(id: "now", title: "Now", contacts: [contact])])
    }()

    /// `TANDEM_WALK_SHOW=1`: says for each input whether the checker refused the dialogue made
    /// (with its first problem) or it was walked; the room target also counts the own answers
    /// typed and shown. For seeing how much of what is made gets walked.
    static let show = ProcessInfo.processInfo.environment["TANDEM_WALK_SHOW"] != nil

    static func run(_ data: [UInt8]) {
        var maker = DialogueMaker(Choices(data))
        let text = maker.make()
        let loaded = ScriptLoader.load(text: text, file: "fuzz.yaml", common: common)
        if show { FileHandle.standardError.write(Data(((loaded.script == nil ? "REFUSED " + (loaded.diagnostics.first(where: { $0.severity == .error }).map { "\($0.location.line): \($0.message)" } ?? "") : "WALKED") + "\n").utf8)) }
        guard let script = loaded.script else { return }
        var choices = maker.choices
        let today = SimpleDate(year: 2026 + choices.pick(2), month: 1 + choices.pick(12), day: 1 + choices.pick(28))!
        let renderer = TextRenderer(width: 20 + choices.pick(100))
        var session = Session(conversation: Conversation(script: script, today: today), support: support)
        var kept: [Change] = []
        var waiting: (kind: AnswerKind, options: [OptionView])?
        let questions = script.steps.filter { $0.question != nil }.count
        var said = "the start"

        func take(_ turn: Session.Turn) {
            kept += turn.changes
            session.accept(turn)
            for event in turn.events {
                switch event {
                case .progress(let p): progressHolds(p, questions: questions, after: said, in: text)
                case .asked(let p):
                    progressHolds(p.progress, questions: questions, after: said, in: text)
                    waiting = (p.kind, p.options)
                case .field(let f): waiting = (f.kind, f.options)
                case .export(let format, let plan): exported(format, plan, after: said, in: text)
                default: break
                }
            }
            for line in renderer.render(turn.events) {
                require(!line.unicodeScalars.contains(where: isControl), "a control character shown after \(said): \(line.debugDescription)\n\(text)")
            }
            _ = JSONValue.array(JSONRenderer.encode(turn.events)).serialized()
            check(session, kept, script, today, after: said, dialogue: text)
        }

        take(session.start())
        var lines = 0
        while !choices.isEmpty, lines < 80, !session.isClosed {
            let turn: Session.Turn
            if choices.pick(8) == 0 {
                // An answer as a program sends it in JSON mode.
                let input = Self.typed(&choices, depth: 0)
                said = "\(input) (line \(lines + 1))"
                turn = session.handle(answer: input)
            } else {
                let line = Self.line(&choices, waiting)
                said = "\(line.debugDescription) (line \(lines + 1))"
                turn = session.handle(line)
            }
            require(!turn.events.isEmpty, "no reply to \(said)\n\(text)")
            take(turn)
            lines += 1
        }
        let plan = session.conversation
        for format in ExportFormat.allCases {
            let text = PlanExporter(conversation: plan, support: support).render(format)
            exported(format, text, after: "the walk", in: text)
        }
    }

    /// What holds after every turn (see the type's comment).
    static func check(_ session: Session, _ kept: [Change], _ script: Script, _ today: SimpleDate, after said: String, dialogue: String) {
        let live = session.conversation
        require(live.isFinished || live.currentStep?.question != nil, "after \(said) the plan waits at \(live.currentStep?.id ?? "nothing"), not a question\n\(dialogue)")
        let replayed = Conversation(script: script, replaying: kept, today: today)
        require(replayed.state == live.state, "after \(said) the kept changes replay to other answers:\n\(replayed.state)\nnot\n\(live.state)\n\(dialogue)")
        if live.focus == nil {
            require(replayed.currentStep?.id == live.currentStep?.id, "after \(said) a replayed plan is at \(replayed.currentStep?.id ?? "the end"), not \(live.currentStep?.id ?? "the end")\n\(dialogue)")
            // Picked up again, the plan asks the question it stopped at.
            if let step = live.currentStep?.id {
                let asks = Session(conversation: replayed, support: support).resume().contains {
                    switch $0 {
                    case .asked(let p): p.step == step
                    case .field(let f): f.step == step
                    default: false
                    }
                }
                require(asks, "after \(said) a plan picked up again does not ask \(step)\n\(dialogue)")
            }
        }
        for (id, value) in live.state.answers {
            guard let q = script.step(id)?.question, q.optionsFrom == nil else { continue }
            require(PlanReplay.fits(value, q.answer), "after \(said) \(id) keeps \(value), which does not fit \(q.answer.kind.rawValue)\n\(dialogue)")
            require(withinMax(value, q.answer), "after \(said) \(id) keeps \(value), more than its max\n\(dialogue)")
        }
    }

    /// A fixed `max:` holds however the answer was given (the first time, or changed with /change).
    static func withinMax(_ value: AnswerValue, _ spec: AnswerSpec) -> Bool {
        switch (spec, value) {
        case (.text(_, let max?), .text(let s)): s.count <= max
        case (.list(_, let max?), .list(let items)): items.count <= max
        case (.records(_, _, let max?), .records(let records)): records.count <= max
        case (.pickMany(_, _, let max?), .choices(let keys)): keys.count <= max
        default: true
        }
    }

    static func exported(_ format: ExportFormat, _ text: String, after said: String, in dialogue: String) {
        let contacts = support.areas.flatMap(\.contacts)
        require(contacts.isEmpty || contacts.contains { text.contains($0.name) }, "a \(format.rawValue) export after \(said) has no support contact\n\(dialogue)")
        if format == .json {
            do { _ = try JSONValue.parse(text) } catch { require(false, "the JSON export after \(said) does not parse: \(error)\n\(text)") }
        }
        require(!text.unicodeScalars.contains { isControl($0) && $0 != "\n" }, "a control character in the \(format.rawValue) export after \(said)")
    }

    /// Where a person is: a part and a question of it that exist (`question` counts in its part),
    /// and no more answered or skipped than the dialogue has questions.
    static func progressHolds(_ p: DialogueEngine.Progress, questions: Int, after said: String, in dialogue: String) {
        require(p.part >= 1 && p.part <= p.parts && p.question >= 0 && p.question <= p.questions && p.answered + p.skipped <= questions,
                "after \(said) progress \(p) (the dialogue has \(questions) questions)\n\(dialogue)")
    }

    static func require(_ condition: Bool, _ what: @autoclosure () -> String) { Target.require(condition, what()) }

    static func isControl(_ s: Unicode.Scalar) -> Bool { s.value < 0x20 || (0x7F...0x9F).contains(s.value) }

    /// The next line typed: an answer that fits the question waiting most of the time, else a
    /// command, an empty line, pasted lines or raw bytes.
    static func line(_ c: inout Choices, _ waiting: (kind: AnswerKind, options: [OptionView])?) -> String {
        switch c.pick(32) {
        case 0: return "/back"
        case 1: return "/skip"
        case 2: return "/review"
        case 3: return "/change \(1 + c.pick(9))"
        case 4: return "/progress"
        case 5: return "/why"
        case 6: return "/help"
        case 7: return "/export " + c.one(["", "text", "markdown", "json", "yaml"])
        case 8: return "/urgent"
        case 9: return ""
        case 10: return c.raw(24)
        case 11: return c.one(["tea\nwalks\n", "- one\n- two", "1. sleep\n2. walk\n\n", "yes\nno"])
        case 12: return c.one(["/pause", "/quit", "/change", "/change 0", "/change q1", "/nonsense", "/BACK", "  /skip  "])
        default:
            guard let waiting else { return "hello" }
            return answer(&c, waiting.kind, waiting.options)
        }
    }

    /// A typed answer, of any shape: JSON numbers can be huge or negative zero, and lists can hold
    /// anything, lists too.
    static func typed(_ c: inout Choices, depth: Int) -> AnswerInput {
        switch c.pick(depth < 2 ? 5 : 4) {
        case 0: return .number(c.one([0, -0.0, 1, 2, 3, 7, 2.5, -1, 1e300, .infinity, -.infinity, .nan, 10, 99]))
        case 1: return .bool(c.pick(2) == 0)
        case 2: return .text(c.one(["a", "b", "Sam", "tomorrow", "", "yes", "3", "i want to die"]))
        case 3: return .text(c.raw(12))
        default: return .list((0..<c.pick(4)).map { _ in typed(&c, depth: depth + 1) })
        }
    }

    static func answer(_ c: inout Choices, _ kind: AnswerKind, _ options: [OptionView]) -> String {
        switch kind {
        case .text:
            return c.one(["Sam", "I like long walks by the sea", "ok", "a", String(repeating: "word ", count: 15), "Jo, 07700 900123", "i want to die", "é\u{301}😀 \u{202E}abc"])
        case .list:
            return c.one(["tea", "walks", "", "", "calling my sister", "- music", "1. sleep"])
        case .pickOne, .pickMany:
            let o = options.isEmpty ? nil : c.one(options)
            let many = "\(1 + c.pick(max(1, options.count))), \(1 + c.pick(max(1, options.count)))"
            return c.one([o.map { String($0.number) } ?? "1", o?.key ?? "a", o?.label ?? "Sleep well", o?.label.split(separator: " ").last.map(String.init) ?? "well",
                          "three", String(options.count + 1), many, "1 and 2", "none of them"])
        case .yesNo:
            return c.one(["yes", "no", "Yes, please", "nah", "maybe", "aye go on", "not sure", "y"])
        case .number:
            return c.one(["5", "-3", "1,200", "2.5", "1e99", "seven", "0", "24", "1000"])
        case .scale:
            return c.one(["7", "7/10", "seven", "0", "1", "11", "about 6", "not at all", "99", "5"])
        case .date:
            return c.one(["tomorrow", "2027-03-01", "1/3", "yesterday", "next friday", "31/2/2027", "in 2 weeks", "today", "christmas", "2031-01-01", "end of the month"])
        case .records:
            return "Samaritans"
        }
    }
}
