import Testing
@testable import DialogueEngine

/// The menu, before any plan: every line is heard there too.
@Suite("The menu")
struct LobbyTests {
    static func lobby() throws -> Lobby {
        Lobby(library: DialogueLibrary(directory: "memory", scripts: [try TestSupport.script("- id: name\n  ask: Name?\n  answer: text\n")], support: .fallback))
    }

    static func isCheckIn(_ events: [Event]) -> Bool { events.first.map { if case .checkIn = $0 { true } else { false } } ?? false }
    static func isReminder(_ events: [Event]) -> Bool { events.first.map { if case .checkInReminder = $0 { true } else { false } } ?? false }

    @Test("Words of distress at the menu bring the check-in, then a reminder for every later line, and never 'no plan called'")
    func distressAtTheMenu() throws {
        let lobby = try Self.lobby()
        var checkIns = CheckInState()
        guard case .stay(let first) = lobby.handle("i want to kill myself", checkIns: &checkIns) else {
            Issue.record("stays at the menu")
            return
        }
        #expect(Self.isCheckIn(first))
        #expect(!first.contains { if case .invalid = $0 { true } else { false } }, "not told there is no such plan")
        for line in ["I want to die", "kms tonight", "my son says he wants to end it all"] {
            guard case .stay(let later) = lobby.handle(line, checkIns: &checkIns) else {
                Issue.record("stays at the menu")
                return
            }
            #expect(Self.isReminder(later), "\(line)")
        }
        // An ordinary word that is not a plan is still told so; a plan still starts.
        guard case .stay(let other) = lobby.handle("gardening", checkIns: &checkIns) else {
            Issue.record("stays at the menu")
            return
        }
        #expect(other.contains { if case .invalid = $0 { true } else { false } })
        #expect(!Self.isReminder(other))
        guard case .start = lobby.handle("1", checkIns: &checkIns) else {
            Issue.record("1 starts the plan")
            return
        }
    }

    @Test("A line that is not a choice is heard on its own, for the saved-plan chooser")
    func hear() throws {
        let lobby = try Self.lobby()
        var checkIns = CheckInState()
        #expect(lobby.hear("3", checkIns: &checkIns) == nil)
        #expect(lobby.hear("the second one please", checkIns: &checkIns) == nil)
        #expect(lobby.hear("i dont want to be here anymore", checkIns: &checkIns).map(Self.isCheckIn) == true)
        #expect(lobby.hear("i want to die", checkIns: &checkIns).map(Self.isReminder) == true)
    }
}
