import Testing

@testable import DialogueEngine

/// Welsh for someone hurting, threatening or controlling the person typing (or someone close), and
/// for not eating, being sick after food, and drink or drugs: North and South forms, with the
/// mutations after "fy" and "ei", and everyday Welsh that uses the same words and must stay quiet.
/// Other wordings than the corpus's Welsh lines. Written by the developers, not by Welsh speakers:
/// docs/safety.md asks for a Welsh speaker's review.
@Suite struct DistressWelshHarmEatingTests {
    static var matcher: DistressMatcher { DistressMatcherTests.matcher }

    @Test("harm from someone else, in Welsh", arguments: [
        ("mae o wedi fy nharo i eto neithiwr", DistressMatch.Concern.person),
        ("ma fe'n cicio fi", .person),
        ("mae gen i ofn fy nghariad", .person),
        ("dwi ddim yn cael mynd allan heb ei ganiatâd", .person),
        ("mae fy ngŵr yn cymryd fy ngherdyn banc", .person),
        ("mae e'n curo'r plant", .someoneElse),
        ("mae o'n brifo fy mab", .someoneElse),
    ] as [(String, DistressMatch.Concern)])
    func harm(line: String, concern: DistressMatch.Concern) throws {
        let m = try #require(Self.matcher.match(line), "\(line)")
        #expect(m.harmFromOthers && m.concern == concern, "\(line): \(m)")
    }

    @Test("not eating, being sick after food, drink and drugs, in Welsh", arguments: [
        ("heb fwyta ers tri diwrnod", DistressMatch.Concern.person),
        ("dwi'n chwydu ar ôl bob pryd", .person),
        ("dwi methu stopio yfed", .person),
        ("yfed yn drwm bob nos", .person),
        ("dydy fy mab ddim wedi bwyta ers dyddiau", .someoneElse),
    ] as [(String, DistressMatch.Concern)])
    func eatingDrinkDrugs(line: String, concern: DistressMatch.Concern) throws {
        let m = try #require(Self.matcher.match(line), "\(line)")
        #expect(m.eatingDrinkDrugs && m.concern == concern, "\(line): \(m)")
    }

    @Test("everyday Welsh with the same words stays quiet", arguments: [
        "dwi'n llwgu ar ôl y gêm", "mae'r plant yn gwylio'r teledu", "mae o'n cymryd y ci am dro",
        "dwi ddim wedi bwyta brecwast eto", "yfed paned o de bob bore", "roedd gen i ofn y tywyllwch pan o'n i'n fach",
    ])
    func quiet(_ line: String) {
        #expect(Self.matcher.match(line) == nil, "\(line): \(Self.matcher.match(line)?.patterns ?? [])")
    }
}
