/// One person's plan as every door sees it: takes a line (a `/command` or an answer), runs the
/// conversation, and returns the turn to show and to keep. Pure: it never writes, waits or prints.
///
/// Every door does the same three steps:
///
///     let turn = session.handle(line)
///     try await store.append(turn.changes, to: plan, progress: turn.progress)   // when it keeps plans
///     session.accept(turn)                                                      // then show turn.events
///
/// When the append fails, the door shows `session.unsaved(error)` and keeps the session as it was:
/// nothing is shown as done before it is durable, and there is nothing to undo.
public struct Session: Sendable {
    public private(set) var conversation: Conversation
    /// Kept in a box that every copy of the session shares (a turn copies the session), read in place.
    public var support: SupportDirectory {
        _read { yield supportBox.value }
        set { supportBox = Shared(newValue) }
    }
    fileprivate(set) var supportBox: Shared<SupportDirectory>
    /// The saved plan this session carries on (id, resume code, dates); nil when nothing is kept.
    public var plan: PlanInfo?
    /// Where answers go, as the door knows it: said when a plan starts or is picked up again.
    public var privacy: Privacy?
    /// Whether the door can write an exported plan to a file (`/export markdown plan.md`).
    public var savesFiles = false
    /// What `/export` and a file's name is told where no file can be written: the plan is shown instead.
    var noFileWords: String {
        switch privacy {
        case .server?, .room?:
            "Files cannot be saved over the network, so here is your plan instead. To keep a copy, copy it from here and paste it into a document of your own."
        default:
            "Saving to a file is not possible here, so here is your plan instead."
        }
    }
    /// Whether a host is there (`tandem serve`, asked only after a full check-in): then the person
    /// is offered the host (`/talk`), once.
    public var host = HostPresence.none
    /// Whether a command's word typed on its own ("skip", "help") is the command (`Command(bareWord:)`);
    /// not in a group room, where it is something said to the group.
    public var takesBareWords = true
    /// What has been said about words of distress: the check-in once, then a reminder for every later line with them.
    public internal(set) var checkIns = CheckInState()
    /// Whether the full check-in has been shown.
    public var checkInShown: Bool { checkIns.shown }
    /// Set once the person has paused or quit: the door closes after showing the events.
    public private(set) var isClosed = false
    /// The plan was deleted elsewhere while open here (`planGone`), and nothing has been exported
    /// since: the answers live only in this window, so leaving asks once first.
    private var onlyHere = false
    /// A hello typed at the name question was asked about just now ("hi"): typed again straight
    /// after, it is their name (a real name is never refused for good).
    var helloAsked = false

    public init(conversation: Conversation, support: SupportDirectory, plan: PlanInfo? = nil) {
        self.conversation = conversation
        self.supportBox = Shared(support)
        self.plan = plan
    }

    /// What one input produced: the events to show, the changes to keep first, and the session
    /// after them (taken with `accept`).
    public struct Turn: Sendable {
        public var events: [Event]
        public var changes: [Change]
        /// A plan to write to a file: the door writes it (`PlanFile`), then shows `.exported`.
        public var file: ExportFile?
        /// The session once the changes are kept.
        public var next: Session

        /// How far the plan has got after this turn, for the store.
        public var progress: PlanProgress { PlanProgress(next.conversation) }
    }

    /// Takes a turn's session, once its changes are durable.
    public mutating func accept(_ turn: Turn) {
        self = turn.next
    }

    /// What to show when a turn's changes could not be kept: the session stays as it was.
    public func unsaved(_ error: any Error) -> [Event] {
        [.failure("I could not save that, so I have not moved on. Please try again. (\(error))")] + conversation.repeatQuestion()
    }

    /// A door's `keep` throws this when the plan is no longer in the store (deleted, perhaps in
    /// another window): trying again could never work.
    public struct PlanGone: Error {
        public init() {}
    }

    /// The plan was deleted elsewhere: the turn is taken all the same (nothing typed is lost), and
    /// from now on the plan lives only here, unsaved, as a plan without a store does. Says so.
    public mutating func planGone(after turn: Turn) -> [Event] {
        accept(turn)
        return [.failure(planLost())] + turn.events
    }

    /// From now on the plan lives only here, unsaved, as a plan without a store does: the words
    /// that say so (for a group's plan, in the group's words; see `Room.planGone`).
    mutating func planLost(group: Bool = false) -> String {
        plan = nil
        onlyHere = true
        if group {
            return "This group's plan is no longer saved: it was deleted, perhaps in another window. The group can carry on, and /export shows the plan so it can be copied, but nothing more is saved."
        }
        let copy = savesFiles ? "/export keeps a copy in a file" : "/export shows your plan so you can copy it"
        return "This plan is no longer saved: it was deleted, perhaps in another window. You can carry on, and \(copy), but nothing more is saved here."
    }

    /// The code that brings the person back to this plan, when it is kept and not finished.
    var resumeCode: String? { conversation.isFinished ? nil : plan?.code }

    // MARK: Turns

    /// The opening of a new plan.
    public func start() -> Turn {
        turn { s in
            var c = s.conversation
            let t = c.start()
            var events = s.commit(t, next: c)
            if let code = s.plan?.code { events.insert(.keptAs(code: code), at: min(1, events.count)) }
            return Self.withPrivacy(s.privacy, events)
        }
    }

    /// The opening of a saved plan, picked up again: "welcome back", a word about a changed
    /// dialogue when its questions changed since the plan was saved, where the plan stands, and the
    /// question it stopped at.
    public func resume(dialogueChanged: Bool = false) -> [Event] {
        var events: [Event] = [.notice(Self.welcomeBack)]
        if dialogueChanged {
            events.append(.notice("The questions in this plan have been updated since you last used it. Your answers are kept. If a question has changed, I will ask it again."))
        }
        events += conversation.resume().events
        return Self.withPrivacy(privacy, events)
    }

    /// The opening of a group's saved plan, opened as a room again (`/room resume`): as `resume`,
    /// but at the question the group was answering when the plan was last kept. Own answers held
    /// for a question everyone answers mean the group was on it, even one the host had gone back
    /// to (`/back`, `/change`), which a plan alone would not open at: so the room opens there, and
    /// those answers are held again (`Room.reopen`), not lost.
    public mutating func resumeAsRoom(dialogueChanged: Bool = false) -> [Event] {
        conversation.focusOnHeld()
        // The plan is the group's: "your answers" would be the host's own.
        return resume(dialogueChanged: dialogueChanged).map {
            $0 == .notice(Self.welcomeBack) ? .notice("Welcome back. The group's answers are all here.") : $0
        }
    }

    static let welcomeBack = "Welcome back. Your answers are all here."

    /// Handles one line from a person: a `/command` or an answer.
    ///
    /// Every door's lines come in here, so this is where typed text is cleaned (`Sanitize.line`):
    /// no escape sequence or control character is kept in the plan, the store or an export.
    public func handle(_ line: String) -> Turn {
        if let items = pastedItems(line) {
            let whole = Self.oneLine(line)
            return turn { s in s.stepPasted(items, whole: whole) }
        }
        let line = Self.oneLine(line)
        if let items = typedItems(line) {
            return turn { s in s.stepPasted(items, whole: line, typedOnOneLine: true) }
        }
        return turn { s in s.step(line) }
    }

    /// Handles a typed answer from a program (JSON mode): checked as it is, never read back from
    /// words. Its text is cleaned as a line is (`AnswerInput.sanitized`).
    public func handle(answer input: AnswerInput) -> Turn {
        let input = input.sanitized
        guard case .text(let line) = input else {
            return turn { s in
                guard !s.isClosed else { return [] }
                var c = s.conversation
                let refusalSaysWhy = !s.answerTakesNoWords
                let t = c.answer(input)
                return s.checkIn(input.words.joined(separator: " "), s.commit(t, next: c), refusalSaysWhy: refusalSaysWhy)
            }
        }
        return turn { s in s.step(line) }
    }

    /// Handles a line and takes its turn at once: for what keeps nothing (transcripts, tests, a
    /// group room working on its own copy).
    public mutating func take(_ line: String) -> [Event] {
        let t = handle(line)
        accept(t)
        return t.events
    }

    /// In a group room: everyone's own answers to the current question, kept as one answer.
    public func answerTogether(_ views: [AnswerValue.View]) -> Turn {
        turn { s in
            guard !s.isClosed else { return [] }
            var c = s.conversation
            let t = c.answerTogether(views)
            return s.commit(t, next: c)
        }
    }

    /// The end of input (Ctrl-D, a closed connection): the plan is already saved; say how to come back.
    public func endOfInput() -> Turn {
        turn { s in
            guard !s.isClosed else { return [] }
            s.isClosed = true
            return [.paused(code: s.resumeCode, saved: s.plan != nil)]
        }
    }

    /// A group room's own answer held for the open question (`Change.held`): kept in the state as
    /// replaying the journal keeps it, never as the plan's answer.
    mutating func hold(_ change: Change) {
        conversation.hold(change)
    }

    /// Ends the session from outside (a group room that closed): nothing more is taken.
    public mutating func close() {
        isClosed = true
    }

    /// Runs `body` on a copy of this session, which collects the changes it makes: the turn.
    private func turn(_ body: (inout Session) -> [Event]) -> Turn {
        var next = self
        next.pending = Pending()
        let events = body(&next)
        let pending = next.pending
        next.pending = Pending()
        return Turn(events: events, changes: pending.changes, file: pending.file, next: next)
    }

    /// What a turn has made so far (on the copy `turn` works on).
    struct Pending: Sendable {
        var changes: [Change] = []
        var file: ExportFile?
    }

    var pending = Pending()

    /// A conversation turn taken: its changes are collected, and its state becomes the session's.
    mutating func commit(_ turn: Conversation.Turn, next: Conversation) -> [Event] {
        pending.changes += turn.changes
        conversation = next
        // A plan shown because a question said so (`action: export`) carries the contacts, as /export does.
        return turn.events.map { event in
            guard case .export(let format, _) = event else { return event }
            return .export(format: format, text: PlanExporter(conversation: conversation, info: plan ?? PlanInfo(), support: support).render(format))
        }
    }

    /// One line, on the copy a turn works on.
    mutating func step(_ line: String) -> [Event] {
        guard !isClosed else { return [] }
        let events: [Event]
        if let command = Command(line: line, writesFiles: savesFiles) ?? (takesBareWords ? Command(bareWord: line, mayBeAnswer: !answerTakesNoWords) : nil) {
            events = run(command)
            // A line that is not a known command may still be words to hear.
            switch command {
            case .unknown, .bad: break
            case .help, .back, .skip, .review, .progress, .why, .urgent, .pause, .quit, .change, .export:
                // The words after a known command are heard too: "/skip i cant do this any more",
                // "/export i want to die.txt". The command still does what it says.
                guard let words = CommandCatalogue.argument(of: line) else { return events }
                return checkIn(words, events)
            }
        } else if isNameQuestion {
            return nameTurn(line)
        } else {
            let refusalSaysWhy = !answerTakesNoWords
            let closed = answerHoldsNoOwnWords(line)
            var c = conversation
            let t = c.answer(isListQuestion ? ListMarker.rest(line).map(String.init) ?? line : line)
            let events = commit(t, next: c)
            // An answer in closed words only ("yes I think so", "only the 2", "I am their son or
            // daughter", "in a couple of weeks"): every word of it a number, a date's, the chosen
            // option's own label words, or the parser's fixed words. It holds no words of the
            // person's own for the weighed words to weigh: only the patterns hear it. (Any other
            // word, and the whole check-in hears it.)
            guard closed else { return checkIn(line, events, refusalSaysWhy: refusalSaysWhy) }
            guard let heard = supportBox.read({ $0.distress(in: line) }), !heard.weighed else { return events }
            return checkIn(line, events, heard: heard, refusalSaysWhy: refusalSaysWhy)
        }
        return checkIn(line, events)
    }

    /// The open question takes a list, one thing a line. A line typed there with a bullet or a
    /// number ("- walking the dog", "2) a bath") is one thing; its marker is the plan's to show. A
    /// terminal without bracketed paste, and a pipe, hand over a list copied from notes this way,
    /// line by line. (Lines pasted at once keep theirs unless every line has one: `pastedItems`.)
    var isListQuestion: Bool {
        // The question's own kind: a rule may change a list's limits, never make it a list.
        guard case .list = conversation.currentStep?.question?.answer else { return false }
        return true
    }

    /// A command, on the copy a turn works on.
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
            onlyHere = false
            let text = PlanExporter(conversation: conversation, info: plan ?? PlanInfo(), support: support).render(format)
            guard let path else { return [.export(format: format, text: text)] }
            guard savesFiles else { return [.notice(noFileWords), .export(format: format, text: text)] }
            pending.file = ExportFile(format: format, text: text, path: path)
            return []
        case .pause where onlyHere, .quit where onlyHere:
            // Asked once: /pause or /quit again leaves.
            onlyHere = false
            let keep = savesFiles ? "type /export and a file name (like /export my-plan.txt)" : "type /export to see your plan, and copy it"
            return [.invalid("Your answers are only in this window now, because the saved plan was deleted. To keep a copy, \(keep). To leave without a copy, type /\(command == .quit ? "quit" : "pause") again.")]
        case .pause:
            isClosed = true
            return [.paused(code: resumeCode, saved: plan != nil)]
        case .quit:
            isClosed = true
            return [.goodbye(code: resumeCode, finished: conversation.isFinished, saved: plan != nil)]
        case .unknown(let word):
            // A command of another place (`/start` at the menu, `/join`): say where it works.
            if let entry = CommandCatalogue.entry(word), entry.places.contains(.menu), !entry.places.contains(.plan) {
                return [.invalid("/\(entry.word) works at the menu, before a plan starts. To go back to the menu, type /pause (your answers are kept). Type /help to see what you can do here.")]
            }
            let hint = Suggest.closest(to: word, in: Command.names).map { " Did you mean /\($0)?" } ?? ""
            return [.invalid("I do not know the command /\(word).\(hint) Type /help to see them all.")]
        case .bad(let message):
            return [.invalid(message)]
        }
    }
}

/// An exported plan the person asked to be written to a file.
public struct ExportFile: Sendable, Equatable {
    public var format: ExportFormat
    public var text: String
    /// The path as typed.
    public var path: String

    /// What to show once the door has tried to write it: where it went, or why it could not.
    public func written(_ result: Result<String, any Error>) -> [Event] {
        switch result {
        case .success(let path): [.exported(format: format, path: path)]
        case .failure(let error): [.failure("I could not write that file: \(error). Your plan is safe.")]
        }
    }
}
