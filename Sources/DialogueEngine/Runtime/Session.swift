/// Where a session's changes are kept. `record` must make them durable before it returns.
public protocol Journal: AnyObject {
    /// Appends changes; throws when they could not be made durable (nothing is then shown as done).
    func record(_ changes: [Change]) throws
    /// The code that resumes this plan, if it has one.
    var resumeCode: String? { get }
    /// The plan's id and dates, for exports made during the conversation.
    var planInfo: PlanInfo { get }
}

extension Journal {
    public var planInfo: PlanInfo { PlanInfo() }
}

/// Writes an exported plan to a file for `/export <format> <file>`; returns the path written.
public protocol ExportSink {
    func write(_ text: String, format: ExportFormat, to path: String?) throws -> String
}

/// One person's conversation as every door sees it: parses a line, runs the conversation, keeps
/// the changes in the journal, and returns the events to show. Doors only frame lines and render.
public struct Session {
    public private(set) var conversation: Conversation
    public var support: SupportDirectory
    public var journal: (any Journal)?
    public var exportSink: (any ExportSink)?
    /// What has been said about words of distress: the check-in once, then reminders once a question.
    public private(set) var checkIns = CheckInState()
    /// Whether the full check-in has been shown.
    public var checkInShown: Bool { checkIns.shown }
    /// Set once the person has paused or quit: the door closes after showing the events.
    public private(set) var isClosed = false

    public init(conversation: Conversation, support: SupportDirectory, journal: (any Journal)? = nil, exportSink: (any ExportSink)? = nil) {
        self.conversation = conversation
        self.support = support
        self.journal = journal
        self.exportSink = exportSink
    }

    /// The opening of a new plan.
    public mutating func start() -> [Event] {
        var c = conversation
        let turn = c.start()
        var events = commit(turn, next: c)
        if let code = journal?.resumeCode { events.insert(.keptAs(code: code), at: min(1, events.count)) }
        return events
    }

    /// The opening of a resumed plan.
    public func resume() -> [Event] {
        var events: [Event] = [.notice("Welcome back. Your answers are all here.")]
        events += conversation.resume().events
        return events
    }

    /// Handles one line from a person: a `/command` or an answer.
    public mutating func handle(_ line: String) -> [Event] {
        guard !isClosed else { return [] }
        let step = conversation.currentStep?.id ?? ""
        var events: [Event]
        if let command = Command(line: line) {
            events = run(command)
            // A line that is not a known command may still be words to hear.
            switch command {
            case .unknown, .bad: break
            default: return events
            }
        } else {
            var c = conversation
            let turn = c.answer(line)
            events = commit(turn, next: c)
        }
        // Every line is heard, also when the words did not fit the question: the contacts matter more than the answer.
        guard let said = checkIns.event(for: line, at: step, support: support) else { return events }
        events.insert(said, at: 0)
        // In the middle of a list nothing else follows the contacts: show the question again, so
        // people can see where they are when they are ready to carry on.
        if case .checkIn = said, !events.contains(where: { if case .asked = $0 { true } else if case .field = $0 { true } else { false } }) {
            events += conversation.repeatQuestion()
        }
        return events
    }

    /// In a group room: everyone's own answers to the current question, kept as one answer.
    public mutating func answerTogether(_ views: [AnswerValue.View]) -> [Event] {
        guard !isClosed else { return [] }
        var c = conversation
        let turn = c.answerTogether(views)
        return commit(turn, next: c)
    }

    /// Ends the session from outside (a group room that closed): nothing more is taken.
    public mutating func close() {
        isClosed = true
    }

    /// The end of input (Ctrl-D, a closed connection): the plan is already saved; say how to come back.
    public mutating func endOfInput() -> [Event] {
        guard !isClosed else { return [] }
        isClosed = true
        return [.paused(code: conversation.isFinished ? nil : journal?.resumeCode, saved: journal != nil)]
    }

    /// Journals a turn's changes, and only then takes the new state and shows its events.
    private mutating func commit(_ turn: Conversation.Turn, next: Conversation) -> [Event] {
        if !turn.changes.isEmpty, let journal {
            do {
                try journal.record(turn.changes)
            } catch {
                return [.failure("I could not save that, so I have not moved on. Please try again. (\(error))")] + conversation.repeatQuestion()
            }
        }
        conversation = next
        // A plan shown because a question said so (`action: export`) carries the contacts, as /export does.
        return turn.events.map { event in
            guard case .export(let format, _) = event else { return event }
            return .export(format: format, text: PlanExporter(conversation: conversation, info: journal?.planInfo ?? PlanInfo(), support: support).render(format))
        }
    }

    mutating func run(_ command: Command) -> [Event] {
        var c = conversation
        switch command {
        case .help: return [.help(finished: conversation.isFinished)] + conversation.repeatQuestion()
        case .back: return commit(c.back(), next: c)
        case .skip: return commit(c.skip(), next: c)
        case .review: return conversation.review().events
        case .change(let target): return commit(c.change(target), next: c)
        case .progress: return conversation.progressTurn().events + conversation.repeatQuestion()
        case .why: return conversation.why().events
        case .urgent: return [.support(support)] + conversation.repeatQuestion()
        case .export(let format, let path):
            let text = PlanExporter(conversation: conversation, info: journal?.planInfo ?? PlanInfo(), support: support).render(format)
            guard let path else { return [.export(format: format, text: text)] }
            guard let sink = exportSink else {
                return [.notice("Saving to a file is not possible here, so here is your plan instead."), .export(format: format, text: text)]
            }
            do {
                return [.exported(format: format, path: try sink.write(text, format: format, to: path))]
            } catch {
                return [.failure("I could not write that file: \(error). Your plan is safe.")]
            }
        case .pause:
            isClosed = true
            return [.paused(code: conversation.isFinished ? nil : journal?.resumeCode, saved: journal != nil)]
        case .quit:
            isClosed = true
            return [.goodbye(code: conversation.isFinished ? nil : journal?.resumeCode, finished: conversation.isFinished, saved: journal != nil)]
        case .unknown(let word):
            let hint = Suggest.closest(to: word, in: Command.names).map { " Did you mean /\($0)?" } ?? ""
            return [.invalid("I do not know the command /\(word).\(hint) Type /help to see them all.")]
        case .bad(let message):
            return [.invalid(message)]
        }
    }
}
