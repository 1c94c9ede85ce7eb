import Foundation
import Testing

@testable import DialogueEngine

/// Words of someone hurting, threatening or frightening the person typing (`harm-from-others:` in
/// check-in.yaml) bring a check-in of their own: words that fit (not "thinking about hurting
/// yourself"), and the helplines for abuse at the top of the list, after 999.
@Suite struct HarmFromOthersTests {
    static var matcher: DistressMatcher { DistressMatcherTests.matcher }
    static var library: SupportDirectory { CheckInTruthTests.library }

    @Test("harm from someone else is heard as that, however it is typed", arguments: [
        "my partner hits me when he drinks", "he keeps hitting me", "hes been hurting me for months", "my husband beats me",
        "she threatened to stab me", "he said he'd kill me if I left", "he'll kill me if i tell anyone",
        "im scared to go home tonight", "home isn't safe for me anymore", "I'm being abused", "i was raped last year",
        "I'm stuck in an abusive relationship", "my boyfriend is really controlling", "I'm living with domestic abuse",
        "scared of what he'll do to me", "I'm frightened of my husband when he drinks", "he won't let me see my friends",
        "she controls all my money", "he locked me in the bedroom", "MY EX KEEPS HITTING ME", "my partner hit's me",
        "he hitts me", "i'm terrified of him", "I am not safe at home", "i dont feel safe around him",
        "we're not safe when he comes home", "I'm scared of my husband", "i dont feel safe around my dad",
        "he pushed me down the stairs", "my husband grabbed me by the throat", "she threatens me every day",
        "my ex is stalking me", "my uncle touches me", "he forces me to have sex", "he scares me when he drinks",
        "my partner throws things at me", "he spat at me", "he threw a plate at me", "my boyfriend checks my phone all the time",
        "my ex won't leave me alone", "I got beaten up by my brother", "I was attacked by my ex", "he says he will kill me",
        "my partner shouts at me all the time", "he calls me names and puts me down", "I'm not allowed to see my friends",
        "my carer hits me", "my neighbour threatened me",
    ])
    func heardAsHarm(_ line: String) throws {
        let match = try #require(Self.matcher.match(line), "\(line) is heard")
        #expect(match.harmFromOthers, "\(line): \(match.patterns)")
        #expect(match.concern != .someoneElse, "\(line) is about the person typing")
    }

    @Test("harm to someone else from another person is heard as harm, about them", arguments: [
        "her stepdad hits her", "my ex punches our daughter", "he hits the kids", "my sister's husband beats her",
        "my mum hits my little brother", "my dad beat my mum",
    ])
    func harmToSomeoneElse(_ line: String) throws {
        let match = try #require(Self.matcher.match(line), "\(line) is heard")
        #expect(match.harmFromOthers && match.concern == .someoneElse, "\(line): \(match)")
        let said = Self.firstCheckIn(line)
        #expect(said.message.contains("being hurt or frightened by another person"), "\(said.message)")
    }

    @Test("a line with other words of distress too is not only harm: the risk to life comes first", arguments: [
        "he hits me and I want to die", "my partner beats me, I might as well kill myself",
    ])
    func harmAndRisk(_ line: String) throws {
        let match = try #require(Self.matcher.match(line), "\(line) is heard")
        #expect(!match.harmFromOthers, "\(line): \(match.patterns)")
        let said = Self.firstCheckIn(line)
        #expect(said.message == Self.library.checkIn.person)
        #expect(said.areas.first == "now", "999 first")
        #expect(said.areas.contains("abuse"), "the helplines for abuse are still in the list")
    }

    @Test("fear of harming one's own child or partner is heard, with words of its own, about the person typing", arguments: [
        "I'm scared I'll hurt my kids", "im terrified i might hurt my baby", "I'm afraid I'm going to shake the baby",
        "I keep having thoughts of hurting my son",
    ])
    func fearOfHarmingOthers(_ line: String) throws {
        let match = try #require(Self.matcher.match(line), "\(line) is heard")
        #expect(!match.harmFromOthers && match.fearOfHarming && match.concern == .person, "\(line): \(match)")
        let said = Self.firstCheckIn(line)
        #expect(said.message == Self.library.checkIn.fearOfHarming)
        #expect(said.message.contains("does not make you a bad person") && !said.message.contains("hurting yourself"))
        #expect(said.closing == Self.library.checkIn.reminderFearOfHarming)
        #expect(said.areas == Self.library.areas.map(\.id), "the contacts in the file's order")
    }

    @Test("everyday lines with the same words stay quiet", arguments: [
        "my brother beat me at chess again", "she hit me up about the party", "my mum will kill me if i'm late",
        "I'm scared to go to the dentist", "he won't let me win at cards", "my son took my phone to play a game",
        "my mum pushes me to do better", "my daughter grabbed me for a hug", "my husband scared me with a spider",
        "he controls the remote", "my coach pushes me to keep going", "my friend really touched me with her kind words",
        "she touched me deeply", "I got hit by a car", "he beat me at darts", "he hit the wall", "my dog bit me",
        "my toddler follows me everywhere", "I was hurt by what she said", "I'm worried I'll hurt my back lifting",
        "scared I'll hurt her feelings",
    ])
    func quiet(_ line: String) {
        #expect(Self.matcher.match(line).map(\.harmFromOthers) != true, "\(line): \(Self.matcher.match(line)?.patterns ?? [])")
    }

    /// The words and the areas of the first check-in for a line, with the folder's support file.
    static func firstCheckIn(_ line: String, support: SupportDirectory = library) -> (message: String, areas: [String], closing: String) {
        var state = CheckInState()
        guard case .checkIn(let message, let shown, let about)? = state.event(for: line, support: support) else { return ("", [], "") }
        return (message, shown.areas.map(\.id), shown.checkIn.reminder(for: about))
    }

    @Test func theCheckInForHarmSpeaksOfItAndPutsTheHelplinesFirst() throws {
        let said = Self.firstCheckIn("my partner keeps hitting me")
        #expect(said.message == Self.library.checkIn.harmed)
        #expect(said.message.contains("not your fault") && said.message.contains("press 55"))
        #expect(!said.message.contains("hurting yourself"))
        #expect(said.message.contains("cannot send help") && said.message.contains("does not tell anyone"))
        #expect(Array(said.areas.prefix(2)) == ["now", "abuse"])
        #expect(Set(said.areas) == Set(Self.library.areas.map(\.id)), "every area is still there")
        #expect(said.closing == Self.library.checkIn.reminderHarmed, "the list ends with the reminder for harm")
        // The directory itself is unchanged: /urgent and exports keep the file's order.
        #expect(Self.library.areas.map(\.id).suffix(2) == ["abuse", "eating-drink-drugs"])
        #expect(Self.library.contacts.contains { $0.reach.contains("0808 2000 247") })
    }

    @Test func laterLinesOfHarmBringTheirOwnReminder() {
        var state = CheckInState()
        _ = state.event(for: "I want to die", support: Self.library)
        guard case .checkInReminder(let harm, _)? = state.event(for: "he hits me", support: Self.library),
            case .checkInReminder(let risk, _)? = state.event(for: "I want to die", support: Self.library),
            case .checkInReminder(let other, _)? = state.event(for: "her stepdad hits her", support: Self.library)
        else {
            Issue.record("every line with words of distress brings a reminder")
            return
        }
        #expect(harm == Self.library.checkIn.reminderHarmed)
        #expect(risk == Self.library.checkIn.reminder)
        #expect(other == Self.library.checkIn.reminderSomeoneElseHarmed)
    }

    @Test func withoutTheFilesTheBuiltInWordsStillHearHarmAndSayItKindly() throws {
        for line in ["he hits me", "my husband keeps hitting me", "I'm scared to go home", "I am not safe at home"] {
            let match = try #require(DistressMatcher.builtIn.match(line), "\(line)")
            #expect(match.harmFromOthers, "\(line)")
            let said = Self.firstCheckIn(line, support: .fallback)
            #expect(said.message == SupportDirectory.CheckInWords.fallback.harmed, "\(line)")
        }
        #expect(DistressMatcher.builtIn.match("she hit me up about the party") == nil)
        #expect(DistressMatcher.compile(DistressMatcher.builtIn.rules).failures.isEmpty)
    }

    @Test func harmAreasMustNameAreasThatAreThere() {
        let text = """
            title: Support
            areas:
              - id: now
                title: Now
                contacts:
                  - name: Emergency services
                    reach: Call 999
            check-in:
              harmed: Someone may be hurting you.
              harm-areas: [now, abuse]
            """
        let (directory, problems) = SupportDirectory.load(text: text, file: "s.yaml")
        #expect(directory == nil)
        let problem = try? #require(problems.first { $0.message.contains("\"abuse\"") })
        #expect(problem?.location.line == 10 && problem?.location.column == 21, "\(String(describing: problem))")
        #expect(problem?.help?.contains("now") == true)
        let (fixed, none) = SupportDirectory.load(text: text.replacingOccurrences(of: ", abuse]", with: "]"), file: "s.yaml")
        #expect(none.isEmpty, "\(none)")
        #expect(fixed?.checkIn.harmed == "Someone may be hurting you.")
        #expect(fixed?.checkIn.harmAreas == ["now"])
        #expect(fixed?.checkIn.someoneElseHarmed == SupportDirectory.CheckInWords.fallback.someoneElseHarmed, "words left out are Tandem's own")
    }

    @Test func wordsWrittenDownBeforeHarmHadWordsStillRead() throws {
        let old = #"{"person":"p","someoneElse":"s","reminder":"r","reminderSomeoneElse":"rs"}"#
        let words = try JSONDecoder().decode(SupportDirectory.CheckInWords.self, from: Data(old.utf8))
        #expect(words.person == "p" && words.harmed == SupportDirectory.CheckInWords.fallback.harmed && words.harmAreas.isEmpty)
        let again = try JSONDecoder().decode(SupportDirectory.CheckInWords.self, from: JSONEncoder().encode(Self.library.checkIn))
        #expect(again == Self.library.checkIn)
    }

    @Test func theJSONCheckInCarriesTheWordsAndOrderForHarm() throws {
        var state = CheckInState()
        let heard = state.event(for: "he keeps hitting me", support: Self.library)
        let event = try #require(heard)
        let value = JSONRenderer.encode(event)
        #expect(value["reminder"]?.string == Self.library.checkIn.reminderHarmed)
        #expect(value["about"]?.string == "person")
        let json = value.serialized()
        let now = try #require(json.range(of: #""id":"now""#)), abuse = try #require(json.range(of: #""id":"abuse""#)), uk = try #require(json.range(of: #""id":"uk""#))
        #expect(now.lowerBound < abuse.lowerBound && abuse.lowerBound < uk.lowerBound)
    }
}
