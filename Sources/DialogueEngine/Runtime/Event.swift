/// What a turn of the conversation has to show. Doors render events; they never invent words.
public enum Event: Sendable, Equatable, Codable {
    /// The dialogue's opening: title, intro text, minutes.
    case intro(title: String, text: String, minutes: Int?)
    /// A new part of the dialogue begins.
    case section(number: Int, of: Int, title: String)
    /// A message from the dialogue (`say:`).
    case said(String)
    /// A question, waiting for an answer.
    case asked(Prompt)
    /// One field of a record, waiting for a value.
    case field(FieldPrompt)
    /// An answer that could not be used: why, and what is accepted.
    case invalid(String)
    /// A list item was taken; `count` items so far.
    case itemAdded(step: String, count: Int)
    /// A short remark from the engine ("Skipped for now.").
    case notice(String)
    /// Why the current question is asked.
    case why(String)
    case progress(Progress)
    /// The answers so far; `canChange` is false for someone in a group who is not its host.
    /// `group`: the answers are a group's, in a group room ("The group's answers so far").
    case review([ReviewItem], canChange: Bool = true, group: Bool = false)
    /// The last step is done.
    case finished(Summary)
    /// The list of commands.
    case help(finished: Bool)
    /// A plan rendered for reading.
    case export(format: ExportFormat, text: String)
    /// A plan written to a file.
    case exported(format: ExportFormat, path: String)
    /// Support contacts (`/urgent`).
    case support(SupportDirectory)
    /// Words of distress in a line, the first time: a kind note and the contacts. `about` says who
    /// seems to be at risk, and the message speaks of them (see ``CheckInState``).
    case checkIn(message: String, support: SupportDirectory, about: DistressMatch.Concern)
    /// Words of distress again, later: a short kind line with the numbers that matter most and
    /// `/urgent`, for every later line with words of distress.
    case checkInReminder(message: String, about: DistressMatch.Concern)
    /// After the check-in, where a host runs the session: the person may ask the host to come and
    /// talk with them (`/talk`). Only that is passed on. (Not "never what you wrote": in a group
    /// room the group, host too, has just seen it, and a host may be watching after `/share`.) Said once.
    case talkOffer
    /// The person stopped for now. `saved` says whether a store keeps the plan; the code resumes it.
    case paused(code: String?, saved: Bool)
    case goodbye(code: String?, finished: Bool, saved: Bool)
    /// Where answers go, in the door's own words (see `Privacy`): said at the start of every plan.
    case privacy(Privacy)
    /// A new plan is kept in a store: the code that brings a person back to it, said at the start so
    /// that even a lost connection or a crash leaves them a way back.
    case keptAs(code: String)
    /// The dialogues to choose from.
    case menu([DialogueEntry])
    /// Something went wrong outside the conversation (a store that cannot save); nothing was lost.
    case failure(String)
    /// Something that happened in a group room.
    case room(RoomNote)
}

/// A question as shown.
public struct Prompt: Sendable, Equatable, Codable {
    public var step: String
    public var text: String
    public var kind: AnswerKind
    public var options: [OptionView]
    public var range: [Double]?
    public var labels: [String: String]?
    public var hint: String?
    public var hasWhy: Bool
    public var required: Bool
    /// The answer already given, when the question is asked again (/back, /change).
    public var current: String?
    /// `current` is the group's answer, which the host types: shown to someone else in a group
    /// room, who is not asked to keep or change it. Nil (not false) otherwise.
    public var currentIsTheGroups: Bool? = nil
    /// The group answers this question together, and its host types the answer: shown to someone
    /// else in a group room, who is not told how to type it ("Type the number of your choice.").
    /// Nil (not false) otherwise.
    public var hostAnswers: Bool? = nil
    public var progress: Progress
    /// For a list: items collected so far (after a resume).
    public var itemsSoFar: Int?
    /// For a list or records question that starts with items (`start-with:`): what its answer
    /// holds now, as people read it, so they can see what is already in their plan.
    public var soFar: [String]? = nil
    /// The question's words, hint and choices are the dialogue's own, holding nothing of anyone's
    /// answers (no `{id}` in them, no choices made from an earlier answer): a door may render it
    /// once and show the same lines to everyone (``QuestionLines``). What is shown with it
    /// (`current`, `soFar`, `itemsSoFar`) is not covered.
    public var asWritten: Bool = false
}

public struct OptionView: Sendable, Hashable, Codable {
    public var number: Int
    public var key: String
    public var label: String
}

/// One field of a record being typed.
public struct FieldPrompt: Sendable, Equatable, Codable {
    public var step: String
    public var field: String
    public var record: Int
    public var text: String
    public var kind: AnswerKind
    public var options: [OptionView]
    public var first: Bool
    /// The field's `hint:`, when it has one.
    public var hint: String? = nil
    /// Whether it may be left blank (an empty line moves on to the next field).
    public var required: Bool = false
    /// As ``Prompt/hostAnswers``: someone else in a group room, who is not told how to type it.
    public var hostAnswers: Bool? = nil
}

/// Where a person is in a dialogue.
public struct Progress: Sendable, Equatable, Codable {
    public var part: Int
    public var parts: Int
    public var partTitle: String
    public var question: Int
    public var questions: Int
    public var answered: Int
    public var skipped: Int
    /// Said of a group's plan, in a group room (`/progress` there): "the group", not "you".
    public var group: Bool? = nil
}

/// One line of `/review`.
public struct ReviewItem: Sendable, Equatable, Codable {
    public var number: Int
    public var step: String
    public var part: String
    public var question: String
    /// The answer as shown to people; nil when not answered yet.
    public var answer: String?
    public var skipped: Bool
    /// The answer's entries, one each, when it has more than one (a list, several choices, records,
    /// a group's answers): shown one to a line, as `answer` joins them with "; ".
    public var entries: [String]? = nil
}

public struct Summary: Sendable, Equatable, Codable {
    public var title: String
    public var answered: Int
    public var skipped: Int
    /// In a group room, who is told: the host, who moves the group, or someone else in it (who
    /// reads the group's plan and keeps a copy with `/export`). Nil for a plan of one's own.
    public var group: GroupRole? = nil
}

/// Who someone is in a group room, for words that differ between the host and everyone else.
public enum GroupRole: String, Sendable, Codable {
    case host, member
}

/// The formats a plan can be exported in.
public enum ExportFormat: String, Sendable, Codable, CaseIterable {
    case text, markdown, json

    public init?(word: String) {
        switch word.lowercased() {
        case "text", "txt", "plain": self = .text
        case "markdown", "md": self = .markdown
        case "json": self = .json
        default: return nil
        }
    }

    /// The format a file's name asks for by its ending (`.md`, `.json`); text for any other.
    public init(fileName: String) {
        let last = fileName.split(separator: "/").last.map(String.init) ?? fileName
        guard let dot = last.lastIndex(of: ".") else { self = .text; return }
        switch last[last.index(after: dot)...].lowercased() {
        case "md", "markdown": self = .markdown
        case "json": self = .json
        default: self = .text
        }
    }

    /// What to say when a file's name ends in a kind of document Tandem cannot make (`plan.pdf`,
    /// `plan.docx`): the plan would be plain text in a file that program cannot open. Nil for any
    /// other name.
    public static func cannotMake(_ fileName: String) -> String? {
        let last = fileName.split(separator: "/").last.map(String.init) ?? fileName
        guard let dot = last.lastIndex(of: "."), let kind = documentKinds[last[last.index(after: dot)...].lowercased()] else { return nil }
        return "I cannot make \(kind) file. I can save your plan as text (like my-plan.txt, which any word processor opens and prints), Markdown (my-plan.md) or JSON (my-plan.json)."
    }

    /// Kinds of file that will not open when they hold plain text (a `.doc` or `.rtf` of plain
    /// text still opens in a word processor, so those are written).
    static let documentKinds = [
        "pdf": "a PDF", "docx": "a Word", "odt": "an OpenDocument", "pages": "a Pages", "xlsx": "a spreadsheet", "ods": "a spreadsheet",
    ]

    public var fileExtension: String {
        switch self {
        case .text: "txt"
        case .markdown: "md"
        case .json: "json"
        }
    }
}
