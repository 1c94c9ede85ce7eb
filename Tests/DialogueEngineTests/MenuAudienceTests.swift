import Testing

@testable import DialogueEngine

/// At the menu, people name a plan by who it is for: "the carers one", "family", "for staff". It
/// was 'There is no plan called "the carers one"', though the menu says "For: family, friends or
/// carers" under the plan.
@Suite struct MenuAudienceTests {
    static let lobby = Lobby(library: NameWeighedWordsTests.library)

    func outcome(_ line: String) -> Lobby.Outcome {
        var checkIns = CheckInState()
        return Self.lobby.handle(line, checkIns: &checkIns)
    }

    @Test(arguments: [("family", "looking-after-me-too"), ("the family one", "looking-after-me-too"), ("friends", "looking-after-me-too"),
                      // Who they care for, and how they say they care: "im a carer for my son" was 'There is no plan called'.
                      ("im a carer for my son", "looking-after-me-too"), ("looking after my dad", "looking-after-me-too"), ("i care for my mum", "looking-after-me-too"),
                      ("my husband", "looking-after-me-too"), ("caring for my dad", "looking-after-me-too")])
    func onePlanForThem(_ typed: String, _ id: String) {
        guard case .start(let script) = outcome(typed) else { Issue.record("starts a plan: \(typed)"); return }
        #expect(script.id == id)
    }

    @Test(arguments: [("the carers one", ["Looking after me too", "My goals"]), ("carer", ["Looking after me too", "My goals"]),
                      ("for staff", ["Wellbeing at work", "Team recovery plan"]), ("im a nurse", ["Wellbeing at work", "Team recovery plan"])])
    func severalPlansForThem(_ typed: String, _ titles: [String]) {
        guard case .stay(let events) = outcome(typed) else { Issue.record("stays at the menu: \(typed)"); return }
        let said = events.notices.joined(separator: " ")
        #expect(said.hasPrefix("More than one plan fits:"), "\(typed): \(events)")
        for title in titles { #expect(said.contains(title), "\(typed) lists \(title): \(said)") }
        #expect(events.invalidMessages.isEmpty)
    }

    /// Who they care for among words of their own: "im a carer for my son hes got psychosis" was
    /// 'There is no plan called "im a carer for my son hes got psychosis"'. The plans for them are
    /// offered, never started (the other words might say otherwise).
    @Test(arguments: [("im a carer for my son hes got psychosis", "This plan may fit: 1. Looking after me too. Type 1 to start it, or another number from the list."),
                      ("i look after my mum she has dementia", "This plan may fit: 1. Looking after me too. Type 1 to start it, or another number from the list."),
                      ("im a nurse on a busy ward", "These plans may fit: 5. Wellbeing at work; 7. Team recovery plan. Type the number of the one you would like to start, or another number from the list.")])
    func plansForThemAmongTheirOwnWords(_ typed: String, _ said: String) {
        guard case .stay(let events) = outcome(typed) else { Issue.record("stays at the menu: \(typed)"); return }
        #expect(events.notices == [said], "\(typed): \(events)")
        #expect(events.invalidMessages.isEmpty)
    }

    @Test(arguments: ["car", "staffing rota", "gardening"])
    func wordsThatNameNoOne(_ typed: String) {
        #expect(NameWeighedWordsTests.library.plansFor(typed).isEmpty, "\(typed)")
    }
}
