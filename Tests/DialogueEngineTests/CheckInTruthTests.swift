import Foundation
import Testing

@testable import DialogueEngine

/// The check-in tells the truth about who can see what people write, wherever it is shown. In a
/// group room, what someone types is shown to the group, and on a hosted session the host sees the
/// answers of anyone who typed /share: so the check-in must never say "no one is watching what you
/// write". What stays true everywhere: Tandem cannot send help, and it does not tell anyone about this.
@Suite struct CheckInTruthTests {
    typealias T = TestSupport

    static let library: SupportDirectory = {
        guard let l = try? DialogueLibrary.load(directory: T.packageRoot.appendingPathComponent("dialogues").path) else {
            fatalError("dialogues/ does not load")
        }
        return l.support
    }()

    static func room(_ support: SupportDirectory) throws -> Room {
        let session = Session(conversation: Conversation(script: try T.script(RoomTests.steps), today: T.today), support: support, plan: PlanInfo(id: "testplan"))
        var room = Room(code: "K7QM-4TZD", session: session, host: .init(id: "h", name: "Sam"))
        _ = room.open()
        _ = room.join(id: "a", name: "Asha")
        return room
    }

    static func checkInMessage(_ events: [Event]) -> String? {
        events.lazy.compactMap { if case .checkIn(let message, _, _) = $0 { message } else { nil } }.first
    }

    @Test("in a room, the group sees the words, so the check-in never says no one is watching", arguments: [false, true])
    func inARoom(realWords: Bool) throws {
        let support = realWords ? Self.library : .fallback
        for line in ["some days I want to die", "my son says he wants to kill himself"] {
            var room = try Self.room(support)
            let out = room.handle(line, from: "a")
            func seenByHost(_ out: [Room.Delivery]) -> Bool {
                out.filter { $0.to == "h" }.flatMap(\.events).contains { if case .room(.remark(_, let text)) = $0 { text == line } else { false } }
            }
            // "It does not tell anyone": so the words are not put before the group either, the
            // first time; the person is told, and chooses.
            #expect(!seenByHost(out), "words of distress go to the group only when the person chooses")
            let mine = out.filter { $0.to == "a" }.flatMap(\.events)
            let message = try #require(Self.checkInMessage(mine), "\(line)")
            #expect(!message.lowercased().contains("no one is watching"), "\(line): \(message)")
            #expect(message.contains("cannot send help") && message.contains("does not tell anyone about this"), "\(line): \(message)")
            #expect(mine.last == .notice(Room.remarkKeptPrivate))
            // Typed again, they go to the group, as everything else said there does.
            #expect(seenByHost(room.handle(line, from: "a")), "\(line)")
        }
    }

    @Test("words of distress in a room: to the group only when typed again; other remarks go at once")
    func distressRemarksWaitForTheirPerson() throws {
        var room = try Self.room(Self.library)
        _ = room.join(id: "b", name: "Ben")
        let first = room.handle("honestly I want to die some days", from: "a")
        #expect(first.filter { $0.to != "a" }.allSatisfy { $0.events.isEmpty }, "\(first)")
        #expect(TextRenderer(width: 100).render(first.filter { $0.to == "a" }.flatMap(\.events)).joined(separator: " ").hasSuffix(Room.remarkKeptPrivate))
        // Something else said in between is shown at once; the held words still wait to be typed again.
        let other = room.handle("a quieter ward would help", from: "a")
        #expect(other.filter { $0.to == "b" }.flatMap(\.events) == [.room(.remark(name: "Asha", text: "a quieter ward would help"))])
        let again = room.handle("honestly I want to die some days", from: "a")
        #expect(again.filter { $0.to == "b" }.flatMap(\.events) == [.room(.remark(name: "Asha", text: "honestly I want to die some days"))])
    }

    /// The check-in hears "he hits me", "I'm not safe at home" and "my ex hits our son" as well as
    /// words about ending a life: its first words must fit them too, not tell someone being hurt
    /// that they seem to be thinking of hurting themselves.
    @Test("the first check-in's words fit someone who is not safe, or is being hurt", arguments: [false, true])
    func wordsFitNotBeingSafe(realWords: Bool) {
        let words = (realWords ? Self.library : .fallback).checkIn
        for line in ["hes hitting me again", "I am not safe at home", "my ex hits our son"] {
            let match = (realWords ? Self.library : .fallback).distress(in: line)
            if realWords { #expect(match != nil, "\(line) is heard") }
            let message = match.map(words.message(for:)) ?? words.person
            #expect(message.contains("not be safe") || message.contains("not feel safe") || message.contains("hurt or frightened"), "\(line): \(message)")
            #expect(!message.contains("hurting yourself") && !message.contains("hurt themselves"), "\(line): \(message)")
        }
    }
}
