import DialogueEngine
import Foundation

/// The `room` target: a dialogue an author could write, with questions everyone answers
/// (`who: everyone`), worked through by a group in a room: people join and leave, the host's
/// connection drops and comes back, and everyone types answers, remarks, commands and junk. After
/// every turn these must hold:
///
/// - a person's own answer to a question everyone answers reaches no one else until the group's
///   answers are shown together (no one's answer leads the others), and never when it was
///   replaced, or its writer left first;
/// - only the host changes the group's plan, but for the answers shown together;
/// - what is delivered goes to people in the room (or to the one who just left);
/// - the changes kept replay, as the store replays them, to the group's plan;
/// - nothing shown holds a control character.
enum RoomWalk {
    static let people = [("p1", "Asha"), ("p2", "Ben"), ("p3", "Asha"), ("p4", "Chris Lee")]

    static func run(_ data: [UInt8]) {
        var maker = DialogueMaker(Choices(data))
        maker.everyone = true
        let text = maker.make()
        guard let script = ScriptLoader.load(text: text, file: "fuzz.yaml", common: Walk.common).script else {
            if Walk.show { FileHandle.standardError.write(Data("REFUSED\n".utf8)) }
            return
        }
        var c = maker.choices
        let today = SimpleDate(year: 2026, month: 1 + c.pick(12), day: 1 + c.pick(28))!
        let renderer = TextRenderer(width: 40 + c.pick(80))
        var room = Room(code: "K7QM-4TZD", session: Session(conversation: Conversation(script: script, today: today), support: Walk.support), host: .init(id: "h", name: "Sam"))
        var kept: [Change] = []
        var secrets: [String: String] = [:]  // a marker typed as someone's own answer: whose it is
        var revealed: Set<String> = []
        var hostID = "h"
        var said = "the opening"
        var serial = 0
        var waiting: [String: (kind: AnswerKind, options: [OptionView])] = [:]  // the question each person sees

        func take(from who: String?, _ change: (inout Room) -> [Room.Delivery]) {
            let before = Set(room.members.map(\.id))
            let groupQuestion = room.session.conversation.currentStep?.question.map { $0.who != .everyone } ?? true
            let turn = room.turn(change)
            if Walk.show { FileHandle.standardError.write(Data("\(said): \(turn.changes)\n".utf8)) }
            kept += turn.changes
            room.accept(turn)
            // Described only while some own answer is still unshown: describing a plan, or an event
            // that carries the support contacts, is slow, and most walks type no own answers.
            let unshown = secrets.filter { !revealed.contains($0.key) }
            if !unshown.isEmpty {
                let plan = "\(room.session.conversation.state.answers)"
                for marker in unshown.keys where plan.contains(marker) { revealed.insert(marker) }
            }
            let now = Set(room.members.map(\.id))
            for d in turn.deliveries {
                require(before.contains(d.to) || now.contains(d.to), "after \(said) a delivery to \(d.to), who is not in the room\n\(text)")
                let hidden = unshown.filter { !revealed.contains($0.key) && !same($0.value, d.to) }
                if !hidden.isEmpty {
                    // Everything a door could show of the events: their JSON has every field.
                    let shown = JSONValue.array(JSONRenderer.encode(d.events)).serialized()
                    for (marker, owner) in hidden where shown.contains(marker) {
                        require(false, "after \(said) \(owner)'s own answer \(marker) reached \(d.to) before the answers were shown together: \(shown)\n\(text)")
                    }
                }
                for event in d.events {
                    if case .asked(let p) = event { waiting[d.to] = (p.kind, p.options) }
                    if case .field(let f) = event { waiting[d.to] = (f.kind, f.options) }
                }
                for line in renderer.render(d.events) {
                    require(!line.unicodeScalars.contains(where: Walk.isControl), "a control character shown after \(said): \(line.debugDescription)\n\(text)")
                }
            }
            if let who, who != hostID, groupQuestion, !turn.changes.isEmpty {
                require(false, "after \(said) from \(who), not the host, the group's plan changed on a question the group answers together: \(turn.changes)\n\(text)")
            }
            let replayed = Conversation(script: script, replaying: kept, today: today)
            require(replayed.state == room.session.conversation.state, "after \(said) the kept changes replay to another plan:\n\(replayed.state)\nnot\n\(room.session.conversation.state)\n\(text)")
        }

        defer { if Walk.show { FileHandle.standardError.write(Data("ROOM secrets \(secrets.count) revealed \(revealed.count) members \(room.members.count) closed \(room.isClosed)\n".utf8)) } }
        take(from: nil) { $0.open() }
        var lines = 0
        while !c.isEmpty, lines < 100, !room.isClosed {
            lines += 1
            let present = room.present.map(\.id)
            let absent = people.filter { p in !room.members.contains { $0.id == p.0 } }
            switch c.pick(20) {
            case 0 where !absent.isEmpty:
                let p = c.one(absent)
                said = "\(p.0) joining (line \(lines))"
                take(from: nil) { $0.join(id: p.0, name: p.1).deliveries }
            case 1 where present.count > 1:
                let id = c.one(present.filter { $0 != hostID })
                said = "\(id) leaving (line \(lines))"
                take(from: nil) { $0.leave(id: id) }
            case 2:
                if room.hostAway {
                    hostID = "h\(lines)"
                    said = "the host coming back (line \(lines))"
                    let id = hostID
                    take(from: nil) { $0.hostReturns(id: id) }
                } else {
                    said = "the host's connection dropping (line \(lines))"
                    let id = hostID
                    take(from: nil) { $0.leave(id: id) }
                }
            default:
                guard let id = present.isEmpty ? nil : c.one(present) else { continue }
                let q = room.session.conversation.currentStep?.question
                var line: String
                if q?.who == .everyone, q?.answer.kind == .text, c.chance(6) {
                    serial += 1
                    line = "zq\(serial)x"
                    secrets[line] = id
                } else if q?.who == .everyone, c.chance(6), let w = waiting[id] {
                    line = Walk.answer(&c, w.kind, w.options)
                } else if id == hostID || c.chance(4) {
                    line = Walk.line(&c, waiting[id])
                } else {
                    serial += 1
                    line = "rm\(serial)k"
                }
                said = "\(line.debugDescription) from \(id) (line \(lines))"
                take(from: id) { $0.handle(line, from: id) }
            }
        }
        // The group's plan, everyone's own answers in it, in every format.
        for format in ExportFormat.allCases {
            let plan = PlanExporter(conversation: room.session.conversation, support: Walk.support).render(format)
            Walk.exported(format, plan, after: "the group's walk", in: text)
        }
    }

    /// The host comes back on a new connection (a new id, "h" and the line's number): still them.
    static func same(_ a: String, _ b: String) -> Bool { a == b || (a.hasPrefix("h") && b.hasPrefix("h")) }

    static func require(_ condition: Bool, _ what: @autoclosure () -> String) { Target.require(condition, what()) }
}
