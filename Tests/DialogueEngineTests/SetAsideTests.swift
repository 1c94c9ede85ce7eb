import Testing

@testable import DialogueEngine

/// Answers a changed answer took off the path come back when the answer is changed back.
@Suite struct SetAsideTests {
    typealias T = TestSupport

    /// Yes: who helps, and how close they are. No: what would help instead.
    static let branch = """
        - id: has-helpers
          ask: Is there someone you can turn to?
          answer: yes-no
          next:
            - if: has-helpers == false
              go: alone
            - go: helpers
        - id: helpers
          ask: Who can you turn to?
          answer: list
        - id: close
          ask: How close are they?
          answer: text
          next:
            - go: mood
        - id: alone
          ask: What would help you feel less alone?
          answer: text
        - id: mood
          ask: How are you today?
          answer: text
        """

    @Test func aMistypedNoCostsNothingWhenChangedBack() throws {
        var c = try T.conversation(Self.branch)
        c.type("yes", "Sam", "Jo", "", "Very", "OK")
        #expect(c.isFinished)

        c.change("1")
        let no = c.answer("no")
        #expect(no.changes == [.answered(step: "has-helpers", value: .bool(false)), .cleared(step: "helpers"), .cleared(step: "close")])
        #expect(no.events.notices.contains("Your answers to 2 later questions no longer fit, so they have been taken out of your plan."))
        #expect(no.events.notices.contains { $0.contains("change your answer back, they will come back") })
        #expect(c.planAnswers["helpers"] == nil)
        #expect(c.state.setAside == ["helpers": .list(["Sam", "Jo"]), "close": .text("Very")])
        #expect(c.currentID == "alone")

        c.change("1")
        let yes = c.answer("yes")
        #expect(yes.changes == [
            .answered(step: "has-helpers", value: .bool(true)),
            .answered(step: "helpers", value: .list(["Sam", "Jo"])),
            .answered(step: "close", value: .text("Very")),
        ])
        #expect(yes.events.notices.contains { $0.hasPrefix("2 answers you gave before fit again") && $0.contains("/review") })
        #expect(yes.events.isFinished)
        #expect(c.planAnswers == ["has-helpers": .bool(true), "helpers": .list(["Sam", "Jo"]), "close": .text("Very"), "mood": .text("OK")])
        #expect(c.state.setAside.isEmpty)
    }

    @Test func theAnswerGivenOnTheOtherBranchIsSetAsideInItsTurn() throws {
        var c = try T.conversation(Self.branch)
        c.type("yes", "Sam", "", "Very", "OK")
        c.change("1")
        c.type("no", "A walking group")
        #expect(c.isFinished)
        c.change("1")
        let yes = c.answer("yes")
        #expect(yes.events.notices.contains("Your answer to a later question no longer fits, so it has been taken out of your plan."))
        #expect(yes.events.notices.contains { $0.contains("change your answer back, it will come back") })
        #expect(c.state.setAside == ["alone": .text("A walking group")])
        c.change("1")
        let no = c.answer("no")
        #expect(no.events.notices.contains { $0.hasPrefix("An answer you gave before fits again") })
        #expect(c.planAnswers["alone"] == .text("A walking group"))
        #expect(c.planAnswers["helpers"] == nil)
    }

    @Test func aPlanPickedUpAgainStillHasItsAnswersAside() throws {
        var c = try T.conversation(Self.branch)
        var journal = c.type("yes", "Sam", "", "Very")
        _ = c.change("1")
        journal += c.type("no")
        #expect(c.currentID == "alone")

        var resumed = Conversation(script: c.script, replaying: journal, today: T.today)
        _ = resumed.start()
        #expect(resumed.state == c.state)
        _ = resumed.change("1")
        let yes = resumed.answer("yes")
        #expect(yes.events.notices.contains { $0.hasPrefix("2 answers you gave before fit again") })
        #expect(resumed.currentID == "mood")
    }

    @Test func aNewAnswerReplacesTheOneSetAside() throws {
        var c = try T.conversation(Self.branch)
        c.type("yes", "Sam", "", "Very", "OK")
        c.change("1")
        c.type("no", "Walks")
        c.change("1")
        c.type("yes")
        // Brought back, then changed: the new answer is the one kept.
        c.change("close")
        c.type("Not very")
        #expect(c.planAnswers["close"] == .text("Not very"))
        #expect(c.state.setAside == ["alone": .text("Walks")])
    }

    @Test func anAnswerThatNoLongerFitsItsOptionsIsAskedAgain() throws {
        var c = try T.conversation("""
            - id: helps
              ask: What helps you?
              answer: pick-many
              options:
                walks: Going for a walk
                tea: A cup of tea
                music: Music
            - id: want-best
              ask: Shall we pick the one that helps most?
              answer: yes-no
              next:
                - if: want-best == false
                  go: mood
                - go: best
            - id: best
              ask: Which helps most?
              answer: pick-one
              options: {from: helps}
            - id: mood
              ask: How are you today?
              answer: text
            """)
        c.type("1, 2", "yes", "2", "OK")
        #expect(c.planAnswers["best"] == .choice("tea"))
        c.change("want-best")
        c.type("no")
        #expect(c.state.setAside["best"] == .choice("tea"))
        // Tea is no longer picked, so the choice set aside does not come back: it is asked again.
        c.change("helps")
        c.type("1, 3")
        c.change("want-best")
        let yes = c.answer("yes")
        #expect(!yes.events.notices.contains { $0.contains("fit again") })
        #expect(c.currentID == "best")
        #expect(yes.events.askedSteps == ["best"])
    }

    @Test func somethingSetAsideBeforeSharingStaysPrivateWhenItComesBack() throws {
        var c = try T.conversation(Self.branch)
        c.type("yes", "PRIVATE Sam", "", "Very", "OK")
        var d = Disclosure(privateUntilNow: c.state)
        var shown: [Disclosure.Shown] = []
        for line in ["no", "yes"] {
            _ = c.change("1")
            let before = c.state
            _ = c.answer(line)
            shown += d.reveal(from: before, to: c.state, in: c.script)
        }
        #expect(c.planAnswers["helpers"] == .list(["PRIVATE Sam"]))
        #expect(!shown.contains { $0.step == "helpers" && $0.value != nil })
        #expect(!shown.contains { $0.step == "close" && $0.value != nil })
    }

    @Test func aSharedPlanPickedUpWithAnswersAsideKeepsThemPrivate() throws {
        var c = try T.conversation(Self.branch)
        c.type("yes", "PRIVATE Sam", "", "Very")
        c.change("1")
        c.type("no")
        var d = Disclosure(privateUntilNow: c.state)
        c.change("1")
        let before = c.state
        _ = c.answer("yes")
        let shown = d.reveal(from: before, to: c.state, in: c.script)
        #expect(shown.map(\.step) == ["has-helpers"])
    }
}
