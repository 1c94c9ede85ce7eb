import DialogueEngine

/// The server's own words: what only the network door says (its commands, limits and errors).
/// Everything a plan says comes from the engine's events through `TextRenderer`.
public enum ServerWords {
    public static let resumeHint = "If you have a code to carry on with a plan, type /resume and the code."
    public static let notSaving = "Plans are not saved on this server, so there is nothing to carry on with."

    // Limits and errors.
    public static func tooLong(_ limit: Int) -> String {
        "That line is too long (the most is \(thousands(limit)) bytes), so I am closing this connection."
    }
    public static let notUTF8 = "I could not read that line. Please type plain text (UTF-8)."
    public static let lineTooSlow = "That line took too long to arrive, so I am closing this connection."
    public static func idleWarning(_ grace: Int) -> String {
        "Are you still there? If nothing is typed in the next \(minutes(grace)), I will close this connection."
    }
    public static let idleClosed = "Nothing has been typed for a while, so I am closing this connection."
    public static let slowDown = "Lines are coming faster than I can take them, so I will slow down for a moment."
    public static let flood = "Too many lines arrived at once, so I am closing this connection."
    public static let tooMany = "Sorry, there are too many connections just now. Please try again in a few minutes."
    public static let closing = "The server is closing now."
    public static let evicted = "The server is full, and this connection had not started a plan, so it has been closed to let someone else in. Please try again in a few minutes."
    /// Tries from an address (or the whole server) that sent too many wrong codes are checked late.
    public static func slowCheck(_ what: String, seconds: Int) -> String {
        "Too many \(what) that did not work have come from your network lately, so I will check this one in \(minutes(seconds))."
    }
    /// A telnet client's Ctrl-C (Interrupt Process), the first time on a connection.
    public static let lineCleared = "That line has been cleared. If you want to stop, type /quit."
    /// The same, to a group room's host, whose `/quit` would end the group for everyone.
    public static let lineClearedHosting = "That line has been cleared. (Typing /quit would end the group for everyone.)"
    public static let busy = "Something went wrong on the server, and that line was not used. Please try again."

    // /resume
    public static let resumeUsage = "Type /resume and your code, like /resume K7QM-3XRT-9PAE."
    public static let resumeInPlan = "You are in a plan already. Type /quit first, then /resume and the code."
    public static let badCode = "I could not find a plan with that code. Please check it and try again."
    public static let planBusy = "That plan is being opened somewhere else at this moment. Please try again in a minute."
    public static let planOpenElsewhere = "That plan is open in a Tandem window on the server's computer just now, so it cannot open here too: your answers would overwrite each other. Close it there first (type /pause in that window), then try again."
    public static let planTakenOver = "This plan has just been opened on another connection, so it has closed here. Everything you gave is saved. To carry on here instead, type /resume and its code."
    public static func planInRoom(_ code: String) -> String {
        "That plan is open in a group room just now. To take part, type /join \(code) and your name."
    }
    public static func dialogueGone(_ id: String) -> String {
        "This plan uses the dialogue \"\(id)\", which this server does not have now. Please ask the person who runs it."
    }

    // /mode
    public static let modeUsage = "Type /mode json or /mode text."
    public static let textMode = "Text mode. Type /help to see what you can do."

    // /host and facilitators
    public static let hostUsage = "Type /host and the host token."
    public static let hostWelcome = "You are hosting. /sessions lists everyone connected, /say ID TEXT sends someone a message, /watch ID shows the answers of someone who chose to share them, /unwatch ID stops. Where an ID goes, a name from /sessions works too."
    public static let wrongToken = "That is not the host token."
    public static let hostOnly = "Only the host can do that. Type /host and the host token first."

    // Group rooms
    public static let roomUsage = "Type /room new and a plan's name or number to open a group room, like /room new coproduction-conversation. /room close and the code closes one. /room resume and a group plan's code opens it again. /room on its own lists the open rooms."
    public static let joinUsage = "Type /join, the group's code and your name, like /join K7QM-3XRT Asha."
    /// `/resume` or `/room resume` with a group room's join code (8 characters), not a plan's code.
    public static func joinCodeOfOpenRoom(_ code: String) -> String {
        "That is the code for joining the group room \(code), not a plan's code. To join the group, type /join \(code) and your name."
    }
    public static let joinCodeOfNoRoom = "That code is like a group room's code for joining, and no group room is open with it now: it may have closed. A group's saved plan opens with its own code, which has 12 letters and numbers, like K7QM-3XRT-9PAE. It was shown when the room closed."
    public static let noSuchRoom = "I could not find an open group with that code. Please check it with the host and try again."
    // Seat codes (/join CODE SEAT)
    public static func wrongSeat(_ code: String) -> String {
        "That seat code is not one from this group. Please check it and try again. If you are new to the group, or it has been opened again since you were in it, type /join \(code) and your name."
    }
    public static let wrongSeatJoinedNew = "That seat code is not one from this group, so you have joined as someone new. Any answer given from that seat stays with the person who gave it."
    public static func seatsLocked(_ code: String) -> String {
        "Too many seat codes that did not work have been tried in this group, so seat codes no longer work here. This keeps everyone's answers safe. You can still join as someone new: type /join \(code) and your name."
    }
    public static let seatsLockedJoinedNew = "Too many seat codes that did not work have been tried in this group, so seat codes no longer work here, and you have joined as someone new. Any answer given from that seat stays with the person who gave it."
    public static let seatTaken = "Someone is in that seat now. If that was you and your connection was lost, try again in two minutes: by then the server will know it has gone."
    public static let inRoom = "You are in a group already. Type /quit to leave it first."
    /// To a room's host, who would close it for everyone with `/quit` (`inRoom` told them to).
    public static func hostingRoom(_ code: String) -> String {
        "You are hosting a group already. To end it for everyone, type /room close \(code) first."
    }
    public static func roomAlreadyOpen(_ code: String) -> String { "That group's plan is open in the room \(code) already, with its host there. If that was you and your connection was lost, try again in two minutes: by then the server will know it has gone." }
    public static let inPlanNoRoom = "You are in a plan already. Type /quit first, then try again."
    public static let noRooms = "No group rooms are open. Type /room new and a plan's name to open one."
    public static func roomClosed(_ code: String) -> String { "Closed the group room \(code). Everyone in it has been told." }
    public static func roomLine(code: String, title: String, people: Int, finished: Bool, waitingForHost: Bool = false) -> String {
        let here = "\(code)  \(title), \(people == 1 ? "1 person" : "\(people) people")\(finished ? ", finished" : "")"
        guard waitingForHost else { return "  " + here }
        return "  \(here), waiting for its host to come back (to take it back: /room resume \(code))"
    }
    public static let sayUsage = "Type /say, the person's id or name and your message, like /say k3fa Welcome."
    public static let watchUsage = "Type /watch and the person's id or name, like /watch k3fa."
    public static func noSuchConnection(_ id: String) -> String { "No one is connected with the id or name \(id). Type /sessions to see who is." }
    public static func severalCalled(_ name: String, ids: [String], command: String) -> String {
        "More than one person is called \(name). Type \(command) and the id of the one you mean: \(ids.joined(separator: ", "))."
    }
    public static func sent(_ id: String) -> String { "Sent to \(id)." }
    public static func notShared(_ id: String) -> String { "\(id) has not chosen to share their answers. They can type /share if they wish." }
    /// `/watch` of someone in a group room, where `/share` changes nothing.
    public static func watchInRoom(_ who: String) -> String {
        "\(who) is in a group room. Everyone there sees what they type, and their own answers show to all once everyone has answered. /watch is for someone working on a plan of their own."
    }
    public static func watching(_ who: String) -> String { "You will see \(who)'s answers as they give them. /unwatch stops." }
    public static func stoppedWatching(_ who: String) -> String { "You no longer see \(who)'s answers." }
    public static let unwatchUsage = "Type /unwatch and the id or name of someone you watch, like /unwatch k3fa."
    public static func notWatching(_ who: String) -> String { "You are not watching \(who), so there is nothing to stop." }
    public static func fromHost(_ text: String) -> String { "Message from the host: \(text)" }

    // Asking the host to talk (`/talk`).
    public static let talkSent = "Thank you. The host has been told you would like to talk with them, and nothing else. The contacts are there whenever you need them: type /urgent."
    public static let talkNoHost = "There is no host here just now, so no one could be told. The people in the contacts can help you now: type /urgent to see them."
    public static let talkDeclined = "That is fine. You can type /talk at any time if you change your mind."
    public static func wantsToTalk(_ who: String) -> String {
        "\(who) would like you to come and talk with them. Nothing they wrote is passed on. Type /say and their id to reach them."
    }

    // Participants
    public static let shared = "From now on, the host can see the answers you give, as you give them. Answers you gave before stay private. Type /unshare to stop at any time."
    /// `/share` or `/unshare` in a group room: it used to promise the host would see answers "as you
    /// give them" and that earlier ones "stay private", neither so in a group.
    public static let shareInRoom = "In a group, everyone here sees what you type. Answers to a question everyone answers show to all once everyone has answered. /share and /unshare are for a plan of your own."
    public static let unshared = "Sharing has stopped. Your answers are private again."
    public static let notSharing = "Your answers are private. Type /share if you would like the host to see them."
    public static let nameUsage = "Type /name and the name you would like the host to see, like /name Sam."
    public static func named(_ name: String) -> String { "Thank you. The host will see you as \(name)\(name.hasSuffix(".") ? "" : ".")" }
    /// `/name` in a group room: the group knows them by it too.
    public static func namedInGroup(_ name: String) -> String { "Thank you. The group and the host will see you as \(name)\(name.hasSuffix(".") ? "" : ".")" }

    // What a facilitator sees about a participant.
    public static func answered(_ who: String, question: String) -> String { "\(who) answered \"\(question)\":" }
    public static func leftForNow(_ who: String, question: String) -> String { "\(who) left \"\(question)\" for now." }
    public static let withheld = "(Part of this answer was given before they chose to share, so it stays private.)"

    public static func stoppedSharing(_ who: String) -> String { "\(who) stopped sharing their answers." }
    public static func left(_ who: String) -> String { "\(who) has left." }

    public static func thousands(_ n: Int) -> String {
        n >= 1000 ? "\(n / 1000),\(String(format3(n % 1000)))" : String(n)
    }

    private static func format3(_ n: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: 3 - s.count) + s
    }

    /// "5 minutes", "1 minute", "30 seconds".
    public static func minutes(_ seconds: Int) -> String {
        if seconds >= 60 && seconds % 60 == 0 {
            let m = seconds / 60
            return m == 1 ? "1 minute" : "\(m) minutes"
        }
        return seconds == 1 ? "1 second" : "\(seconds) seconds"
    }

    /// "12s", "3m", "2h".
    public static func idle(_ seconds: Int) -> String {
        if seconds < 60 { return "\(seconds)s" }
        if seconds < 3600 { return "\(seconds / 60)m" }
        return "\(seconds / 3600)h"
    }
}
